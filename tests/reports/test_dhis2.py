"""DHIS2 exports (ADX, dataValueSets): the mapping from reference data, scope and suppression as
the pages, read back with the readers and checked against the ADX schema."""

from __future__ import annotations

import json

from cadis.engines.dhis2 import Period, read_adx, read_data_value_set, schema_errors


def _mapping():
    from cadis.apps.reference.models import Dhis2Instance
    from cadis.apps.reports.dhis2 import mapping_for

    return mapping_for(Dhis2Instance.objects.get(code="cadis"))


def _body(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_anonymous_adx_carries_the_published_tdi_and_public_harms(client_of, personas, kg_data):
    from cadis.apps.treatment import tables

    response = client_of(None).get("/reports/dhis2/cadis/adx.xml?country=KG")
    body = _body(response)
    mapping = _mapping()
    assert schema_errors(body, mapping) == []
    result = read_adx(body, mapping)
    assert result.ok
    values = {(v.data_element, v.period.dhis2, v.disaggregation): v.value for v in result.values}
    assert int(response["X-Cadis-Values"]) == len(values)
    for year in (2022, 2023):
        published = next(
            t for t in tables.standard_tables([kg_data.pk], year) if t.key == "primary_drug__sex"
        )
        assert values[("TDI_CLIENTS", str(year), ())] == published.table.total
        for sex, margin in zip(published.col_keys, published.table.col_totals, strict=True):
            key = ("TDI_CLIENTS", str(year), (("sex", sex),))
            assert values.get(key) == margin  # a withheld margin is not sent at all
    assert values[("DRD_CASES", "2023", ())] == 41
    assert values[("DRD_CASES", "2023", (("sex", "female"),))] == 6
    assert values[("DRID_HIV_TESTED", "2023", ())] == 80


def test_restricted_harms_reach_only_readers_of_the_country(client_of, personas, kg_data):
    from cadis.apps.treatment.models import HarmRecord

    HarmRecord.objects.filter(indicator="drid_hiv").update(confidentiality="restricted")
    mapping = _mapping()

    def elements(user) -> set[str]:
        body = _body(client_of(user).get("/reports/dhis2/cadis/datavalueset.json"))
        result = read_data_value_set(body, mapping)
        assert result.ok
        return {v.data_element for v in result.values}

    assert "DRID_HIV_CASES" not in elements(None)
    assert "DRID_HIV_CASES" not in elements(personas.tj_analyst)
    assert "DRID_HIV_CASES" in elements(personas.kg_analyst)


def test_the_json_and_adx_exports_hold_the_same_values(client_of, kg_data):
    mapping = _mapping()
    adx = read_adx(_body(client_of(None).get("/reports/dhis2/cadis/adx.xml")), mapping)
    text = _body(client_of(None).get("/reports/dhis2/cadis/datavalueset.json"))
    message = json.loads(text)
    assert message["dataSet"] == "CADIS_DRUGS"
    assert all(isinstance(v["value"], str) for v in message["dataValues"])
    assert {v["orgUnit"] for v in message["dataValues"]} == {"KG"}
    dvs = read_data_value_set(text, mapping)
    assert sorted(adx.values, key=lambda v: v.key) == sorted(dvs.values, key=lambda v: v.key)
    assert all(v.period == Period.from_dhis2(v.period.dhis2) for v in dvs.values)


def test_an_edited_mapping_changes_the_ids_and_unmapped_values_are_counted(client_of, kg_data):
    from cadis.apps.reference.models import Dhis2Combo, Dhis2OrgUnit

    Dhis2OrgUnit.objects.filter(iso_code="KG").update(dhis2_id="a1B2c3D4e5F")
    Dhis2Combo.objects.filter(ours="sex=female").delete()
    response = client_of(None).get("/reports/dhis2/cadis/datavalueset.json")
    message = json.loads(_body(response))
    assert {v["orgUnit"] for v in message["dataValues"]} == {"a1B2c3D4e5F"}
    assert "SEX_F" not in {v["categoryOptionCombo"] for v in message["dataValues"]}
    assert int(response["X-Cadis-Unmapped-Values"]) > 0


def test_unknown_instances_formats_and_countries_are_not_found(client_of, personas, kg_data):
    anonymous = client_of(None)
    assert anonymous.get("/reports/dhis2/nope/adx.xml").status_code == 404
    assert anonymous.get("/reports/dhis2/cadis/adx.csv").status_code == 404
    assert anonymous.get("/reports/dhis2/cadis/adx.xml?country=FR").status_code == 404
    assert client_of(personas.admin).get("/admin/reference/dhis2instance/").status_code == 200
    assert client_of(personas.kg_focal).get("/admin/reference/dhis2instance/").status_code == 302
