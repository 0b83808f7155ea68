"""SDMX engine: declarative dataflows, SDMX-ML 2.1 structure messages, SDMX-CSV 2.0 data.

Framework-free. The app layer builds :class:`Observation` objects from its (already
scoped and suppressed) tables and streams them through :func:`iter_sdmx_csv`; the
structure message comes from :func:`structure_message` of :func:`cadis_structures`.

>>> from cadis.engines.sdmx import cadis_structures, structure_message
>>> b"DF_TDI" in structure_message(cadis_structures(), prepared="2025-01-01T00:00:00")
True
"""

from __future__ import annotations

from cadis.engines.sdmx.codelists import (
    CONF_FREE,
    CONF_PRIMARY,
    CONF_SECONDARY,
    OBS_ESTIMATED,
    OBS_LOW_RELIABILITY,
    OBS_MISSING,
    OBS_NORMAL,
    OBS_PROVISIONAL,
    SEX_FROM_TDI,
    TOTAL,
    UNKNOWN,
    age_code,
    area_codelist,
)
from cadis.engines.sdmx.data import (
    DuplicateKeyError,
    Observation,
    ObservationError,
    check_observations,
    iter_sdmx_csv,
    merge_shared_margins,
    write_sdmx_csv,
)
from cadis.engines.sdmx.dataflows import (
    cadis_structures,
    harms_dataflow,
    primary_drug_codelist,
    seizures_dataflow,
    tdi_code,
    tdi_dataflow,
)
from cadis.engines.sdmx.ids import decode_id, is_sdmx_id, sdmx_id
from cadis.engines.sdmx.model import (
    Code,
    Codelist,
    Dataflow,
    StructureError,
    StructureSet,
    Text,
    codelist_from_pairs,
)
from cadis.engines.sdmx.structure_xml import structure_message
from cadis.engines.sdmx.tables import dimension_code, table_observations

__all__ = [
    "CONF_FREE",
    "CONF_PRIMARY",
    "CONF_SECONDARY",
    "OBS_ESTIMATED",
    "OBS_LOW_RELIABILITY",
    "OBS_MISSING",
    "OBS_NORMAL",
    "OBS_PROVISIONAL",
    "SEX_FROM_TDI",
    "TOTAL",
    "UNKNOWN",
    "Code",
    "Codelist",
    "Dataflow",
    "DuplicateKeyError",
    "Observation",
    "ObservationError",
    "StructureError",
    "StructureSet",
    "Text",
    "age_code",
    "area_codelist",
    "cadis_structures",
    "check_observations",
    "codelist_from_pairs",
    "decode_id",
    "dimension_code",
    "harms_dataflow",
    "is_sdmx_id",
    "iter_sdmx_csv",
    "merge_shared_margins",
    "primary_drug_codelist",
    "sdmx_id",
    "seizures_dataflow",
    "structure_message",
    "table_observations",
    "tdi_code",
    "tdi_dataflow",
    "write_sdmx_csv",
]
