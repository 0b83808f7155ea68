"""Kind 8: dates plausible against the document's date; relative dates resolved."""

from __future__ import annotations

from datetime import date

import pytest

from cadis.engines.extract import extract
from cadis.engines.extract.dates import sentence_periods

DOCUMENT = date(2024, 6, 12)  # a Wednesday


def _seizure(text: str, document_date: date = DOCUMENT):
    (fact,) = [
        f
        for f in extract(text, document_date=document_date, mentions=False).facts
        if f.type == "seizure"
    ]
    return fact


def test_a_year_of_birth_never_dates_the_seizure():
    fact = _seizure("Задержан гражданин 1987 года рождения, у которого изъято 3 кг героина.")
    assert fact.period is None  # no date of the seizure in the text: none is made up


def test_an_english_year_of_birth_never_dates_the_seizure():
    fact = _seizure("A man born in 1990 was detained with 2 kg of hashish.")
    assert fact.period is None  # no date of the seizure in the text: none is made up


def test_the_year_of_an_old_conviction_is_set_aside_and_said():
    fact = _seizure("У мужчины, судимого в 2009 году, изъято 1,2 кг героина.")
    assert fact.period is None
    assert "past_year_set_aside" in fact.reasons


def test_an_old_bare_year_by_an_event_is_flagged_for_the_reviewer():
    fact = _seizure("В 1998 году у задержанного водителя изъято 1,2 кг героина.")
    assert fact.period is None
    assert "possible_birth_year" in fact.plausibility


def test_the_birth_year_set_aside_is_said():
    fact = _seizure("Задержан гражданин 1987 года рождения, у которого изъято 3 кг героина.")
    assert "birth_year_set_aside" in fact.reasons


def test_since_a_year_dates_a_total_up_to_the_document():
    fact = _seizure("Since 2019, the unit has seized over 3 tonnes of drugs.")
    assert (fact.period.start, fact.period.end) == (date(2019, 1, 1), DOCUMENT)


def test_since_a_year_never_dates_one_event():
    text = "Мужчина, который с 2018 года торговал наркотиками, задержан с 2 кг гашиша."
    fact = _seizure(text)
    assert fact.period is None  # no date of the seizure in the text: none is made up


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("Вчера", date(2024, 6, 11), date(2024, 6, 11)),
        ("Накануне", date(2024, 6, 11), date(2024, 6, 11)),
        ("На прошлой неделе", date(2024, 6, 3), date(2024, 6, 9)),
        ("В прошлом месяце", date(2024, 5, 1), date(2024, 5, 31)),
    ],
)
def test_russian_relative_dates_resolve_against_the_document(words, start, end):
    fact = _seizure(f"{words} полицейские изъяли 4 кг гашиша.")
    assert (fact.period.start, fact.period.end) == (start, end)


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("Yesterday", date(2024, 6, 11), date(2024, 6, 11)),
        ("Last week", date(2024, 6, 3), date(2024, 6, 9)),
        ("Last month", date(2024, 5, 1), date(2024, 5, 31)),
    ],
)
def test_english_relative_dates_resolve_against_the_document(words, start, end):
    fact = _seizure(f"{words}, police seized 4 kg of hashish.")
    assert (fact.period.start, fact.period.end) == (start, end)


def test_a_day_without_a_year_is_in_the_document_year():
    fact = _seizure("3 июня пограничники изъяли 12 кг героина.")
    assert fact.period.start == date(2024, 6, 3)


def test_a_day_later_than_the_document_is_of_the_year_before():
    fact = _seizure("28 декабря пограничники изъяли 12 кг героина.")
    assert fact.period.start == date(2023, 12, 28)


def test_the_day_of_the_lead_dates_the_events_of_the_story():
    text = (
        "Вчера в Оше задержан наркокурьер.\n\nПри досмотре у него обнаружено 900 граммов героина."
    )
    fact = _seizure(text)
    assert fact.period.start == date(2024, 6, 11)
    assert "date_from_lead" in fact.reasons


def test_the_dateline_dates_the_release_not_the_event():
    text = "DUSHANBE, 10 June 2024 – Border guards seized 15 kg of hashish last week."
    fact = _seizure(text)
    assert (fact.period.start, fact.period.end) == (date(2024, 6, 3), date(2024, 6, 9))


def test_a_total_of_an_earlier_year_keeps_its_year_and_asks_for_confirmation():
    fact = _seizure("В 2019 году в области было изъято 2,3 тонны наркотиков.")
    assert fact.period.start == date(2019, 1, 1)
    assert "period_before_document" in fact.plausibility


def test_regional_years_and_yesterday():
    periods = sentence_periods("2024 жылы кеше", DOCUMENT, "kk").periods
    assert [(p.kind, p.start) for p in periods] == [
        ("year", date(2024, 1, 1)),
        ("day", date(2024, 6, 11)),
    ]
    birth = sentence_periods("1990-yilda tug'ilgan fuqaro", DOCUMENT, "uz")
    assert birth.periods == [] and birth.birth_years
