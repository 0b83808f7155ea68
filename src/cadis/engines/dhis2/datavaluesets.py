"""DHIS2 dataValueSets JSON (``/api/dataValueSets``) both ways.

The message is ``{"dataSet", "period", "orgUnit", "attributeOptionCombo", "dataValues":
[...]}``; each data value carries ``dataElement``, ``period``, ``orgUnit``,
``categoryOptionCombo``, ``attributeOptionCombo``, ``value`` (a string, as DHIS2 writes
it) and an optional ``comment``. The writer repeats period and org unit on every value
(what DHIS2 itself exports); the reader also takes them from the top level when a value
leaves them out, and takes the default combination when a combo is left out.

>>> from cadis.engines.dhis2.model import AggregateValue, Dhis2Mapping
>>> from cadis.engines.dhis2.periods import Period
>>> m = Dhis2Mapping({"KZ": "OU_KZ"}, {"TDI_CLIENTS": "DE_TDI"})
>>> v = AggregateValue("TDI_CLIENTS", Period.from_dhis2("202401"), "KZ", 7)
>>> text = write_data_value_set([v], m)
>>> read_data_value_set(text, m).values == [v]
True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from cadis.engines.dhis2.model import (
    AggregateValue,
    Combo,
    Dhis2Error,
    Dhis2Mapping,
    ErrorCode,
    Problem,
    ReadResult,
    _Deduplicator,
    format_number,
    parse_number,
)
from cadis.engines.dhis2.periods import Period, PeriodError


def _refuse(code: ErrorCode, message: str) -> Dhis2Error:
    return Dhis2Error(Problem(code, message))


def _entry(value: AggregateValue, mapping: Dhis2Mapping) -> dict[str, str]:
    org_unit = mapping.org_units.get(value.org_unit)
    if org_unit is None:
        raise _refuse(ErrorCode.UNKNOWN_ORG_UNIT, f"no org unit mapped for {value.org_unit!r}")
    element = mapping.data_elements.get(value.data_element)
    if element is None:
        raise _refuse(
            ErrorCode.UNKNOWN_DATA_ELEMENT, f"no data element mapped for {value.data_element!r}"
        )
    combo = mapping.combo(value.disaggregation)
    if combo is None:
        raise _refuse(
            ErrorCode.UNKNOWN_CATEGORY_OPTION_COMBO,
            f"no category option combo mapped for {value.disaggregation!r}",
        )
    aoc = mapping.attribute_combo(value.attribute)
    if aoc is None:
        raise _refuse(
            ErrorCode.UNKNOWN_ATTRIBUTE_OPTION_COMBO,
            f"no attribute option combo mapped for {value.attribute!r}",
        )
    entry = {
        "dataElement": element,
        "period": value.period.dhis2,
        "orgUnit": org_unit,
        "categoryOptionCombo": combo.dhis2_id,
        "attributeOptionCombo": aoc.dhis2_id,
        "value": format_number(value.value),
    }
    if value.comment:
        entry["comment"] = value.comment
    return entry


def iter_data_value_set(
    values: Iterable[AggregateValue], mapping: Dhis2Mapping, *, complete_date: str = ""
) -> Iterator[str]:
    """The JSON text in pieces, one data value each (for streaming responses)."""
    head: dict[str, str] = {}
    if mapping.data_set:
        head["dataSet"] = mapping.data_set
    if complete_date:
        head["completeDate"] = complete_date
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    yield opening + (', "dataValues": [' if head else '"dataValues": [')
    for i, value in enumerate(values):
        text = json.dumps(_entry(value, mapping), ensure_ascii=False)
        yield ("\n  " if i == 0 else ",\n  ") + text
    yield "\n]}\n"


def write_data_value_set(
    values: Iterable[AggregateValue], mapping: Dhis2Mapping, *, complete_date: str = ""
) -> str:
    return "".join(iter_data_value_set(values, mapping, complete_date=complete_date))


def _text(entry: dict[str, Any], name: str, default: object) -> object:
    return entry.get(name, default)


def read_data_value_set(
    data: str | bytes, mapping: Dhis2Mapping, *, max_problems: int = 200
) -> ReadResult:
    """Every value of a dataValueSets JSON message in our terms, and every problem.

    Never raises on bad input (see :func:`cadis.engines.dhis2.adx.read_adx`). A problem's
    ``row`` and a value's ``row`` are the 1-based position in ``dataValues``.
    """
    result = ReadResult(max_problems=max_problems)
    try:
        message = json.loads(data)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, bad UTF-8, deep nesting
        result.add(ErrorCode.MALFORMED, f"not valid JSON: {exc}"[:300])
        return result
    if not isinstance(message, dict) or not isinstance(message.get("dataValues"), list):
        result.add(ErrorCode.MALFORMED, "expected an object with a dataValues list")
        return result
    top = {name: message.get(name) for name in ("period", "orgUnit", "attributeOptionCombo")}
    seen = _Deduplicator(result)
    for i, entry in enumerate(message["dataValues"]):
        result.items += 1
        where = f"dataValues[{i}]"
        if not isinstance(entry, dict):
            result.add(ErrorCode.MALFORMED, "a data value must be an object", where, row=i + 1)
            continue
        value = _Entry(entry, result, where, i + 1).read(mapping, top)
        if value is not None:
            seen.accept(value, where)
    return result


class _Entry:
    """One data value being read: its problems carry its position and the field at fault."""

    def __init__(self, entry: dict[str, Any], result: ReadResult, where: str, row: int) -> None:
        self.entry, self.result, self.where, self.row = entry, result, where, row
        self.ok = True

    def problem(self, code: ErrorCode, message: str, value: object = "", field: str = "") -> None:
        self.result.add(code, message, self.where, value=value, row=self.row, field=field)
        self.ok = False

    def read(self, mapping: Dhis2Mapping, top: dict[str, Any]) -> AggregateValue | None:
        entry = self.entry
        element_id = entry.get("dataElement")
        period_text = _text(entry, "period", top["period"])
        ou_id = _text(entry, "orgUnit", top["orgUnit"])
        required = {"dataElement": element_id, "period": period_text, "orgUnit": ou_id}
        absent = [name for name, found in required.items() if found is None]
        absent += [] if "value" in entry else ["value"]
        if absent:
            self.problem(
                ErrorCode.MISSING_FIELD,
                "a data value needs dataElement, period, orgUnit and value",
                field=absent[0],
            )
            return None
        element = (
            mapping.data_elements_back.get(element_id) if isinstance(element_id, str) else None
        )
        if element is None:
            text = str(element_id)[:60]
            self.problem(
                ErrorCode.UNKNOWN_DATA_ELEMENT, f"{text!r} is not mapped", text, "dataElement"
            )
        org_unit = mapping.org_units_back.get(ou_id) if isinstance(ou_id, str) else None
        if org_unit is None:
            text = str(ou_id)[:60]
            self.problem(ErrorCode.UNKNOWN_ORG_UNIT, f"{text!r} is not mapped", text, "orgUnit")
        try:
            period = Period.from_dhis2(period_text)  # type: ignore[arg-type]
        except PeriodError as exc:
            self.problem(ErrorCode.BAD_PERIOD, str(exc)[:200], str(period_text)[:60], "period")
        coc_id = entry.get("categoryOptionCombo")
        combo = _combo(coc_id, mapping.combo_by_id, mapping)
        if combo is None:
            text = str(coc_id)[:60]
            self.problem(
                ErrorCode.UNKNOWN_CATEGORY_OPTION_COMBO,
                f"{text!r} is not mapped",
                text,
                "categoryOptionCombo",
            )
        aoc_id = entry.get("attributeOptionCombo", top["attributeOptionCombo"])
        aoc = _combo(aoc_id, mapping.attribute_combo_by_id, mapping, attribute=True)
        if aoc is None:
            text = str(aoc_id)[:60]
            self.problem(
                ErrorCode.UNKNOWN_ATTRIBUTE_OPTION_COMBO,
                f"{text!r} is not mapped",
                text,
                "attributeOptionCombo",
            )
        number = parse_number(entry["value"])
        if number is None:
            text = str(entry["value"])[:40]
            self.problem(ErrorCode.NON_NUMERIC_VALUE, f"{text!r} is not a number", text, "value")
        comment = entry.get("comment") or ""
        if not isinstance(comment, str):
            self.problem(ErrorCode.MALFORMED, "a comment must be text", field="comment")
        if not self.ok or element is None or org_unit is None or number is None:
            return None
        assert combo is not None and aoc is not None  # ok says so
        return AggregateValue(
            element, period, org_unit, number, combo.ours, aoc.ours, comment, row=self.row
        )


def _combo(
    dhis2_id: object,
    lookup: Callable[[str], Combo | None],
    mapping: Dhis2Mapping,
    *,
    attribute: bool = False,
) -> Combo | None:
    if dhis2_id is None:  # left out: DHIS2's default combination, if the mapping has one
        return mapping.attribute_combo(()) if attribute else mapping.combo(())
    return lookup(dhis2_id) if isinstance(dhis2_id, str) else None
