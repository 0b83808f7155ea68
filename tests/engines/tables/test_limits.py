"""Hostile workbooks are refused before they cost memory: bombs, lying sizes, giant sheets."""

from __future__ import annotations

import tracemalloc

import pytest

from cadis.engines.tables import Limits, TableError, TableErrorCode, iter_rows
from cadis.engines.tables.limits import MB
from tests.engines.tables.helpers import raw_workbook, understate_size


def error_of(data: bytes, limits: Limits | None = None) -> TableError:
    with pytest.raises(TableError) as caught:
        list(iter_rows(data, name="bomb.xlsx", limits=limits or Limits()))
    return caught.value


def bomb(megabytes: int) -> bytes:
    """A small workbook whose one shared string unpacks to ``megabytes`` MB."""
    return raw_workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ["A" * (megabytes * MB)])


def test_a_shared_string_bomb_is_refused_from_the_zip_directory_without_inflating_it():
    data = bomb(100)
    assert len(data) < 200_000  # 100 MB of text in under 200 KB
    tracemalloc.start()
    error = error_of(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert error.code is TableErrorCode.XLSX_RATIO
    assert "compressed more than 200 times" in error.message
    assert peak < 10 * MB


def test_shared_strings_over_their_own_limit_are_refused():
    error = error_of(bomb(3), Limits(xlsx_max_shared_strings_bytes=2 * MB, xlsx_max_ratio=10_000))
    assert error.code is TableErrorCode.XLSX_SHARED_STRINGS and "2 MB" in error.message


def test_a_directory_that_understates_the_size_is_caught_while_inflating():
    # The archive claims the shared strings unpack to 1 KB; they unpack to 100 MB.
    data = understate_size(bomb(100), "xl/sharedStrings.xml", 1024)
    tracemalloc.start()
    error = error_of(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert error.code in (TableErrorCode.XLSX_RATIO, TableErrorCode.XLSX_SHARED_STRINGS)
    assert peak < 80 * MB  # stopped at the limit, never the whole 100 MB


def test_the_inflating_count_enforces_the_shared_strings_limit_itself():
    data = understate_size(bomb(3), "xl/sharedStrings.xml", 1024)
    limits = Limits(xlsx_max_shared_strings_bytes=2 * MB, xlsx_max_ratio=10_000)
    assert error_of(data, limits).code is TableErrorCode.XLSX_SHARED_STRINGS


def test_a_high_ratio_sheet_is_refused():
    data = raw_workbook("<row><c><v>0</v></c></row>" * 1_000_000)  # 26 MB of one row repeated
    assert len(data) < 200_000
    assert error_of(data).code is TableErrorCode.XLSX_RATIO


def test_a_high_ratio_sheet_with_a_lying_directory_is_caught_while_inflating():
    data = understate_size(
        raw_workbook("<row><c><v>0</v></c></row>" * 1_000_000), "xl/worksheets/sheet1.xml", 4096
    )
    assert error_of(data).code is TableErrorCode.XLSX_RATIO


def test_a_workbook_unpacking_past_the_total_limit_is_refused():
    sheet = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 100_001))
    error = error_of(raw_workbook(sheet), Limits(xlsx_max_unpacked_bytes=1 * MB))
    assert error.code is TableErrorCode.XLSX_TOO_LARGE


def test_too_many_rows_are_refused():
    sheet = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 1002))
    error = error_of(raw_workbook(sheet), Limits(max_rows=1000))
    assert error.code is TableErrorCode.TOO_MANY_ROWS


def test_a_value_beyond_the_column_limit_is_refused_with_its_row():
    sheet = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="XFD2"><v>1</v></c></row>'
    error = error_of(raw_workbook(sheet))
    assert error.code is TableErrorCode.TOO_MANY_COLUMNS and error.row == 2


def test_an_empty_styled_cell_far_right_does_not_count_as_a_column():
    sheet = '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="0"/></row>'
    assert [row.cells for row in iter_rows(raw_workbook(sheet), name="f.xlsx")] == [[1]]


def test_callers_may_only_tighten_the_limits():
    assert Limits().tightened(max_rows=10).max_rows == 10
    with pytest.raises(ValueError):
        Limits().tightened(xlsx_max_ratio=10_000)
