"""Reads of price and purity records, always through the scope."""

from __future__ import annotations

from cadis.apps.supply.prices.models import PriceRecord
from cadis.platform.errors import NotFound
from cadis.platform.queries import filter_by
from cadis.platform.scope import visible

RELATED = ("country", "organisation", "substance", "form", "subdivision")
FILTERS = {
    "country": "country__code",
    "year": "year",
    "substance": "substance__code",
    "market_level": "market_level",
}


def price_list(user, *, country=None, year=None, substance=None, market_level=None):
    return filter_by(
        visible(PriceRecord.objects.select_related(*RELATED), user),
        {"country": country, "year": year, "substance": substance, "market_level": market_level},
        FILTERS,
    )


def price_get(user, pk: int) -> PriceRecord:
    record = visible(PriceRecord.objects.select_related(*RELATED), user).filter(pk=pk).first()
    if record is None:
        raise NotFound("No such price and purity record.")
    return record
