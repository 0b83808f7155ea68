from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.engines.units import (
    QuantityError,
    UnitsError,
    UnitsErrorCode,
    find_quantities,
    normalise,
    parse_number_expression,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("15 т 106 кг 549 г", 15106.549, "kg"),
        ("15 тонн 106 килограммов 549 грамма", 15106.549, "kg"),
        ("2 kg 300 g", 2.3, "kg"),
        ("1,5 тонны", 1.5, "t"),
        ("260 кг", 260.0, "kg"),
        ("20,374 кг", 20.374, "kg"),
        ("1 300,5 кг", 1300.5, "kg"),
        ("3 литра", 3.0, "l"),
        ("500 мл", 500.0, "ml"),
        ("1 тысяча 163 таблетки", 1163.0, "tablet"),
        ("двух тысяч доз", 2000.0, "dose"),
        ("трёх кустов", 3.0, "plant"),
        ("двадцать пять граммов", 25.0, "g"),
        ("seven kilograms", 7.0, "kg"),
        ("two hundred and fifty tablets", 250.0, "tablet"),
        ("1,300 kg", 1300.0, "kg"),
        ("2 million tablets", 2_000_000.0, "tablet"),
        ("1,5 млн таблеток", 1_500_000.0, "tablet"),
        ("12 шт.", 12.0, "unit"),
        ("40 plants", 40.0, "plant"),
        ("5 doses", 5.0, "dose"),
    ],
)
def test_it_reads_simple_compound_and_worded_quantities(text, value, unit):
    quantity = parse_quantity(text)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


def test_a_compound_quantity_keeps_its_parts():
    assert parse_quantity("15 т 106 кг 549 г").parts == ((15.0, "t"), (106.0, "kg"), (549.0, "g"))


def test_a_thousands_dot_is_read_as_thousands_and_flagged_with_the_decimal_alternative():
    quantity = parse_quantity("1.300 кг")
    assert (quantity.value, quantity.ambiguous) == (1300.0, True)
    assert quantity.alternative == pytest.approx(1.3)


def test_a_year_followed_by_g_is_not_read_as_grams():
    found = list(find_quantities("в 2024 г. изъято 5 кг героина"))
    assert [m.quantity.value for m in found] == [5.0]


def test_it_finds_quantities_with_their_spans():
    text = "Изъято 1.300 кг наркотиков и 3 л прекурсоров."
    spans = [text[m.start : m.end] for m in find_quantities(text)]
    assert spans == ["1.300 кг", "3 л"]


def test_it_does_not_join_quantities_of_different_kinds():
    found = list(find_quantities("5 кг 20 таблеток"))
    assert len(found) == 2


def test_number_expressions_combine_digits_and_multiplier_words():
    assert parse_number_expression("1 тысяча 163")[0] == 1163.0
    assert parse_number_expression("двух тысяч")[0] == 2000.0
    assert parse_number_expression("twenty-five")[0] == 25.0


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", UnitsErrorCode.EMPTY),
        ("5", UnitsErrorCode.NO_UNIT),
        ("кг", UnitsErrorCode.UNKNOWN_UNIT),
    ],
)
def test_it_rejects_text_that_is_not_one_quantity(text, code):
    with pytest.raises(QuantityError) as error:
        parse_quantity(text)
    assert error.value.code is code


@pytest.mark.parametrize(
    ("value", "unit", "quantity", "target", "rule"),
    [
        (1.5, "t", 1500.0, "kg", "t->kg x1000"),
        (549, "g", 0.549, "kg", "g->kg x0.001"),
        (3, "l", 3.0, "kg", "L->kg at 1 kg/L (UNODC)"),
        (250, "ml", 0.25, "kg", "mL->kg at 1 kg/L (UNODC)"),
        (2000, "tablet", 2000.0, "count", "tablets counted as units"),
        (40, "кустов", 40.0, "count", "plants counted as units"),
        (7, "килограммов", 7.0, "kg", "kg as written"),
    ],
)
def test_it_normalises_to_kg_or_count_and_records_the_rule(value, unit, quantity, target, rule):
    result = normalise(value, unit)
    assert result.quantity == pytest.approx(quantity)
    assert (result.unit, result.rule) == (target, rule)


def test_normalising_records_the_form_for_liquids():
    assert "liquid" in normalise(2, "l", form="liquid").rule


def test_normalising_rejects_an_unknown_unit():
    with pytest.raises(QuantityError):
        normalise(1, "furlong")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_reading_quantities_never_crashes_on_any_string(text):
    list(find_quantities(text))
    try:
        parse_quantity(text)
    except UnitsError:
        pass


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=1, max_value=999),
)
def test_a_compound_mass_equals_the_sum_of_its_parts(tonnes, kilograms, grams):
    quantity = parse_quantity(f"{tonnes} т {kilograms} кг {grams} г")
    assert quantity.value == pytest.approx(tonnes * 1000 + kilograms + grams / 1000)


@settings(max_examples=100, deadline=None)
@given(
    st.floats(min_value=0, max_value=1e6, allow_nan=False), st.sampled_from(["t", "kg", "g", "l"])
)
def test_normalising_a_normalised_quantity_changes_nothing(value, unit):
    once = normalise(value, unit)
    assert normalise(once.quantity, "kg").quantity == pytest.approx(once.quantity)
