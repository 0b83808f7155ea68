"""The writer: one formula rule, numbers and dates typed, suppression as empty cell + flag.

XLSX output is checked with openpyxl (cell data types), CSV output with the csv module."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest

from cadis.engines.tables import Column, Sheet, Suppressed, iter_csv, neutralise, write_xlsx
from cadis.engines.tables.writer import sheet_title


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5", "-5"),
        ("+1.5", "+1.5"),
        ("-1,5", "-1,5"),
        ("героин", "героин"),
        (" =1", " =1"),
        (-5, -5),
        (-1.25, -1.25),
        (Decimal("-3.5"), Decimal("-3.5")),
        (True, True),
        (None, None),
        (float("inf"), None),
    ],
)
def test_one_formula_rule(value, written):
    assert neutralise(value) == written


def xlsx(sheets: list[Sheet]) -> openpyxl.Workbook:
    buffer = io.BytesIO()
    write_xlsx(buffer, sheets)
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


def test_xlsx_cells_are_typed_for_openpyxl():
    book = xlsx(
        [
            Sheet(
                "data",
                ["year", "count", "kg", "date", "when", "name", "formula", "negative"],
                [
                    [
                        2023,
                        14,
                        1.5,
                        dt.date(2024, 1, 5),
                        dt.datetime(2024, 1, 5, 10, 30),
                        "Ацетон",
                        "=1+1",
                        -7,
                    ]
                ],
            )
        ]
    )
    sheet = book["data"]
    cells = [cell for cell in sheet[2]]
    assert [c.data_type for c in cells] == ["n", "n", "n", "d", "d", "s", "s", "n"]
    assert [c.value for c in cells] == [
        2023,
        14,
        1.5,
        dt.datetime(2024, 1, 5),
        dt.datetime(2024, 1, 5, 10, 30),
        "Ацетон",
        "'=1+1",
        -7,
    ]
    assert cells[3].is_date and cells[3].number_format == "yyyy-mm-dd"


def test_a_suppressed_value_is_an_empty_cell_with_its_flag_next_to_it():
    columns = ["year", Column("male", flag="male: flag"), Column("female", flag="female: flag")]
    rows = [[2023, 12, Suppressed("small count")], [2024, Suppressed(), 9]]
    sheet = xlsx([Sheet("t", columns, rows)])["t"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values == [
        ["year", "male", "male: flag", "female", "female: flag"],
        [2023, 12, None, None, "small count"],
        [2024, None, "suppressed", 9, None],
    ]
    numeric = [sheet.cell(r, 2).value for r in (2, 3)] + [sheet.cell(r, 4).value for r in (2, 3)]
    assert all(v is None or isinstance(v, int) for v in numeric)
    text = "".join(iter_csv(columns, rows, bom=False))
    assert list(csv.reader(io.StringIO(text)))[1:] == [
        ["2023", "12", "", "", "small count"],
        ["2024", "", "suppressed", "9", ""],
    ]


def test_a_suppressed_value_without_a_flag_column_is_a_programming_error():
    with pytest.raises(ValueError, match="no flag"):
        list(iter_csv(["a"], [[Suppressed()]]))


def test_csv_starts_with_a_bom_and_streams_line_by_line():
    lines = list(iter_csv(["Вещество", "кг"], ([f"s{n}", n] for n in range(3))))
    assert lines[0].startswith("\ufeff") and len(lines) == 4
    assert "".join(lines).encode("utf-8").decode("utf-8-sig").splitlines()[1] == "s0,0"


def test_illegal_control_characters_are_dropped_from_xlsx_text():
    sheet = xlsx([Sheet("s", ["a"], [["bell\x07here"]])])["s"]
    assert sheet.cell(2, 1).value == "bellhere"


def test_sheet_titles_are_valid_and_unique():
    used: set[str] = set()
    titles = [sheet_title(n, used) for n in ("a/b", "a/b", "x" * 40, "[q]*?:")]
    assert titles == ["a-b", "a-b_1", "x" * 31, "-q----"]
    book = xlsx([Sheet("kz/tdi", ["a"], []), Sheet("kz/tdi", ["a"], [])])
    assert book.sheetnames == ["kz-tdi", "kz-tdi_1"]
