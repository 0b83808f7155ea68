from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.engines.units import (
    DateFormatError,
    DatePrecision,
    find_periods,
    parse_date,
    parse_period,
)

DOCUMENT_DATE = date(2024, 11, 27)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("12.05.2024", date(2024, 5, 12), DatePrecision.DAY),
        ("2024-05-12", date(2024, 5, 12), DatePrecision.DAY),
        ("12 мая 2024 г.", date(2024, 5, 12), DatePrecision.DAY),
        ("May 12, 2024", date(2024, 5, 12), DatePrecision.DAY),
        ("3 March 2023", date(2023, 3, 3), DatePrecision.DAY),
        ("май 2024", date(2024, 5, 1), DatePrecision.MONTH),
        ("May 2024", date(2024, 5, 1), DatePrecision.MONTH),
        ("2024", date(2024, 1, 1), DatePrecision.YEAR),
        ("2024 год", date(2024, 1, 1), DatePrecision.YEAR),
    ],
)
def test_it_reads_dates_with_their_precision(text, expected, precision):
    assert parse_date(text) == (expected, precision)


@pytest.mark.parametrize("text", ["", "мая", "31.02.2024", "2024-13-01", "yesterday"])
def test_it_rejects_what_is_not_a_valid_date(text):
    with pytest.raises(DateFormatError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("за 3 года и 10 месяцев", date(2021, 1, 28), DOCUMENT_DATE),
        ("в 2024 году", date(2024, 1, 1), date(2024, 12, 31)),
        ("first half of 2012", date(2012, 1, 1), date(2012, 6, 30)),
        ("since the start of the year", date(2024, 1, 1), DOCUMENT_DATE),
        ("с начала года", date(2024, 1, 1), DOCUMENT_DATE),
        ("за 9 месяцев 2023 года", date(2023, 1, 1), date(2023, 9, 30)),
        ("in the first nine months of 2023", date(2023, 1, 1), date(2023, 9, 30)),
        ("в первом квартале", date(2024, 1, 1), date(2024, 3, 31)),
        ("in the second quarter of 2023", date(2023, 4, 1), date(2023, 6, 30)),
        ("за второе полугодие 2022 года", date(2022, 7, 1), date(2022, 12, 31)),
        ("с 2020 по 2023 год", date(2020, 1, 1), date(2023, 12, 31)),
        ("January–March 2024", date(2024, 1, 1), date(2024, 3, 31)),
        ("в мае 2024 года", date(2024, 5, 1), date(2024, 5, 31)),
        ("в прошлом году", date(2023, 1, 1), date(2023, 12, 31)),
        ("over the past three years", date(2021, 11, 28), DOCUMENT_DATE),
        ("27-28 ноября 2024 г.", date(2024, 11, 27), date(2024, 11, 28)),
    ],
)
def test_it_reads_periods_relative_to_the_document_date(text, start, end):
    assert tuple(parse_period(text, reference_date=DOCUMENT_DATE)) == (start, end)


def test_a_relative_period_without_a_reference_date_keeps_its_text_but_has_no_dates():
    period = parse_period("за 3 года и 10 месяцев")
    assert (period.start, period.end, period.duration_months) == (None, None, 46)
    assert period.relative


def test_it_finds_several_periods_in_a_sentence_without_overlaps():
    periods = find_periods("За 3 года и 10 месяцев изъято 260 кг, а в 2024 году - 1.300 кг.")
    assert [p.text for p in periods] == ["За 3 года и 10 месяцев", "в 2024 году"]


def test_it_rejects_text_without_a_period():
    with pytest.raises(DateFormatError):
        parse_period("героин")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_reading_dates_and_periods_never_crashes_on_any_string(text):
    find_periods(text, reference_date=DOCUMENT_DATE)
    for parser in (parse_date, parse_period):
        try:
            parser(text)
        except DateFormatError:
            pass


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)))
def test_a_date_written_in_each_style_reads_back(day):
    for text in (
        day.strftime("%d.%m.%Y"),
        day.isoformat(),
        f"{day.day} {day.strftime('%B')} {day.year}",
    ):
        assert parse_date(text) == (day, DatePrecision.DAY)


@pytest.mark.parametrize(
    "text", ["2024-05-12 00:00:00", "2024-05-12T10:30:00Z", "12.05.2024 10:30"]
)
def test_a_time_of_day_after_a_date_is_ignored(text):
    assert parse_date(text) == (date(2024, 5, 12), DatePrecision.DAY)
