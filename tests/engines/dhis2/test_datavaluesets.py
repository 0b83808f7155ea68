"""DHIS2 dataValueSets JSON: the documented shape, round trips and stable problem codes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.engines.dhis2 import (
    Dhis2Mapping,
    ErrorCode,
    read_adx,
    read_data_value_set,
    write_adx,
    write_data_value_set,
)

from .fixtures import MAPPING, SAMPLE
from .test_adx import _normalised, values

DOCUMENTED_KEYS = {
    "dataElement",
    "period",
    "orgUnit",
    "categoryOptionCombo",
    "attributeOptionCombo",
    "value",
    "comment",
}


def test_the_message_has_the_shape_dhis2_documents():
    message = json.loads(write_data_value_set(SAMPLE, MAPPING))
    assert message["dataSet"] == "DS_CADIS"
    entries = message["dataValues"]
    assert len(entries) == len(SAMPLE)
    assert all(set(e) <= DOCUMENTED_KEYS for e in entries)
    assert all(isinstance(e["value"], str) for e in entries)
    first = entries[0]
    assert first == {
        "dataElement": "DE_TDI_CLIENTS",
        "period": "2024",
        "orgUnit": "OU_KZ",
        "categoryOptionCombo": "HllvX50cXC0",
        "attributeOptionCombo": "HllvX50cXC0",
        "value": "1204",
    }
    assert {e["period"] for e in entries} == {"2024", "2024Q1", "202403", "2024W5"}


def test_write_then_read_gives_the_same_values():
    result = read_data_value_set(write_data_value_set(SAMPLE, MAPPING), MAPPING)
    assert result.ok, result.problems
    assert result.values == SAMPLE


def test_adx_and_json_carry_the_same_values():
    from_adx = read_adx(write_adx(SAMPLE, MAPPING), MAPPING).values
    from_json = read_data_value_set(write_data_value_set(SAMPLE, MAPPING), MAPPING).values
    assert sorted(from_adx, key=repr) == sorted(from_json, key=repr)


def test_top_level_fields_and_default_combos_fill_in_what_a_value_leaves_out():
    text = json.dumps(
        {
            "period": "202402",
            "orgUnit": "OU_KG",
            "dataValues": [{"dataElement": "DE_DRD", "value": 4}],
        }
    )
    result = read_data_value_set(text, MAPPING)
    assert result.ok
    (value,) = result.values
    assert (value.org_unit, value.period.dhis2, value.value, value.disaggregation) == (
        "KG",
        "202402",
        4,
        (),
    )


def test_a_mapping_without_a_default_combo_refuses_a_value_without_one():
    strict = Dhis2Mapping(MAPPING.org_units, MAPPING.data_elements, MAPPING.combos[1:])
    text = json.dumps(
        {
            "dataValues": [
                {"dataElement": "DE_DRD", "period": "2024", "orgUnit": "OU_KZ", "value": "1"}
            ]
        }
    )
    assert read_data_value_set(text, strict).codes == {ErrorCode.UNKNOWN_CATEGORY_OPTION_COMBO}


def _one(**changes):
    entry = {
        "dataElement": "DE_DRD",
        "period": "2024",
        "orgUnit": "OU_KZ",
        "categoryOptionCombo": "COC_F",
        "value": "3",
    }
    entry.update(changes)
    return json.dumps({"dataValues": [{k: v for k, v in entry.items() if v is not ...}]})


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (_one(orgUnit="OU_UZ"), ErrorCode.UNKNOWN_ORG_UNIT),
        (_one(dataElement="DE_SEIZURES"), ErrorCode.UNKNOWN_DATA_ELEMENT),
        (_one(categoryOptionCombo="COC_X"), ErrorCode.UNKNOWN_CATEGORY_OPTION_COMBO),
        (_one(attributeOptionCombo="AOC_X"), ErrorCode.UNKNOWN_ATTRIBUTE_OPTION_COMBO),
        (_one(period="2024-01"), ErrorCode.BAD_PERIOD),
        (_one(period=2024), ErrorCode.BAD_PERIOD),
        (_one(value="12 человек"), ErrorCode.NON_NUMERIC_VALUE),
        (_one(value=True), ErrorCode.NON_NUMERIC_VALUE),
        (_one(value=[1]), ErrorCode.NON_NUMERIC_VALUE),
        (_one(value=...), ErrorCode.MISSING_FIELD),
        (_one(orgUnit=...), ErrorCode.MISSING_FIELD),
        (_one(comment=5), ErrorCode.MALFORMED),
        (
            json.dumps({"dataValues": [json.loads(_one())["dataValues"][0]] * 2}),
            ErrorCode.DUPLICATE_VALUE,
        ),
        (json.dumps({"dataValues": [1]}), ErrorCode.MALFORMED),
        ("{", ErrorCode.MALFORMED),
        ("[]", ErrorCode.MALFORMED),
        ('{"dataValues": {}}', ErrorCode.MALFORMED),
        ("[" * 100_000, ErrorCode.MALFORMED),
        (b"\xff\xfe\x00", ErrorCode.MALFORMED),
        ('{"dataValues": [{"value": 1' + "0" * 5000 + "}]}", ErrorCode.MALFORMED),
    ],
)
def test_each_problem_has_its_stable_code(text, code):
    result = read_data_value_set(text, MAPPING)
    assert not result.ok
    assert code in result.codes


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_the_reader_never_crashes_on_arbitrary_text(text):
    result = read_data_value_set(text, MAPPING)
    assert result.ok == (result.problems == [])  # a problem is reported, never raised


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
entries = st.fixed_dictionaries(
    {},
    optional={
        "dataElement": st.sampled_from(["DE_DRD", "DE_X"]) | json_values,
        "period": st.sampled_from(["2024", "2024Q9"]) | json_values,
        "orgUnit": st.sampled_from(["OU_KZ", "OU_UZ"]) | json_values,
        "categoryOptionCombo": st.sampled_from(["COC_F", "COC_Q"]) | json_values,
        "attributeOptionCombo": json_values,
        "value": json_values,
        "comment": json_values,
    },
)


@settings(max_examples=200)
@given(st.lists(entries | json_values, max_size=6), json_values)
def test_the_reader_never_crashes_on_arbitrary_json_structures(items, top):
    message = {"dataValues": items}
    if isinstance(top, dict):
        message.update({k: v for k, v in top.items() if k != "dataValues"})
    read_data_value_set(json.dumps(message), MAPPING)


@settings(max_examples=100)
@given(st.lists(values, max_size=30, unique_by=lambda v: v.key))
def test_any_set_of_values_round_trips(batch):
    result = read_data_value_set(write_data_value_set(batch, MAPPING), MAPPING)
    assert result.ok, result.problems
    assert result.values == [_normalised(v) for v in batch]


def test_a_mapping_that_is_not_one_to_one_is_refused_at_once():
    with pytest.raises(ValueError, match="org unit 'OU_KZ' is mapped twice"):
        Dhis2Mapping({"KZ": "OU_KZ", "KG": "OU_KZ"}, {})
    with pytest.raises(ValueError, match="category option combo id"):
        Dhis2Mapping(
            {},
            {},
            (
                MAPPING.combos[1],
                MAPPING.combos[2].__class__(
                    MAPPING.combos[2].ours, MAPPING.combos[1].dhis2_id, MAPPING.combos[2].adx
                ),
            ),
        )
