"""Supply-reduction API: seizures, cases, period statistics and the dashboard aggregates."""

import datetime as dt
from typing import Literal

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from cadis.apps.accounts.auth import write_auth
from cadis.apps.reference import models as ref
from cadis.apps.supply import analytics, selectors, services
from cadis.apps.supply.prices import api as prices_api
from cadis.platform.api import (
    ID_IN_PATH,
    Count,
    FloatQuantity,
    GeoOut,
    LimitOffset,
    ScopedRecordOut,
    responses,
)
from cadis.platform.errors import ValidationError
from cadis.platform.records import SourceKind

router = Router(tags=["supply"])


def _code(obj) -> str | None:
    return obj.code if obj is not None else None


class SeizureOut(ScopedRecordOut):
    id: int
    date: dt.date
    date_precision: str
    country: str
    subdivision: str | None
    place: str
    agency: str | None
    substance: str | None
    substance_as_written: str
    substance_resolution: str
    quantity_as_written: str
    unit_as_written: str
    normalised_quantity: float
    normalised_unit: str
    conversion_rule: str
    purity: float | None
    confidentiality: str
    source_kind: str
    source_ref: dict
    synthetic: bool
    geo: GeoOut | None

    @staticmethod
    def resolve_subdivision(obj) -> str | None:
        return _code(obj.subdivision)

    @staticmethod
    def resolve_geo(obj) -> dict | None:
        return GeoOut.of(obj)

    @staticmethod
    def resolve_agency(obj) -> str | None:
        return _code(obj.agency)

    @staticmethod
    def resolve_substance(obj) -> str | None:
        return _code(obj.substance)


class SeizureIn(Schema):
    date: str
    substance: str | None = None
    substance_as_written: str = ""
    quantity_as_written: str
    unit_as_written: str = ""
    subdivision: str | None = None
    place: str = ""
    agency: str | None = None
    form: str | None = None
    purity: float | None = Field(None, ge=0, le=100)
    concealment_methods: list[str] = []
    transport_mode: str | None = None
    confidentiality: Literal["public", "restricted", "confidential"] = "restricted"
    notes: str = ""


class CaseOut(ScopedRecordOut):
    id: int
    reference: str
    country: str
    date_start: dt.date | None
    date_end: dt.date | None
    operation_name: str
    agencies: list[str]
    groups_dismantled: int
    group_members: int
    persons_arrested: int
    persons_prosecuted: int
    women: int
    minors: int
    foreigners: int
    summary: str
    confidentiality: str

    @staticmethod
    def resolve_agencies(obj) -> list[str]:
        return [a.code for a in obj.agencies.all()]


class StatisticOut(ScopedRecordOut):
    id: int
    indicator: str
    country: str
    substance: str | None
    substance_group: str | None
    value: float
    unit: str
    period_start: dt.date
    period_end: dt.date
    agency: str | None
    source_text: str
    confidentiality: str

    @staticmethod
    def resolve_substance(obj) -> str | None:
        return _code(obj.substance)

    @staticmethod
    def resolve_substance_group(obj) -> str | None:
        return _code(obj.substance_group)

    @staticmethod
    def resolve_agency(obj) -> str | None:
        return _code(obj.agency)


class FiltersIn(Schema):
    country: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    substance_group: str | None = None
    agency: str | None = None
    grain: Literal["year", "quarter", "month"] = "year"


class AggregateRow(Schema):
    code: str | None
    label: str
    kg: float
    units: float
    seizures: int


class AggregateOut(Schema):
    dimension: str
    data: Literal["events"] = "events"
    rows: list[AggregateRow]


def _filters(f: FiltersIn) -> analytics.Filters:
    return analytics.Filters(
        country=(f.country or "").upper() or None,
        date_from=f.date_from,
        date_to=f.date_to,
        substance_group=f.substance_group,
        agency=f.agency,
        grain=f.grain,
    )


@router.get("/seizures", response=responses(list[SeizureOut]), summary="Seizures you may see")
@paginate(LimitOffset)
def seizure_list(request, filters: Query[FiltersIn]):
    f = _filters(filters)
    return selectors.seizure_list(
        request.user,
        country=f.country,
        date_from=f.date_from,
        date_to=f.date_to,
        substance_group=f.substance_group,
        agency=f.agency,
    )


@router.get("/seizures/{seizure_id}", response=responses(SeizureOut, 404), summary="One seizure")
def seizure_detail(request, seizure_id: int = ID_IN_PATH):
    return selectors.seizure_get(request.user, seizure_id)


def _by_code(model, code: str | None, field: str):
    if not code:
        return None
    obj = model.objects.filter(code=code).first()
    if obj is None:
        raise ValidationError(f"Unknown {field} code: {code}.", details={"field": field})
    return obj


