"""ADX: schema-valid output, round trips, and readers that report problems by stable code."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from cadis.engines import dhis2
from cadis.engines.dhis2 import (
    ADX_NS,
    AggregateValue,
    Dhis2Error,
    ErrorCode,
    Period,
    read_adx,
    schema_errors,
    write_adx,
)

from .fixtures import MAPPING, SAMPLE

EXPORTED = "2025-03-01T12:00:00Z"


def _adx(groups: str) -> bytes:
    return f'<adx xmlns="{ADX_NS}" exported="{EXPORTED}">{groups}</adx>'.encode()


def test_written_adx_is_valid_against_the_generic_and_the_structure_specific_schema():
    data = write_adx(SAMPLE, MAPPING, exported=EXPORTED)
    assert schema_errors(data) == []
    assert schema_errors(data, MAPPING) == []


def test_the_schemas_reject_what_the_profile_forbids():
    data = write_adx(SAMPLE, MAPPING, exported=EXPORTED)
    no_value = data.replace(b' value="1204"', b"", 1)
    assert any("value" in e for e in schema_errors(no_value))
    text_value = data.replace(b' value="1204"', b' value="many"', 1)
    assert schema_errors(text_value)
    bad_period = data.replace(b"2024-01-01/P1Y", b"2024", 1)
    assert schema_errors(bad_period)
    # The structure-specific schema also knows the codes; the generic one does not.
    unknown_element = data.replace(b"DE_TDI_CLIENTS", b"DE_UNKNOWN", 1)
    assert schema_errors(unknown_element) == []
    assert schema_errors(unknown_element, MAPPING)
    unknown_option = data.replace(b'CADIS_SEX="F"', b'CADIS_SEX="X"', 1)
    assert schema_errors(unknown_option, MAPPING)


def test_the_message_groups_by_org_unit_period_and_attribute_combo():
    root = etree.fromstring(write_adx(SAMPLE, MAPPING, exported=EXPORTED))
    groups = root.findall(f"{{{ADX_NS}}}group")
    assert len(groups) == 4
    kz = next(g for g in groups if g.get("orgUnit") == "OU_KZ")
    assert kz.get("period") == "2024-01-01/P1Y" and kz.get("dataSet") == "DS_CADIS"
    values = kz.findall(f"{{{ADX_NS}}}dataValue")
    assert {(v.get("CADIS_SEX"), v.get("CADIS_AGE"), v.get("value")) for v in values} == {
        (None, None, "1204"),
        ("F", "Y0-14", "17"),
    }
    tj = next(g for g in groups if g.get("orgUnit") == "OU_TJ")
    assert tj.get("CADIS_SOURCE") == "MOH"


def test_write_then_read_gives_the_same_values():
    result = read_adx(write_adx(SAMPLE, MAPPING, exported=EXPORTED), MAPPING)
    assert result.ok, result.problems
    assert sorted(result.values, key=repr) == sorted(SAMPLE, key=repr)


def test_a_comment_with_markup_characters_survives():
    result = read_adx(write_adx(SAMPLE, MAPPING, exported=EXPORTED), MAPPING)
    (prev,) = [v for v in result.values if v.data_element == "DRID_HIV_PREV"]
    assert prev.comment == SAMPLE[3].comment


def test_an_empty_message_is_refused_because_adx_needs_a_group():
    with pytest.raises(ValueError, match="at least one value"):
        write_adx([], MAPPING)


def test_the_writer_refuses_what_the_mapping_cannot_express():
    period = Period.from_dhis2("2024")
    with pytest.raises(Dhis2Error) as caught:
        write_adx([AggregateValue("TDI_CLIENTS", period, "UZ", 1)], MAPPING)
    assert caught.value.problem.code is ErrorCode.UNKNOWN_ORG_UNIT
    with pytest.raises(Dhis2Error) as caught:
        write_adx([AggregateValue("SEIZURES", period, "KZ", 1)], MAPPING)
    assert caught.value.problem.code is ErrorCode.UNKNOWN_DATA_ELEMENT
    with pytest.raises(Dhis2Error) as caught:
        write_adx([AggregateValue("TDI_CLIENTS", period, "KZ", 1, (("age", "<15"),))], MAPPING)
    assert caught.value.problem.code is ErrorCode.UNKNOWN_CATEGORY_OPTION_COMBO


@pytest.mark.parametrize(
    ("groups", "code"),
    [
        (
            '<group orgUnit="OU_UZ" period="2024-01-01/P1Y"><dataValue dataElement="DE_DRD" value="1"/></group>',
            ErrorCode.UNKNOWN_ORG_UNIT,
        ),
        (
            '<group orgUnit="OU_KZ" period="2024-01-01/P1Y"><dataValue dataElement="DE_X" value="1"/></group>',
            ErrorCode.UNKNOWN_DATA_ELEMENT,
        ),
        (
            '<group orgUnit="OU_KZ" period="2024-01-01/P1Y"><dataValue dataElement="DE_DRD" CADIS_SEX="X" value="1"/></group>',
            ErrorCode.UNKNOWN_CATEGORY_OPTION_COMBO,
        ),
        (
            '<group orgUnit="OU_KZ" period="2024-01-01/P1Y" CADIS_SOURCE="NGO"><dataValue dataElement="DE_DRD" value="1"/></group>',
            ErrorCode.UNKNOWN_ATTRIBUTE_OPTION_COMBO,
        ),
        (
            '<group orgUnit="OU_KZ" period="2024"><dataValue dataElement="DE_DRD" value="1"/></group>',
            ErrorCode.BAD_PERIOD,
        ),
        (
            '<group orgUnit="OU_KZ" period="2024-01-01/P1Y"><dataValue dataElement="DE_DRD" value="•"/></group>',
            ErrorCode.NON_NUMERIC_VALUE,
        ),
        (
            '<group orgUnit="OU_KZ" period="2024-01-01/P1Y"><dataValue dataElement="DE_DRD" value="1e999"/></group>',
            ErrorCode.NON_NUMERIC_VALUE,
        ),
        (
            '<group orgUnit="OU_KZ" period="2024-01-01/P1Y"><dataValue dataElement="DE_DRD" value="1"/><dataValue dataElement="DE_DRD" value="2"/></group>',
            ErrorCode.DUPLICATE_VALUE,
        ),
        (
            '<group period="2024-01-01/P1Y"><dataValue dataElement="DE_DRD" value="1"/></group>',
            ErrorCode.MISSING_FIELD,
        ),
        (
            '<group orgUnit="OU_KZ" period="2024-01-01/P1Y"><dataValue value="1"/></group>',
            ErrorCode.MISSING_FIELD,
        ),
    ],
)
def test_each_problem_has_its_stable_code(groups, code):
    result = read_adx(_adx(groups), MAPPING)
    assert not result.ok
    assert result.codes == {code}
    assert result.problems[0].where.startswith("group 1")


@pytest.mark.parametrize(
    ("data", "codes"),
    [
        (b"", {ErrorCode.MALFORMED}),
        (b"not xml", {ErrorCode.MALFORMED}),
        (b"<adx", {ErrorCode.MALFORMED}),
        (b'<other xmlns="x"/>', {ErrorCode.MALFORMED}),
        (b"<?xml version='1.0' encoding='nope'?><a/>", {ErrorCode.MALFORMED}),
        # the external entity is not resolved: an empty, valid message
        (
            b'<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><adx xmlns="urn:ihe:qrph:adx:2015">&e;</adx>',
            set(),
        ),
        ("<adx/>", {ErrorCode.MALFORMED}),
    ],
)
def test_malformed_input_is_a_problem_not_a_crash(data, codes):
    result = read_adx(data, MAPPING)
    assert (result.codes, result.values) == (codes, [])
    assert "root:" not in repr(result.values)


def test_a_file_with_thousands_of_problems_keeps_a_bounded_list():
    bad = "".join(f'<dataValue dataElement="DE_X{i}" value="1"/>' for i in range(1000))
    result = read_adx(
        _adx(f'<group orgUnit="OU_KZ" period="2024-01-01/P1Y">{bad}</group>'), MAPPING
    )
    assert result.problem_count == 1000 and len(result.problems) == result.max_problems


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_the_reader_never_crashes_on_arbitrary_text(text):
    result = read_adx(text, MAPPING)
    assert result.ok == (result.problems == [])  # a problem is reported, never raised


@settings(max_examples=150)
@given(st.binary(max_size=300))
def test_the_reader_never_crashes_on_arbitrary_bytes(data):
    read_adx(data, MAPPING)


xml_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=40,
)
values = st.builds(
    AggregateValue,
    data_element=st.sampled_from(sorted(MAPPING.data_elements)),
    period=st.sampled_from([Period.from_dhis2(p) for p in ("2023", "2024Q2", "202411", "2024W7")]),
    org_unit=st.sampled_from(sorted(MAPPING.org_units)),
    value=st.one_of(
        st.integers(-(10**15), 10**15),
        st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False),
    ),
    disaggregation=st.sampled_from([c.ours for c in MAPPING.combos]),
    attribute=st.sampled_from([c.ours for c in MAPPING.attribute_combos]),
    comment=xml_text,
)


def _normalised(value: AggregateValue) -> AggregateValue:
    number = dhis2.parse_number(dhis2.format_number(value.value))
    return AggregateValue(
        value.data_element,
        value.period,
        value.org_unit,
        number,
        value.disaggregation,
        value.attribute,
        value.comment,
    )


@settings(max_examples=100)
@given(st.lists(values, min_size=1, max_size=30, unique_by=lambda v: v.key))
def test_any_set_of_values_round_trips(batch):
    data = write_adx(batch, MAPPING, exported=EXPORTED)
    assert schema_errors(data, MAPPING) == []
    result = read_adx(data, MAPPING)
    assert result.ok, result.problems
    assert sorted(result.values, key=repr) == sorted(map(_normalised, batch), key=repr)


def test_docstring_examples_hold():
    for module in (dhis2.adx, dhis2.model, dhis2.periods, dhis2.schema, dhis2.datavaluesets):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__
