"""Writes for recommendations: drafting, the criteria checklist, consultation and adoption."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from cadis.apps.exchange import choices as c
from cadis.apps.exchange.models import Recommendation, RecommendationCriterion
from cadis.apps.exchange.services import discussions
from cadis.platform import audit
from cadis.platform.crud import apply_fields, new_record, save_created, save_updated
from cadis.platform.errors import Conflict, PermissionDenied, ValidationError
from cadis.platform.records import SourceKind
from cadis.platform.scope import can_change

S = c.RecommendationStatus


OWNER_MISSING = "Say which country leads this record."
OWNER_DENIED = "You may not add records for this country or organisation."


RECOMMENDATION_FIELDS = (
    "title_ru",
    "title_en",
    "text_ru",
    "text_en",
    "pillar",
    "event",
    "indicators",
    "confidentiality",
)


def _check_editable(actor, rec: Recommendation) -> None:
    if actor is not None and not can_change(actor, rec):
        raise PermissionDenied(
            "Only the drafting organisation or the lead country's focal point may change this."
        )
    if rec.status == S.ADOPTED:
        raise Conflict("An adopted recommendation cannot be edited.")


@transaction.atomic
def recommendation_save(
    *,
    actor,
    data: dict[str, Any],
    target_countries=None,
    programmes=None,
    documents=None,
    recommendation: Recommendation | None = None,
    country=None,
    organisation=None,
    source_kind: str = SourceKind.FORM,
) -> Recommendation:
    """Draft a recommendation (``recommendation`` None) or edit one that is not adopted yet."""
    if "pillar" in data and data["pillar"] not in c.Pillar.values:
        raise ValidationError("Unknown pillar.", details={"field": "pillar"})
    if recommendation is None:
        rec, before = (
            new_record(
                Recommendation,
                actor=actor,
                country=country,
                organisation=organisation,
                source_kind=source_kind,
                missing=OWNER_MISSING,
                denied=OWNER_DENIED,
            ),
            None,
        )
    else:
        rec, before = recommendation, audit.snapshot(recommendation)
        _check_editable(actor, rec)
    apply_fields(rec, data, RECOMMENDATION_FIELDS)
    if not (rec.title_ru or rec.title_en) or not (rec.text_ru or rec.text_en):
        raise ValidationError(
            "A recommendation needs a title and a text.", details={"field": "title_ru"}
        )
    if target_countries is not None and not target_countries:
        raise ValidationError(
            "Choose at least one target country.", details={"field": "target_countries"}
        )
    links = {
        name: value
        for name, value in (
            ("target_countries", target_countries),
            ("programmes", programmes),
            ("documents", documents),
        )
        if value is not None
    }
    if before is None:
        return save_created(
            rec, actor=actor, data=links, many=links, after_save=_criteria, source_kind=source_kind
        )
    return save_updated(
        rec,
        actor=actor,
        before=before,
        data=links,
        many=links,
        after_save=_criteria,
        source_kind=source_kind,
    )


def _criteria(rec: Recommendation) -> None:
    """Every recommendation carries the whole checklist, met or not."""
    for criterion in c.Criterion.values:
        RecommendationCriterion.objects.get_or_create(recommendation=rec, criterion=criterion)


@transaction.atomic
def criteria_set(
    *, actor, recommendation: Recommendation, values: dict[str, tuple[bool, str]]
) -> None:
    """Set the checklist: {criterion: (met, justification)}."""
    _check_editable(actor, recommendation)
    unknown = sorted(set(values) - set(c.Criterion.values))
    if unknown:
        raise ValidationError(
            f"Unknown criteria: {', '.join(unknown)}.", details={"criteria": unknown}
        )
    before = {x.criterion: [x.met, x.justification] for x in recommendation.criteria.all()}
    for criterion, (met, justification) in values.items():
        RecommendationCriterion.objects.update_or_create(
            recommendation=recommendation,
            criterion=criterion,
            defaults={"met": bool(met), "justification": justification.strip()},
        )
    after = {x.criterion: [x.met, x.justification] for x in recommendation.criteria.all()}
    if after != before:
        audit.record(
            actor=actor,
            action="update",
            obj=recommendation,
            before={"criteria": before},
            after={"criteria": after},
        )


@transaction.atomic
def recommendation_open_consultation(*, actor, recommendation: Recommendation) -> Recommendation:
    rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    _check_editable(actor, rec)
    if rec.status != S.DRAFT:
        raise Conflict("Only a draft can be opened for consultation.")
    before = audit.snapshot(rec)
    rec.status, rec.consultation_opened_at = S.CONSULTATION, timezone.now()
    rec.save(update_fields=["status", "consultation_opened_at", "updated_at"])
    audit.record_update(actor=actor, obj=rec, before=before)
    discussions.consultation_thread(actor=actor, recommendation=rec)
    return rec


def missing_criteria(rec: Recommendation) -> list[str]:
    return [x.criterion for x in rec.criteria.all() if not (x.met and x.justification.strip())]


@transaction.atomic
def recommendation_adopt(
    *, actor, recommendation: Recommendation, adopted_on: dt.date | None = None
):
    """Adopt after consultation; every criterion must be met and justified."""
    rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    _check_editable(actor, rec)
    if rec.status != S.CONSULTATION:
        raise Conflict("A recommendation is adopted after its consultation.")
    missing = missing_criteria(rec)
    if missing:
        labels = ", ".join(str(c.Criterion(m).label) for m in missing)
        raise ValidationError(
            f"Justify every criterion before adoption: {labels}.", details={"criteria": missing}
        )
    before = audit.snapshot(rec)
    rec.status, rec.adopted_on = S.ADOPTED, adopted_on or timezone.localdate()
    rec.save(update_fields=["status", "adopted_on", "updated_at"])
    audit.record_update(actor=actor, obj=rec, before=before)
    discussions.notify_adopted(actor=actor, recommendation=rec)
    return rec

