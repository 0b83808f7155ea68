"""SDMX-ML 2.1 structure message: code lists, concept scheme, DSDs and dataflows.

SDMX-ML 2.1 is the structure format that ``sdmx1`` (and .Stat Suite, FMR, Eurostat's
registry) read most completely; element names and their order follow the 2.1 schemas
(``SDMXStructure.xsd``: Dataflows, Codelists, Concepts, DataStructures, in that order
inside ``mes:Structures``). References use ``Ref`` elements in no namespace.

>>> from cadis.engines.sdmx.dataflows import cadis_structures
>>> xml = structure_message(cadis_structures(), prepared="2025-01-01T00:00:00")
>>> xml[:38]
b"<?xml version='1.0' encoding='UTF-8'?>"
"""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from cadis.engines.sdmx.model import (
    AGENCY,
    VERSION,
    Attribute,
    Codelist,
    DataStructure,
    StructureSet,
    Text,
)

MES = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
STR = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"
COM = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NSMAP = {"mes": MES, "str": STR, "com": COM}


def _el(parent: etree._Element, ns: str, tag: str, **attrib: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{ns}}}{tag}", attrib)


def _names(parent: etree._Element, name: Text) -> None:
    for lang, value in name.items():
        _el(parent, COM, "Name").text = value
        parent[-1].set(XML_LANG, lang)


def _ref(parent: etree._Element, **attrib: str) -> None:
    etree.SubElement(parent, "Ref", attrib)


def _maintainable(
    parent: etree._Element, tag: str, obj_id: str, version: str, name: Text
) -> etree._Element:
    element = _el(parent, STR, tag, id=obj_id, agencyID=AGENCY, version=version, isFinal="true")
    _names(element, name)
    return element


def _codelist(parent: etree._Element, codelist: Codelist) -> None:
    element = _maintainable(parent, "Codelist", codelist.id, codelist.version, codelist.name)
    for code in codelist.codes:
        item = _el(element, STR, "Code", id=code.id)
        _names(item, code.name)
        if code.parent is not None:
            _ref(_el(item, STR, "Parent"), id=code.parent)


def _concept_ref(parent: etree._Element, concept: str, structures: StructureSet) -> None:
    _ref(
        _el(parent, STR, "ConceptIdentity"),
        id=concept,
        maintainableParentID=structures.concept_scheme_id,
        maintainableParentVersion=VERSION,
        agencyID=AGENCY,
        package="conceptscheme",
        **{"class": "Concept"},
    )


def _enumeration(parent: etree._Element, codelist: Codelist) -> None:
    local = _el(parent, STR, "LocalRepresentation")
    _ref(
        _el(local, STR, "Enumeration"),
        id=codelist.id,
        version=codelist.version,
        agencyID=codelist.agency,
        package="codelist",
        **{"class": "Codelist"},
    )


def _attribute(
    parent: etree._Element, attribute: Attribute, measure: str, structures: StructureSet
) -> None:
    status = "Mandatory" if attribute.mandatory else "Conditional"
    element = _el(parent, STR, "Attribute", id=attribute.id, assignmentStatus=status)
    _concept_ref(element, attribute.id, structures)
    if attribute.codelist is not None:
        _enumeration(element, attribute.codelist)
    else:
        local = _el(element, STR, "LocalRepresentation")
        _el(local, STR, "TextFormat", textType="String")
    relation = _el(element, STR, "AttributeRelationship")
    _ref(_el(relation, STR, "PrimaryMeasure"), id=measure)


def _data_structure(parent: etree._Element, dsd: DataStructure, structures: StructureSet) -> None:
    element = _maintainable(parent, "DataStructure", dsd.id, dsd.version, dsd.name)
    components = _el(element, STR, "DataStructureComponents")
    dimensions = _el(components, STR, "DimensionList", id="DimensionDescriptor")
    for position, dimension in enumerate(dsd.dimensions, start=1):
        dim = _el(dimensions, STR, "Dimension", id=dimension.id, position=str(position))
        _concept_ref(dim, dimension.id, structures)
        _enumeration(dim, dimension.codelist)
    time = _el(
        dimensions,
        STR,
        "TimeDimension",
        id=dsd.time_dimension,
        position=str(len(dsd.dimensions) + 1),
    )
    _concept_ref(time, dsd.time_dimension, structures)
    local = _el(time, STR, "LocalRepresentation")
    _el(local, STR, "TextFormat", textType="ObservationalTimePeriod")
    if dsd.attributes:
        attributes = _el(components, STR, "AttributeList", id="AttributeDescriptor")
        for attribute in dsd.attributes:
            _attribute(attributes, attribute, dsd.measure, structures)
    measures = _el(components, STR, "MeasureList", id="MeasureDescriptor")
    measure = _el(measures, STR, "PrimaryMeasure", id=dsd.measure)
    _concept_ref(measure, dsd.measure, structures)
    # Double: SDMX writes an intentionally missing observation as NaN.
    _el(_el(measure, STR, "LocalRepresentation"), STR, "TextFormat", textType="Double")


def structure_message(
    structures: StructureSet,
    *,
    message_id: str = "CADIS_STRUCTURE",
    prepared: str | None = None,
) -> bytes:
    """The SDMX-ML 2.1 ``Structure`` message of ``structures``, UTF-8 encoded.

    ``prepared`` (ISO 8601 date-time) defaults to now; pass it for a reproducible file.
    """
    prepared = prepared or datetime.now(UTC).replace(microsecond=0).isoformat()
    root = etree.Element(f"{{{MES}}}Structure", nsmap=NSMAP)
    header = _el(root, MES, "Header")
    _el(header, MES, "ID").text = message_id
    _el(header, MES, "Test").text = "false"
    _el(header, MES, "Prepared").text = prepared
    _el(header, MES, "Sender", id=AGENCY)

    body = _el(root, MES, "Structures")
    flows = _el(body, STR, "Dataflows")
    for flow in structures.dataflows:
        element = _maintainable(flows, "Dataflow", flow.id, flow.version, flow.name)
        _ref(
            _el(element, STR, "Structure"),
            id=flow.structure.id,
            version=flow.structure.version,
            agencyID=flow.structure.agency,
            package="datastructure",
            **{"class": "DataStructure"},
        )
    codelists = _el(body, STR, "Codelists")
    for codelist in structures.codelists():
        _codelist(codelists, codelist)
    concepts = _el(body, STR, "Concepts")
    scheme = _maintainable(
        concepts,
        "ConceptScheme",
        structures.concept_scheme_id,
        VERSION,
        structures.concept_scheme_name,
    )
    for concept in structures.concepts:
        _names(_el(scheme, STR, "Concept", id=concept.id), concept.name)
    dsds = _el(body, STR, "DataStructures")
    for dsd in structures.data_structures():
        _data_structure(dsds, dsd, structures)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data
