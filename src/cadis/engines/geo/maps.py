"""Vega-Lite map specifications from plain data (framework-free; the same spec for web and PDF).

Three maps over the Natural Earth country boundaries shipped under
`web/static/vendor/world-atlas-2.0.2/` (TopoJSON, object `countries`, ids = ISO 3166-1
numeric codes):

- `point_map`: events as circles sized by quantity and coloured by group (seizures by drug);
- `flow_map`: routes origin -> transit -> destination as line segments, width by quantity;
- `hotspot_map`: a value per subdivision as circles at the subdivision centroids (no offline
  public-domain subdivision boundaries exist in a package), over countries shaded by their
  own totals.

The boundaries come either as a URL (web pages: `topology_url="/static/vendor/..."`) or
inline (`topology=<parsed TopoJSON>`, for vl-convert when rendering PDF). Specs are plain
dicts; nothing is fetched from another host.

>>> spec = point_map([MapPoint(42.87, 74.59, 12.5, "cannabis", "Бишкек")], topology_url="/static/t.json")
>>> spec["layer"][1]["mark"]["type"], spec["layer"][1]["encoding"]["size"]["field"]
('circle', 'quantity')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pycountry

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
TOPOLOGY_STATIC_PATH = "vendor/world-atlas-2.0.2/countries-50m.json"  # under the static root
CENTRAL_ASIA_VIEW = (65.0, 43.5, 780.0)  # mercator centre (lon, lat) and scale for the region


@dataclass(frozen=True)
class MapPoint:
    """One located event: a seizure, a detection."""

    lat: float
    lon: float
    quantity: float = 1.0
    group: str = ""
    label: str = ""


@dataclass(frozen=True)
class Stop:
    lat: float
    lon: float
    name: str = ""


@dataclass(frozen=True)
class Flow:
    """A route: origin, transit stops in order, destination; how much moved, of which group."""

    origin: Stop
    destination: Stop
    via: tuple[Stop, ...] = ()
    quantity: float = 1.0
    group: str = ""


@dataclass(frozen=True)
class MapView:
    """Mercator projection centre and scale, and the figure size in pixels."""

    center_lon: float = CENTRAL_ASIA_VIEW[0]
    center_lat: float = CENTRAL_ASIA_VIEW[1]
    scale: float = CENTRAL_ASIA_VIEW[2]
    width: int = 640
    height: int = 420
    title: str = ""
    labels: dict[str, str] = field(
        default_factory=dict
    )  # axis/legend titles (translated by the caller)


def _topology_data(topology_url: str | None, topology: Mapping[str, Any] | None) -> dict[str, Any]:
    fmt = {"type": "topojson", "feature": "countries"}
    if topology is not None:
        return {"values": topology, "format": fmt}
    if not topology_url:
        raise ValueError("give topology_url (web) or topology (inline, for rendering)")
    return {"url": topology_url, "format": fmt}


def _frame(view: MapView, layers: list[dict[str, Any]]) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "$schema": SCHEMA,
        "width": view.width,
        "height": view.height,
        "projection": {
            "type": "mercator",
            "center": [view.center_lon, view.center_lat],
            "scale": view.scale,
        },
        "layer": layers,
        "config": {"view": {"stroke": None}},
    }
    if view.title:
        spec["title"] = view.title
    return spec


def _countries_layers(
    topology_url: str | None,
    topology: Mapping[str, Any] | None,
    totals: Mapping[str, float] | None = None,
    label: str = "",
) -> list[dict[str, Any]]:
    """All countries in a neutral fill; over them, when totals are given, the countries that have one."""
    base = {
        "data": _topology_data(topology_url, topology),
        "mark": {"type": "geoshape", "fill": "#f2f2ef", "stroke": "#9a9a94", "strokeWidth": 0.6},
    }
    if not totals:
        return [base]
    values = [
        {"id": _numeric(code), "country": code, "total": value}
        for code, value in totals.items()
        if _numeric(code)
    ]
    shaded = {
        "data": _topology_data(topology_url, topology),
        # The lookup keeps only the countries that have a total (the others stay in the base layer).
        "transform": [
            {
                "lookup": "id",
                "from": {"data": {"values": values}, "key": "id", "fields": ["country", "total"]},
            },
            {"filter": "datum.total != null"},
        ],
        "mark": {"type": "geoshape", "stroke": "#9a9a94", "strokeWidth": 0.6},
        "encoding": {
            "color": {
                "field": "total",
                "type": "quantitative",
                "scale": {"scheme": "blues"},
                "title": label or "total",
            },
            "tooltip": [
                {"field": "country", "type": "nominal"},
                {"field": "total", "type": "quantitative"},
            ],
        },
    }
    return [base, shaded]


def _numeric(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.numeric if country else None


def point_map(
    points: Iterable[MapPoint],
    *,
    topology_url: str | None = None,
    topology: Mapping[str, Any] | None = None,
    view: MapView | None = None,
) -> dict[str, Any]:
    """Circles at the points, area proportional to quantity, colour by group."""
    view = view or MapView()
    values = [
        {"lat": p.lat, "lon": p.lon, "quantity": p.quantity, "group": p.group, "label": p.label}
        for p in points
    ]
    circles = {
        "data": {"values": values},
        "mark": {"type": "circle", "opacity": 0.75, "stroke": "#ffffff", "strokeWidth": 0.5},
        "encoding": {
            "longitude": {"field": "lon", "type": "quantitative"},
            "latitude": {"field": "lat", "type": "quantitative"},
            "size": {
                "field": "quantity",
                "type": "quantitative",
                "scale": {"type": "sqrt", "range": [12, 900]},
                "title": view.labels.get("quantity", "quantity"),
            },
            "color": {
                "field": "group",
                "type": "nominal",
                "title": view.labels.get("group", "group"),
            },
            "tooltip": [
                {"field": "label", "type": "nominal"},
                {"field": "group", "type": "nominal"},
                {"field": "quantity", "type": "quantitative"},
            ],
        },
    }
    return _frame(view, [*_countries_layers(topology_url, topology), circles])


def flow_map(
    flows: Iterable[Flow],
    *,
    topology_url: str | None = None,
    topology: Mapping[str, Any] | None = None,
    view: MapView | None = None,
) -> dict[str, Any]:
    """Each route drawn leg by leg (origin -> via... -> destination); width by quantity."""
    view = view or MapView()
    legs: list[dict[str, Any]] = []
    stops: dict[tuple[float, float], dict[str, Any]] = {}
    for number, route in enumerate(flows):
        path: Sequence[Stop] = (route.origin, *route.via, route.destination)
        for leg, (start, end) in enumerate(zip(path, path[1:], strict=False)):
            legs.append(
                {
                    "route": number,
                    "leg": leg,
                    "lon": start.lon,
                    "lat": start.lat,
                    "lon2": end.lon,
                    "lat2": end.lat,
                    "quantity": route.quantity,
                    "group": route.group,
                    "from": start.name,
                    "to": end.name,
                }
            )
        for index, stop in enumerate(path):
            code = (
                "origin" if index == 0 else "destination" if index == len(path) - 1 else "transit"
            )
            role = view.labels.get(code, code)  # shown in the legend and tooltip: in words
            stops.setdefault(
                (stop.lat, stop.lon),
                {"lat": stop.lat, "lon": stop.lon, "name": stop.name, "role": role},
            )
    lines = {
        "data": {"values": legs},
        "mark": {"type": "rule", "opacity": 0.7, "strokeCap": "round"},
        "encoding": {
            "longitude": {"field": "lon", "type": "quantitative"},
            "latitude": {"field": "lat", "type": "quantitative"},
            "longitude2": {"field": "lon2"},
            "latitude2": {"field": "lat2"},
            "strokeWidth": {
                "field": "quantity",
                "type": "quantitative",
                "scale": {"range": [1, 10]},
                "title": view.labels.get("quantity", "quantity"),
            },
            "color": {
                "field": "group",
                "type": "nominal",
                "title": view.labels.get("group", "group"),
            },
            "tooltip": [
                {"field": "from", "type": "nominal"},
                {"field": "to", "type": "nominal"},
                {"field": "quantity", "type": "quantitative"},
            ],
        },
    }
    nodes = {
        "data": {"values": list(stops.values())},
        "mark": {"type": "point", "filled": True, "size": 40},
        "encoding": {
            "longitude": {"field": "lon", "type": "quantitative"},
            "latitude": {"field": "lat", "type": "quantitative"},
            "shape": {"field": "role", "type": "nominal", "title": view.labels.get("role", "role")},
            "color": {"value": "#333333"},
            "tooltip": [{"field": "name", "type": "nominal"}, {"field": "role", "type": "nominal"}],
        },
    }
    return _frame(view, [*_countries_layers(topology_url, topology), lines, nodes])


def hotspot_map(
    values: Mapping[str, float],
    centroids: Mapping[str, tuple[float, float]],
    *,
    names: Mapping[str, str] | None = None,
    country_totals: Mapping[str, float] | None = None,
    topology_url: str | None = None,
    topology: Mapping[str, Any] | None = None,
    view: MapView | None = None,
) -> dict[str, Any]:
    """A value per subdivision (ISO 3166-2 code) as a circle at its centroid, sized and coloured by it.

    `centroids` maps codes to (lat, lon): the gazetteer's subdivision points. Codes without a
    centroid are left out (never placed at a guessed point).
    """
    view = view or MapView()
    names = names or {}
    rows = [
        {
            "code": code,
            "name": names.get(code, code),
            "lat": centroids[code][0],
            "lon": centroids[code][1],
            "value": value,
        }
        for code, value in values.items()
        if code in centroids
    ]
    circles = {
        "data": {"values": rows},
        "mark": {"type": "circle", "opacity": 0.8, "stroke": "#ffffff", "strokeWidth": 0.5},
        "encoding": {
            "longitude": {"field": "lon", "type": "quantitative"},
            "latitude": {"field": "lat", "type": "quantitative"},
            "size": {
                "field": "value",
                "type": "quantitative",
                "scale": {"type": "sqrt", "range": [20, 1200]},
                "title": view.labels.get("value", "value"),
            },
            "color": {
                "field": "value",
                "type": "quantitative",
                "scale": {"scheme": "orangered"},
                "title": view.labels.get("value", "value"),
            },
            "tooltip": [
                {"field": "name", "type": "nominal"},
                {"field": "value", "type": "quantitative"},
            ],
        },
    }
    countries = _countries_layers(
        topology_url, topology, country_totals, view.labels.get("country_total", "")
    )
    spec = _frame(view, [*countries, circles])
    spec["resolve"] = {"scale": {"color": "independent", "size": "independent"}}
    return spec


def inline_topology(spec: Any, topology: Mapping[str, Any]) -> Any:
    """The spec with every boundary layer given by URL carried inline instead (for vl-convert,
    which renders PDFs without a web server): the same map, self-contained.

    >>> inline_topology({"data": {"url": "/static/" + TOPOLOGY_STATIC_PATH}}, {"type": "Topology"})
    {'data': {'values': {'type': 'Topology'}}}
    """
    if isinstance(spec, list):
        return [inline_topology(item, topology) for item in spec]
    if not isinstance(spec, dict):
        return spec
    url = spec.get("url")
    if isinstance(url, str) and url.endswith(TOPOLOGY_STATIC_PATH):
        return {**{k: v for k, v in spec.items() if k != "url"}, "values": topology}
    return {key: inline_topology(value, topology) for key, value in spec.items()}
