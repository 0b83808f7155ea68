from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.engines.units import NumberFormatError, UnitsErrorCode, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 300,5", 1300.5),
        ("1 300.5", 1300.5),
        ("20,374", 20.374),
        ("1,300.50", 1300.5),
        ("1.300,50", 1300.5),
        ("1\u00a0300", 1300.0),
        ("1\u202f300\u202f000", 1_300_000.0),
        ("1\u2009300,25", 1300.25),
        ("1.300.000", 1_300_000.0),
        ("1,300,000", 1_300_000.0),
        ("1'300", 1300.0),
        ("0,75", 0.75),
        (",5", 0.5),
        ("-12,5", -12.5),
        ("\u22123", -3.0),
        ("+7", 7.0),
        ("2024", 2024.0),
    ],
)
def test_it_reads_regional_number_styles(text, expected):
    assert parse_number(text).value == pytest.approx(expected)
    assert not parse_number(text).ambiguous


def test_it_flags_a_dot_before_three_digits_as_ambiguous_and_keeps_the_other_reading():
    parsed = parse_number("1.300")
    assert parsed.ambiguous
    assert parsed.value == 1300.0
    assert parsed.alternative == pytest.approx(1.3)
    assert "dot" in parsed.reason


def test_it_reads_the_dot_as_decimal_first_in_english_style_but_still_flags_it():
    parsed = parse_number("1.300", style="en")
    assert (parsed.value, parsed.alternative, parsed.ambiguous) == (
        pytest.approx(1.3),
        1300.0,
        True,
    )


def test_it_reads_a_comma_before_three_digits_as_thousands_in_english_style():
    assert parse_number("1,300", style="en").value == 1300.0


def test_the_column_settles_a_dot_when_other_values_use_a_decimal_dot():
    parsed = parse_number("1.300", column_values=["2.5", "17", "0.75"])
    assert (parsed.value, parsed.ambiguous) == (pytest.approx(1.3), False)


def test_the_column_settles_a_dot_when_other_values_use_a_decimal_comma():
    parsed = parse_number("1.300", column_values=["2,5", "1.250.000"])
    assert (parsed.value, parsed.ambiguous) == (1300.0, False)


def test_a_column_with_contradicting_evidence_leaves_the_number_ambiguous():
    assert parse_number("1.300", column_values=["2,5", "3.75"]).ambiguous


@pytest.mark.parametrize("text", ["abc", "12 kg", "1.2.3", "1 30", "1,30,0", "--5", "1..3"])
def test_it_rejects_text_that_is_not_a_number_with_a_code(text):
    with pytest.raises(NumberFormatError) as error:
        parse_number(text)
    assert error.value.code in (UnitsErrorCode.NOT_A_NUMBER, UnitsErrorCode.BAD_GROUPING)


def test_it_rejects_an_empty_string():
    with pytest.raises(NumberFormatError) as error:
        parse_number("   ")
    assert error.value.code is UnitsErrorCode.EMPTY


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_it_never_raises_anything_but_its_own_error_on_any_string(text):
    try:
        parsed = parse_number(text)
    except NumberFormatError:
        return
    assert isinstance(parsed.value, float)


def _group(integer: int, separator: str) -> str:
    return f"{integer:,}".replace(",", separator)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["ru_space", "ru_nbsp", "ru_dot_groups", "en", "plain_dot", "plain_comma"]),
)
def test_a_number_formatted_in_any_regional_style_reads_back_to_its_value(integer, cents, style):
    fraction = f"{cents:02d}"
    expected = float(f"{integer}.{fraction}")
    text = {
        "ru_space": f"{_group(integer, ' ')},{fraction}",
        "ru_nbsp": f"{_group(integer, chr(0xA0))},{fraction}",
        "ru_dot_groups": f"{_group(integer, '.')},{fraction}",
        "en": f"{_group(integer, ',')}.{fraction}",
        "plain_dot": f"{integer}.{fraction}",
        "plain_comma": f"{integer},{fraction}",
    }[style]
    parsed = parse_number(text)
    assert parsed.value == pytest.approx(expected)
    assert not parsed.ambiguous


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_either_reading_of_an_ambiguous_dot_is_offered(head, tail):
    parsed = parse_number(f"{head}.{tail:03d}")
    readings = {parsed.value, parsed.alternative}
    assert float(f"{head}{tail:03d}") in readings
    assert any(r == pytest.approx(float(f"{head}.{tail:03d}")) for r in readings)


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_reading_the_plain_repr_of_a_value_is_idempotent(value):
    text = f"{value:.2f}"
    once = parse_number(text).value
    assert parse_number(f"{once:.2f}").value == once


def test_column_convention_ignores_empty_cells():
    from cadis.engines.units.numbers import column_convention

    assert column_convention(["", "1,5", "  "]) == "comma_decimal"


def test_a_judged_convention_settles_an_ambiguous_value_without_the_column():
    from cadis.engines.units import parse_number

    assert parse_number("1.300", convention="dot_decimal").value == 1.3
    assert not parse_number("1.300", convention="comma_decimal").ambiguous
