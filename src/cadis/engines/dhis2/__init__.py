"""DHIS2 engine: ADX (XML) and dataValueSets (JSON) writers and readers for aggregates.

Framework-free. Values are keyed in our terms (indicator code, period, ISO 3166 code,
disaggregation pairs); a caller-supplied :class:`Dhis2Mapping` translates them to one
DHIS2 instance. Readers never raise on bad input: they return a :class:`ReadResult`
whose problems carry stable :class:`ErrorCode` values, so an import can be all or
nothing.

>>> from cadis.engines.dhis2 import Period
>>> Period.from_dhis2("202401").adx
'2024-01-01/P1M'
"""

from __future__ import annotations

from cadis.engines.dhis2.adx import ADX_NS, iter_adx, read_adx, write_adx
from cadis.engines.dhis2.datavaluesets import (
    iter_data_value_set,
    read_data_value_set,
    write_data_value_set,
)
from cadis.engines.dhis2.model import (
    DEFAULT_COMBO,
    AggregateValue,
    Combo,
    Dhis2Error,
    Dhis2Mapping,
    ErrorCode,
    Problem,
    ReadResult,
    disaggregation,
    format_number,
    parse_number,
)
from cadis.engines.dhis2.periods import Period, PeriodError
from cadis.engines.dhis2.schema import adx_schema, adx_validator, schema_errors

__all__ = [
    "ADX_NS",
    "DEFAULT_COMBO",
    "AggregateValue",
    "Combo",
    "Dhis2Error",
    "Dhis2Mapping",
    "ErrorCode",
    "Period",
    "PeriodError",
    "Problem",
    "ReadResult",
    "adx_schema",
    "adx_validator",
    "disaggregation",
    "format_number",
    "iter_adx",
    "iter_data_value_set",
    "parse_number",
    "read_adx",
    "read_data_value_set",
    "schema_errors",
    "write_adx",
    "write_data_value_set",
]
