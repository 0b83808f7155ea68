"""The home page as an overview: map and trend, latest alerts, what waits for me, role-aware links."""

from __future__ import annotations

import datetime as dt

import pytest

from cadis.apps.supply import imports
from cadis.platform.modules import waiting_for
from tests.supply.conftest import csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def seizures(personas):
    from cadis.apps.reference.models import Substance
    from cadis.apps.supply import services

    for year in (2023, 2024):
        for month in (1, 12):
            services.seizure_create(
                actor=personas.kg_provider,
                data={
                    "date": dt.date(year, month, 5),
                    "date_precision": "day",
                    "substance": Substance.objects.get(code="heroin"),
                    "quantity_as_written": "3",
                    "unit_as_written": "кг",
                    "confidentiality": "public",
                },
            )


def test_the_home_page_shows_a_map_and_a_trend_of_the_latest_complete_year(client, seizures):
    client.cookies["django_language"] = "en"
    response = client.get("/")
    assert response.status_code == 200
    charts = [p["chart"] for p in response.context["panels"] if p["kind"] == "chart"]
    assert [c["id"] for c in charts] == ["home-map", "home-trend"]
    assert charts[0]["title"] == "Quantity seized by country, 2024, kg"
    assert charts[0]["rows"] == [["Kyrgyzstan", 6.0]]
    assert "/static/vendor/world-atlas-2.0.2/countries-50m.json" in str(charts[0]["spec"])
    assert [row[0] for row in charts[1]["rows"]] == ["2023", "2024"]
    html = response.content.decode()
    assert 'id="home-map"' in html and "Latest early-warning alerts" in html
    assert "Waiting for me" not in html


def test_a_rejected_import_waits_for_its_provider_with_a_count_and_a_link(client_of, personas):
    batch = imports.import_upload(
        actor=personas.kg_provider,
        data=csv_bytes(["not a date;KG;;героин;1;кг;;"]),
        file_name="bad.csv",
    )
    imports.import_check(actor=personas.kg_provider, batch=batch)
    batch.refresh_from_db()
    assert batch.status == "rejected"
    client = client_of(personas.kg_provider)
    client.cookies["django_language"] = "en"
    html = client.get("/").content.decode()
    assert "Waiting for me" in html
    assert (
        'href="/supply/imports/">Rejected import files to fix: <span class="value">1</span>' in html
    )
    assert [item["label"] for item in waiting_for(personas.kg_analyst)] == []


def test_the_navigation_shows_only_pages_the_persona_may_use(client_of, personas):
    analyst = client_of(personas.kg_analyst).get("/").content.decode()
    focal = client_of(personas.kg_focal).get("/").content.decode()
    assert 'href="/accounts/audit/"' not in analyst
    assert 'href="/accounts/audit/"' in focal


@pytest.mark.parametrize(
    ("count", "label"),
    [
        (1, "изъятие в реестре (доступное вам)"),
        (3, "изъятия в реестре (доступных вам)"),
        (5, "изъятий в реестре (доступных вам)"),
        (21, "изъятие в реестре (доступное вам)"),
    ],
)
def test_a_home_figure_label_takes_the_plural_form_its_number_needs(personas, count, label):
    from django.utils import translation

    from cadis.apps.reference.models import Substance
    from cadis.apps.supply import services
    from cadis.apps.supply.figures import supply_figures

    for day in range(count):
        services.seizure_create(
            actor=personas.kg_provider,
            data={
                "date": dt.date(2024, 1, 1) + dt.timedelta(days=day),
                "date_precision": "day",
                "substance": Substance.objects.get(code="heroin"),
                "quantity_as_written": "3",
                "unit_as_written": "кг",
                "confidentiality": "public",
            },
        )
    with translation.override("ru"):
        [figure] = supply_figures(personas.kg_analyst)
    assert (figure["value"], figure["label"]) == (count, label)
    with translation.override("en"):
        [figure] = supply_figures(personas.kg_analyst)
    assert figure["label"].startswith("seizure recorded" if count == 1 else "seizures recorded")


def _legend_titles(spec: dict) -> set[str]:
    return {
        channel["title"]
        for layer in spec["layer"]
        for channel in (layer.get("encoding") or {}).values()
        if isinstance(channel, dict) and "title" in channel
    }


def test_the_home_map_legends_are_words_of_the_readers_language(client, seizures):
    for language, title in (("ru", "изъято, кг"), ("en", "quantity seized, kg")):
        client.cookies["django_language"] = language
        panels = client.get("/").context["panels"]
        spec = next(p["chart"]["spec"] for p in panels if p["kind"] == "chart")
        assert _legend_titles(spec) == {title}, language  # never the field name "value"
