"""Unit names with their Russian inflections and English forms, mapped to canonical units."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Dimension = Literal["mass", "volume", "count"]


@dataclass(frozen=True)
class UnitDef:
    code: str  # canonical: t, kg, g, mg, l, ml, tablet, dose, plant, unit
    dimension: Dimension
    factor: float  # to the dimension's base (kg, l, count)
    pattern: str


UNITS: tuple[UnitDef, ...] = (
    UnitDef("t", "mass", 1000.0, r"тонн\w*|тн\.?|т\.?|(?:metric\s+)?(?:tonnes?|tons?)|t"),
    UnitDef("kg", "mass", 1.0, r"килограмм\w*|кило\b|кг\.?|kilograms?|kilogrammes?|kilos?|kgs?\.?"),
    UnitDef("mg", "mass", 1e-6, r"миллиграмм\w*|мг\.?|milligrams?|mg"),
    UnitDef("g", "mass", 0.001, r"грамм\w*|гр\.?|г\.?|grams?|grammes?|gr\.?|g"),
    UnitDef("ml", "volume", 0.001, r"миллилитр\w*|мл\.?|millilitres?|milliliters?|ml"),
    UnitDef("l", "volume", 1.0, r"литр\w*|л\.?|litres?|liters?|l"),
    UnitDef("tablet", "count", 1.0, r"таблет\w*|табл\.?|tablets?|pills?"),
    UnitDef("dose", "count", 1.0, r"доз[аыуе]?\b|доз\b|doses?"),
    UnitDef(
        "plant",
        "count",
        1.0,
        r"куст\w*|растени\w*|plants?|bushes",
    ),
    UnitDef(
        "unit",
        "count",
        1.0,
        r"штук\w*|шт\.?|единиц\w*|ампул\w*|капсул\w*|флакон\w*|units?|pieces?|pcs\.?|"
        r"ampoules?|capsules?|vials?|blotters?|марок|марки",
    ),
)

UNITS_BY_CODE: dict[str, UnitDef] = {u.code: u for u in UNITS}

# Longest alternatives first within each unit, units tried in table order; the unit
# must end at a word boundary ("т" must not eat "тонн", "г" must not eat "года").
UNIT_PATTERN = "|".join(f"(?P<u_{u.code}>(?:{u.pattern})(?![\\w]))" for u in UNITS)
_UNIT_RE = re.compile(rf"(?:{UNIT_PATTERN})\Z", re.IGNORECASE)


def unit_from_text(text: str) -> UnitDef | None:
    """Canonical unit for a unit word as written.

    >>> unit_from_text("килограммов").code
    'kg'
    """
    cleaned = text.strip()
    if cleaned in UNITS_BY_CODE:
        return UNITS_BY_CODE[cleaned]
    match = _UNIT_RE.match(cleaned)
    if not match:
        return None
    return unit_from_match(match)


def unit_from_match(match: re.Match[str]) -> UnitDef:
    for name, value in match.groupdict().items():
        if value is not None and name.startswith("u_"):
            return UNITS_BY_CODE[name[2:]]
    raise LookupError("no unit group matched")
