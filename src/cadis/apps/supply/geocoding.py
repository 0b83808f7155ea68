"""Seizure places as written → country, subdivision, gazetteer place, point, confidence.

``geocode_place`` is what every path that creates seizures uses (forms and the API through
``services``, document facts through the fact sink, imports): one call, one answer.
"""

from __future__ import annotations

from typing import Any

from cadis.apps.reference.geocoding import apply_geocode, geocode_text, subdivision_for
from cadis.engines.geo import GeocodeResult


def geocode_place(text: str, *, country: Any = None) -> GeocodeResult:
    """Where a seizure's place as written points (``country``: the seizure's, a Country or ISO code)."""
    return geocode_text(text, country=country)


def geocode_seizure(seizure: Any, *, previous_place: str | None) -> None:
    """Geocode a seizure being saved when it is new or its place changed (a person's choice
    stays otherwise); fills the subdivision when none was given."""
    if seizure.pk is not None and previous_place == seizure.place and seizure.geo_status:
        return
    apply_geocode(seizure, seizure.place, country=seizure.country_id and seizure.country.code)
    if seizure.subdivision_id is None:
        seizure.subdivision = subdivision_for(seizure)
