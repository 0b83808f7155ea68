"""Hypothesis: the reader never crashes, and what the writer writes reads back the same."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadis.engines.tables import (
    FORMULA_START_CHARS,
    Sheet,
    TableError,
    iter_csv,
    iter_rows,
    neutralise,
    write_xlsx,
)
from tests.engines.tables.helpers import workbook

SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=300, deadline=None)
@given(content=st.binary(max_size=3000), name=st.sampled_from(["f.csv", "f.txt", "f.xlsx", "f"]))
def test_the_reader_returns_rows_or_its_own_error_on_any_bytes(content, name):
    try:
        for row in iter_rows(content, name=name):
            assert row.number >= 1 and row.cells
    except TableError as error:
        assert error.code and error.message


BASE = workbook([["Дата", "Вещество", "Количество"], [dt.date(2024, 1, 5), "героин", 1.5]])


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 2**32), flips=st.integers(1, 30), cut=st.integers(0, len(BASE)))
def test_the_reader_survives_damaged_workbooks(seed, flips, cut):
    data = bytearray(BASE[: len(BASE) - cut] if cut else BASE)
    rng = random.Random(seed)
    for _ in range(flips):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        list(iter_rows(bytes(data), name="f.xlsx"))
    except TableError:
        pass


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
    max_size=30,
).filter(lambda s: s == "" or not s.isspace())
VALUE = st.one_of(
    TEXT,
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64).filter(lambda f: abs(f) < 1e15),
    st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.booleans(),
    st.sampled_from(["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=x", "-5", "+1.5", "'quoted"]),
)
ROWS = st.lists(st.lists(VALUE, min_size=3, max_size=3), min_size=1, max_size=15)


def _xlsx(rows: list[list[object]]) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(buffer, [Sheet("s", ["a", "b", "c"], rows)])
    return buffer.getvalue()


def _expected(value: object) -> object:
    written = neutralise(value)
    if isinstance(written, str) and (written == "" or written.isspace()):
        return None  # an empty text cell reads back as an empty cell
    return written


def _approx(read: object, expected: object) -> object:
    """XLSX keeps about 16 significant digits of a float (spreadsheets show 15)."""
    if isinstance(read, float) and isinstance(expected, float):
        return expected if math.isclose(read, expected, rel_tol=1e-15, abs_tol=0) else read
    return read


@SLOW
@given(rows=ROWS)
def test_an_xlsx_written_reads_back_the_same_with_our_reader_and_with_openpyxl(rows):
    data = _xlsx(rows)
    expected = [[_expected(v) for v in row] for row in rows]
    ours = {
        row.number: row.cells + [None] * (3 - len(row.cells))
        for row in iter_rows(data, name="x.xlsx")
    }
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    for number, row in enumerate(expected, start=2):
        theirs = [sheet.cell(number, col).value for col in (1, 2, 3)]
        # openpyxl reads a date back as a datetime at midnight; ours keeps the date.
        theirs = [v.date() if isinstance(v, dt.datetime) else v for v in theirs]
        assert [_approx(t, e) for t, e in zip(theirs, row, strict=True)] == row
        if any(v is not None for v in row):
            assert ours[number] == theirs  # the two readers agree exactly
        for value, cell in zip(row, sheet[number], strict=True):
            if isinstance(value, bool):
                assert cell.data_type == "b"
            elif isinstance(value, int | float):
                assert cell.data_type == "n"
            elif isinstance(value, dt.date):
                assert cell.is_date


@SLOW
@given(rows=ROWS)
def test_a_csv_written_reads_back_the_same_with_our_reader_and_with_csv(rows):
    text = "".join(iter_csv(["a", "b", "c"], rows))
    theirs = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    ours = {row.number: row.cells for row in iter_rows(text.encode("utf-8"), name="x.csv")}
    for number, row in enumerate(rows, start=2):
        expected = ["" if neutralise(v) is None else str(neutralise(v)) for v in row]
        assert theirs[number - 1] == expected
        if any(e.strip() for e in expected):
            assert ours[number] == expected


@settings(max_examples=500)
@given(value=st.one_of(st.text(), st.integers(), st.floats(), st.decimals(), st.booleans()))
def test_numbers_stay_numbers_and_no_text_cell_starts_a_formula(value):
    written = neutralise(value)
    if isinstance(value, bool | int) or (
        isinstance(value, float) and value == value and abs(value) != float("inf")
    ):
        assert written == value and type(written) is type(value)
    if isinstance(written, str) and written.startswith(FORMULA_START_CHARS):
        # Only a plain number may start with a sign; nothing may start with = or @.
        assert not written.startswith(("=", "@", "\t", "\r"))
        float(written.replace(",", "."))


@SLOW
@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_a_percentage_cell_reads_as_the_number_a_spreadsheet_shows(fraction):
    book = openpyxl.Workbook()
    book.active.append([fraction])
    book.active["A1"].number_format = "0.00%"
    buffer = io.BytesIO()
    book.save(buffer)
    [row] = list(iter_rows(buffer.getvalue(), name="f.xlsx"))
    shown = row.cells[0]
    assert isinstance(shown, str) and shown.endswith("%")
    # the text is the fraction times 100 to a spreadsheet's 15 significant digits
    assert math.isclose(float(shown[:-1]), fraction * 100, rel_tol=1e-14, abs_tol=1e-300)
