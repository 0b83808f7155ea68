"""TDI 3.0 items (nationality, first injection, first OST, test results, 'refuses to answer'),
their validation, and the EUDA workbooks (TDI standard tables, DRD and DRID) read with openpyxl."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from cadis.apps.treatment import choices as c
from cadis.engines.tdi.codes import VARIABLES

ITEM_CHOICES = {
    "centre_type": c.CentreType,
    "treatment_status": c.TreatmentStatus,
    "sex": c.Sex,
    "referral": c.Referral,
    "route": c.Route,
    "frequency": c.Frequency,
    "nationality": c.Nationality,
    "injecting": c.Injecting,
    "needle_sharing": c.NeedleSharing,
    "hiv_testing": c.Testing,
    "hiv_result": c.TestResult,
    "hcv_testing": c.Testing,
    "hcv_result": c.TestResult,
    "ost": c.Ost,
}


def test_the_app_choices_hold_the_engine_codes_in_protocol_order():
    assert set(ITEM_CHOICES) == set(VARIABLES)
    for item, choices in ITEM_CHOICES.items():
        assert tuple(choices.values) == VARIABLES[item].codes, item


def test_the_episode_records_the_new_items(record_episode):
    episode = record_episode(
        nationality="foreign",
        year_first_injection=2015,
        hiv_testing="last_12m",
        hiv_result="negative",
        hcv_testing="refused",
        hcv_result="refused",
        ost="ever_not_now",
        year_first_ost=2020,
        needle_sharing="refused",
    )
    episode.refresh_from_db()
    assert (episode.nationality, episode.year_first_injection, episode.year_first_ost) == (
        "foreign",
        2015,
        2020,
    )
    assert episode.get_hcv_result_display() == "Отказ от ответа"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"year_first_ost": 2025, "ost": "currently"}, "year_first_ost"),  # after the episode
        ({"year_first_injection": 1980}, "year_first_injection"),  # before birth (age 31 in 2024)
        ({"age_first_injection": 40}, "age_first_injection"),  # older than at entry
        (
            {"injecting": "never", "route": "smoke", "year_first_injection": 2020},
            "year_first_injection",
        ),
        ({"ost": "never", "year_first_ost": 2020}, "year_first_ost"),
        ({"year_first_ost": 1700}, "year_first_ost"),
    ],
)
def test_impossible_first_injection_or_ost_is_refused(record_episode, overrides, field):
    from cadis.platform.errors import ValidationError

    with pytest.raises(ValidationError) as error:
        record_episode(**overrides)
    assert field in {d["field"] for d in error.value.details}


def test_the_api_takes_the_new_items_and_bounds_them(client_of, personas):
    body = {
        "national_id": "SYN-API-TDI",
        "start_date": "2024-02-01",
        "primary_drug": "1.1",
        "sex": "female",
        "nationality": "stateless",
        "injecting": "last_12m",
        "age": 35,
        "age_first_injection": 22,
        "hiv_result": "positive",
        "ost": "currently",
        "year_first_ost": 2021,
    }
    client = client_of(personas.kg_provider)
    created = client.post("/api/v1/treatment/episodes", body, content_type="application/json")
    assert created.status_code == 201
    data = created.json()
    assert (data["nationality"], data["age_first_injection"], data["year_first_ost"]) == (
        "stateless",
        22,
        2021,
    )
    assert data["hiv_result"] == "positive"
    too_old = client.post(
        "/api/v1/treatment/episodes",
        {**body, "national_id": "SYN-API-TDI-2", "age_first_injection": 111},
        content_type="application/json",
    )
    assert too_old.status_code == 400 and too_old.json()["code"] == "validation_error"
    bad_code = client.post(
        "/api/v1/treatment/episodes",
        {**body, "national_id": "SYN-API-TDI-3", "hcv_result": "maybe"},
        content_type="application/json",
    )
    assert bad_code.status_code == 400


def test_the_import_reads_the_new_columns(personas):
    from cadis.apps.treatment import importing
    from cadis.apps.treatment.models import TreatmentEpisode

    text = importing.template_csv()
    report = importing.import_episodes(
        actor=personas.kg_provider,
        organisation=personas.kg_org,
        data=text.encode(),
        file_name="t.csv",
        dry_run=False,
    )
    assert report.ok and report.created == 1
    episode = TreatmentEpisode.objects.get()
    assert (episode.nationality, episode.year_first_injection, episode.hcv_result) == (
        "national",
        2012,
        "refused",
    )
    bad = text.replace(",2019", ",2031")  # first OST after the episode year
    report = importing.import_episodes(
        actor=personas.kg_provider,
        organisation=personas.kg_org,
        data=bad.encode(),
        file_name="t.csv",
    )
    assert {e["column"] for e in report.errors} == {"year_first_ost"}


@pytest.fixture
def kg_injectors(personas):
    """A KG year of people who inject: 17 opioid clients, some with small categories."""
    from cadis.apps.reference.models import Country
    from cadis.apps.treatment import services

    for i in range(17):
        services.episode_create(
            actor=personas.kg_provider,
            organisation=personas.kg_org,
            values={
                "start_date": dt.date(2023, 1 + i % 12, 3),
                "age": 30 + i % 7,
                "primary_drug_code": "1.1",
                "sex": "female" if i % 5 == 0 else "male",
                "nationality": "foreign" if i % 8 == 0 else "national",
                "route": "inject",
                "injecting": "last_30d",
                "year_first_injection": 2010 + i % 6,
                "needle_sharing": "refused" if i % 6 == 0 else "never",
                "hiv_testing": "last_12m",
                "hiv_result": "positive" if i % 9 == 0 else "negative",
                "ost": "currently" if i % 2 else "never",
                "year_first_ost": 2020 if i % 2 else None,
            },
            identity={"national_id": f"SYN-EUDA-{i:03d}"},
        )
    return Country.objects.get(code="KG")


def _book(response):
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    return load_workbook(io.BytesIO(body))


def _check_cells(sheet) -> int:
    """Numbers are numbers; a withheld cell is empty and its flag column says why."""
    header = [cell.value for cell in sheet[1]]
    flagged = 0
    for row in sheet.iter_rows(min_row=2):
        for title, cell in zip(header, row, strict=True):
            if title and title.endswith(": признак"):
                value = row[header.index(title[: -len(": признак")])]
                if cell.value:
                    flagged += 1
                    assert value.value is None
                else:
                    assert value.data_type == "n"
            elif cell.value is not None and header.index(title) > 0:
                assert cell.data_type == "n" and cell.value != "•"
    return flagged


def test_the_euda_tdi_workbook_follows_the_release_and_the_page_suppression(
    client_of, personas, kg_injectors
):
    from cadis.apps.treatment import services, tables

    path = "/treatment/tables/KG/2023/euda.xlsx"
    assert client_of(None).get(path).status_code == 404
    assert client_of(personas.tj_focal).get(path).status_code == 404
    book = _book(client_of(personas.kg_analyst).get(path))
    services.tdi_release(actor=personas.kg_focal, country=kg_injectors, year=2023)
    public = _book(client_of(None).get(path))
    assert public.sheetnames == book.sheetnames
    assert len(book.sheetnames) == 12 and "TDI_FIRST_INJECTION_AGE_SEX" in book.sheetnames
    about = {r[0].value: r[1] for r in public.worksheets[0].iter_rows(min_row=2)}
    year = about["Год"]
    assert year.value == 2023 and year.data_type == "n"
    flagged = sum(_check_cells(public[name]) for name in public.sheetnames[1:])
    assert flagged > 0
    # The sex margins of all clients are the same cells as on the page: equal where shown,
    # withheld in the workbook wherever the page withholds them.
    page_tables = client_of(None).get("/treatment/tables/KG/2023/").context["tables"]
    by_sex = next(t for t in page_tables if t.key == "primary_drug__sex")
    page_margin = dict(zip(by_sex.col_keys, by_sex.table.col_totals, strict=True))
    nationality = public["TDI_NATIONALITY"]
    header = [cell.value for cell in nationality[1]]
    total_row = [cell.value for cell in nationality[nationality.max_row]]
    for sex, label in (("male", "Мужской"), ("female", "Женский")):
        assert total_row[header.index(label)] == page_margin[sex]
    euda = tables.euda_tables([kg_injectors.pk], 2023)
    assert euda["TDI_OST_HISTORY"].population == 17


def test_the_euda_harms_workbook_lays_out_drd_and_drid_as_recorded(client_of, personas):
    from cadis.apps.treatment import services

    for sex, deaths in (("all", 23), ("male", 19)):
        services.harm_upsert(
            actor=personas.kg_focal,
            organisation=personas.kg_org,
            indicator="drd",
            year=2023,
            sex=sex,
            values={"cases": deaths, "source": "Registry", "data_quality": "good"},
        )
    services.harm_upsert(
        actor=personas.kg_focal,
        organisation=personas.kg_org,
        indicator="drid_hiv",
        year=2023,
        values={"cases": 12, "tested": 80, "source": "Sentinel", "data_quality": "partial"},
        confidentiality="restricted",
    )
    path = "/treatment/harms/KG/2023/euda.xlsx"
    public = _book(client_of(None).get(path))
    own = _book(client_of(personas.kg_analyst).get(path))
    drd = public["DRD_AGE_SEX"]
    header = [cell.value for cell in drd[1]]
    total = [cell for cell in drd[drd.max_row]]
    assert total[header.index("Всего")].value == 23 and total[header.index("Мужской")].value == 19
    assert total[header.index("Женский")].value is None
    assert total[header.index("Женский: признак")].value == "нет данных"
    _check_cells(drd)

    def hiv(book) -> dict:
        sheet = book["DRID_PREVALENCE"]
        header = [cell.value for cell in sheet[1]]
        rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
        return dict(
            zip(header, next(r for r in rows if r[0] == "HIV" and r[1] == "Всего"), strict=True)
        )

    assert hiv(own)["Обследовано"] == 80 and hiv(own)["Распространённость, %"] == 15.0
    assert hiv(public)["Обследовано"] is None  # restricted: not for the public
    assert hiv(public)["Обследовано: признак"] == "нет данных"
    other = client_of(personas.tj_analyst).get(path)
    assert hiv(_book(other))["Обследовано"] is None


def test_the_synthetic_episodes_fill_the_new_items_consistently(personas):
    from cadis.apps.reference.models import Country
    from cadis.apps.treatment.synthetic import synthetic_episodes
    from cadis.engines.tdi.tables import episode_problems

    episodes = synthetic_episodes(
        country=Country.objects.get(code="KG"),
        organisation=personas.kg_org,
        year=2023,
        count=300,
        seed=7,
    )
    records = [
        {
            **{item: getattr(e, item) for item in VARIABLES},
            "year": e.year,
            "age": e.age,
            "year_first_injection": e.year_first_injection,
            "year_first_ost": e.year_first_ost,
        }
        for e in episodes
    ]
    assert all(episode_problems(r) == [] for r in records)
    assert any(r["year_first_injection"] for r in records)
    assert any(r["year_first_ost"] for r in records)
    assert {r["nationality"] for r in records} >= {"national"}
    never = [r for r in records if r["hiv_testing"] == "never"]
    assert all(r["hiv_result"] == "not_tested" for r in never)
