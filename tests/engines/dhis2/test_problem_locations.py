"""Readers say where each problem is (line or position), which field is at fault and its text,
and count every problem past the listed ones; the values remember where they were read."""

from __future__ import annotations

import json

from cadis.engines.dhis2 import ErrorCode, read_adx, read_data_value_set, write_adx

from .fixtures import MAPPING, SAMPLE


def test_data_value_set_problems_carry_position_field_and_value():
    message = {
        "dataValues": [
            {"dataElement": "DE_DRD", "period": "2024", "orgUnit": "OU_KG", "value": "4"},
            {"dataElement": "DE_NOPE", "period": "2024", "orgUnit": "OU_KG", "value": "4"},
            {"dataElement": "DE_DRD", "period": "2024", "orgUnit": "OU_XX", "value": "x"},
            {"dataElement": "DE_DRD", "period": "2024", "value": "1"},
        ]
    }
    result = read_data_value_set(json.dumps(message), MAPPING)
    found = [(p.row, p.field, p.code, p.value) for p in result.problems]
    assert found == [
        (2, "dataElement", ErrorCode.UNKNOWN_DATA_ELEMENT, "DE_NOPE"),
        (3, "orgUnit", ErrorCode.UNKNOWN_ORG_UNIT, "OU_XX"),
        (3, "value", ErrorCode.NON_NUMERIC_VALUE, "x"),
        (4, "orgUnit", ErrorCode.MISSING_FIELD, ""),
    ]
    assert result.items == 4 and [v.row for v in result.values] == [1]


def test_adx_problems_carry_the_source_line():
    text = write_adx(SAMPLE, MAPPING, exported="2025-01-01T00:00:00Z").decode()
    lines = text.splitlines()
    target = next(i for i, line in enumerate(lines, start=1) if 'value="1204"' in line)
    broken = text.replace('value="1204"', 'value="many"').encode()
    result = read_adx(broken, MAPPING)
    assert [(p.row, p.field, p.code, p.value) for p in result.problems] == [
        (target, "value", ErrorCode.NON_NUMERIC_VALUE, "many")
    ]
    assert result.items == len(SAMPLE)
    assert sorted(v.row for v in read_adx(text, MAPPING).values) == sorted(
        i for i, line in enumerate(lines, start=1) if "<dataValue" in line
    )


def test_every_problem_is_counted_past_the_listed_ones():
    entry = {"dataElement": "DE_NOPE", "period": "2024", "orgUnit": "OU_KG", "value": "1"}
    result = read_data_value_set(json.dumps({"dataValues": [entry] * 30}), MAPPING, max_problems=5)
    assert len(result.problems) == 5 and result.problem_count == 30 and not result.ok
