from __future__ import annotations

import pytest

from cadis.engines.screening.cas import CAS_IN_TEXT, cas_check_digit, check_cas, split_cas_field
from cadis.engines.screening.hs import is_residual, reduce_to_hs6


@pytest.mark.parametrize("cas", ["108-24-7", "67-64-1", "7722-64-7", "2167189-50-4", "96-48-0"])
def test_it_accepts_cas_numbers_with_a_correct_check_digit(cas):
    assert check_cas(cas).valid


def test_it_rejects_a_wrong_check_digit():
    result = check_cas("108-24-8")
    assert not result.valid and result.problem == "check_digit"


@pytest.mark.parametrize("raw", ["10824-7", "abc", "1-24-7", "108247", "12345678-12-3", ""])
def test_it_calls_other_shapes_malformed(raw):
    assert check_cas(raw).problem == "malformed"


def test_it_accepts_unicode_dashes_and_spaces_around_them():
    assert check_cas(" 67 \u2013 64 \u2011 1 ").value == "67-64-1"


def test_the_check_digit_is_the_weighted_sum_modulo_ten():
    assert cas_check_digit("10824") == 7


def test_it_finds_cas_numbers_in_text_but_not_batch_numbers_or_dates():
    text = "CAS 67-64-1, batch 240707-77, date 2024-01-05, lot 12-34-5-6"
    assert [m.group(0) for m in CAS_IN_TEXT.finditer(text)] == ["67-64-1"]


def test_a_cas_column_may_hold_several_numbers():
    assert split_cas_field("67-64-1; 108-88-3 / 78-93-3") == ["67-64-1", "108-88-3", "78-93-3"]


@pytest.mark.parametrize(
    "raw",
    ["2915.24", "291524", "2915240000", "2915 24 000 0", "2915.24.000.0", "2915-24", "29152400"],
)
def test_it_reduces_every_notation_of_a_code_to_hs6(raw):
    assert reduce_to_hs6(raw) == "2915.24"


@pytest.mark.parametrize("raw", ["", None, "2915", "29152400001", "HS-abc", "29.15"])
def test_it_returns_none_for_what_is_not_a_6_to_10_digit_code(raw):
    assert reduce_to_hs6(raw) is None


def test_other_subheadings_are_residual_and_named_ones_are_not():
    assert is_residual("2933.39") and is_residual("2918.99")
    assert not is_residual("2933.32") and not is_residual("2807.00")
