"""Acceptance: the founding press release (read from the shared folder, never copied here)."""

from __future__ import annotations

from datetime import date

import pytest

from cadis.engines.extract import extract, load_document_text
from tests.founding import founding_path


@pytest.fixture(scope="module")
def result():
    path = founding_path()
    text, _meta = load_document_text(path)
    return extract(text, document=path.name)


def test_it_reads_the_document_as_russian(result):
    assert result.language == "ru"


def test_it_finds_260_kg_of_synthetic_drugs_over_3_years_and_10_months_in_kyrgyzstan(result):
    fact = next(f for f in result.of_type("seizure") if f.quantity_kg == 260.0)
    assert fact.substance_resolved == "synthetic_drugs"
    assert fact.aggregate is True
    assert fact.country == "KG"
    assert fact.period is not None and "3 года и 10 месяцев" in fact.period.text


def test_it_finds_16_criminal_groups_of_74_people_dismantled_in_2024_by_the_tajik_agency(result):
    fact = next(f for f in result.of_type("groups_dismantled"))
    assert (fact.count, fact.members) == (16, 74)
    assert fact.period.start == date(2024, 1, 1) and fact.period.end == date(2024, 12, 31)
    assert fact.country == "TJ"


def test_it_reads_1_300_kg_as_thousands_and_attributes_it_to_the_drug_control_agency(result):
    fact = next(f for f in result.of_type("seizure") if f.substance_resolved == "narcotic_drugs")
    assert fact.quantity_kg == 1300.0  # not 1.3
    assert fact.ambiguity and "1.3" in fact.ambiguity  # the other reading stays visible
    assert fact.aggregate is True
    assert fact.period.start == date(2024, 1, 1)
    assert fact.agency_code == "tj_akn"
    assert fact.country == "TJ"


def test_it_finds_vacuum_packaging_that_sniffer_dogs_cannot_detect(result):
    fact = next(f for f in result.of_type("concealment"))
    assert fact.method == "vacuum packaging"
    assert fact.defeats == "sniffer dogs"


def test_it_finds_the_growing_popularity_of_smoking_mixtures_in_kyrgyzstan(result):
    fact = next(f for f in result.of_type("trend") if f.substance_resolved == "smoking_mixtures")
    assert fact.direction == "up"
    assert fact.substance_group == "synthetic_cannabinoids"
    assert fact.country == "KG"
    assert "популярность" in fact.subject


def test_it_finds_the_conference_in_ashgabat_with_the_five_countries(result):
    fact = next(f for f in result.of_type("event"))
    assert fact.place == "Ashgabat"
    assert fact.country == "TM"
    assert (fact.period.start, fact.period.end) == (date(2024, 11, 27), date(2024, 11, 28))
    assert sorted(fact.countries) == ["KG", "KZ", "TJ", "TM", "UZ"]


def test_every_fact_points_at_the_words_it_came_from(result):
    text, _ = load_document_text(founding_path())
    for fact in result.facts:
        start, end = fact.span
        assert text[start:end] == fact.text
