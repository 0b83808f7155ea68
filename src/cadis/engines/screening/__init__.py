"""Precursor screening of trade declarations (framework-free).

>>> from cadis.engines.screening import Screener, load_control_list_csv
>>> screener = Screener.from_control_list(load_control_list_csv())
>>> [hit.substance for hit in screener.screen_line("Potassium permanganate", hs_code="2841610000")]
['Potassium permanganate']
"""

from __future__ import annotations

from .cas import check_cas
from .data import load_control_list_csv
from .hs import reduce_to_hs6
from .model import (
    ControlledSubstance,
    ControlList,
    Evidence,
    EvidenceKind,
    Hit,
    LineResult,
    LineWarning,
    WarningCode,
)
from .normalise import normalise
from .screener import Screener

__all__ = [
    "ControlList",
    "ControlledSubstance",
    "Evidence",
    "EvidenceKind",
    "Hit",
    "LineResult",
    "LineWarning",
    "Screener",
    "WarningCode",
    "check_cas",
    "load_control_list_csv",
    "normalise",
    "reduce_to_hs6",
]
