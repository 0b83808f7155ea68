"""Geodata engine (framework-free): gazetteer, geocoder and map specifications.

- `load_gazetteer()` -> `Gazetteer` of `GazetteerEntry` (countries, ISO 3166-2 subdivisions,
  districts, populated places, border crossing points, airports; GeoNames CC BY 4.0 + ours);
- `geocode(text)` / `Geocoder().geocode(text)` -> `GeocodeResult` (country, subdivision,
  place, point, confidence; `needs_review` below `REVIEW_THRESHOLD`);
- `point_map`, `flow_map`, `hotspot_map` -> Vega-Lite specs from `MapPoint`, `Flow`, values.

>>> geocode("на КПП «Достук»").subdivision
'KG-O'
"""

from __future__ import annotations

from cadis.engines.geo.gazetteer import (
    ATTRIBUTION,
    CENTRAL_ASIA,
    Gazetteer,
    GazetteerEntry,
    Kind,
    distance_km,
    load_gazetteer,
)
from cadis.engines.geo.geocoder import (
    REVIEW_THRESHOLD,
    Geocoder,
    GeocodeResult,
    default_geocoder,
    geocode,
)
from cadis.engines.geo.maps import (
    TOPOLOGY_STATIC_PATH,
    Flow,
    MapPoint,
    MapView,
    Stop,
    flow_map,
    hotspot_map,
    inline_topology,
    point_map,
)

__all__ = [
    "ATTRIBUTION",
    "CENTRAL_ASIA",
    "REVIEW_THRESHOLD",
    "TOPOLOGY_STATIC_PATH",
    "Flow",
    "Gazetteer",
    "GazetteerEntry",
    "GeocodeResult",
    "Geocoder",
    "Kind",
    "MapPoint",
    "MapView",
    "Stop",
    "default_geocoder",
    "distance_km",
    "flow_map",
    "geocode",
    "hotspot_map",
    "inline_topology",
    "load_gazetteer",
    "point_map",
]
