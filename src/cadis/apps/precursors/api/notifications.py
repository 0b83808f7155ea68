"""Pre-export notification endpoints (mounted by ``api.py`` under the same ``precursors`` tag)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from cadis.apps.accounts.auth import write_auth
from cadis.apps.precursors import selectors, services
from cadis.apps.precursors.models import NotificationStatus, PartyRole
from cadis.apps.reference.models import Country, TransportMode
from cadis.platform.api import (
    ID_IN_PATH,
    LimitOffset,
    Quantity,
    ScopedRecordOut,
    quantity,
    responses,
)
from cadis.platform.errors import ValidationError
from cadis.platform.records import Confidentiality, SourceKind

PositiveQuantity = quantity(gt_zero=True)

router = Router(tags=["precursors"])


HS_PATTERN = r"^\d{4}(\.?\d{2}){0,3}$"


class IntermediaryIn(Schema):
    role: PartyRole
    name: str = Field(min_length=1, max_length=200)
    country: str | None = Field(None, max_length=2)
    address: str = Field("", max_length=300)


class IntermediaryOut(Schema):
    position: int
    role: str
    name: str
    country: str | None
    address: str

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.country.code if obj.country_id else None


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
    quantity: PositiveQuantity
    unit: str = "kg"
    trade_name: str = Field("", max_length=200)
    hs_code: str = Field("", max_length=12, pattern=r"^$|" + HS_PATTERN)
    concentration: Decimal | None = Field(None, gt=0, le=100, decimal_places=3)
    pure_quantity: Quantity | None = None
    package_count: int | None = Field(None, ge=1, le=1_000_000)
    package_type: str = Field("", max_length=100)
    exit_point: str = Field("", max_length=200)
    entry_point: str = Field("", max_length=200)
    transport_mode: str | None = Field(None, max_length=40)
    intermediaries: list[IntermediaryIn] = Field([], max_length=10)
    route: str = ""
    transit_countries: list[str] = Field([], max_length=20)
    expected_shipment: dt.date | None = None
    expected_arrival: dt.date | None = None
    export_permit: str = ""
    import_permit: str = ""
    response_days: int | None = Field(None, ge=1, le=120)
    notes: str = ""
    confidentiality: Confidentiality = Confidentiality.RESTRICTED


class NotificationPatch(Schema):
    importing_authority: str | None = None
    consignee: str | None = None
    quantity: PositiveQuantity | None = None
    trade_name: str | None = Field(None, max_length=200)
    hs_code: str | None = Field(None, max_length=12, pattern=r"^$|" + HS_PATTERN)
    concentration: Decimal | None = Field(None, gt=0, le=100, decimal_places=3)
    pure_quantity: Quantity | None = None
    package_count: int | None = Field(None, ge=1, le=1_000_000)
    package_type: str | None = Field(None, max_length=100)
    exit_point: str | None = Field(None, max_length=200)
    entry_point: str | None = Field(None, max_length=200)
    route: str | None = None
    expected_shipment: dt.date | None = None
    expected_arrival: dt.date | None = None
    export_permit: str | None = None
    import_permit: str | None = None
    response_days: int | None = Field(None, ge=1, le=120)
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


class NotificationOut(ScopedRecordOut):
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
    trade_name: str
    hs_code: str
    concentration: Decimal | None
    pure_quantity: Decimal | None
    package_count: int | None
    package_type: str
    exit_point: str
    transit_countries: list[str]
    entry_point: str
    transport_mode: str | None
    intermediaries: list[IntermediaryOut]
    route: str
    expected_shipment: dt.date | None
    expected_arrival: dt.date | None
    export_permit: str
    import_permit: str
    status: str
    sent_on: dt.date | None
    response_days: int
    response_due: dt.date | None
    overdue: bool
    working_days_overdue: int
    confidentiality: str
    responses: list[ResponseOut]

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
    def resolve_transport_mode(obj) -> str | None:
        return obj.transport_mode.code if obj.transport_mode_id else None

    @staticmethod
    def resolve_intermediaries(obj) -> list:
        return list(obj.intermediaries.all())

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


def _transport(code: str | None) -> TransportMode | None:
    if not code:
        return None
    mode = TransportMode.objects.filter(code=code).first()
    if mode is None:
        raise ValidationError(
            f"Unknown transport mode {code!r}.", details={"field": "transport_mode"}
        )
    return mode


def _countries(codes: list[str], field: str) -> list[Country]:
    return [c for c in (_country(code, field) for code in codes) if c is not None]


@router.get(
    "/notifications", response=responses(list[NotificationOut]), summary="List pre-export notifications"
)
@paginate(LimitOffset)
def notification_list(request, status: str = ""):
    notifications = selectors.notification_list(actor=request.user).prefetch_related(
        "transit_countries", "responses", "intermediaries__country"
    )
    if status == "overdue":
        return selectors.notifications_overdue(actor=request.user)
    return notifications.filter(status=status) if status else notifications


@router.get("/notifications/{pk}", response=responses(NotificationOut, 404), summary="One pre-export notification")
def notification_detail(request, pk: int = ID_IN_PATH):
    return get_object_or_404(selectors.notification_list(actor=request.user), pk=pk)


@router.post(
    "/notifications",
    response=responses(NotificationOut, 403, 409, status=201),
    auth=write_auth,
    summary="Record a pre-export notification (draft)",
)
def notification_create(request, payload: NotificationIn):
    data = payload.dict()
    data["exporting_country"] = _country(payload.exporting_country, "exporting_country")
    data["importing_country"] = _country(payload.importing_country, "importing_country")
    data["transit_countries"] = _countries(payload.transit_countries, "transit_countries")
    data["transport_mode"] = _transport(payload.transport_mode)
    data["intermediaries"] = [
        {**row, "country": _country(row["country"], "intermediaries")}
        for row in data["intermediaries"]
    ]
    if data["response_days"] is None:
        data.pop("response_days")
    notification = services.notification_create(
        actor=request.user, data=data, source_kind=SourceKind.API
    )
    return Status(201, notification)


@router.patch(
    "/notifications/{pk}",
    response=responses(NotificationOut, 403, 404, 409),
    auth=write_auth,
    summary="Change a pre-export notification",
)
def notification_update(request, payload: NotificationPatch, pk: int = ID_IN_PATH):
    notification = get_object_or_404(selectors.notification_list(actor=request.user), pk=pk)
    return services.notification_update(
        actor=request.user,
        notification=notification,
        data=payload.dict(exclude_unset=True),
        source_kind=SourceKind.API,
    )


@router.post(
    "/notifications/{pk}/responses",
    response=responses(NotificationOut, 403, 404, 409, status=201),
    auth=write_auth,
    summary="Record a response or status change of a notification",
)
def notification_respond(request, payload: ResponseIn, pk: int = ID_IN_PATH):
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
