"""Units engine: numbers, quantities, units, dates and periods as the region writes them.

Framework-free; used by the seizure importer and by document extraction.

>>> from cadis.engines.units import parse_quantity, normalise
>>> q = parse_quantity("15 т 106 кг 549 г")
>>> normalise(q.value, q.unit).quantity
15106.549
"""

from __future__ import annotations

from cadis.engines.units.dates import DatePrecision, month_number, parse_date
from cadis.engines.units.errors import (
    DateFormatError,
    NumberFormatError,
    QuantityError,
    UnitsError,
    UnitsErrorCode,
)
from cadis.engines.units.normalise import Normalised, normalise
from cadis.engines.units.numbers import ParsedNumber, column_convention, parse_number
from cadis.engines.units.periods import Period, find_periods, parse_period
from cadis.engines.units.quantity import (
    Quantity,
    QuantityMatch,
    find_quantities,
    parse_number_expression,
    parse_quantity,
)
from cadis.engines.units.unit_names import UNITS, UnitDef, unit_from_text

__all__ = [
    "UNITS",
    "DateFormatError",
    "DatePrecision",
    "Normalised",
    "NumberFormatError",
    "ParsedNumber",
    "Period",
    "Quantity",
    "QuantityError",
    "QuantityMatch",
    "UnitDef",
    "UnitsError",
    "UnitsErrorCode",
    "column_convention",
    "find_periods",
    "find_quantities",
    "month_number",
    "normalise",
    "parse_date",
    "parse_number",
    "parse_number_expression",
    "parse_period",
    "parse_quantity",
    "unit_from_text",
]
