"""Kind 2: compound quantities joined by "and", spelled-out numbers, "полкило"; properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.engines.extract import extract
from cadis.engines.extract.quantities import find_document_quantities


def _kg(text: str) -> list[float]:
    return [
        round(f.quantity_kg, 6)
        for f in extract(text, mentions=False).facts
        if f.type == "seizure" and f.quantity_kg is not None
    ]


@pytest.mark.parametrize(
    ("sentence", "kg"),
    [
        ("Customs officers seized 36 kg and 410 grams of heroin.", 36.41),
        ("Police seized 12 kilograms and 75 grams of hashish in the car.", 12.075),
        ("Officers seized 5 kg and 60 grams of opium at the checkpoint.", 5.06),
        ("Border guards intercepted one kilogram and 350 grams of heroin.", 1.35),
        ("Police seized two kilograms and 100 grams of methamphetamine.", 2.1),
        ("The agency seized four tonnes of hashish during the operation.", 4000.0),
        ("Police seized one and a half tons of marijuana in the barn.", 1500.0),
        ("Пограничники изъяли полторы тонны гашиша.", 1500.0),
        ("У задержанного изъяли полкило героина.", 0.5),
        ("Изъято два с половиной килограмма гашиша.", 2.5),
        ("Изъято 7 кг и 300 г героина.", 7.3),
        ("Police seized more than a tonne of hashish.", 1000.0),
    ],
)
def test_the_whole_quantity_is_read(sentence, kg):
    assert _kg(sentence) == [kg]


def test_the_joined_quantity_keeps_its_parts():
    (match,) = find_document_quantities("seized 3 kg and 15 grams", language="en", style="en")
    assert match.quantity.parts == ((3.0, "kg"), (15.0, "g"))
    assert round(match.quantity.value, 3) == 3.015


def test_two_quantities_of_the_same_unit_are_not_joined():
    matches = find_document_quantities("2 kg and 3 kg", language="en", style="en")
    assert [m.quantity.value for m in matches] == [2.0, 3.0]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_the_quantity_finder_never_crashes(text):
    for language, style in (("ru", "ru"), ("en", "en"), ("kk", "ru"), ("uz", "ru")):
        for match in find_document_quantities(text, language=language, style=style):
            assert 0 <= match.start < match.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_kilograms_and_grams_sum(kilograms, grams):
    for joiner in (" and ", " ", ", "):
        text = f"seized {kilograms} kg{joiner}{grams} grams"
        (match,) = find_document_quantities(text, language="en", style="en")
        assert match.quantity.unit == "kg"
        assert abs(match.quantity.value - (kilograms + grams / 1000)) < 1e-9


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=999))
def test_regional_kilograms_and_grams_sum(kilograms, grams):
    for text in (
        f"{kilograms} келі {grams} грамм есірткі",
        f"{kilograms} kilogramm {grams} gramm gashish",
    ):
        (match,) = find_document_quantities(text, language="kk", style="ru")
        assert abs(match.quantity.value - (kilograms + grams / 1000)) < 1e-9


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_extraction_never_crashes_and_spans_point_at_their_words(text):
    result = extract(text, mentions=False)
    for fact in result.facts:
        for start, end in fact.spans:
            assert 0 <= start <= end <= len(text)
        assert text[fact.span[0] : fact.span[1]] == fact.text
