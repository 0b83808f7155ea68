"""Map specifications: valid Vega-Lite (checked with the schema altair ships), rendered by vl-convert."""

from __future__ import annotations

import json
from pathlib import Path

import altair
import jsonschema
import pytest
import vl_convert

from cadis.engines.geo.gazetteer import Kind, load_gazetteer
from cadis.engines.geo.maps import (
    TOPOLOGY_STATIC_PATH,
    Flow,
    MapPoint,
    MapView,
    Stop,
    flow_map,
    hotspot_map,
    point_map,
)

STATIC = Path(__file__).resolve().parents[3] / "src" / "cadis" / "web" / "static"
SCHEMA = json.loads(
    (
        Path(altair.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json"
    ).read_text()
)


@pytest.fixture(scope="module")
def topology():
    return json.loads((STATIC / TOPOLOGY_STATIC_PATH).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def centroids():
    return {e.id: (e.lat, e.lon) for e in load_gazetteer().of_kind(Kind.SUBDIVISION)}


POINTS = [
    MapPoint(42.87, 74.59, 12.5, "cannabis", "Бишкек"),
    MapPoint(38.56, 68.78, 250.0, "opiates", "Душанбе"),
    MapPoint(40.53, 72.80, 3.0, "opiates", "Ош"),
]
FLOWS = [
    Flow(
        Stop(36.71, 67.11, "Mazar-i-Sharif"),
        Stop(55.75, 37.62, "Moscow"),
        (Stop(38.56, 68.78, "Dushanbe"), Stop(40.53, 72.80, "Osh")),
        120.0,
        "heroin",
    )
]


def _specs(topology_url=None, topology=None, centroids=None):
    view = MapView(title="test", labels={"quantity": "кг"})
    return [
        point_map(POINTS, topology_url=topology_url, topology=topology, view=view),
        flow_map(FLOWS, topology_url=topology_url, topology=topology, view=view),
        hotspot_map(
            {"KG-O": 14, "TJ-KT": 30, "XX-ZZ": 5},
            centroids or {"KG-O": (40.3, 73.2), "TJ-KT": (37.8, 68.9)},
            country_totals={"KG": 20, "TJ": 35},
            topology_url=topology_url,
            topology=topology,
            view=view,
        ),
    ]


def test_the_vendored_boundaries_hold_the_five_countries_by_iso_numeric_code(topology):
    ids = {
        g.get("id") for g in topology["objects"]["countries"]["geometries"]
    }  # a few disputed areas have none
    assert {"398", "417", "762", "795", "860", "004"} <= ids


def test_every_spec_is_valid_vega_lite():
    for spec in _specs(topology_url="/static/" + TOPOLOGY_STATIC_PATH):
        jsonschema.validate(spec, SCHEMA)
        assert "http" not in json.dumps(spec).replace(
            spec["$schema"], ""
        )  # nothing from another host


def test_the_specs_render_to_svg_with_inline_boundaries(topology, centroids):
    for spec in _specs(topology=topology, centroids=centroids):
        svg = vl_convert.vegalite_to_svg(spec)
        assert svg.startswith("<svg") and svg.count("<path") > 5


def test_a_route_becomes_one_segment_per_leg_and_its_stops_are_marked():
    spec = flow_map(FLOWS, topology_url="/t.json")
    legs = spec["layer"][1]["data"]["values"]
    assert [(leg["from"], leg["to"]) for leg in legs] == [
        ("Mazar-i-Sharif", "Dushanbe"),
        ("Dushanbe", "Osh"),
        ("Osh", "Moscow"),
    ]
    roles = {s["name"]: s["role"] for s in spec["layer"][2]["data"]["values"]}
    assert roles == {
        "Mazar-i-Sharif": "origin",
        "Dushanbe": "transit",
        "Osh": "transit",
        "Moscow": "destination",
    }


def test_hotspots_without_a_known_centroid_are_left_out():
    spec = _specs(topology_url="/t.json")[2]
    assert {row["code"] for row in spec["layer"][-1]["data"]["values"]} == {"KG-O", "TJ-KT"}


def test_boundaries_are_required():
    with pytest.raises(ValueError):
        point_map(POINTS)
