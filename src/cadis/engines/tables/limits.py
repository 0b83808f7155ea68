"""Limits that refuse hostile or accidental giant files before they cost memory or hours.

Every reader takes a :class:`Limits`; the defaults suit an upload of a national data set and
callers may tighten them:

>>> DEFAULT_LIMITS.max_columns
200
>>> DEFAULT_LIMITS.tightened(max_rows=100).max_rows
100
"""

from __future__ import annotations

from dataclasses import dataclass, replace

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What a table may be. Sizes are bytes.

    - ``max_file_bytes``: the file as uploaded (CSV or XLSX).
    - ``max_rows``: non-blank rows in the sheet, the header and any title rows included (a
      sheet holds 1,048,576 rows at most anyway; a CSV of 10 million rows takes minutes).
    - ``max_columns``: the right-most column holding a value.
    - ``xlsx_max_unpacked_bytes``: every part of the workbook unpacked, added up (read from
      the ZIP directory and counted again while inflating, since a directory can lie).
    - ``xlsx_max_ratio``: unpacked size over packed size of any part larger than
      ``xlsx_ratio_floor_bytes`` (spreadsheet programs stay far below; bombs reach 1000).
    - ``xlsx_max_shared_strings_bytes``: the shared-strings part unpacked; it is the one part
      held in memory whole, so it has its own, smaller limit.
    """

    max_file_bytes: int = 200 * MB
    max_rows: int = 10_000_000
    max_columns: int = 200
    xlsx_max_unpacked_bytes: int = 1024 * MB
    xlsx_max_ratio: int = 200
    xlsx_ratio_floor_bytes: int = 1 * MB
    xlsx_max_shared_strings_bytes: int = 64 * MB
    xlsx_max_parts: int = 10_000
    xlsx_max_merged_ranges: int = 100_000

    def tightened(self, **changes: int) -> Limits:
        """A copy with some limits changed; a limit may only be lowered.

        >>> DEFAULT_LIMITS.tightened(max_columns=500)
        Traceback (most recent call last):
        ...
        ValueError: max_columns may only be lowered (200 -> 500)
        """
        for name, value in changes.items():
            current = getattr(self, name)
            if value > current:
                raise ValueError(f"{name} may only be lowered ({current} -> {value})")
        return replace(self, **changes)


DEFAULT_LIMITS = Limits()
