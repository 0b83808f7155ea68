"""Writes for pre-export notifications and precursor incidents; each is checked and audited.

Screening jobs are started in :mod:`cadis.apps.precursors.screening`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadis.apps.precursors import selectors
from cadis.apps.precursors.models import (
    TRANSITIONS,
    NotificationIntermediary,
    NotificationResponse,
    NotificationStatus,
    PrecursorIncident,
    PreExportNotification,
)
from cadis.platform import audit
from cadis.platform.crud import apply_fields, check_change, new_record, save_created, scoped_update
from cadis.platform.errors import Conflict, PermissionDenied, ValidationError
from cadis.platform.records import SourceKind
from cadis.platform.scope import can_change, can_create_in

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
    "trade_name",
    "hs_code",
    "concentration",
    "pure_quantity",
    "package_count",
    "package_type",
    "exit_point",
    "entry_point",
    "transport_mode",
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


OWNER_DENIED = gettext_lazy("You may not record data for this country or organisation.")
DUPLICATE_NOTIFICATION = gettext_lazy(
    "A notification with this reference already exists for the exporting country."
)
DUPLICATE_INCIDENT = gettext_lazy("An incident with this reference already exists in this country.")
INCIDENT_LINKS = ("screening_results", "notifications", "transit_countries")


def _unique(write, message):
    """Run a write; a unique-constraint failure is a Conflict with ``message``."""
    try:
        return write()
    except IntegrityError:
        raise Conflict(str(message)) from None


MAX_INTERMEDIARIES = 10
# The pure substance may differ from quantity x concentration by rounding only.
PURE_TOLERANCE = Decimal("0.005")


def _check_quantities(notification: PreExportNotification) -> None:
    """Article 12(10)(a): quantity, concentration and pure substance must agree."""
    quantity, concentration = notification.quantity, notification.concentration
    pure = notification.pure_quantity
    if concentration is not None and not 0 < concentration <= 100:
        raise ValidationError(
            _("The concentration must be above 0 and at most 100 %."),
            details={"field": "concentration"},
        )
    if quantity is None:
        return
    if pure is None and concentration is not None:
        notification.pure_quantity = (quantity * concentration / 100).quantize(Decimal("0.001"))
        return
    if pure is None:
        return
    if pure > quantity:
        raise ValidationError(
            _("The pure substance cannot weigh more than the consignment."),
            details={"field": "pure_quantity"},
        )
    if concentration is not None:
        expected = quantity * concentration / 100
        if abs(pure - expected) > max(expected * PURE_TOLERANCE, Decimal("0.001")):
            raise ValidationError(
                _("The pure substance does not match quantity × concentration (%(expected)s).")
                % {"expected": expected.quantize(Decimal("0.001"))},
                details={"field": "pure_quantity"},
            )


def _intermediaries(notification: PreExportNotification, rows: list[dict] | None) -> None:
    """Replace the notification's intermediaries with ``rows`` (None: leave them)."""
    if rows is None:
        return
    if len(rows) > MAX_INTERMEDIARIES:
        raise ValidationError(
            _("At most %(n)s intermediaries.") % {"n": MAX_INTERMEDIARIES},
            details={"field": "intermediaries"},
        )
    notification.intermediaries.all().delete()
    NotificationIntermediary.objects.bulk_create(
        NotificationIntermediary(
            notification=notification,
            position=position,
            role=row["role"],
            name=row["name"],
            country=row.get("country"),
            address=row.get("address") or "",
        )
        for position, row in enumerate(rows, start=1)
    )


@transaction.atomic
def notification_create(
    *,
    actor,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> PreExportNotification:
    notification = new_record(
        PreExportNotification,
        actor=actor,
        regional_country=data.get("exporting_country"),
        source_kind=source_kind,
        source_detail=source_detail,
        denied=str(OWNER_DENIED),
    )
    apply_fields(notification, data, NOTIFICATION_FIELDS)
    _check_quantities(notification)
    return _unique(
        lambda: save_created(
            notification,
            actor=actor,
            data={"transit_countries": data.get("transit_countries")},
            many=("transit_countries",),
            after_save=lambda record: _intermediaries(record, data.get("intermediaries")),
            source_kind=source_kind,
            source_detail=source_detail,
        ),
        DUPLICATE_NOTIFICATION,
    )


@transaction.atomic
def notification_update(
    *,
    actor,
    notification: PreExportNotification,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
) -> PreExportNotification:
    return _unique(
        lambda: scoped_update(
            notification,
            actor=actor,
            data=data,
            fields=NOTIFICATION_FIELDS,
            many=("transit_countries",),
            prepare=_check_quantities,
            after_save=lambda record: _intermediaries(record, data.get("intermediaries")),
            source_kind=source_kind,
            denied=_("You may not change this notification."),
        ),
        DUPLICATE_NOTIFICATION,
    )


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


@transaction.atomic
def incident_create(
    *,
    actor,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> PrecursorIncident:
    incident = new_record(
        PrecursorIncident,
        actor=actor,
        country=data.get("country"),  # an explicit other country is refused, not replaced
        source_kind=source_kind,
        source_detail=source_detail,
        denied=str(OWNER_DENIED),
    )
    _check_links(actor, data)
    apply_fields(incident, data, INCIDENT_FIELDS)
    return _unique(
        lambda: save_created(
            incident,
            actor=actor,
            data={name: data.get(name) for name in INCIDENT_LINKS},
            many=INCIDENT_LINKS,
            source_kind=source_kind,
            source_detail=source_detail,
        ),
        DUPLICATE_INCIDENT,
    )


@transaction.atomic
def incident_update(
    *, actor, incident: PrecursorIncident, data: dict[str, Any], source_kind: str = SourceKind.FORM
) -> PrecursorIncident:
    denied = _("You may not change this incident.")
    check_change(actor, incident, denied)
    _check_links(actor, data)
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
    return _unique(
        lambda: scoped_update(
            incident,
            actor=actor,
            data=data,
            fields=INCIDENT_FIELDS,
            many=INCIDENT_LINKS,
            source_kind=source_kind,
            denied=denied,
        ),
        DUPLICATE_INCIDENT,
    )
