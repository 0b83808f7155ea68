"""Normalise a quantity to kg (mass, and liquids at 1 kg/L as UNODC does) or a count."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from cadis.engines.units.errors import QuantityError, UnitsErrorCode
from cadis.engines.units.unit_names import UNITS_BY_CODE, unit_from_text

# The rule recorded with a normalised quantity, by the unit converted (interfaces put it in words).
CONVERSION_RULES = {
    "t": "t->kg x1000",
    "kg": "kg as written",
    "g": "g->kg x0.001",
    "mg": "mg->kg x0.000001",
    "l": "L->kg at 1 kg/L (UNODC)",
    "ml": "mL->kg at 1 kg/L (UNODC)",
    "tablet": "tablets counted as units",
    "dose": "doses counted as units",
    "plant": "plants counted as units",
    "unit": "units counted as written",
}


@dataclass(frozen=True)
class Normalised:
    quantity: float
    unit: Literal["kg", "count"]
    rule: str


def normalise(value: float, unit: str, *, form: str | None = None) -> Normalised:
    """Convert `value` in `unit` (canonical code or a unit word) to kg or a count.

    `form` (e.g. "liquid", "tablets") is recorded in the rule when it explains the unit.

    >>> normalise(1.5, "t")
    Normalised(quantity=1500.0, unit='kg', rule='t->kg x1000')
    >>> normalise(3, "литра").rule
    'L->kg at 1 kg/L (UNODC)'
    """
    definition = UNITS_BY_CODE.get(unit) or unit_from_text(unit)
    if definition is None:
        raise QuantityError(UnitsErrorCode.UNKNOWN_UNIT, f"'{unit}' is not a known unit.")
    rule = CONVERSION_RULES[definition.code]
    if form and definition.dimension != "mass":
        rule = f"{rule} (form: {form})"
    if definition.dimension == "count":
        return Normalised(float(value), "count", rule)
    return Normalised(round(float(value) * definition.factor, 9), "kg", rule)
