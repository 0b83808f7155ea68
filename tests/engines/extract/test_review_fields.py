"""Per-fact language, confidence, reasons, plausibility and spans, in the CLI's JSON."""

from __future__ import annotations

from datetime import date

from cadis.engines.extract import extract
from cadis.engines.extract.confidence import MUST_CONFIRM, WEIGHTS


def test_every_fact_carries_the_review_fields_in_its_json():
    text = (
        "Более 2 тонн гашиша изъято в Чуйской области\n\n"
        "Вчера сотрудники СБНОН МВД изъяли 2,3 тонны гашиша. Задержаны 3 человека."
    )
    data = extract(text, document_date=date(2024, 4, 10), mentions=False).to_json()
    for fact in data["facts"]:
        assert fact["language"] == "ru"
        assert 0 < fact["confidence"] <= 1
        assert isinstance(fact["reasons"], list) and isinstance(fact["plausibility"], list)
        assert [fact["span"][0], fact["span"][1]] in fact["spans"]
        for start, end in fact["spans"]:
            assert 0 <= start < end <= len(text)
    seizure = next(f for f in data["facts"] if f["type"] == "seizure")
    assert len(seizure["spans"]) == 2
    assert seizure["period"]["start"] == "2024-04-09"


def test_reason_codes_are_stable_and_plausibility_is_a_subset_of_reasons():
    text = "В 1.300 кг наркотиков, изъятых у 35-летнего мужчины 1985 года рождения."
    for fact in extract(text, document_date=date(2024, 4, 10), mentions=False).facts:
        assert set(fact.plausibility) <= set(fact.reasons)
        assert set(fact.reasons) <= set(WEIGHTS)
        assert set(fact.plausibility) <= set(MUST_CONFIRM)


def test_a_headline_only_fact_is_less_sure_than_one_the_body_states():
    text = "Задержан курьер с героином\n\nПолицейские изъяли 1,2 кг гашиша у местного жителя."
    facts = extract(text, mentions=False).facts
    person = next(f for f in facts if f.type == "detained")
    seizure = next(f for f in facts if f.type == "seizure")
    assert "headline_only" in person.reasons
    assert person.confidence < seizure.confidence


def test_a_number_read_two_ways_must_be_confirmed():
    (fact,) = [
        f for f in extract("В 2024 году изъято 2.400 кг гашиша.").facts if f.type == "seizure"
    ]
    assert "ambiguous_number" in fact.plausibility


def test_one_event_of_a_hundred_tonnes_must_be_confirmed():
    facts = extract("У водителя грузовика изъято 120 тонн гашиша.", mentions=False).facts
    (fact,) = [f for f in facts if f.type == "seizure"]
    assert "implausible_quantity" in fact.plausibility
