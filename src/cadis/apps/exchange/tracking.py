"""Implementation tracking of adopted recommendations: per-country status, milestones, indicator."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from cadis.apps.accounts import audit
from cadis.apps.accounts.errors import Conflict, PermissionDenied, ValidationError
from cadis.apps.accounts.models import SourceKind
from cadis.apps.accounts.scope import can_change, can_create_in, scope_of
from cadis.apps.exchange import choices as c
from cadis.apps.exchange.models import Implementation, Milestone, Recommendation

S = c.RecommendationStatus


def _creator(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


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
    if impl is None:
        organisation = getattr(actor, "organisation", None)
        if organisation is None or (organisation.country_id not in (None, country.pk)):
            raise PermissionDenied("Only the country itself reports its implementation.")
        if organisation.country_id is None and not scope_of(actor).is_admin:
            raise PermissionDenied("Only the country itself reports its implementation.")
        if not can_create_in(actor, country_id=country.pk, organisation_id=organisation.pk):
            raise PermissionDenied("You may not report for this country.")
        impl = Implementation(
            recommendation=recommendation,
            country=country,
            organisation=organisation,
            confidentiality=recommendation.confidentiality,
            source_kind=source_kind,
            created_by=_creator(actor),
        )
        before = None
    else:
        if actor is not None and not can_change(actor, impl):
            raise PermissionDenied("You may not change this country's implementation record.")
        before = audit.snapshot(impl)
    impl.status, impl.responsible_body, impl.indicator = status, responsible_body, indicator
    impl.indicator_value, impl.notes = indicator_value, notes
    impl.save()
    if milestone and milestone[0].strip():
        Milestone.objects.create(
            implementation=impl, title=milestone[0].strip(), due_on=milestone[1]
        )
    if before is None:
        audit.record_create(actor=actor, obj=impl, source_kind=source_kind)
    else:
        audit.record_update(actor=actor, obj=impl, before=before, source_kind=source_kind)
    return impl


@transaction.atomic
def milestone_done(*, actor, milestone: Milestone, done_on: dt.date | None = None) -> Milestone:
    impl = milestone.implementation
    if actor is not None and not can_change(actor, impl):
        raise PermissionDenied("You may not change this country's implementation record.")
    before = audit.snapshot(milestone)
    milestone.done_on = done_on or timezone.localdate()
    milestone.save(update_fields=["done_on"])
    audit.record_update(actor=actor, obj=milestone, before=before)
    return milestone
