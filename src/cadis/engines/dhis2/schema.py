"""W3C XML schemas for ADX messages, written from the IHE ADX profile text.

The profile does not publish one fixed schema: it defines the message shape (``adx``
with a required ``exported`` date-time; ``group`` with ``orgUnit`` and ``period``;
``dataValue`` with ``dataElement`` and a decimal ``value`` and an optional
``annotation``) and says that a *structure-specific* schema is generated from the data
structure definition, which enumerates the codes of each dimension. This module builds
both: the generic schema (any codes, any extra category attribute) and the
structure-specific one from a :class:`Dhis2Mapping`.

No licensed copy of a generic ADX schema was found in a package; these schemas are our
own reading of the profile, and lxml (libxml2) is the validator.

>>> from cadis.engines.dhis2.model import Dhis2Mapping
>>> schema = adx_schema(Dhis2Mapping({"KZ": "KZ"}, {"TDI": "TDI"}))
>>> b'value="KZ"' in schema
True
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from lxml import etree

from cadis.engines.dhis2.adx import ADX_NS
from cadis.engines.dhis2.model import Combo, Dhis2Mapping

_PERIOD_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}/P[0-9]+[YMWD]"


def _enumeration(name: str, values: list[str]) -> str:
    options = "".join(f"<xs:enumeration value={quoteattr(v)}/>" for v in sorted(set(values)))
    return (
        f'<xs:simpleType name="{name}"><xs:restriction base="xs:token">'
        f"{options}</xs:restriction></xs:simpleType>"
    )


def _category_attributes(combos: tuple[Combo, ...], prefix: str) -> tuple[str, str]:
    """(simple types, attribute declarations) for the categories used by ``combos``."""
    options: dict[str, set[str]] = {}
    for combo in combos:
        for category, option in combo.adx.items():
            options.setdefault(category, set()).add(option)
    types, attributes = [], []
    for i, (category, values) in enumerate(sorted(options.items())):
        type_name = f"{prefix}{i}"
        types.append(_enumeration(type_name, sorted(values)))
        attributes.append(f'<xs:attribute name={quoteattr(category)} type="{type_name}"/>')
    return "".join(types), "".join(attributes)


def adx_schema(mapping: Dhis2Mapping | None = None) -> bytes:
    """The generic ADX schema, or the structure-specific one of ``mapping``."""
    if mapping is None:
        types = ""
        org_unit = data_element = "xs:token"
        group_extra = value_extra = '<xs:anyAttribute processContents="skip"/>'
    else:
        aoc_types, aoc_attrs = _category_attributes(mapping.attribute_combos, "aocCategory")
        coc_types, coc_attrs = _category_attributes(mapping.combos, "cocCategory")
        types = (
            _enumeration("orgUnitType", list(mapping.org_units.values()))
            + _enumeration("dataElementType", list(mapping.data_elements.values()))
            + aoc_types
            + coc_types
        )
        org_unit, data_element = "orgUnitType", "dataElementType"
        group_extra, value_extra = aoc_attrs, coc_attrs
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="{ADX_NS}"
           targetNamespace="{ADX_NS}" elementFormDefault="qualified">
  <xs:simpleType name="periodType">
    <xs:restriction base="xs:string"><xs:pattern value="{_PERIOD_PATTERN}"/></xs:restriction>
  </xs:simpleType>
  {types}
  <xs:complexType name="dataValueType">
    <xs:sequence><xs:element name="annotation" type="xs:string" minOccurs="0"/></xs:sequence>
    <xs:attribute name="dataElement" use="required" type="{data_element}"/>
    <xs:attribute name="value" use="required" type="xs:decimal"/>
    {value_extra}
  </xs:complexType>
  <xs:complexType name="groupType">
    <xs:sequence>
      <xs:element name="dataValue" type="dataValueType" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="orgUnit" use="required" type="{org_unit}"/>
    <xs:attribute name="period" use="required" type="periodType"/>
    <xs:attribute name="dataSet" type="xs:token"/>
    <xs:attribute name="completeDate" type="xs:date"/>
    {group_extra}
  </xs:complexType>
  <xs:complexType name="adxType">
    <xs:sequence><xs:element name="group" type="groupType" maxOccurs="unbounded"/></xs:sequence>
    <xs:attribute name="exported" use="required" type="xs:dateTime"/>
  </xs:complexType>
  <xs:element name="adx" type="adxType"/>
</xs:schema>
"""
    return text.encode("utf-8")


def adx_validator(mapping: Dhis2Mapping | None = None) -> etree.XMLSchema:
    return etree.XMLSchema(etree.fromstring(adx_schema(mapping)))


def schema_errors(data: bytes, mapping: Dhis2Mapping | None = None) -> list[str]:
    """The schema violations of an ADX message (empty when it is valid).

    >>> schema_errors(b'<adx xmlns="urn:ihe:qrph:adx:2015"/>')[0][:40]
    "Element '{urn:ihe:qrph:adx:2015}adx': Th"
    """
    validator = adx_validator(mapping)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        document = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    if validator.validate(document):
        return []
    return [entry.message for entry in validator.error_log]
