"""Writes for events (creation, editing, agenda, delegations) and experts; all audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from cadis.apps.exchange import choices as c
from cadis.apps.exchange.models import Delegation, Event, EventSession, Expert
from cadis.apps.exchange.services.recommendations import OWNER_DENIED, OWNER_MISSING
from cadis.platform import audit
from cadis.platform.crud import apply_fields, new_record, save_created, scoped_create
from cadis.platform.errors import PermissionDenied, ValidationError
from cadis.platform.records import Confidentiality, SourceKind
from cadis.platform.scope import can_change, can_view, national_organisation, scope_of


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
    event = new_record(
        Event,
        actor=actor,
        country=country,
        organisation=organisation,
        source_kind=source_kind,
        missing=OWNER_MISSING,
        denied=OWNER_DENIED,
    )
    if data.get("kind") not in c.EventKind.values:
        raise ValidationError("Unknown event kind.", details={"field": "kind"})
    if data["ends_on"] < data["starts_on"]:
        raise ValidationError("The event ends before it starts.", details={"field": "ends_on"})
    apply_fields(event, data, data)

    def add_programme(record: Event) -> None:
        for d in delegations:
            Delegation.objects.create(event=record, **d)
        for order, s in enumerate(sessions):
            presentations = s.pop("presentations", [])
            session = EventSession.objects.create(event=record, order=order, **s)
            session.presentations.set(presentations)

    return save_created(
        event,
        actor=actor,
        data={"participating_countries": countries},
        many=("participating_countries",),
        after_save=add_programme,
        source_kind=source_kind,
    )


@transaction.atomic
def expert_save(
    *,
    actor,
    data: dict[str, Any],
    country=None,
    organisation=None,
    source_kind: str = SourceKind.FORM,
) -> Expert:
    return scoped_create(
        Expert,
        actor=actor,
        data=data,
        fields=data,
        country=country,
        organisation=organisation,
        source_kind=source_kind,
        missing=OWNER_MISSING,
        denied=OWNER_DENIED,
    )


EVENT_FIELDS = (
    "title_ru",
    "title_en",
    "kind",
    "starts_on",
    "ends_on",
    "city",
    "venue",
    "organisers",
    "summary_ru",
    "summary_en",
    "outcomes_ru",
    "outcomes_en",
    "participating_organisations",
    "confidentiality",
)


def _check_event(actor, event: Event) -> None:
    if actor is not None and not can_change(actor, event):
        raise PermissionDenied("Only the organising side may change this event.")


@transaction.atomic
def event_update(*, actor, event: Event, data: dict[str, Any], countries=None) -> Event:
    _check_event(actor, event)
    before = audit.snapshot(event)
    for field in EVENT_FIELDS:
        if field in data:
            setattr(event, field, data[field])
    if event.kind not in c.EventKind.values:
        raise ValidationError("Unknown event kind.", details={"field": "kind"})
    if event.ends_on < event.starts_on:
        raise ValidationError("The event ends before it starts.", details={"field": "ends_on"})
    event.save()
    if countries is not None:
        event.participating_countries.set(countries)
    audit.record_update(actor=actor, obj=event, before=before)
    return event


@transaction.atomic
def session_add(
    *, actor, event: Event, day, title_ru: str, title_en: str, speakers: str = "", presentations=()
) -> EventSession:
    _check_event(actor, event)
    if not (event.starts_on <= day <= event.ends_on):
        raise ValidationError("The session is outside the event's dates.", details={"field": "day"})
    if not (title_ru.strip() or title_en.strip()):
        raise ValidationError("A session needs a title.", details={"field": "title_ru"})
    hidden = [d for d in presentations if not can_view(actor, d)]
    if hidden:
        raise PermissionDenied("You may only attach documents you can see.")
    order = event.sessions.filter(day=day).count()
    session = EventSession.objects.create(
        event=event,
        day=day,
        order=order,
        title_ru=title_ru.strip(),
        title_en=title_en.strip(),
        speakers=speakers.strip(),
    )
    session.presentations.set(presentations)
    audit.record_create(actor=actor, obj=session)
    return session


@transaction.atomic
def delegation_set(
    *, actor, event: Event, country, head: str = "", size: int = 0, organisations: str = ""
) -> Delegation:
    _check_event(actor, event)
    delegation, created = Delegation.objects.get_or_create(event=event, country=country)
    before = None if created else audit.snapshot(delegation)
    delegation.head, delegation.size, delegation.organisations = (
        head.strip(),
        size,
        organisations.strip(),
    )
    delegation.save()
    event.participating_countries.add(country)
    if before is None:
        audit.record_create(actor=actor, obj=delegation)
    else:
        audit.record_update(actor=actor, obj=delegation, before=before)
    return delegation


PROFILE_FIELDS = (
    "full_name",
    "expertise",
    "organisation_name",
    "languages",
    "bio_ru",
    "bio_en",
    "email",
    "confidentiality",
)


@transaction.atomic
def expert_profile_save(*, actor, data: dict[str, Any]) -> Expert:
    """A signed-in user keeps their own expert profile (any role; owned by their organisation)."""
    if not scope_of(actor).authenticated:
        raise PermissionDenied("Sign in to keep an expert profile.")
    organisation = national_organisation(actor)
    if organisation is None:
        raise ValidationError(
            "Regional and international users: ask an administrator to add your profile."
        )
    if not str(data.get("full_name", "")).strip():
        raise ValidationError("Give your name.", details={"field": "full_name"})
    expert = Expert.objects.filter(user=actor).first()
    before = None if expert is None else audit.snapshot(expert)
    if expert is None:
        expert = Expert(
            user=actor,
            country_id=organisation.country_id,
            organisation=organisation,
            source_kind=SourceKind.FORM,
            created_by=actor,
            confidentiality=Confidentiality.PUBLIC,
        )
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(expert, field, data[field])
    expert.save()
    if before is None:
        audit.record_create(actor=actor, obj=expert)
    else:
        audit.record_update(actor=actor, obj=expert, before=before)
    return expert
