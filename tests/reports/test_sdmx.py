"""SDMX open data: read by sdmx1 with the published structure, scoped and suppressed as the pages."""

from __future__ import annotations

import io
import math

import pytest
import sdmx
from django.core.management import call_command

from cadis.engines.sdmx import dimension_code


def _structure(client):
    response = client.get("/reports/sdmx/structure.xml")
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    return sdmx.read_sdmx(io.BytesIO(response.content))


def _frame(client, path: str, flow_id: str, structure=None):
    structure = structure or _structure(client)
    response = client.get(path)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith(b"STRUCTURE,STRUCTURE_ID,ACTION,")
    message = sdmx.read_sdmx(io.BytesIO(body), format="csv", structure=structure.dataflow[flow_id])
    return sdmx.to_pandas(message, attributes="o")


def _find(frame, **key):
    names = list(frame.index.names)
    found = []
    for idx, row in frame.iterrows():
        labels = dict(zip(names, idx, strict=True))
        if all(labels.get(k, "_T") == v for k, v in key.items()) and all(
            labels[n] == "_T" for n in names if n not in key and n not in ("TIME_PERIOD",)
        ):
            found.append(row)
    return found


def test_anonymous_readers_get_the_released_tdi_tables_with_the_numbers_of_the_pages(
    client_of, kg_data
):
    anonymous = client_of(None)
    frame = _frame(anonymous, "/reports/sdmx/data/DF_TDI/KG.csv", "DF_TDI")
    page = anonymous.get("/treatment/tables/KG/2023/")
    assert page.status_code == 200
    compared = suppressed = 0
    for table in page.context["tables"]:
        rows, columns = table.key.split("__")
        from cadis.engines.sdmx.tables import DIMENSIONS

        for record in table.records():
            key = {
                "REF_AREA": "KG",
                "INDICATOR": "TDI_CLIENTS",
                "TIME_PERIOD": "2023",
                DIMENSIONS[rows]: dimension_code(rows, record["row"]),
                DIMENSIONS[columns]: dimension_code(columns, record["col"]),
            }
            [row] = _find(frame, **key)
            if record["value"] is None:
                assert math.isnan(row["value"]) and row["CONF_STATUS"] in ("C", "D")
                suppressed += 1
            else:
                assert row["value"] == record["value"] and row["CONF_STATUS"] == "F"
            compared += 1
    assert compared > 20 and suppressed > 0
    values = frame["value"].dropna()
    assert not ((values > 0) & (values < 5)).any()  # no small count leaves the page


def test_an_unreleased_year_reaches_only_readers_of_the_country(client_of, personas, kg_data):
    from cadis.apps.treatment.models import TdiRelease

    TdiRelease.objects.filter(year=2023).delete()
    path = "/reports/sdmx/data/DF_TDI.csv"
    structure = _structure(client_of(None))

    def years(user) -> set[str]:
        frame = _frame(client_of(user), path, "DF_TDI", structure)
        return set(frame.index.get_level_values("TIME_PERIOD"))

    assert years(None) == {"2022"}
    assert years(personas.tj_focal) == {"2022"}
    assert years(personas.kg_analyst) == {"2022", "2023"}
    assert years(personas.regional) == {"2022", "2023"}


def test_harms_figures_follow_their_confidentiality(client_of, personas, kg_data):
    from cadis.apps.treatment.models import HarmRecord

    HarmRecord.objects.filter(indicator="drid_hiv").update(confidentiality="restricted")
    structure = _structure(client_of(None))
    public = _frame(client_of(None), "/reports/sdmx/data/DF_HARMS.csv", "DF_HARMS", structure)
    own = _frame(client_of(personas.kg_analyst), "/reports/sdmx/data/DF_HARMS.csv", "DF_HARMS")
    other = _frame(client_of(personas.tj_analyst), "/reports/sdmx/data/DF_HARMS.csv", "DF_HARMS")
    indicators = lambda f: set(f.index.get_level_values("INDICATOR"))  # noqa: E731
    assert indicators(public) == indicators(other) == {"DRD_CASES"}
    assert indicators(own) >= {"DRD_CASES", "DRID_HIV_CASES", "DRID_HIV_TESTED", "DRID_HIV_PREV"}
    [prevalence] = _find(own, INDICATOR="DRID_HIV_PREV", REF_AREA="KG")
    assert prevalence["value"] == 15.0 and prevalence["UNIT_MEASURE"] == "PC"
    [women] = _find(public, INDICATOR="DRD_CASES", REF_AREA="KG", SEX="F")
    assert women["value"] == 6.0


