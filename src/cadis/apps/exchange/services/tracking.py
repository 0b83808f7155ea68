"""Implementation tracking of adopted recommendations: per-country status, milestones, indicator."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from cadis.apps.exchange import choices as c
from cadis.apps.exchange.models import Implementation, Milestone, Recommendation
from cadis.platform import audit
from cadis.platform.crud import apply_fields, check_change, new_record, save_created, save_updated
from cadis.platform.errors import Conflict, ValidationError
from cadis.platform.records import SourceKind

S = c.RecommendationStatus



@transaction.atomic
def implementation_update(
    *,
    actor,
    recommendation: Recommendation,
    country,
    status: str,
    responsible_body: str = "",
    indicator: str = "",
    indicator_value: str = "",
    notes: str = "",
    milestone: tuple[str, dt.date | None] | None = None,
    source_kind: str = SourceKind.FORM,
) -> Implementation:
    """Record a target country's implementation status (created by that country on first update)."""
    if recommendation.status != S.ADOPTED:
        raise Conflict("Implementation is tracked once the recommendation is adopted.")
    if not recommendation.target_countries.filter(pk=country.pk).exists():
        raise ValidationError(
            "The country is not a target of this recommendation.", details={"field": "country"}
        )
    if status not in c.ImplementationStatus.values:
        raise ValidationError("Unknown status.", details={"field": "status"})
    impl = Implementation.objects.filter(recommendation=recommendation, country=country).first()
    values = {
        "status": status,
        "responsible_body": responsible_body,
        "indicator": indicator,
        "indicator_value": indicator_value,
        "notes": notes,
    }

    def add_milestone(record: Implementation) -> None:
        if milestone and milestone[0].strip():
            Milestone.objects.create(
                implementation=record, title=milestone[0].strip(), due_on=milestone[1]
            )

    if impl is None:
        # Only the country itself reports its implementation.
        impl = new_record(
            Implementation,
            actor=actor,
            country=country,
            recommendation=recommendation,
            confidentiality=recommendation.confidentiality,
            source_kind=source_kind,
            denied="Only the country itself reports its implementation.",
        )
        apply_fields(impl, values, values)
        return save_created(impl, actor=actor, after_save=add_milestone, source_kind=source_kind)
    if actor is not None:
        check_change(actor, impl, "You may not change this country's implementation record.")
    before = audit.snapshot(impl)
    apply_fields(impl, values, values)
    return save_updated(
        impl, actor=actor, before=before, after_save=add_milestone, source_kind=source_kind
    )


@transaction.atomic
def milestone_done(*, actor, milestone: Milestone, done_on: dt.date | None = None) -> Milestone:
    impl = milestone.implementation
    if actor is not None:
        check_change(actor, impl, "You may not change this country's implementation record.")
    before = audit.snapshot(milestone)
    milestone.done_on = done_on or timezone.localdate()
    milestone.save(update_fields=["done_on"])
    audit.record_update(actor=actor, obj=milestone, before=before)
    return milestone
