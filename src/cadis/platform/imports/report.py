"""The downloadable error report: the uploaded file itself, row for row, with an errors column.

A clerk corrects the rows in the copy and uploads it again; rows without problems have an empty
errors cell. Problems of the file as a whole (no row) come first, in a row of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.utils.translation import gettext as _

from cadis.platform.imports.issues import FileRejected, Issue
from cadis.platform.imports.reader import Cell, read_table


def _messages(issues: Iterable[Issue]) -> tuple[list[str], dict[int, list[str]]]:
    general: list[str] = []
    by_row: dict[int, list[str]] = {}
    for problem in issues:
        text = f"{problem.column}: {problem.reason}" if problem.column else problem.reason
        if problem.row is None:
            general.append(text)
        else:
            by_row.setdefault(problem.row, []).append(text)
    return general, by_row


def annotated_table(
    data: bytes, file_name: str, issues: Iterable[Issue]
) -> tuple[list[str], Iterator[list[Any]]]:
    """(columns, rows) of the file with an ``errors`` column after its own columns."""
    general, by_row = _messages(issues)
    try:
        table = read_table(data, file_name)
    except FileRejected as rejected:
        return [_("errors")], iter([[problem.reason] for problem in rejected.issues])
    width = max([len(table.headers), *(len(cells) for _n, cells in table.rows)])
    headers = [*table.headers, *[""] * (width - len(table.headers)), _("errors")]

    def rows() -> Iterator[list[Any]]:
        if general or 1 in by_row:
            yield [*[""] * width, "; ".join(general + by_row.get(1, []))]
        for number, cells in table.rows:
            padded: list[Cell] = [*cells, *[""] * (width - len(cells))]
            yield [*padded, "; ".join(by_row.get(number, []))]

    return headers, rows()
