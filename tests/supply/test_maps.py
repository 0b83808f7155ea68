"""Seizure maps: points, routes, hotspots; only what the persona may see; same spec in the PDF."""

from __future__ import annotations

import json

import pytest
from django.utils import translation

from cadis.apps.reference.models import Country
from cadis.apps.supply import maps

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gazetteer")]


def _layer_values(spec: dict) -> list[dict]:
    return [
        row
        for layer in spec["layer"]
        for row in layer.get("data", {}).get("values", [])
        if isinstance(row, dict)
    ]


@pytest.fixture
def two_countries(make_seizure, personas):
    kg = make_seizure(personas.kg_provider, place="Бишкек", quantity="5")
    tj = make_seizure(personas.tj_provider, place="Душанбе", quantity="7")
    return kg, tj


def test_a_restricted_tajik_seizure_is_not_a_point_on_a_kyrgyz_analysts_map(
    two_countries, personas
):
    points = maps.point_chart(personas.kg_analyst)
    labels = [row["label"] for row in _layer_values(points["spec"])]
    assert labels == ["Бишкек"]
    assert [row[0] for row in points["rows"]] == ["Бишкек"]
    hotspots = maps.hotspot_chart(personas.kg_analyst)
    assert [row[:2] for row in hotspots["rows"]] == [["Бишкек", "Кыргызстан"]]
    assert "TJ-DU" not in json.dumps(hotspots["spec"])
    tj_points = maps.point_chart(personas.tj_analyst)
    assert [row["label"] for row in _layer_values(tj_points["spec"])] == ["Душанбе"]
    regional = maps.point_chart(personas.regional)
    assert sorted(row[0] for row in regional["rows"]) == ["Бишкек", "Душанбе"]
    assert (
        maps.point_chart(personas.kg_analyst)["spec"]["layer"][1]["encoding"]["size"]["field"]
        == "quantity"
    )
    assert maps.point_chart(None)["rows"] == []


def test_routes_are_drawn_origin_transit_destination(make_seizure, personas):
    seizure = make_seizure(
        personas.kg_provider,
        quantity="120",
        departure_country=Country.objects.get(code="AF"),
        destination_country=Country.objects.get(code="RU"),
    )
    seizure.transit_countries.set([Country.objects.get(code="TJ")])
    routes = maps.route_chart(personas.kg_analyst)
    assert routes["rows"] == [
        [
            "Афганистан → Таджикистан → Российская Федерация",
            seizure.substance_group.name_ru,
            120.0,
            1,
        ]
    ]
    legs = [row for row in _layer_values(routes["spec"]) if "lat2" in row or "lon2" in row]
    assert len(legs) == 2
    assert maps.route_chart(personas.tj_analyst)["rows"] == []


def test_english_maps_name_places_and_drug_groups_in_english(make_seizure, personas):
    seizure = make_seizure(
        personas.kg_provider,
        place="Бишкек",
        quantity="120",
        departure_country=Country.objects.get(code="AF"),
        destination_country=Country.objects.get(code="RU"),
    )
    group = seizure.substance_group
    with translation.override("en"):
        points = maps.point_chart(personas.kg_analyst)
        routes = maps.route_chart(personas.kg_analyst)
        hotspots = maps.hotspot_chart(personas.kg_analyst)
    assert [row[:2] for row in points["rows"]] == [["Bishkek", group.name_en]]
    assert routes["rows"][0][1] == group.name_en
    assert "Афганистан" not in json.dumps(routes["spec"], ensure_ascii=False)
    assert hotspots["rows"][0][0] == "Bishkek"


def test_the_maps_page_draws_the_three_maps_for_what_the_reader_may_see(
    two_countries, client_of, personas
):
    page = client_of(personas.kg_analyst).get("/supply/maps/")
    assert page.status_code == 200
    html = page.content.decode()
    for key in ("map-points", "map-routes", "map-hotspots"):
        assert f'id="{key}-spec"' in html
    assert "Бишкек" in html and "Душанбе" not in html
    assert "GeoNames" in html


def test_the_pdf_renders_the_same_map_spec_with_the_boundaries_inline(two_countries, personas):
    from cadis.apps.reports.pdf import chart_svg

    spec = maps.point_chart(personas.kg_analyst)["spec"]
    assert spec["layer"][0]["data"]["url"].endswith("countries-50m.json")
    svg = chart_svg(spec)
    assert svg.startswith("<svg") and svg.count("<path") > 20
