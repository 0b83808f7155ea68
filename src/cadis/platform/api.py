"""API base pieces every module's router uses: pagination, the documented answers of an
operation (``responses``), bounded input types and the base output schema."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase
from ninja.params.functions import Path

from cadis.platform.records import SourceKind

# The largest id a database key holds (PostgreSQL bigint); larger ids are invalid input, not 500.
MAX_ID = 2**63 - 1
# Counts of people, groups, packages... and offsets: far above any real figure, far below 2**63.
MAX_COUNT = 1_000_000_000
# Quantities (kilograms, litres, units, prices): the same ceiling.
MAX_QUANTITY = 1_000_000_000

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
"""A record id in a body or query (1 .. 2**63-1)."""
ID_IN_PATH: Any = Path(..., ge=1, le=MAX_ID)
"""A record id in the path (1 .. 2**63-1): ``def detail(request, pk: int = ID_IN_PATH)``."""
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
"""A count of persons, groups, items (0 .. 10**9)."""


def quantity(*, max_digits: int = 14, decimal_places: int = 3, gt_zero: bool = False) -> Any:
    """A decimal quantity that fits its model's ``DecimalField`` (0 <= q <= 10**9)."""
    lower = Field(gt=0) if gt_zero else Field(ge=0)
    return Annotated[
        Decimal,
        lower,
        Field(le=MAX_QUANTITY, max_digits=max_digits, decimal_places=decimal_places),
    ]


Quantity = quantity()
"""A decimal quantity of a ``DecimalField(max_digits=14, decimal_places=3)``."""
FloatQuantity = Annotated[float, Field(ge=0, le=MAX_QUANTITY)]
"""A float measure (kilograms, units, values): 0 .. 10**9, never infinite or NaN."""


class ErrorOut(Schema):
    """The body of every error answer."""

    code: str
    message: str
    details: dict[str, Any] | list[Any] | None = None


# What each error status means, as the API documents it (docs/api.md, "Errors").
ERROR_STATUSES = {
    400: "The request is not valid (code `validation_error` or `bad_input_file`).",
    401: "Authentication is required, or the token is not valid (`not_authenticated`).",
    403: "The caller may not do this (`permission_denied`), e.g. a read-only token writes.",
    404: "No such record among those the caller may see (`not_found`).",
    409: "The request conflicts with the record's state (`conflict`).",
    429: "Too many requests (`rate_limited`).",
}


def responses(ok: Any, *errors: int, status: int = 200) -> dict[int, Any]:
    """The documented answers of one operation: ``status`` with ``ok``, and the error statuses.

    Every operation may answer 400 (its input is validated) and 401 (a bad token is refused,
    never downgraded to the anonymous public); name the others it may answer::

        @router.get("/seizures/{seizure_id}", response=responses(SeizureOut, 404), ...)
        @router.post("/seizures", response=responses(SeizureOut, 403, 409, status=201), ...)
    """
    unknown = set(errors) - set(ERROR_STATUSES)
    if unknown:
        raise ValueError(f"undocumented error statuses {sorted(unknown)}")
    answers: dict[int, Any] = {status: ok}
    for code in sorted({400, 401, *errors}):
        answers[code] = ErrorOut
    return answers


class LimitOffset(PaginationBase):
    """``?limit=&offset=``; answers ``{"count", "limit", "offset", "items"}``."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=1000)
        offset: int = Field(0, ge=0, le=MAX_COUNT)

    class Output(Schema):
        count: int
        limit: int
        offset: int
        items: list[Any]

    items_attribute = "items"

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: Any = None, **params: Any
    ) -> dict[str, Any]:
        count = (
            queryset.count()
            if hasattr(queryset, "count") and not isinstance(queryset, list)
            else len(queryset)
        )
        items = queryset[pagination.offset : pagination.offset + pagination.limit]
        return {
            "count": count,
            "limit": pagination.limit,
            "offset": pagination.offset,
            "items": list(items),
        }


class ScopedRecordOut(Schema):
    """Base of the API output of records that name their owner.

    A subclass declares the fields it shows (``country: str``, ``organisation: str``,
    ``synthetic: bool``); this base only says how they are read: the country as its ISO code,
    the organisation by its English name, ``synthetic`` for the demo's generated records.
    """

    @staticmethod
    def resolve_country(obj: Any) -> str | None:
        return obj.country.code if obj.country_id else None

    @staticmethod
    def resolve_organisation(obj: Any) -> str | None:
        return obj.organisation.name_en if obj.organisation_id else None

    @staticmethod
    def resolve_synthetic(obj: Any) -> bool:
        return bool(obj.source_kind == SourceKind.DEMO)


class GeoOut(Schema):
    """Where a geocoded record happened (``reference.Geocoded``): ISO codes, the gazetteer
    place, the point, the geocoder's confidence and whether a person must review it."""

    country: str | None
    subdivision: str | None
    place: str | None
    lat: float | None
    lon: float | None
    confidence: float | None
    status: str

    @staticmethod
    def of(obj: Any) -> dict[str, Any] | None:
        if not obj.geo_status:
            return None
        return {
            "country": obj.geo_country or None,
            "subdivision": obj.geo_subdivision or None,
            "place": obj.geo_place.code if obj.geo_place_id else None,
            "lat": obj.latitude,
            "lon": obj.longitude,
            "confidence": obj.geo_confidence,
            "status": obj.geo_status,
        }
