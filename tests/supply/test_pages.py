"""Every supply page with own-country, other-country, anonymous users and another organisation."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from cadis.apps.supply.models import Seizure

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(personas, make_seizure):
    return {
        "public": make_seizure(
            confidentiality="public", substance="hashish", quantity="7", unit="кг"
        ),
        "restricted": make_seizure(
            confidentiality="restricted", substance="heroin", quantity="3", unit="кг"
        ),
        "confidential": make_seizure(
            confidentiality="confidential", substance="opium", quantity="11", unit="кг"
        ),
    }


def test_the_dashboard_shows_each_user_the_totals_they_may_see(client_of, personas, records):
    def total(user) -> str:
        page = client_of(user).get("/supply/")
        assert page.status_code == 200
        return page.context["totals"]["kg"]

    assert total(None) == 7  # the public sees published records only
    assert total(personas.tj_analyst) == 7
    assert total(personas.kg_analyst) == 21  # own organisation: confidential too
    assert total(personas.kg_other_provider) == 10
    assert total(personas.regional) == 10
    assert total(personas.kg_focal) == 21


def test_the_dashboard_has_charts_tables_and_period_statistics_apart(client_of, personas, records):
    page = client_of(personas.kg_analyst).get("/supply/", {"country": "KG", "grain": "month"})
    html = page.content.decode()
    # The page speaks Russian unless the visitor switches: the heading is pinned in Russian.
    assert 'id="chart-period-kg"' in html and "Официальная статистика" in html
    assert page.context["filters"].grain == "month"


def test_the_country_dashboard_filters_to_the_country(client_of, personas, records):
    page = client_of(personas.kg_analyst).get("/supply/country/KG/")
    assert page.status_code == 200 and page.context["totals"]["seizures"] == 3
    assert (
        client_of(personas.kg_analyst).get("/supply/country/TJ/").context["totals"]["seizures"] == 0
    )
    assert client_of(None).get("/supply/country/XX/").status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_chart_tables_download_as_csv_and_xlsx(client_of, personas, records, fmt):
    response = client_of(None).get(f"/supply/data/substance.{fmt}")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    body = b"".join(response.streaming_content)
    if fmt == "csv":
        text = body.decode("utf-8-sig")
        assert "7.0" in text and "3.0" not in text  # anonymous: the public record only
    else:
        sheet = load_workbook(io.BytesIO(body)).active
        rows = list(sheet.iter_rows(min_row=2))
        assert [c.value for c in rows[0]][1:] == [7.0, 0, 1]  # anonymous: the public record
        assert all(c.data_type == "n" for row in rows for c in row[1:])


def test_unknown_download_dimensions_are_not_found(client_of, personas):
    assert client_of(None).get("/supply/data/nothing.csv").status_code == 404
    assert client_of(None).get("/supply/data/substance.pdf").status_code == 404


def test_the_seizure_list_and_detail_follow_the_scope(client_of, personas, records):
    restricted = records["restricted"]
    assert (
        client_of(personas.kg_analyst).get(f"/supply/seizures/{restricted.pk}/").status_code == 200
    )
    assert (
        client_of(personas.tj_analyst).get(f"/supply/seizures/{restricted.pk}/").status_code == 404
    )
    assert client_of(None).get(f"/supply/seizures/{restricted.pk}/").status_code == 404
    assert client_of(None).get(f"/supply/seizures/{records['public'].pk}/").status_code == 200
    listing = client_of(personas.tj_analyst).get("/supply/seizures/")
    assert [s.pk for s in listing.context["page"]] == [records["public"].pk]
    response = client_of(personas.kg_focal).get("/supply/seizures/", {"format": "csv"})
    csv_body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert csv_body.count("\n") == 4
    response = client_of(personas.kg_focal).get("/supply/seizures/", {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 4
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(header, row, strict=True))
        assert cells["date"].is_date and cells["normalised quantity"].data_type == "n"
        assert cells["id"].data_type == "n"


def test_recording_a_seizure_through_the_form(client_of, personas):
    form = {
        "date_text": "12.03.2024",
        "substance_as_written": "героин",
        "quantity_as_written": "1 300,5",
        "unit_as_written": "г",
        "confidentiality": "restricted",
    }
    response = client_of(personas.kg_provider).post("/supply/seizures/new/", form)
    assert response.status_code == 302
    seizure = Seizure.objects.get()
    assert (
        seizure.normalised_quantity == pytest.approx(1.3005)
        and seizure.substance_resolution == "unresolved"
    )
    bad = client_of(personas.kg_provider).post(
        "/supply/seizures/new/", {**form, "quantity_as_written": "1.300", "unit_as_written": "кг"}
    )
    assert bad.status_code == 200 and "quantity_as_written" in bad.context["form"].errors


def test_only_writers_may_open_entry_forms(client_of, personas):
    for path in (
        "/supply/seizures/new/",
        "/supply/cases/new/",
        "/supply/statistics/new/",
        "/supply/imports/",
    ):
        assert client_of(personas.kg_analyst).get(path).status_code == 403
        assert client_of(None).get(path).status_code == 302
        assert client_of(personas.kg_provider).get(path).status_code == 200


def test_another_organisation_may_not_change_a_seizure(client_of, personas, records):
    path = f"/supply/seizures/{records['restricted'].pk}/edit/"
    assert client_of(personas.kg_other_provider).get(path).status_code == 403
    assert client_of(personas.tj_focal).get(path).status_code == 404
    assert client_of(personas.kg_provider).get(path).status_code == 200


def test_cases_and_statistics_pages(client_of, personas):
    from cadis.apps.reference.models import Agency

    response = client_of(personas.kg_provider).post(
        "/supply/cases/new/",
        {
            "reference": "K-2024-17",
            "date_start": "2024-02-01",
            "operation_name": "Мак-2024",
            "agencies": [
                Agency.objects.get(code="kg_mvd").pk,
                Agency.objects.get(code="kz_mvd").pk,
            ],
            "groups_dismantled": 2,
            "group_members": 9,
            "persons_arrested": 7,
            "persons_prosecuted": 5,
            "women": 1,
            "minors": 0,
            "foreigners": 2,
            "confidentiality": "restricted",
            "lab_kind": "synthetic",
            "lab_products": "мефедрон",
        },
    )
    assert response.status_code == 302
    case_path = response["Location"]
    assert client_of(personas.kg_analyst).get(case_path).status_code == 200
    assert client_of(personas.tj_analyst).get(case_path).status_code == 404
    assert client_of(None).get("/supply/cases/").status_code == 200
    response = client_of(personas.kg_provider).post(
        "/supply/statistics/new/",
        {
            "indicator": "quantity_seized",
            "value": "1300",
            "unit": "kg",
            "period_start": "2024-01-01",
            "period_end": "2024-12-31",
            "confidentiality": "public",
            "source_text": "synthetic test figure",
        },
    )
    assert response.status_code == 302
    assert "1300" in client_of(None).get("/supply/statistics/").content.decode()
    assert "1300" in client_of(None).get("/supply/").content.decode()


def test_a_seizure_from_a_document_links_back_to_the_document_and_span(client_of, personas):
    from cadis.apps.reference.models import Substance
    from cadis.apps.supply import services

    seizure = services.seizure_create(
        actor=personas.kg_provider,
        data={
            "date": dt.date(2024, 3, 12),
            "date_precision": "day",
            "substance": Substance.objects.get(code="heroin"),
            "quantity_as_written": "2",
            "unit_as_written": "кг",
            "confidentiality": "restricted",
        },
        source_kind="document",
        source_detail={"document": 41, "span": [120, 164], "fact": 7},
    )
    page = client_of(personas.kg_analyst).get(f"/supply/seizures/{seizure.pk}/").content.decode()
    assert 'href="/documents/41/#fact-7"' in page
    assert "120–164" in page


def test_a_russian_seizure_list_names_the_country_instead_of_its_code(
    client_of, personas, records
):
    page = client_of(personas.kg_analyst).get("/supply/seizures/", HTTP_ACCEPT_LANGUAGE="ru")
    cells = re.findall(r"<td>([^<]*)</td>", page.content.decode())
    assert "Кыргызстан" in cells
    assert "KG" not in cells
