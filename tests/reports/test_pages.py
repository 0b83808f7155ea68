"""Report pages: regional overview, country profile, texts; with every persona."""

from __future__ import annotations

import pytest


def test_the_regional_overview_shows_the_map_and_links_to_every_country(client_of, kg_data):
    page = client_of(None).get("/reports/").content.decode()
    assert page.count('data-country="') == 5 and 'href="/reports/KG/"' in page
    assert "/treatment/tables/KG/2023/" in page


def test_a_country_profile_shows_traceable_figures_and_charts(client_of, kg_data):
    page = client_of(None).get("/reports/KG/").content.decode()
    assert 'data-figure="tdi_clients"' in page and "/treatment/tables/KG/2023/" in page
    assert "kg-tdi-trend-spec" in page and "Обзор ситуации" in page
    assert "#harm-" in page
    assert (
        '"deaths": 6, "sex": "' in page
    )  # deaths of women, a series of the sex-disaggregated chart


def test_unreleased_years_stay_out_of_the_public_profile(client_of, personas, kg_data):
    from cadis.apps.treatment.models import TdiRelease

    TdiRelease.objects.filter(year=2023).delete()
    public = client_of(None).get("/reports/KG/").content.decode()
    assert "/treatment/tables/KG/2023/" not in public and "/treatment/tables/KG/2022/" in public
    own = client_of(personas.kg_analyst).get("/reports/KG/").content.decode()
    assert "/treatment/tables/KG/2023/" in own
    other = client_of(personas.tj_analyst).get("/reports/KG/").content.decode()
    assert "/treatment/tables/KG/2023/" not in other


def test_an_unknown_country_is_not_found(client_of, refdata):
    assert client_of(None).get("/reports/FR/").status_code == 404


@pytest.mark.parametrize(
    "who, status",
    [("kg_focal", 200), ("admin", 200), ("tj_focal", 403), ("kg_provider", 403), ("regional", 403)],
)
def test_only_the_countrys_focal_point_edits_its_texts(client_of, personas, kg_data, who, status):
    assert client_of(getattr(personas, who)).get("/reports/KG/texts/").status_code == status


def test_the_focal_point_saves_a_text_and_the_regional_analyst_edits_the_overview(
    client_of, personas, kg_data
):
    response = client_of(personas.kg_focal).post(
        "/reports/KG/texts/", {"section": "harms", "language": "en", "text": "Deaths rose."}
    )
    assert response.status_code == 302
    from django.utils import translation

    with translation.override("en"):
        page = client_of(None).get("/reports/KG/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Deaths rose." in page
    assert client_of(personas.regional).get("/reports/region/texts/").status_code == 200
    assert client_of(personas.kg_focal).get("/reports/region/texts/").status_code == 403
    assert client_of(None).get("/reports/region/texts/").status_code == 302


def test_the_profile_api_gives_figures_the_reader_may_see(client_of, personas, kg_data):
    from cadis.apps.treatment.models import TdiRelease

    TdiRelease.objects.filter(year=2023).delete()
    public = client_of(None).get("/api/v1/reports/profiles/KG").json()
    assert public["latest_tdi_year"] == 2022 and public["tdi_years"] == [2022]
    own = client_of(personas.kg_analyst).get("/api/v1/reports/profiles/kg").json()
    assert own["latest_tdi_year"] == 2023
    assert {f["key"] for f in own["figures"]} >= {"tdi_clients", "drd", "drid_hiv"}
    assert (
        client_of(personas.tj_analyst).get("/api/v1/reports/profiles/KG").json()["latest_tdi_year"]
        == 2022
    )
    assert client_of(None).get("/api/v1/reports/profiles/FR").json()["code"] == "not_found"


def test_the_text_form_labels_its_fields_in_the_readers_language(client_of, personas):
    client = client_of(personas.regional)
    client.cookies["django_language"] = "ru"
    russian = client.get("/reports/region/texts/").content.decode()
    for label in ("Раздел:", "Язык:", "Текст:"):
        assert label in russian, label
    assert "Section:" not in russian and "Language:" not in russian
    client.cookies["django_language"] = "en"
    english = client.get("/reports/region/texts/").content.decode()
    assert "Section:" in english and "Language:" in english and "Text:" in english
