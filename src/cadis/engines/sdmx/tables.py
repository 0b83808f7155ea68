"""Suppressed two-way tables to SDMX observations (the bridge the app wiring uses).

A published TDI table arrives in long form, one record per cell and margin with
``row``, ``col`` (or ``column``), ``value`` (None where hidden) and ``flag``
(``primary``, ``secondary`` or empty), as ``TdiTable.records()`` of the treatment app and
``ComputedTable.records()`` of ``engines.tdi`` give it. Each record becomes one
observation of DF_TDI: the row and column codes go to their dimensions (through the
standard codes: ``female`` -> ``F``, ``<15`` -> ``Y_LT15``, ``not_known`` -> ``_U``),
the other dimensions stay ``_T``, and a hidden cell is written with CONF_STATUS ``C``
(primary) or ``D`` (secondary) and no value.

>>> recs = [{"row": "1", "col": "female", "value": None, "flag": "primary"}]
>>> obs = next(table_observations(recs, rows="primary_drug", columns="sex",
...                               key={"REF_AREA": "KZ"}, time="2024"))
>>> obs.key["PRIMARY_DRUG"], obs.key["SEX"], obs.attributes["CONF_STATUS"], obs.value
('1', 'F', 'C', None)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from cadis.engines.sdmx.codelists import (
    CONF_FREE,
    CONF_PRIMARY,
    CONF_SECONDARY,
    OBS_NORMAL,
    SEX_FROM_TDI,
    TOTAL,
    age_code,
)
from cadis.engines.sdmx.data import Observation
from cadis.engines.sdmx.dataflows import tdi_code

#: Our table dimension names to DF_TDI dimension ids.
DIMENSIONS = {
    "sex": "SEX",
    "age_band": "AGE",
    "primary_drug": "PRIMARY_DRUG",
    "primary_drug_group": "PRIMARY_DRUG",
    "centre_type": "CENTRE_TYPE",
    "treatment_status": "TREATMENT_STATUS",
    "referral": "REFERRAL",
    "route": "ROUTE",
    "frequency": "FREQUENCY",
    "injecting": "INJECTING",
}
_FLAGS = {"primary": CONF_PRIMARY, "secondary": CONF_SECONDARY, "": CONF_FREE}


def dimension_code(dimension: str, code: str) -> str:
    """The SDMX code of one of our codes in a table dimension.

    >>> dimension_code("sex", "not_known"), dimension_code("age_band", "65+")
    ('_U', 'Y_GE65')
    """
    if code == TOTAL:
        return TOTAL
    if dimension == "sex":
        return SEX_FROM_TDI[code]
    if dimension == "age_band":
        return age_code(code)
    return tdi_code(code)


def table_observations(
    records: Iterable[Mapping[str, Any]],
    *,
    rows: str,
    columns: str,
    key: Mapping[str, str],
    time: str,
    indicator: str = "TDI_CLIENTS",
    unit: str = "PS",
    obs_status: str = OBS_NORMAL,
) -> Iterator[Observation]:
    """One DF_TDI observation per record of a suppressed ``rows`` x ``columns`` table.

    ``key`` fixes the other dimensions (at least REF_AREA). Margins shared with other
    tables of the same year come out identical; pass the stream of all tables through
    ``merge_shared_margins`` before writing.
    """
    row_dim, col_dim = DIMENSIONS[rows], DIMENSIONS[columns]
    for record in records:
        column = record["col"] if "col" in record else record["column"]
        full_key = {**key, "INDICATOR": indicator}
        full_key[row_dim] = dimension_code(rows, record["row"])
        full_key[col_dim] = dimension_code(columns, column)
        flag = record.get("flag") or ""
        value = record["value"]
        attributes = {
            "OBS_STATUS": obs_status,
            "CONF_STATUS": _FLAGS[flag],
            "UNIT_MEASURE": unit,
        }
        yield Observation(full_key, time, None if flag else value, attributes)
