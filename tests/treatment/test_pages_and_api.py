"""Treatment pages and API with every persona: own country, other country, anonymous, outsider."""

from __future__ import annotations

import datetime as dt

import pytest

from cadis.apps.reference.models import Country
from cadis.apps.treatment import services


@pytest.fixture
def kg_year(personas, record_episode):
    """A 2023 KG year with enough clients for a table, one of them a possible duplicate."""
    for i in range(12):
        record_episode(
            national_id=f"SYN-KG-{i:04d}",
            start_date=dt.date(2023, 1 + i % 12, 3),
            sex="female" if i % 3 == 0 else "male",
        )
    return record_episode(national_id="SYN-KG-0000", start_date=dt.date(2023, 12, 20))


def test_the_treatment_home_is_public(client_of, personas):
    assert client_of(None).get("/treatment/").status_code == 200
    assert (
        "New treatment episode"
        not in client_of(personas.kg_analyst).get("/treatment/").content.decode()
    )


def test_episodes_are_seen_by_their_organisation_and_focal_point_only(client_of, personas, kg_year):
    url = f"/treatment/episodes/{kg_year.pk}/"
    assert client_of(personas.kg_provider).get(url).status_code == 200
    assert client_of(personas.kg_focal).get(url).status_code == 200
    assert client_of(personas.kg_other_provider).get(url).status_code == 404
    assert client_of(personas.tj_focal).get(url).status_code == 404
    assert client_of(None).get(url).status_code == 302
    listing = client_of(personas.kg_focal).get("/treatment/episodes/?duplicates=1").content.decode()
    assert kg_year.pseudonym[:10] in listing


def test_only_writers_of_the_organisation_get_the_form_and_the_import(client_of, personas):
    assert client_of(personas.kg_provider).get("/treatment/episodes/new/").status_code == 200
    assert client_of(personas.kg_provider).get("/treatment/episodes/import/").status_code == 200
    assert client_of(personas.kg_analyst).get("/treatment/episodes/new/").status_code == 403
    assert client_of(personas.regional).get("/treatment/episodes/import/").status_code == 403
    assert client_of(None).get("/treatment/episodes/import/template.csv").status_code == 200


def test_an_outsider_cannot_edit_or_delete(client_of, personas, kg_year):
    assert (
        client_of(personas.kg_other_provider)
        .post(f"/treatment/episodes/{kg_year.pk}/delete/")
        .status_code
        == 404
    )
    assert (
        client_of(personas.kg_analyst).get(f"/treatment/episodes/{kg_year.pk}/edit/").status_code
        == 403
    )
    assert (
        client_of(personas.kg_provider).get(f"/treatment/episodes/{kg_year.pk}/edit/").status_code
        == 200
    )


def test_tables_are_suppressed_and_public_only_once_released(client_of, personas, kg_year):
    url = "/treatment/tables/KG/2023/"
    assert client_of(None).get(url).status_code == 404
    assert client_of(personas.tj_analyst).get(url).status_code == 404
    page = client_of(personas.kg_analyst).get(url)
    assert page.status_code == 200 and "•" in page.content.decode()
    assert client_of(personas.regional).get(url).status_code == 200
    assert client_of(personas.kg_provider).post(url + "release/").status_code == 403
    assert client_of(personas.kg_focal).post(url + "release/").status_code == 302
    assert client_of(None).get(url).status_code == 200


def test_the_tables_count_clients_once_and_hide_small_cells(personas, kg_year):
    from cadis.apps.treatment.tables import headline, standard_tables

    kg = Country.objects.get(code="KG")
    assert headline([kg.pk], 2023)["total"] == 12
    by_sex = next(t for t in standard_tables([kg.pk], 2023) if t.key == "primary_drug__sex")
    # 8 men and 4 women: both column totals would reveal the small cells, so both are hidden
    # (the third column, nobody of another sex, is an honest zero).
    assert by_sex.table.col_totals == [None, None, 0]


