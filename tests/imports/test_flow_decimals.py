"""The row flow's decimal numbers and period bounds (price and purity records use them)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cadis.platform.imports.flow import RowReader


def _read(text: str, convention: str | None = None, **options):
    reader = RowReader("f.csv", 2, {"price": text}, {"price": convention} if convention else {})
    return reader.decimal("price", **options), [str(i.code) for i in reader.issues]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 300,50", Decimal("1300.50")),
        ("1300.5", Decimal("1300.50")),
        ("2 000", Decimal("2000.00")),
        ("0,75", Decimal("0.75")),
        ("", None),
    ],
)
def test_decimals_are_read_in_the_ways_clerks_write_them(text, value):
    assert _read(text) == (value, [])


def test_1_300_is_asked_unless_the_column_shows_its_decimal_mark():
    assert _read("1.300") == (None, ["ambiguous_number"])
    assert _read("1.300", "comma_decimal") == (Decimal("1300.00"), [])
    assert _read("1.300", "dot_decimal") == (Decimal("1.30"), [])


@pytest.mark.parametrize(
    ("text", "options", "code"),
    [
        ("-5", {}, "negative_number"),
        ("12,345", {"places": 2}, "too_many_decimals"),  # the comma is decimal in Russian
        ("12,3456", {"places": 2}, "too_many_decimals"),
        ("1000", {"maximum": Decimal(100)}, "number_too_large"),
        ("дорого", {}, "bad_number"),
    ],
)
def test_numbers_that_cannot_be_written_are_errors(text, options, code):
    assert _read(text, **options) == (None, [code])


def test_a_suffix_such_as_percent_may_follow_the_number():
    assert _read("45,5 %", suffix="%") == (Decimal("45.50"), [])


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("15.03.2024", dt.date(2024, 3, 15), dt.date(2024, 3, 15)),
        ("02.2024", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ],
)
def test_period_bounds_are_the_first_or_last_day_of_what_is_written(text, start, end):
    reader = RowReader("f.csv", 2, {"from": text, "to": text})
    assert reader.period_bound("from") == start
    assert reader.period_bound("to", end=True) == end
    assert reader.issues == []


def test_a_period_bound_that_is_not_a_date_is_an_error():
    reader = RowReader("f.csv", 2, {"from": "весна"})
    assert reader.period_bound("from") is None
    assert [str(i.code) for i in reader.issues] == ["bad_date"]
