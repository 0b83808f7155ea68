"""What the readers yield: rows of typed cells with their row number in the file."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

# CSV cells are always text. XLSX cells are typed: text, int, float, bool, a date (the
# cell's number format has no time part), a datetime, a time or a timedelta (duration
# formats); an empty cell is None.
Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None


class Row(NamedTuple):
    """One row: ``number`` is 1-based, the row number a spreadsheet program shows (for CSV,
    the record number, which is the line number unless a quoted cell holds a line break).

    >>> Row(2, ["Acetone", 1.5]).get(1), Row(2, ["Acetone"]).get(5)
    (1.5, None)
    """

    number: int
    cells: list[Cell]

    def get(self, index: int) -> Cell:
        return self.cells[index] if index < len(self.cells) else None


def is_blank(cells: list[Cell]) -> bool:
    """True when no cell holds anything but white space.

    >>> is_blank(["", " ", None]), is_blank(["", 0])
    (True, False)
    """
    for cell in cells:
        if cell is None:
            continue
        if type(cell) is str:
            if cell and not cell.isspace():
                return False
        else:
            return False
    return True


def cell_text(cell: Cell) -> str:
    """A cell as the text a person would type: whole floats without ``.0``, dates ISO.

    >>> cell_text(2914110000.0), cell_text(dt.date(2024, 3, 1)), cell_text(None), cell_text(True)
    ('2914110000', '2024-03-01', '', 'TRUE')
    >>> cell_text(dt.datetime(2024, 3, 1, 10, 30))
    '2024-03-01 10:30:00'
    """
    if cell is None:
        return ""
    if type(cell) is str:
        return cell.strip()
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    return str(cell).strip()
