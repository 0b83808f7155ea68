"""Precursor incident endpoints (mounted by ``api.py`` under the same ``precursors`` tag)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from cadis.apps.accounts.auth import write_auth
from cadis.apps.precursors import selectors, services
from cadis.apps.precursors.models import IncidentKind, PreExportNotification, ScreeningResult
from cadis.apps.reference.models import Country
from cadis.platform.api import ID_IN_PATH, Id, LimitOffset, Quantity, ScopedRecordOut, responses
from cadis.platform.errors import ValidationError
from cadis.platform.records import Confidentiality, SourceKind

router = Router(tags=["precursors"])


class IncidentIn(Schema):
    reference: str
    kind: IncidentKind
    occurred_on: dt.date
    place: str = ""
    chemical: str
    cas: str = ""
    quantity: Quantity | None = None
    unit: str = Field("kg", max_length=20)
    origin_country: str | None = None
    transit_countries: list[str] = []
    destination_country: str | None = None
    modus_operandi: str = ""
    companies: str = ""
    description: str = ""
    confidentiality: Confidentiality = Confidentiality.RESTRICTED
    country: str | None = Field(None, description="the reporting country; yours unless you may report for others")
    screening_results: list[Id] = []
    notifications: list[Id] = []
    supply_case_id: Id | None = None


class IncidentPatch(Schema):
    place: str | None = None
    quantity: Quantity | None = None
    modus_operandi: str | None = None
    companies: str | None = None
    description: str | None = None
    screening_results: list[Id] | None = None
    notifications: list[Id] | None = None
    supply_case_id: Id | None = None


class IncidentOut(ScopedRecordOut):
    id: int
    reference: str
    country: str
    kind: str
    occurred_on: dt.date
    place: str
    chemical: str
    cas: str
    quantity: Decimal | None
    unit: str
    origin_country: str | None
    transit_countries: list[str]
    destination_country: str | None
    modus_operandi: str
    companies: str
    description: str
    confidentiality: str
    notifications: list[int]
    supply_case_id: int | None

    @staticmethod
    def resolve_origin_country(obj) -> str | None:
        return obj.origin_country.code if obj.origin_country_id else None

    @staticmethod
    def resolve_destination_country(obj) -> str | None:
        return obj.destination_country.code if obj.destination_country_id else None

    @staticmethod
    def resolve_transit_countries(obj) -> list[str]:
        return [c.code for c in obj.transit_countries.all()]

    @staticmethod
    def resolve_notifications(obj) -> list[int]:
        return [n.pk for n in obj.notifications.all()]


def _country(code: str | None, field: str) -> Country | None:
    if not code:
        return None
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        raise ValidationError(f"Unknown country code {code!r}.", details={"field": field})
    return country


def _links(data: dict) -> dict:
    """Ids to records; the service checks that the caller may see each of them."""
    if data.get("screening_results") is not None:
        ids = data["screening_results"]
        found = list(ScreeningResult.objects.filter(pk__in=ids))
        if len(found) != len(set(ids)):
            raise ValidationError(
                "A linked screening result does not exist or is not visible to you."
            )
        data["screening_results"] = found
    if data.get("notifications") is not None:
        ids = data["notifications"]
        found = list(PreExportNotification.objects.filter(pk__in=ids))
        if len(found) != len(set(ids)):
            raise ValidationError("A linked notification does not exist or is not visible to you.")
        data["notifications"] = found
    return data


@router.get("/incidents", response=responses(list[IncidentOut]), summary="List precursor incidents")
@paginate(LimitOffset)
def incident_list(request, kind: str = ""):
    incidents = selectors.incident_list(actor=request.user).prefetch_related(
        "transit_countries", "notifications"
    )
    return incidents.filter(kind=kind) if kind else incidents


@router.get("/incidents/{pk}", response=responses(IncidentOut, 404), summary="One precursor incident")
def incident_detail(request, pk: int = ID_IN_PATH):
    return get_object_or_404(selectors.incident_list(actor=request.user), pk=pk)


@router.post(
    "/incidents",
    response=responses(IncidentOut, 403, 409, status=201),
    auth=write_auth,
    summary="Record a precursor incident",
)
def incident_create(request, payload: IncidentIn):
    data = _links(payload.dict())
    for field in ("origin_country", "destination_country", "country"):
        data[field] = _country(data.get(field), field)
    data["transit_countries"] = [
        _country(code, "transit_countries") for code in payload.transit_countries
    ]
    return Status(
        201, services.incident_create(actor=request.user, data=data, source_kind=SourceKind.API)
    )


@router.patch(
    "/incidents/{pk}", response=responses(IncidentOut, 403, 404, 409), auth=write_auth, summary="Change a precursor incident"
)
def incident_update(request, payload: IncidentPatch, pk: int = ID_IN_PATH):
    incident = get_object_or_404(selectors.incident_list(actor=request.user), pk=pk)
    data = _links(payload.dict(exclude_unset=True))
    return services.incident_update(
        actor=request.user, incident=incident, data=data, source_kind=SourceKind.API
    )
