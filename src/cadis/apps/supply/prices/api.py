"""Price and purity records in the API (mounted on the supply router, tag ``supply``)."""

# No `from __future__ import annotations`: django-ninja reads `Query[...]` at run time.

import datetime as dt
from decimal import Decimal
from typing import Literal

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from cadis.apps.accounts.auth import write_auth
from cadis.apps.reference import models as ref
from cadis.apps.supply.prices import selectors, services
from cadis.platform.api import ID_IN_PATH, LimitOffset, ScopedRecordOut, responses
from cadis.platform.errors import ValidationError
from cadis.platform.records import SourceKind

router = Router(tags=["supply"])
Price = Decimal | None
Percent = Decimal | None


class PriceRecordOut(ScopedRecordOut):
    id: int
    country: str
    organisation: str
    substance: str
    form: str | None
    market_level: str
    subdivision: str | None
    place: str
    period_start: dt.date
    period_end: dt.date
    year: int
    currency: str
    price_unit: str
    price_min: Price
    price_max: Price
    price_mean: Price
    price_mode: Price
    price_sample_size: int | None
    purity_min: Percent
    purity_max: Percent
    purity_mean: Percent
    purity_mode: Percent
    purity_sample_size: int | None
    purity_basis: str
    source: str
    confidentiality: str
    synthetic: bool

    @staticmethod
    def resolve_substance(obj) -> str:
        return obj.substance.code

    @staticmethod
    def resolve_form(obj) -> str | None:
        return obj.form.code if obj.form_id else None

    @staticmethod
    def resolve_subdivision(obj) -> str | None:
        return obj.subdivision.code if obj.subdivision_id else None


def _price():
    return Field(None, ge=0, max_digits=14, decimal_places=2)


def _percent():
    return Field(None, ge=0, le=100, max_digits=5, decimal_places=2)


def _count():
    return Field(None, ge=1, le=10_000_000)


class PriceRecordIn(Schema):
    substance: str = Field(max_length=80)
    form: str | None = Field(None, max_length=60)
    market_level: Literal["retail", "wholesale"]
    subdivision: str | None = Field(None, max_length=10)
    place: str = Field("", max_length=200)
    period_start: dt.date
    period_end: dt.date
    currency: str = Field("", pattern=r"^([A-Za-z]{3})?$")
    price_unit: Literal["", "g", "kg", "unit", "l"] = ""
    price_min: Price = _price()
    price_max: Price = _price()
    price_mean: Price = _price()
    price_mode: Price = _price()
    price_sample_size: int | None = _count()
    purity_min: Percent = _percent()
    purity_max: Percent = _percent()
    purity_mean: Percent = _percent()
    purity_mode: Percent = _percent()
    purity_sample_size: int | None = _count()
    purity_basis: Literal["base", "salt", "not_known"] = "not_known"
    source: str = Field("", max_length=300)
    notes: str = Field("", max_length=5000)
    confidentiality: Literal["public", "restricted", "confidential"] = "restricted"


class PriceFilters(Schema):
    country: str | None = Field(None, min_length=2, max_length=2)
    year: int | None = Field(None, ge=1990, le=2100)
    substance: str | None = Field(None, max_length=80)
    market_level: Literal["retail", "wholesale"] | None = None


def _by_code(model, code: str | None, field: str):
    if not code:
        return None
    obj = model.objects.filter(code=code).first()
    if obj is None:
        raise ValidationError(f"Unknown {field} code: {code}.", details={"field": field})
    return obj


@router.get("/prices", response=responses(list[PriceRecordOut]), summary="Drug price and purity records")
@paginate(LimitOffset)
def price_list(request, filters: Query[PriceFilters]):
    return selectors.price_list(
        request.user,
        country=(filters.country or "").upper() or None,
        year=filters.year,
        substance=filters.substance,
        market_level=filters.market_level,
    )


@router.get("/prices/{record_id}", response=responses(PriceRecordOut, 404), summary="One price and purity record")
def price_detail(request, record_id: int = ID_IN_PATH):
    return selectors.price_get(request.user, record_id)


@router.post(
    "/prices",
    response=responses(PriceRecordOut, 403, 409, status=201),
    auth=write_auth,
    summary="Record drug prices and purity",
)
def price_create(request, payload: PriceRecordIn):
    data = payload.dict()
    data.update(
        substance=_by_code(ref.Substance, payload.substance, "substance"),
        form=_by_code(ref.DrugForm, payload.form, "form"),
        subdivision=_by_code(ref.Subdivision, payload.subdivision, "subdivision"),
    )
    record = services.price_record_create(actor=request.user, data=data, source_kind=SourceKind.API)
    return Status(201, selectors.price_get(request.user, record.pk))