def test_harms_pages_show_public_figures_to_everyone_and_restricted_ones_to_the_country(
    client_of, personas
):
    services.harm_upsert(
        actor=personas.kg_focal,
        organisation=personas.kg_org,
        indicator="drd",
        year=2023,
        values={"cases": 41, "source": "Public registry", "data_quality": "good"},
    )
    services.harm_upsert(
        actor=personas.kg_focal,
        organisation=personas.kg_org,
        indicator="drd",
        year=2022,
        values={"cases": 39, "source": "Draft registry", "data_quality": "partial"},
        confidentiality="restricted",
    )
    public = client_of(None).get("/treatment/harms/").content.decode()
    assert "Public registry" in public and "Draft registry" not in public
    assert (
        "Draft registry" in client_of(personas.kg_analyst).get("/treatment/harms/").content.decode()
    )
    assert (
        "Draft registry"
        not in client_of(personas.tj_analyst).get("/treatment/harms/").content.decode()
    )
    assert client_of(personas.kg_focal).get("/treatment/harms/new/").status_code == 200
    assert client_of(personas.tj_analyst).get("/treatment/harms/new/").status_code == 403
    response = client_of(personas.kg_focal).post(
        "/treatment/harms/new/",
        {
            "indicator": "drid_hiv",
            "year": 2023,
            "sex": "all",
            "age_band": "all",
            "cases": 5,
            "tested": 50,
            "source": "Sentinel survey",
            "data_quality": "partial",
            "confidentiality": "public",
        },
    )
    assert response.status_code == 302


def test_the_api_lists_episodes_in_scope_and_creates_them_with_write_auth(
    client_of, personas, kg_year
):
    own = client_of(personas.kg_focal).get("/api/v1/treatment/episodes").json()
    assert own["count"] == 13
    assert client_of(personas.tj_focal).get("/api/v1/treatment/episodes").json()["count"] == 0
    assert client_of(None).get("/api/v1/treatment/episodes").json()["count"] == 0
    body = {
        "national_id": "SYN-API-1",
        "start_date": "2024-02-01",
        "primary_drug": "7.1",
        "sex": "male",
    }
    assert (
        client_of(None)
        .post("/api/v1/treatment/episodes", body, content_type="application/json")
        .status_code
        == 401
    )
    assert (
        client_of(personas.kg_analyst)
        .post("/api/v1/treatment/episodes", body, content_type="application/json")
        .status_code
        == 403
    )
    created = client_of(personas.kg_provider).post(
        "/api/v1/treatment/episodes", body, content_type="application/json"
    )
    assert created.status_code == 201 and "SYN-API-1" not in created.content.decode()
    bad = client_of(personas.kg_provider).post(
        "/api/v1/treatment/episodes", {**body, "sex": "x"}, content_type="application/json"
    )
    assert bad.status_code == 400 and bad.json()["code"] == "validation_error"


def test_the_api_tables_follow_the_release(client_of, personas, kg_year):
    assert client_of(None).get("/api/v1/treatment/tables/KG/2023").status_code == 404
    tables = client_of(personas.kg_analyst).get("/api/v1/treatment/tables/KG/2023").json()
    assert {t["key"] for t in tables} >= {"primary_drug__centre_type", "age_band__sex"}
    assert client_of(None).get("/api/v1/treatment/harms").status_code == 200


def test_the_home_links_only_to_tables_the_reader_may_open(client_of, personas, kg_year):
    assert "/treatment/tables/KG/2023/" not in client_of(None).get("/treatment/").content.decode()
    assert (
        "/treatment/tables/KG/2023/"
        in client_of(personas.kg_analyst).get("/treatment/").content.decode()
    )


def test_the_episode_list_and_api_use_a_constant_number_of_queries(
    client_of, personas, kg_year, django_assert_max_num_queries
):
    client = client_of(personas.kg_focal)
    with django_assert_max_num_queries(12):
        assert client.get("/treatment/episodes/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/treatment/episodes?limit=100").status_code == 200
