"""Writes of the exchange module: events, experts, recommendations and their lifecycle.

Discussions and notifications are in ``discussions.py``; implementation tracking in
``tracking.py`` (re-exported here).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from cadis.apps.accounts import audit
from cadis.apps.accounts.errors import Conflict, PermissionDenied, ValidationError
from cadis.apps.accounts.models import SourceKind
from cadis.apps.accounts.scope import can_change, can_create_in
from cadis.apps.exchange import choices as c
from cadis.apps.exchange import discussions
from cadis.apps.exchange.models import (
    Delegation,
    Event,
    EventSession,
    Expert,
    Recommendation,
    RecommendationCriterion,
)

S = c.RecommendationStatus


def _owner(actor, country, organisation):
    organisation = organisation or getattr(actor, "organisation", None)
    if country is None and organisation is not None and organisation.country_id:
        country = organisation.country
    if country is None or organisation is None:
        raise ValidationError("Say which country leads this record.", details={"field": "country"})
    if actor is not None and not can_create_in(
        actor, country_id=country.pk, organisation_id=organisation.pk
    ):
        raise PermissionDenied("You may not add records for this country or organisation.")
    return country, organisation


def _creator(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def event_create(
    *,
    actor,
    data: dict[str, Any],
    countries=(),
    delegations=(),
    sessions=(),
    country=None,
    organisation=None,
    source_kind: str = SourceKind.FORM,
) -> Event:
    """An event with its delegations ({country, head, size, organisations}) and sessions."""
    country, organisation = _owner(actor, country, organisation)
    if data.get("kind") not in c.EventKind.values:
        raise ValidationError("Unknown event kind.", details={"field": "kind"})
    if data["ends_on"] < data["starts_on"]:
        raise ValidationError("The event ends before it starts.", details={"field": "ends_on"})
    event = Event.objects.create(
        country=country,
        organisation=organisation,
        source_kind=source_kind,
        created_by=_creator(actor),
        **data,
    )
    event.participating_countries.set(countries)
    for d in delegations:
        Delegation.objects.create(event=event, **d)
    for order, s in enumerate(sessions):
        presentations = s.pop("presentations", [])
        session = EventSession.objects.create(event=event, order=order, **s)
        session.presentations.set(presentations)
    audit.record_create(actor=actor, obj=event, source_kind=source_kind)
    return event


@transaction.atomic
def expert_save(
    *,
    actor,
    data: dict[str, Any],
    country=None,
    organisation=None,
    source_kind: str = SourceKind.FORM,
) -> Expert:
    country, organisation = _owner(actor, country, organisation)
    expert = Expert.objects.create(
        country=country,
        organisation=organisation,
        source_kind=source_kind,
        created_by=_creator(actor),
        **data,
    )
    audit.record_create(actor=actor, obj=expert, source_kind=source_kind)
    return expert


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
        country, organisation = _owner(actor, country, organisation)
        rec, before = (
            Recommendation(
                country=country,
                organisation=organisation,
                source_kind=source_kind,
                created_by=_creator(actor),
            ),
            None,
        )
    else:
        rec, before = recommendation, audit.snapshot(recommendation)
        _check_editable(actor, rec)
    for field in RECOMMENDATION_FIELDS:
        if field in data:
            setattr(rec, field, data[field])
    if not (rec.title_ru or rec.title_en) or not (rec.text_ru or rec.text_en):
        raise ValidationError(
            "A recommendation needs a title and a text.", details={"field": "title_ru"}
        )
    rec.save()
    if target_countries is not None:
        if not target_countries:
            raise ValidationError(
                "Choose at least one target country.", details={"field": "target_countries"}
            )
        rec.target_countries.set(target_countries)
    if programmes is not None:
        rec.programmes.set(programmes)
    if documents is not None:
        rec.documents.set(documents)
    for criterion in c.Criterion.values:
        RecommendationCriterion.objects.get_or_create(recommendation=rec, criterion=criterion)
    if before is None:
        audit.record_create(actor=actor, obj=rec, source_kind=source_kind)
    else:
        audit.record_update(actor=actor, obj=rec, before=before, source_kind=source_kind)
    return rec


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


from cadis.apps.exchange.tracking import implementation_update, milestone_done  # noqa: E402

__all__ = ["implementation_update", "milestone_done"]
