"""Statistics engine: small-cell suppression of published tables, indicators and trends.

Framework-free; used by the treatment and reports apps.

>>> from cadis.engines.stats import suppress_table
>>> suppress_table([[12, 7], [9, 30]]).total
58
"""

from __future__ import annotations

from cadis.engines.stats.indicators import (
    AGE_BANDS,
    AGE_UNKNOWN,
    Trend,
    age_band,
    linear_trend,
    moving_average,
    percent_change,
    rate_per,
    share,
    wilson_interval,
)
from cadis.engines.stats.suppression import (
    DEFAULT_THRESHOLD,
    PRIMARY,
    SECONDARY,
    SuppressedTable,
    suppress_counts,
    suppress_table,
)

__all__ = [
    "AGE_BANDS",
    "AGE_UNKNOWN",
    "DEFAULT_THRESHOLD",
    "PRIMARY",
    "SECONDARY",
    "SuppressedTable",
    "Trend",
    "age_band",
    "linear_trend",
    "moving_average",
    "percent_change",
    "rate_per",
    "share",
    "suppress_counts",
    "suppress_table",
    "wilson_interval",
]
