"""Pre-export notification endpoints (mounted by ``api.py`` under the same ``precursors`` tag)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from cadis.api.auth import write_auth
from cadis.api.pagination import LimitOffset
from cadis.apps.accounts.errors import ValidationError
from cadis.apps.accounts.models import SourceKind
from cadis.apps.precursors import selectors, services
from cadis.apps.precursors.models import NotificationStatus
from cadis.apps.reference.models import Country

router = Router(tags=["precursors"])


class NotificationIn(Schema):
    reference: str
    exporting_country: str
    exporting_authority: str
    importing_country: str
    importing_authority: str = ""
    exporter: str
    importer: str
    consignee: str = ""
    substance: str
    cas: str = ""
    quantity: Decimal
    unit: str = "kg"
    route: str = ""
    transit_countries: list[str] = []
    expected_shipment: dt.date | None = None
    expected_arrival: dt.date | None = None
    export_permit: str = ""
    import_permit: str = ""
    response_days: int | None = None
    notes: str = ""
    confidentiality: str = "restricted"


class NotificationPatch(Schema):
    importing_authority: str | None = None
    consignee: str | None = None
    quantity: Decimal | None = None
    route: str | None = None
    expected_shipment: dt.date | None = None
    expected_arrival: dt.date | None = None
    export_permit: str | None = None
    import_permit: str | None = None
    response_days: int | None = None
    notes: str | None = None


class ResponseIn(Schema):
    status: NotificationStatus
    responded_on: dt.date
    responder: str = ""
    text: str = ""


class ResponseOut(Schema):
    status: str
    responded_on: dt.date
    responder: str
    text: str


class NotificationOut(Schema):
    id: int
    reference: str
    country: str
    exporting_country: str
    exporting_authority: str
    importing_country: str
    importing_authority: str
    exporter: str
    importer: str
    consignee: str
    substance: str
    cas: str
    quantity: Decimal
    unit: str
    route: str
    transit_countries: list[str]
    expected_shipment: dt.date | None
    expected_arrival: dt.date | None
    export_permit: str
    import_permit: str
    status: str
    sent_on: dt.date | None
    response_due: dt.date | None
    overdue: bool
    confidentiality: str
    responses: list[ResponseOut]

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code

    @staticmethod
    def resolve_exporting_country(obj) -> str:
        return obj.exporting_country.code

    @staticmethod
    def resolve_importing_country(obj) -> str:
        return obj.importing_country.code

    @staticmethod
    def resolve_transit_countries(obj) -> list[str]:
        return [c.code for c in obj.transit_countries.all()]

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return obj.is_overdue

    @staticmethod
    def resolve_responses(obj) -> list:
        return list(obj.responses.all())


def _country(code: str | None, field: str) -> Country | None:
    if not code:
        return None
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        raise ValidationError(f"Unknown country code {code!r}.", details={"field": field})
    return country


def _countries(codes: list[str], field: str) -> list[Country]:
    return [c for c in (_country(code, field) for code in codes) if c is not None]


@router.get(
    "/notifications", response=list[NotificationOut], summary="List pre-export notifications"
)
@paginate(LimitOffset)
def notification_list(request, status: str = ""):
    notifications = selectors.notification_list(actor=request.user).prefetch_related(
        "transit_countries", "responses"
    )
    if status == "overdue":
        return selectors.notifications_overdue(actor=request.user)
    return notifications.filter(status=status) if status else notifications


@router.get("/notifications/{pk}", response=NotificationOut, summary="One pre-export notification")
def notification_detail(request, pk: int):
    return get_object_or_404(selectors.notification_list(actor=request.user), pk=pk)


@router.post(
    "/notifications",
    response={201: NotificationOut},
    auth=write_auth,
    summary="Record a pre-export notification (draft)",
)
def notification_create(request, payload: NotificationIn):
    data = payload.dict()
    data["exporting_country"] = _country(payload.exporting_country, "exporting_country")
    data["importing_country"] = _country(payload.importing_country, "importing_country")
    data["transit_countries"] = _countries(payload.transit_countries, "transit_countries")
    if data["response_days"] is None:
        data.pop("response_days")
    notification = services.notification_create(
        actor=request.user, data=data, source_kind=SourceKind.API
    )
    return Status(201, notification)


@router.patch(
    "/notifications/{pk}",
    response=NotificationOut,
    auth=write_auth,
    summary="Change a pre-export notification",
)
def notification_update(request, pk: int, payload: NotificationPatch):
    notification = get_object_or_404(selectors.notification_list(actor=request.user), pk=pk)
    return services.notification_update(
        actor=request.user,
        notification=notification,
        data=payload.dict(exclude_unset=True),
        source_kind=SourceKind.API,
    )


@router.post(
    "/notifications/{pk}/responses",
    response={201: NotificationOut},
    auth=write_auth,
    summary="Record a response or status change of a notification",
)
def notification_respond(request, pk: int, payload: ResponseIn):
    notification = get_object_or_404(selectors.notification_list(actor=request.user), pk=pk)
    services.notification_respond(
        actor=request.user,
        notification=notification,
        status=payload.status,
        responded_on=payload.responded_on,
        responder=payload.responder,
        text=payload.text,
        source_kind=SourceKind.API,
    )
    return Status(201, selectors.notification_list(actor=request.user).get(pk=pk))
