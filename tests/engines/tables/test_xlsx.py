"""XLSX: typed cells with their row numbers, merged cells, headers below titles, formulas."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest

from cadis.engines.tables import HeaderSpec, TableError, TableErrorCode, iter_rows, read_table
from tests.engines.tables.helpers import raw_workbook, workbook


def rows(data: bytes, **kwargs) -> list[tuple[int, list[object]]]:
    return [(row.number, row.cells) for row in iter_rows(data, name="f.xlsx", **kwargs)]


def test_cells_keep_their_types():
    data = workbook(
        [
            ["text", "int", "float", "bool", "date", "datetime"],
            ["Ацетон", 42, 1.5, True, dt.date(2024, 2, 29), dt.datetime(2024, 3, 1, 10, 30)],
        ]
    )
    assert rows(data)[1] == (
        2,
        ["Ацетон", 42, 1.5, True, dt.date(2024, 2, 29), dt.datetime(2024, 3, 1, 10, 30)],
    )
    assert type(rows(data)[1][1][1]) is int


def test_row_numbers_are_those_of_the_sheet_and_blank_rows_are_skipped():
    data = workbook([["a", "b"], [], [None, "x"], ["", " "], [1, None, 3]])
    assert rows(data) == [(1, ["a", "b"]), (3, [None, "x"]), (5, [1, None, 3])]


def test_shared_and_inline_strings_and_rich_text_are_text():
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>inline</t></is></c>'
        '<c r="C1" t="s"><v>1</v></c></row>'
        '<row r="4"><c r="B4" t="str"><v>formula text</v></c><c r="C4" t="e"><v>#N/A</v></c></row>'
    )
    shared = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>общий</t></si><si><r><t>жир</t></r><r><t>ный</t></r>"
        "<rPh><t>phonetic</t></rPh></si></sst>"
    )
    assert rows(raw_workbook(sheet, shared)) == [
        (1, ["общий", "inline", "жирный"]),
        (4, [None, "formula text", "#N/A"]),
    ]


def test_cells_without_references_follow_each_other():
    sheet = (
        '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c><v>3</v></c></row>'
    )
    assert rows(raw_workbook(sheet)) == [(1, ["a", 2]), (2, [3])]


def test_formulas_give_their_cached_values():
    data = workbook([["a", "b"], [2, "=A2*100"]])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = re.sub(
        rb"<f>A2\*100</f>(<v\s*/>|<v></v>)?",
        b"<f>A2*100</f><v>200</v>",
        parts["xl/worksheets/sheet1.xml"],
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    assert rows(buffer.getvalue())[1] == (2, [2, 200])


def test_merged_cells_take_the_value_of_their_top_left_cell():
    data = workbook(
        [["№", "Описание", "Страна"], [1, "Ацетон", "KZ"], [2, "Толуол", None], [3, "Рис", None]],
        merges=("C2:C4",),
    )
    assert [cells[2] for _n, cells in rows(data)[1:]] == ["KZ", "KZ", "KZ"]
    assert [cells[2] if len(cells) > 2 else None for _n, cells in rows(data, fill_merged=False)][
        2:
    ] == [None, None]


def test_the_header_is_found_below_a_merged_title():
    data = workbook(
        [
            ["Декларация на товары № 1"],
            [],
            ["№", "Описание товара", "CAS"],
            [1, "Acetone", "67-64-1"],
        ],
        merges=("A1:C1",),
    )
    spec = HeaderSpec(
        {"description": ("описание товара",), "cas": ()}, required=("description",), search_rows=10
    )
    table = read_table(data, name="d.xlsx", spec=spec)
    assert (table.header.row, table.header.columns) == (3, {"description": 1, "cas": 2})
    assert [(row.number, row.cells) for row in table] == [(4, [1, "Acetone", "67-64-1"])]


def test_dates_in_a_1904_workbook_are_right():
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    book.active.append([dt.date(2024, 5, 1)])
    buffer = io.BytesIO()
    book.save(buffer)
    assert rows(buffer.getvalue()) == [(1, [dt.date(2024, 5, 1)])]


def test_a_time_and_a_duration_keep_their_kind():
    book = openpyxl.Workbook()
    book.active.append([dt.time(10, 30), dt.timedelta(hours=30)])
    buffer = io.BytesIO()
    book.save(buffer)
    assert rows(buffer.getvalue()) == [(1, [dt.time(10, 30), dt.timedelta(hours=30)])]


def test_a_percentage_is_read_as_the_sheet_shows_it_never_as_the_fraction():
    book = openpyxl.Workbook()
    book.active.append([0.45, 0.456, 1, 0.45, 0.45, 7])
    codes = ["0%", "0.0%", "0%", '0.00"%"', "0.00\\%", "0"]
    for column, code in zip("ABCDEF", codes, strict=True):
        book.active[f"{column}1"].number_format = code
    buffer = io.BytesIO()
    book.save(buffer)
    # a quoted or escaped "%" is only a sign after the number: the number is kept
    assert rows(buffer.getvalue()) == [(1, ["45%", "45.6%", "100%", 0.45, 0.45, 7])]


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04 not really a zip", b"PK\x05\x06" + b"\x00" * 18, workbook([["a"]])[:-300]],
    ids=["garbage", "empty-zip", "truncated"],
)
def test_a_broken_workbook_is_bad_xlsx(data):
    with pytest.raises(TableError) as caught:
        list(iter_rows(data, name="d.xlsx"))
    assert caught.value.code is TableErrorCode.BAD_XLSX


def test_a_sheet_that_is_not_xml_is_bad_xlsx():
    with pytest.raises(TableError) as caught:
        list(iter_rows(raw_workbook('<row r="1"><c r="A1"><v>1</v></c>'), name="d.xlsx"))
    assert caught.value.code is TableErrorCode.BAD_XLSX


def test_a_sheet_declaring_a_dtd_is_refused():
    data = raw_workbook('<row r="1"><c r="A1"><v>1</v></c></row>')
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaa">]>'
        + parts["xl/worksheets/sheet1.xml"]
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    with pytest.raises(TableError) as caught:
        list(iter_rows(buffer.getvalue(), name="d.xlsx"))
    assert caught.value.code is TableErrorCode.BAD_XLSX and "DTD" in caught.value.message


def test_a_workbook_with_only_blank_rows_is_empty():
    with pytest.raises(TableError) as caught:
        list(iter_rows(workbook([[None], ["  "]]), name="d.xlsx"))
    assert caught.value.code is TableErrorCode.EMPTY_FILE


def _peak_growth_mb(path) -> tuple[int, int]:
    """(rows read, growth of the peak resident memory in MB) of reading ``path`` in a fresh
    process (imports included in the base)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "import openpyxl.utils.datetime, openpyxl.styles.numbers\n"
        "from cadis.engines.tables import iter_rows\n"
        "hwm = lambda: [int(l.split()[1]) for l in open('/proc/self/status') if l[:5] == 'VmHWM']\n"
        "base = hwm()[0]\n"
        "count = sum(1 for _ in iter_rows(sys.argv[1]))\n"
        "print(count, (hwm()[0] - base) // 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    count, grown = map(int, done.stdout.split())
    return count, grown


def test_a_long_sheet_is_read_in_constant_memory(tmp_path):
    row = (
        '<row r="{n}"><c r="A{n}"><v>{n}</v></c>'
        '<c r="B{n}" t="inlineStr"><is><t>героин {n}</t></is></c></row>'
    )
    growth = {}
    for rows in (20_000, 200_000):  # 2 MB and 20 MB of sheet XML
        path = tmp_path / f"long-{rows}.xlsx"
        path.write_bytes(raw_workbook("".join(row.format(n=n) for n in range(1, rows + 1))))
        count, growth[rows] = _peak_growth_mb(path)
        assert count == rows
    assert growth[200_000] <= growth[20_000] + 8, growth
    assert growth[200_000] < 20, growth