def test_seizure_observations_equal_the_profile_figures(client_of, personas, kg_data):
    import datetime as dt

    from cadis.apps.reference.models import Substance
    from cadis.apps.supply import services

    heroin = Substance.objects.get(code="heroin")
    for day, quantity in ((dt.date(2023, 3, 1), "1,5 кг"), (dt.date(2023, 4, 2), "2 кг")):
        services.seizure_create(
            actor=personas.kg_provider,
            data={
                "date": day,
                "substance": heroin,
                "quantity_as_written": quantity,
                "confidentiality": "public",
            },
        )
    anonymous = client_of(None)
    frame = _frame(anonymous, "/reports/sdmx/data/DF_SEIZURES/KG.csv", "DF_SEIZURES")
    profile = anonymous.get("/reports/KG/").context["profile"]
    [year] = profile["supply"]["per_year"]
    [count] = _find(frame, INDICATOR="SEIZURES", REF_AREA="KG", DRUG="_T")
    [kg] = _find(frame, INDICATOR="SEIZED_KG", REF_AREA="KG", DRUG="_T")
    assert (count["value"], kg["value"]) == (year["seizures"], year["kg"]) == (2, 3.5)
    from cadis.apps.supply.models import Seizure

    top_group = Seizure.objects.first().substance_group.code  # the top-level group of heroin
    [by_group] = _find(frame, INDICATOR="SEIZED_KG", REF_AREA="KG", DRUG=top_group)
    assert by_group["value"] == 3.5


def test_unknown_dataflows_and_countries_are_not_found_and_old_addresses_move(client_of, kg_data):
    anonymous = client_of(None)
    assert anonymous.get("/reports/sdmx/data/DF_NOPE.csv").status_code == 404
    assert anonymous.get("/reports/sdmx/data/DF_TDI/FR.csv").status_code == 404
    old = anonymous.get("/reports/region.sdmx.csv")
    assert old.status_code == 301 and old["Location"] == "/reports/sdmx/"
    old = anonymous.get("/reports/KG/data.sdmx.csv")
    assert old.status_code == 301 and old["Location"] == "/reports/sdmx/#KG"
    index = anonymous.get("/reports/sdmx/")
    assert index.status_code == 200
    assert b"/reports/sdmx/data/DF_HARMS/KG.csv" in index.content


@pytest.mark.django_db
def test_cadis_export_sdmx_writes_public_files_that_sdmx1_reads(tmp_path, kg_data):
    from cadis.apps.treatment.models import TdiRelease

    TdiRelease.objects.filter(year=2023).delete()
    out = io.StringIO()
    call_command("export", "sdmx", str(tmp_path / "open"), stdout=out)
    directory = tmp_path / "open"
    assert sorted(p.name for p in directory.iterdir()) == [
        "DF_HARMS.csv",
        "DF_SEIZURES.csv",
        "DF_TDI.csv",
        "structure.xml",
    ]
    structure = sdmx.read_sdmx(directory / "structure.xml")
    for flow_id in ("DF_TDI", "DF_HARMS"):
        message = sdmx.read_sdmx(
            directory / f"{flow_id}.csv", format="csv", structure=structure.dataflow[flow_id]
        )
        frame = sdmx.to_pandas(message, attributes="o")
        assert len(frame) > 0 and frame["value"].dtype == float
        if flow_id == "DF_TDI":  # the unreleased year is not public
            assert set(frame.index.get_level_values("TIME_PERIOD")) == {"2022"}
    text = (directory / "DF_SEIZURES.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA")
    assert "DF_TDI: " in out.getvalue()
