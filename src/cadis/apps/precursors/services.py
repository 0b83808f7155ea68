"""Writes for pre-export notifications and precursor incidents; each is checked and audited.

Screening jobs are started in :mod:`cadis.apps.precursors.screening`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cadis.apps.accounts import audit
from cadis.apps.accounts.errors import Conflict, PermissionDenied, ValidationError
from cadis.apps.accounts.models import SourceKind
from cadis.apps.accounts.scope import can_change, can_create_in
from cadis.apps.precursors import selectors
from cadis.apps.precursors.models import (
    TRANSITIONS,
    NotificationResponse,
    NotificationStatus,
    PrecursorIncident,
    PreExportNotification,
)

NOTIFICATION_FIELDS = (
    "reference",
    "exporting_country",
    "exporting_authority",
    "importing_country",
    "importing_authority",
    "exporter",
    "importer",
    "consignee",
    "substance",
    "cas",
    "quantity",
    "unit",
    "route",
    "expected_shipment",
    "expected_arrival",
    "export_permit",
    "import_permit",
    "response_days",
    "notes",
    "confidentiality",
)
INCIDENT_FIELDS = (
    "reference",
    "kind",
    "occurred_on",
    "place",
    "chemical",
    "cas",
    "quantity",
    "unit",
    "origin_country",
    "destination_country",
    "modus_operandi",
    "companies",
    "description",
    "confidentiality",
    "supply_case_id",
)


def _owner(actor, country):
    organisation = getattr(actor, "organisation", None)
    if organisation is None:
        raise PermissionDenied(_("You need an organisation to record data."))
    country = organisation.country or country
    if country is None or not can_create_in(
        actor, country_id=country.pk, organisation_id=organisation.pk
    ):
        raise PermissionDenied(_("You may not record data for this country or organisation."))
    return country, organisation


def _assign(obj, data: dict[str, Any], fields: Iterable[str]) -> None:
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])


def _save(obj, message: str) -> None:
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        raise Conflict(message) from None


@transaction.atomic
def notification_create(
    *,
    actor,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> PreExportNotification:
    country, organisation = _owner(actor, data.get("exporting_country"))
    notification = PreExportNotification(
        country=country,
        organisation=organisation,
        created_by=actor,
        source_kind=source_kind,
        source_ref=source_detail or {},
    )
    _assign(notification, data, NOTIFICATION_FIELDS)
    _save(
        notification,
        _("A notification with this reference already exists for the exporting country."),
    )
    notification.transit_countries.set(data.get("transit_countries") or [])
    audit.record_create(
        actor=actor, obj=notification, source_kind=source_kind, source_detail=source_detail
    )
    return notification


@transaction.atomic
def notification_update(
    *,
    actor,
    notification: PreExportNotification,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
) -> PreExportNotification:
    if not can_change(actor, notification):
        raise PermissionDenied(_("You may not change this notification."))
    before = audit.snapshot(notification)
    _assign(notification, data, NOTIFICATION_FIELDS)
    _save(
        notification,
        _("A notification with this reference already exists for the exporting country."),
    )
    if "transit_countries" in data:
        notification.transit_countries.set(data["transit_countries"] or [])
    audit.record_update(actor=actor, obj=notification, before=before, source_kind=source_kind)
    return notification


@transaction.atomic
def notification_respond(
    *,
    actor,
    notification: PreExportNotification,
    status: str,
    responded_on: dt.date,
    responder: str = "",
    text: str = "",
    source_kind: str = SourceKind.FORM,
) -> NotificationResponse:
    """Move the notification along draft -> sent -> acknowledged -> cleared | objected | expired.

    The exporting side records every step (also answers it received outside cadis); the
    importing country's authority (its focal point or data providers) answers directly.
    """
    if not (can_change(actor, notification) or _answers_as_importer(actor, notification, status)):
        raise PermissionDenied(_("You may not change this notification."))
    notification = PreExportNotification.objects.select_for_update().get(pk=notification.pk)
    if status not in TRANSITIONS.get(notification.status, ()):
        raise ValidationError(
            _("A notification that is %(current)s cannot become %(new)s.")
            % {
                "current": notification.get_status_display(),
                "new": NotificationStatus(status).label
                if status in NotificationStatus.values
                else status,
            },
            details={"allowed": list(TRANSITIONS.get(notification.status, ()))},
        )
    if notification.sent_on and responded_on < notification.sent_on:
        raise ValidationError(_("A response cannot be dated before the notification was sent."))
    before = audit.snapshot(notification)
    notification.status = status
    if status == NotificationStatus.SENT:
        notification.sent_on = responded_on
    notification.save(update_fields=["status", "sent_on", "updated_at"])
    response = NotificationResponse.objects.create(
        notification=notification,
        status=status,
        responded_on=responded_on,
        responder=responder,
        text=text,
        created_by=actor,
    )
    audit.record_update(
        actor=actor,
        obj=notification,
        before=before,
        source_kind=source_kind,
        source_detail={"response": response.pk},
    )
    return response


IMPORTER_ANSWERS = (
    NotificationStatus.ACKNOWLEDGED,
    NotificationStatus.CLEARED,
    NotificationStatus.OBJECTED,
)


def notification_statuses_for(actor, notification: PreExportNotification) -> list[str]:
    """The next statuses this user may record on this notification (empty: none)."""
    return [
        status
        for status in TRANSITIONS.get(notification.status, ())
        if can_change(actor, notification) or _answers_as_importer(actor, notification, status)
    ]


def _answers_as_importer(actor, notification: PreExportNotification, status: str) -> bool:
    return status in IMPORTER_ANSWERS and can_create_in(
        actor,
        country_id=notification.importing_country_id,
        organisation_id=getattr(actor, "organisation_id", None),
    )


def _check_links(actor, data: dict[str, Any]) -> None:
    results = data.get("screening_results")
    if results:
        allowed = set(
            selectors.visible_results(actor=actor)
            .filter(pk__in=[r.pk for r in results])
            .values_list("pk", flat=True)
        )
        if any(r.pk not in allowed for r in results):
            raise ValidationError(
                _("A linked screening result does not exist or is not visible to you.")
            )
    notifications = data.get("notifications")
    if notifications:
        allowed = set(
            selectors.notification_list(actor=actor)
            .filter(pk__in=[n.pk for n in notifications])
            .values_list("pk", flat=True)
        )
        if any(n.pk not in allowed for n in notifications):
            raise ValidationError(
                _("A linked notification does not exist or is not visible to you.")
            )
    case_id = data.get("supply_case_id")
    if case_id is not None:
        from django.apps import apps

        if not apps.is_installed("cadis.apps.supply"):
            raise ValidationError(_("The supply module is not installed: no case can be linked."))
        if selectors.supply_case(actor=actor, case_id=case_id) is None:
            raise ValidationError(_("The supply case does not exist or is not visible to you."))


def _set_links(incident: PrecursorIncident, data: dict[str, Any]) -> None:
    if "screening_results" in data:
        incident.screening_results.set(data["screening_results"] or [])
    if "notifications" in data:
        incident.notifications.set(data["notifications"] or [])
    if "transit_countries" in data:
        incident.transit_countries.set(data["transit_countries"] or [])


@transaction.atomic
def incident_create(
    *,
    actor,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> PrecursorIncident:
    country, organisation = _owner(actor, data.get("country"))
    _check_links(actor, data)
    incident = PrecursorIncident(
        country=country,
        organisation=organisation,
        created_by=actor,
        source_kind=source_kind,
        source_ref=source_detail or {},
    )
    _assign(incident, data, INCIDENT_FIELDS)
    _save(incident, _("An incident with this reference already exists in this country."))
    _set_links(incident, data)
    audit.record_create(
        actor=actor, obj=incident, source_kind=source_kind, source_detail=source_detail
    )
    return incident


@transaction.atomic
def incident_update(
    *, actor, incident: PrecursorIncident, data: dict[str, Any], source_kind: str = SourceKind.FORM
) -> PrecursorIncident:
    if not can_change(actor, incident):
        raise PermissionDenied(_("You may not change this incident."))
    _check_links(actor, data)
    before = audit.snapshot(incident)
    data = dict(data)
    # Links the actor cannot see (another organisation's confidential screening) are kept.
    if "screening_results" in data:
        hidden = incident.screening_results.exclude(
            pk__in=selectors.visible_results(actor=actor).values("pk")
        )
        data["screening_results"] = [*(data["screening_results"] or []), *hidden]
    if "notifications" in data:
        hidden = incident.notifications.exclude(
            pk__in=selectors.notification_list(actor=actor).values("pk")
        )
        data["notifications"] = [*(data["notifications"] or []), *hidden]
    _assign(incident, data, INCIDENT_FIELDS)
    _save(incident, _("An incident with this reference already exists in this country."))
    _set_links(incident, data)
    audit.record_update(actor=actor, obj=incident, before=before, source_kind=source_kind)
    return incident
