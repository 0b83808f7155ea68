"""DHIS2 both ways: export TDI and harms aggregates, import them into an empty database, export
again and find the same aggregates (ADX and dataValueSets, for an administrator and for the
public)."""

from __future__ import annotations

import io

import pytest

from cadis.engines.dhis2 import read_adx, read_data_value_set, schema_errors

READERS = {"adx.xml": read_adx, "datavalueset.json": read_data_value_set}


def _instance():
    from cadis.apps.reference.models import Dhis2Instance

    return Dhis2Instance.objects.get(code="cadis")


def _export(client, fmt: str) -> bytes:
    response = client.get(f"/reports/dhis2/cadis/{fmt}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _aggregates(body: bytes, fmt: str) -> dict:
    from cadis.apps.reference.dhis2 import mapping_for

    mapping = mapping_for(_instance())
    if fmt == "adx.xml":
        assert schema_errors(body, mapping) == []
    result = READERS[fmt](body, mapping)
    assert result.ok, result.problems[:3]
    return {v.key: v.value for v in result.values}


@pytest.fixture
def demo_world(personas):
    """The demo's synthetic episodes and harms figures (small) for KG and TJ."""
    from cadis.apps.accounts.models import Organisation
    from cadis.apps.reference.models import Country
    from cadis.apps.treatment.demo import load_demo

    for code in ("KG", "TJ"):
        Organisation.objects.create(
            name_en=f"{code} clinic",
            name_ru=f"{code} клиника",
            kind=Organisation.Kind.TREATMENT_CENTRE,
            country=Country.objects.get(code=code),
        )
    load_demo(stdout=io.StringIO(), scale=0.05)


def _empty_the_database() -> None:
    from cadis.apps.treatment.models import (
        HarmRecord,
        ImportedAggregate,
        TdiRelease,
        TreatmentEpisode,
    )

    for model in (TreatmentEpisode, HarmRecord, TdiRelease, ImportedAggregate):
        model.objects.all().delete()


@pytest.mark.parametrize("fmt", sorted(READERS))
@pytest.mark.parametrize("audience", ["admin", "public"])
def test_export_import_into_an_empty_database_and_export_again(
    fmt, audience, personas, client_of, demo_world
):
    from cadis.apps.treatment.dhis2_import import import_dhis2
    from cadis.apps.treatment.models import HarmRecord, ImportedAggregate

    reader = client_of(personas.admin if audience == "admin" else None)
    body = _export(reader, fmt)
    before = _aggregates(body, fmt)
    elements = {key[0] for key in before}
    assert {"TDI_CLIENTS", "DRD_CASES", "DRID_HIV_CASES", "DRID_HIV_TESTED"} <= elements
    assert {key[2] for key in before} == {"KG", "TJ"}

    _empty_the_database()
    assert reader.get(f"/reports/dhis2/cadis/{fmt}").status_code == 404  # nothing to send
    report = import_dhis2(
        actor=personas.admin,
        organisation=personas.regional_org,
        instance=_instance(),
        data=body,
        file_name=f"export.{fmt}",
        dry_run=False,
        confidentiality="restricted" if audience == "admin" else "public",
    )
    assert report.errors == []
    assert report.committed and report.created == len(before) == report.rows
    assert ImportedAggregate.objects.exists() and HarmRecord.objects.exists()

    assert _aggregates(_export(reader, fmt), fmt) == before


def test_the_other_format_of_the_reimport_holds_the_same_aggregates(
    personas, client_of, demo_world
):
    """Import ADX, export dataValueSets: the two formats carry one set of aggregates."""
    from cadis.apps.treatment.dhis2_import import import_dhis2

    admin = client_of(personas.admin)
    before = _aggregates(_export(admin, "adx.xml"), "adx.xml")
    body = _export(admin, "adx.xml")
    _empty_the_database()
    import_dhis2(
        actor=personas.admin,
        organisation=personas.regional_org,
        instance=_instance(),
        data=body,
        file_name="export.xml",
        dry_run=False,
    )
    assert _aggregates(_export(admin, "datavalueset.json"), "datavalueset.json") == before


def test_episodes_win_over_imported_figures_of_the_same_year(personas, client_of, kg_data):
    from cadis.apps.treatment.models import ImportedAggregate

    def clients(year: int):
        values = _aggregates(_export(client_of(None), "datavalueset.json"), "datavalueset.json")
        return {k[3]: v for k, v in values.items() if k[0] == "TDI_CLIENTS" and k[1].year == year}

    published_2023 = clients(2023)
    for year in (2023, 2019):
        ImportedAggregate.objects.create(
            country=kg_data,
            organisation=personas.kg_org,
            indicator="TDI_CLIENTS",
            year=year,
            value=999,
            confidentiality="public",
        )
    assert clients(2023) == published_2023  # 2023 has episodes: they are sent
    assert clients(2019) == {(): 999}  # 2019 has none: the imported figure is sent