@router.post("/seizures", response=responses(SeizureOut, 403, 409, status=201), auth=write_auth, summary="Record a seizure")
def seizure_create(request, payload: SeizureIn):
    from cadis.engines.units import UnitsError, parse_date

    try:
        day, precision = parse_date(payload.date)
    except UnitsError as error:
        raise ValidationError(error.message, details={"field": "date"}) from None
    data = payload.dict()
    data.update(
        date=day,
        date_precision=str(precision),
        substance=_by_code(ref.Substance, payload.substance, "substance"),
        subdivision=_by_code(ref.Subdivision, payload.subdivision, "subdivision"),
        agency=_by_code(ref.Agency, payload.agency, "agency"),
        form=_by_code(ref.DrugForm, payload.form, "form"),
        transport_mode=_by_code(ref.TransportMode, payload.transport_mode, "transport_mode"),
        concealment_methods=[
            _by_code(ref.ConcealmentMethod, c, "concealment_methods")
            for c in payload.concealment_methods
        ],
    )
    seizure = services.seizure_create(actor=request.user, data=data, source_kind=SourceKind.API)
    return Status(201, selectors.seizure_get(request.user, seizure.pk))


@router.get("/cases", response=responses(list[CaseOut]), summary="Cases and operations you may see")
@paginate(LimitOffset)
def case_list(request, country: str | None = None):
    return selectors.case_list(request.user, country=(country or "").upper() or None)


@router.get("/cases/{case_id}", response=responses(CaseOut, 404), summary="One case or operation")
def case_detail(request, case_id: int = ID_IN_PATH):
    return selectors.case_get(request.user, case_id)


class LabIn(Schema):
    kind: Literal["synthetic", "extraction", "tableting", "cannabis_grow", "precursor", "other"]
    products: str = ""
    substance: str | None = None


class CaseIn(Schema):
    reference: str
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    agencies: list[str] = []
    operation_name: str = ""
    groups_dismantled: Count = 0
    group_members: Count = 0
    persons_arrested: Count = 0
    persons_prosecuted: Count = 0
    women: Count = 0
    minors: Count = 0
    foreigners: Count = 0
    labs: list[LabIn] = []
    summary: str = ""
    confidentiality: Literal["public", "restricted", "confidential"] = "restricted"


@router.post(
    "/cases",
    response=responses(CaseOut, 403, 409, status=201),
    auth=write_auth,
    summary="Record a case or operation (agencies of several countries allowed)",
)
def case_create(request, payload: CaseIn):
    data = payload.dict()
    data["agencies"] = [_by_code(ref.Agency, code, "agencies") for code in payload.agencies]
    data["labs"] = [
        {
            "kind": lab.kind,
            "products": lab.products,
            "substance": _by_code(ref.Substance, lab.substance, "labs"),
        }
        for lab in payload.labs
    ]
    case = services.case_create(actor=request.user, data=data, source_kind=SourceKind.API)
    return Status(201, selectors.case_get(request.user, case.pk))


class StatisticIn(Schema):
    indicator: Literal[
        "quantity_seized",
        "seizures",
        "groups_dismantled",
        "group_members",
        "arrests",
        "labs_dismantled",
        "offences",
    ]
    substance: str | None = None
    substance_group: str | None = None
    value: FloatQuantity
    unit: str = "count"
    period_start: dt.date
    period_end: dt.date
    agency: str | None = None
    source_text: str = ""
    confidentiality: Literal["public", "restricted", "confidential"] = "restricted"


@router.post(
    "/period-statistics",
    response=responses(StatisticOut, 403, 409, status=201),
    auth=write_auth,
    summary="Record an official period statistic",
)
def statistic_create(request, payload: StatisticIn):
    data = payload.dict()
    data.update(
        substance=_by_code(ref.Substance, payload.substance, "substance"),
        substance_group=_by_code(ref.SubstanceGroup, payload.substance_group, "substance_group"),
        agency=_by_code(ref.Agency, payload.agency, "agency"),
    )
    stat = services.period_statistic_create(
        actor=request.user, data=data, source_kind=SourceKind.API
    )
    return Status(201, stat)


@router.get(
    "/period-statistics",
    response=responses(list[StatisticOut]),
    summary="Official period statistics (never added to event data)",
)
@paginate(LimitOffset)
def statistic_list(request, filters: Query[FiltersIn]):
    f = _filters(filters)
    return selectors.period_statistic_list(
        request.user,
        country=f.country,
        date_from=f.date_from,
        date_to=f.date_to,
        substance_group=f.substance_group,
        agency=f.agency,
    )


@router.get(
    "/aggregates/{dimension}",
    response=responses(AggregateOut, 404),
    summary="Dashboard aggregates of seizures (event data) by a dimension",
)
def aggregate(
    request,
    dimension: Literal[
        "period",
        "substance_group",
        "substance",
        "country",
        "subdivision",
        "agency",
        "concealment",
        "transport",
        "route",
    ],
    filters: Query[FiltersIn],
    limit: int | None = Query(None, ge=1, le=1000),  # noqa: B008 - django-ninja's parameter
):
    rows = analytics.by_dimension(request.user, _filters(filters), dimension, limit)
    return {"dimension": dimension, "rows": rows}


class TotalsOut(Schema):
    data: Literal["events"] = "events"
    seizures: dict
    change: dict
    cases: dict


@router.get(
    "/totals", response=responses(TotalsOut), summary="Totals, change against the previous period, case totals"
)
def totals(request, filters: Query[FiltersIn]):
    f = _filters(filters)
    change = analytics.change(request.user, f)
    return {
        "seizures": analytics.totals(request.user, f),
        "change": change,
        "cases": analytics.case_totals(request.user, f),
    }


# Price and purity records have their own module; one router serves the module's tag.
router.add_router("", prices_api.router)
