"""ADX (IHE QRPH Aggregate Data Exchange, namespace ``urn:ihe:qrph:adx:2015``) both ways.

An ADX message is ``adx`` (attribute ``exported``) holding ``group`` elements, one per
org unit, period and attribute option combination (written as category attributes of
the group), each holding ``dataValue`` elements (``dataElement``, ``value`` and the
disaggregation as category attributes; an optional ``annotation`` child carries a
comment). DHIS2 reads and writes this form with codes as identifiers.

>>> from cadis.engines.dhis2.model import AggregateValue, Dhis2Mapping
>>> from cadis.engines.dhis2.periods import Period
>>> m = Dhis2Mapping({"KZ": "KZ"}, {"TDI_CLIENTS": "TDI_CLIENTS"})
>>> v = AggregateValue("TDI_CLIENTS", Period.from_dhis2("2024"), "KZ", 120)
>>> xml = write_adx([v], m, exported="2025-01-01T00:00:00Z")
>>> read_adx(xml, m).values == [v]
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import groupby
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from cadis.engines.dhis2.model import (
    AggregateValue,
    Dhis2Error,
    Dhis2Mapping,
    Disaggregation,
    ErrorCode,
    Problem,
    ReadResult,
    _Deduplicator,
    format_number,
    parse_number,
)
from cadis.engines.dhis2.periods import Period, PeriodError

ADX_NS = "urn:ihe:qrph:adx:2015"
_GROUP_FIELDS = {"orgUnit", "period", "dataSet", "completeDate", "comment"}
_VALUE_FIELDS = {"dataElement", "value", "comment"}


_TEXT_ENTITIES = {"\r": "&#13;"}  # a raw CR would be read back as LF


def _check_xml_text(text: str) -> None:
    """Refuse characters XML 1.0 cannot carry at all (control characters, lone surrogates)."""
    for char in text:
        code = ord(char)
        if not (
            code in (0x9, 0xA, 0xD)
            or 0x20 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF
        ):
            raise ValueError(f"character U+{code:04X} cannot be written in XML")


def _refuse(code: ErrorCode, message: str) -> Dhis2Error:
    return Dhis2Error(Problem(code, message))


def _attrs(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(f" {name}={quoteattr(value)}" for name, value in pairs)


def _group_key(value: AggregateValue) -> tuple[str, Period, Disaggregation]:
    return (value.org_unit, value.period, value.attribute)


def iter_adx(
    values: Iterable[AggregateValue],
    mapping: Dhis2Mapping,
    *,
    exported: str | None = None,
    complete_date: str = "",
) -> Iterator[str]:
    """ADX text in pieces: one piece per group. Values are grouped, so they are sorted first.

    Raises :class:`Dhis2Error` (code UNKNOWN_*) for a value the mapping cannot express.
    """
    exported = exported or datetime.now(UTC).replace(microsecond=0).isoformat()
    ordered = sorted(values, key=lambda v: (_group_key(v), v.data_element, v.disaggregation))
    if not ordered:
        # The profile requires at least one group: an empty ADX message is invalid.
        raise ValueError("an ADX message needs at least one value")
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield f'<adx xmlns="{ADX_NS}" exported={quoteattr(exported)}>\n'
    for (org_unit, period, attribute), members in groupby(ordered, key=_group_key):
        ou = mapping.org_units.get(org_unit)
        if ou is None:
            raise _refuse(ErrorCode.UNKNOWN_ORG_UNIT, f"no org unit mapped for {org_unit!r}")
        aoc = mapping.attribute_combo(attribute)
        if aoc is None:
            raise _refuse(
                ErrorCode.UNKNOWN_ATTRIBUTE_OPTION_COMBO,
                f"no attribute option combo mapped for {attribute!r}",
            )
        head = [("orgUnit", ou), ("period", period.adx)]
        if mapping.data_set:
            head.append(("dataSet", mapping.data_set))
        if complete_date:
            head.append(("completeDate", complete_date))
        parts = [f"  <group{_attrs([*head, *sorted(aoc.adx.items())])}>\n"]
        for value in members:
            element = mapping.data_elements.get(value.data_element)
            if element is None:
                raise _refuse(
                    ErrorCode.UNKNOWN_DATA_ELEMENT,
                    f"no data element mapped for {value.data_element!r}",
                )
            combo = mapping.combo(value.disaggregation)
            if combo is None:
                raise _refuse(
                    ErrorCode.UNKNOWN_CATEGORY_OPTION_COMBO,
                    f"no category option combo mapped for {value.disaggregation!r}",
                )
            pairs = [("dataElement", element), *sorted(combo.adx.items())]
            pairs.append(("value", format_number(value.value)))
            if value.comment:
                _check_xml_text(value.comment)
                parts.append(
                    f"    <dataValue{_attrs(pairs)}>"
                    f"<annotation>{escape(value.comment, _TEXT_ENTITIES)}</annotation></dataValue>\n"
                )
            else:
                parts.append(f"    <dataValue{_attrs(pairs)}/>\n")
        parts.append("  </group>\n")
        yield "".join(parts)
    yield "</adx>\n"


def write_adx(
    values: Iterable[AggregateValue],
    mapping: Dhis2Mapping,
    *,
    exported: str | None = None,
    complete_date: str = "",
) -> bytes:
    """The whole ADX message as UTF-8 bytes (see :func:`iter_adx`)."""
    text = "".join(iter_adx(values, mapping, exported=exported, complete_date=complete_date))
    return text.encode("utf-8")


def _parser() -> etree.XMLParser:
    # No DTDs, no entities, no network: an uploaded file must not reach anything else.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _categories(element: etree._Element, fields: set[str]) -> dict[str, str]:
    out = {}
    for name, value in element.attrib.items():
        if name.startswith("{"):  # namespaced (xsi:schemaLocation...): not a category
            continue
        if name not in fields:
            out[name] = value
    return out


def read_adx(data: bytes | str, mapping: Dhis2Mapping, *, max_problems: int = 200) -> ReadResult:
    """Every value of an ADX message in our terms, and every problem with its stable code.

    Never raises on bad input: malformed XML, an unexpected root, unknown codes, bad
    periods, non-numeric or duplicate values all become :class:`Problem` entries (the
    first ``max_problems`` are kept, all are counted). A problem's ``row`` and a value's
    ``row`` are the source line of the ``group`` or ``dataValue`` element.
    """
    result = ReadResult(max_problems=max_problems)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError, LookupError) as exc:
        result.add(ErrorCode.MALFORMED, f"not well-formed XML: {exc}")
        return result
    if root is None or root.tag != f"{{{ADX_NS}}}adx":
        tag = getattr(root, "tag", None)
        result.add(ErrorCode.MALFORMED, f"the root element is {tag!r}, not ADX's adx")
        return result
    seen = _Deduplicator(result)
    group_tag, value_tag = f"{{{ADX_NS}}}group", f"{{{ADX_NS}}}dataValue"
    for g, group in enumerate(root.iterchildren(group_tag), start=1):
        where_group = f"group {g} (line {group.sourceline})"
        header = _read_group(group, mapping, result, where_group)
        for d, item in enumerate(group.iterchildren(value_tag), start=1):
            result.items += 1
            where = f"{where_group}, dataValue {d}"
            value = _read_value(item, header, mapping, result, where)
            if value is not None:
                seen.accept(value, where)
    return result


def _read_group(
    group: Any, mapping: Dhis2Mapping, result: ReadResult, where: str
) -> tuple[str, Period, Disaggregation] | None:
    """(org unit, period, attribute) of a group; None in a slot that failed."""
    ou_text, period_text = group.get("orgUnit"), group.get("period")
    org_unit = period = attribute = None
    line = group.sourceline
    if ou_text is None or period_text is None:
        field = "orgUnit" if ou_text is None else "period"
        result.add(
            ErrorCode.MISSING_FIELD,
            "a group needs orgUnit and period",
            where,
            row=line,
            field=field,
        )
        return None
    org_unit = mapping.org_units_back.get(ou_text)
    if org_unit is None:
        result.add(
            ErrorCode.UNKNOWN_ORG_UNIT,
            f"org unit {ou_text!r} is not mapped",
            where,
            value=ou_text,
            row=line,
            field="orgUnit",
        )
    try:
        period = Period.from_adx(period_text)
    except PeriodError as exc:
        result.add(
            ErrorCode.BAD_PERIOD, str(exc), where, value=period_text, row=line, field="period"
        )
    categories = _categories(group, _GROUP_FIELDS)
    combo = mapping.attribute_combo_by_adx(categories)
    if combo is None:
        result.add(
            ErrorCode.UNKNOWN_ATTRIBUTE_OPTION_COMBO,
            f"attribute categories {categories!r} are not mapped",
            where,
            value=";".join(f"{k}={v}" for k, v in sorted(categories.items())),
            row=line,
            field="attributeOptionCombo",
        )
    else:
        attribute = combo.ours
    if org_unit is None or period is None or attribute is None:
        return None
    return org_unit, period, attribute


def _read_value(
    item: Any,
    header: tuple[str, Period, Disaggregation] | None,
    mapping: Dhis2Mapping,
    result: ReadResult,
    where: str,
) -> AggregateValue | None:
    element_text, value_text = item.get("dataElement"), item.get("value")
    line = item.sourceline
    if element_text is None or value_text is None:
        field = "dataElement" if element_text is None else "value"
        result.add(
            ErrorCode.MISSING_FIELD,
            "a dataValue needs dataElement and value",
            where,
            row=line,
            field=field,
        )
        return None
    element = mapping.data_elements_back.get(element_text)
    if element is None:
        result.add(
            ErrorCode.UNKNOWN_DATA_ELEMENT,
            f"data element {element_text!r} is not mapped",
            where,
            value=element_text,
            row=line,
            field="dataElement",
        )
    categories = _categories(item, _VALUE_FIELDS)
    combo = mapping.combo_by_adx(categories)
    if combo is None:
        result.add(
            ErrorCode.UNKNOWN_CATEGORY_OPTION_COMBO,
            f"categories {categories!r} are not mapped",
            where,
            value=";".join(f"{k}={v}" for k, v in sorted(categories.items())),
            row=line,
            field="categoryOptionCombo",
        )
    number = parse_number(value_text)
    if number is None:
        result.add(
            ErrorCode.NON_NUMERIC_VALUE,
            f"{value_text[:40]!r} is not a number",
            where,
            value=value_text,
            row=line,
            field="value",
        )
    if header is None or element is None or combo is None or number is None:
        return None
    annotation = item.find(f"{{{ADX_NS}}}annotation")
    comment = (annotation.text or "") if annotation is not None else item.get("comment", "")
    org_unit, period, attribute = header
    return AggregateValue(
        element, period, org_unit, number, combo.ours, attribute, comment, row=line
    )
