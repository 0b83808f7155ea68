"""Synthetic price and purity records for the demo (UNODC ARQ part on prices), labelled demo.

The figures are invented for the demo: retail prices per gram and wholesale prices per kilogram,
in US dollars, with purity ranges, for the five countries and three recent years. They make the
ARQ price table and the price pages show something; they are not estimates of real markets.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from cadis.apps.reference import models as ref
from cadis.apps.supply.prices.models import MarketLevel, PriceRecord, PriceUnit
from cadis.apps.supply.prices.services import price_record_create
from cadis.platform.records import Confidentiality, SourceKind

YEARS = (2023, 2024, 2025)
# Substance code -> (retail USD per gram, wholesale USD per kg, typical purity %): invented.
MARKETS = {
    "heroin": (28.0, 9_000.0, 45.0),
    "hashish": (6.0, 1_200.0, 12.0),
    "methamphetamine": (35.0, 12_000.0, 70.0),
}


def _money(value: float) -> Decimal:
    return Decimal(str(round(value, 2)))


def _percent(value: float) -> Decimal:
    return Decimal(str(round(min(99.0, max(1.0, value)), 2)))


def _record(substance, level: str, year: int, rng: random.Random) -> dict:
    retail, wholesale, purity = MARKETS[substance.code]
    base = retail if level == MarketLevel.RETAIL else wholesale
    mean = base * rng.uniform(0.8, 1.25) * (1 + 0.04 * (year - YEARS[0]))
    purity_mean = purity * rng.uniform(0.8, 1.2) * (0.8 if level == MarketLevel.RETAIL else 1.0)
    return {
        "substance": substance,
        "market_level": level,
        "period_start": dt.date(year, 1, 1),
        "period_end": dt.date(year, 12, 31),
        "currency": "USD",
        "price_unit": PriceUnit.GRAM if level == MarketLevel.RETAIL else PriceUnit.KILOGRAM,
        "price_min": _money(mean * 0.6),
        "price_max": _money(mean * 1.5),
        "price_mean": _money(mean),
        "price_sample_size": rng.randint(8, 60),
        "purity_min": _percent(purity_mean * 0.5),
        "purity_max": _percent(purity_mean * 1.4),
        "purity_mean": _percent(purity_mean),
        "purity_sample_size": rng.randint(5, 40),
        # Invented by cadis; the pages tag the record as synthetic in the reader's language.
        "source": "cadis",
        "confidentiality": Confidentiality.PUBLIC,
    }


def load_demo(*, organisations: dict, stdout=None) -> int:
    """Price records per country, drug, market level and year; idempotent (skips if present).

    ``organisations``: country code -> the demo law-enforcement organisation of that country.
    """
    if PriceRecord.objects.filter(source_kind=SourceKind.DEMO).exists():
        return 0
    substances = list(ref.Substance.objects.filter(code__in=MARKETS))
    created = 0
    for code, organisation in sorted(organisations.items()):
        rng = random.Random(f"cadis-price-demo-{code}")
        for substance in substances:
            for level in (MarketLevel.RETAIL, MarketLevel.WHOLESALE):
                for year in YEARS:
                    price_record_create(
                        actor=None,
                        data=_record(substance, level, year, rng),
                        source_kind=SourceKind.DEMO,
                        organisation=organisation,
                    )
                    created += 1
    if stdout is not None:
        stdout.write(f"   supply: {created} synthetic price and purity records")
    return created
