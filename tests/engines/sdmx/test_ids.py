"""The SDMX id sanitiser: always a valid IDType, never two codes on one id."""

from __future__ import annotations

import doctest
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cadis.engines.sdmx import codelists, data, dataflows, ids, model, structure_xml
from cadis.engines.sdmx.ids import decode_id, is_sdmx_id, sdmx_id

# The pattern as written in SDMXCommonReferences.xsd (common:IDType), not our constant.
XSD_ID_TYPE = re.compile(r"[A-Za-z0-9_@$\-]+")


@given(st.text(min_size=1))
def test_every_id_it_produces_matches_the_sdmx_pattern(code):
    assert XSD_ID_TYPE.fullmatch(sdmx_id(code))


@given(st.text(min_size=1), st.text(min_size=1))
def test_distinct_codes_stay_distinct(a, b):
    if a != b:
        assert sdmx_id(a) != sdmx_id(b)


@given(st.text(min_size=1))
def test_decoding_gives_the_code_back(code):
    assert decode_id(sdmx_id(code)) == code


@given(st.from_regex(r"[A-Za-z0-9_\-]+", fullmatch=True))
def test_codes_that_are_already_valid_and_dotless_are_kept(code):
    assert sdmx_id(code) == code


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("1+outpatient", "1$2Boutpatient"),
        ("primary_drug+centre_type", "primary_drug$2Bcentre_type"),
        ("<15", "$3C15"),
        ("65+", "65$2B"),
        ("1.5.tramadol", "1@5@tramadol"),
        ("KZ-10", "KZ-10"),
        ("_T", "_T"),
        ("Героин", "$u000413$u000435$u000440$u00043E$u000438$u00043D"),
    ],
)
def test_the_codes_the_review_found_get_stable_ids(code, expected):
    assert sdmx_id(code) == expected
    assert is_sdmx_id(sdmx_id(code))


def test_an_empty_code_is_refused():
    with pytest.raises(ValueError):
        sdmx_id("")


@pytest.mark.parametrize("bad", ["$", "$4", "$ZZ", "$u12", "a+b", "a.b"])
def test_decoding_refuses_ids_the_sanitiser_cannot_produce(bad):
    with pytest.raises(ValueError):
        decode_id(bad)


def test_docstring_examples_hold():
    for module in (ids, model, codelists, data, dataflows, structure_xml):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__
