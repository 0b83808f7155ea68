"""How a period reads in tables and charts: 2025, 2025 Q2, 2025-04."""

from __future__ import annotations

import datetime as dt


def period_label(day: dt.date, grain: str) -> str:
    if grain == "quarter":
        return f"{day.year} Q{(day.month - 1) // 3 + 1}"
    if grain == "month":
        return f"{day.year}-{day.month:02d}"
    return str(day.year)
