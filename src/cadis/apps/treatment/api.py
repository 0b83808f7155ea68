"""Treatment API: episodes (scoped), harms figures, suppressed TDI tables."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from cadis.apps.accounts.auth import write_auth
from cadis.apps.reference.models import Country
from cadis.apps.treatment import selectors, services, tables
from cadis.platform.api import LimitOffset, ScopedRecordOut, responses
from cadis.platform.errors import NotFound, PermissionDenied, ValidationError
from cadis.platform.records import Confidentiality
from cadis.platform.scope import national_organisation

router = Router(tags=["treatment"])


class EpisodeOut(ScopedRecordOut):
    id: int
    country: str
    organisation: str
    pseudonym: str
    start_date: dt.date
    year: int
    primary_drug: str
    secondary_drugs: list[str]
    sex: str
    nationality: str
    age: int | None
    centre_type: str
    treatment_status: str
    referral: str
    route: str
    frequency: str
    injecting: str
    age_first_injection: int | None
    year_first_injection: int | None
    needle_sharing: str
    hiv_testing: str
    hiv_result: str
    hcv_testing: str
    hcv_result: str
    ost: str
    year_first_ost: int | None
    possible_duplicate_of: int | None
    confidentiality: str

    @staticmethod
    def resolve_primary_drug(obj) -> str:
        return obj.primary_drug.code

    @staticmethod
    def resolve_possible_duplicate_of(obj) -> int | None:
        return obj.duplicate_of_id


class EpisodeIn(Schema):
    national_id: str = ""
    full_name: str = ""
    birth_date: dt.date | None = None
    start_date: dt.date
    age: int | None = Field(None, ge=0, le=110)
    age_first_use: int | None = Field(None, ge=0, le=110)
    age_first_injection: int | None = Field(None, ge=0, le=110)
    year_first_injection: int | None = Field(None, ge=1900, le=2100)
    year_first_ost: int | None = Field(None, ge=1900, le=2100)
    primary_drug: str = Field(max_length=40)
    secondary_drugs: list[str] = []
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    centre_type: str = "not_known"
    treatment_status: str = "not_known"
    sex: str = "not_known"
    nationality: str = "not_known"
    referral: str = "not_known"
    living_with: str = "not_known"
    living_with_children: str = "not_known"
    living_where: str = "not_known"
    education: str = "not_known"
    labour_status: str = "not_known"
    route: str = "not_known"
    frequency: str = "not_known"
    polydrug: str = "not_known"
    injecting: str = "not_known"
    needle_sharing: str = "not_known"
    hiv_testing: str = "not_known"
    hiv_result: str = "not_known"
    hcv_testing: str = "not_known"
    hcv_result: str = "not_known"
    ost: str = "not_known"


class HarmOut(ScopedRecordOut):
    id: int
    country: str
    indicator: str
    year: int
    sex: str
    age_band: str
    substance: str | None
    cases: int
    tested: int | None
    source: str
    data_quality: str
    quality_note: str
    synthetic: bool

    @staticmethod
    def resolve_substance(obj) -> str | None:
        return obj.substance.code if obj.substance_id else None


class TableOut(Schema):
    key: str
    title: str
    rows: list[str]
    columns: list[str]
    cells: list[list[int | None]]
    row_totals: list[int | None]
    column_totals: list[int | None]
    total: int | None


@router.get(
    "/episodes", response=responses(list[EpisodeOut]), summary="Treatment episodes you may see"
)
@paginate(LimitOffset)
def episode_list(
    request, country: str | None = None, year: int | None = None, duplicates_only: bool = False
):
    return selectors.episode_list(
        user=request.user, country=country, year=year, duplicates_only=duplicates_only
    )


@router.post(
    "/episodes",
    response=responses(EpisodeOut, 403, 409, status=201),
    auth=write_auth,
    summary="Record a treatment episode",
)
def episode_create(request, payload: EpisodeIn):
    """The identifier (or name + date of birth) is turned into a pseudonym and not stored."""
    org = national_organisation(request.user)
    if org is None:
        raise PermissionDenied("Your account has no country organisation to record episodes for.")
    data = payload.dict()
    if data["confidentiality"] not in Confidentiality.values:
        raise ValidationError("Unknown confidentiality level.")
    identity = {k: data.pop(k) for k in ("national_id", "full_name", "birth_date")}
    data["primary_drug_code"] = data.pop("primary_drug")
    confidentiality = data.pop("confidentiality")
    for field in services.CODED_FIELDS:
        allowed = {v for v, _l in services.TreatmentEpisode._meta.get_field(field).choices}
        if data[field] not in allowed:
            raise ValidationError(
                "Unknown code.", details=[{"field": field, "message": "unknown code"}]
            )
    episode = services.episode_create(
        actor=request.user,
        organisation=org,
        values=data,
        identity=identity,
        confidentiality=confidentiality,
        source_kind="api",
        source_detail={"api_token": getattr(getattr(request, "api_token", None), "prefix", None)},
    )
    return Status(201, selectors.episodes_visible(request.user).get(pk=episode.pk))


@router.get(
    "/harms",
    response=responses(list[HarmOut]),
    summary="Drug-related deaths and infectious diseases",
)
@paginate(LimitOffset)
def harm_list(
    request, country: str | None = None, indicator: str | None = None, year: int | None = None
):
    return selectors.harm_list(user=request.user, country=country, indicator=indicator, year=year)


@router.get(
    "/tables/{code}/{year}",
    response=responses(list[TableOut], 404),
    summary="Standard TDI tables, suppressed",
)
def tdi_tables(request, code: str, year: int):
    country = Country.objects.filter(code=code.upper(), is_central_asia=True).first()
    if country is None or not selectors.tables_visible(request.user, country.pk, year):
        raise NotFound("No TDI tables for this country and year.")
    return [
        TableOut(
            key=t.key,
            title=t.title,
            rows=t.row_keys,
            columns=t.col_keys,
            cells=t.table.cells,
            row_totals=t.table.row_totals,
            column_totals=t.table.col_totals,
            total=t.table.total,
        )
        for t in tables.standard_tables([country.pk], year)
    ]
