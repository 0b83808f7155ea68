"""Geocoding of records' places as written: the one bridge between the geo engine and the models.

Modules call ``geocode_text`` (the engine's answer, helped by the record's country) and
``apply_geocode`` (the answer stored on a ``Geocoded`` record); a person who resolves a record in
a review queue calls ``apply_place``. See docs/geo.md, "Geocoded records".
"""

from __future__ import annotations

import dataclasses
from typing import Any

from cadis.apps.reference.models import GeoStatus, Place, Subdivision
from cadis.engines.geo import REVIEW_THRESHOLD, GeocodeResult, default_geocoder

# A place that lands outside the record's own country is kept but never trusted.
OUTSIDE_COUNTRY_CONFIDENCE = 0.4


def _country_code(country: Any) -> str | None:
    if country is None or country == "":
        return None
    return str(getattr(country, "code", country)).upper()


def geocode_text(text: str, *, country: Any = None) -> GeocodeResult:
    """Where ``text`` points; ``country`` (a Country or an ISO code) is the record's own country.

    A mention that the geocoder places elsewhere is read again with the country's name added
    (so that "Октябрьский район" lands in the record's country); if it still lands elsewhere,
    its confidence drops below the review threshold.
    """
    geocoder = default_geocoder()
    text = (text or "").strip()
    result = geocoder.geocode(text)
    code = _country_code(country)
    if not text or code is None or result.country == code:
        return result
    entry = geocoder.gazetteer.country(code)
    if entry is not None:
        hinted = geocoder.geocode(f"{text}, {entry.name_ru or entry.name_en}")
        if hinted.country == code and (hinted.place_id or hinted.subdivision):
            return dataclasses.replace(hinted, input=text)
    if result.country is not None:
        return dataclasses.replace(
            result, confidence=min(result.confidence, OUTSIDE_COUNTRY_CONFIDENCE)
        )
    return result


def _clear(record: Any) -> None:
    record.geo_place = None
    record.geo_country = ""
    record.geo_subdivision = ""
    record.latitude = None
    record.longitude = None
    record.geo_confidence = None
    record.geo_status = GeoStatus.NONE


def apply_geocode(record: Any, text: str, *, country: Any = None) -> GeocodeResult | None:
    """Store where ``text`` points on a ``Geocoded`` record (not saved); None for no text.

    A place chosen by a person (``resolved``) is kept while the text stays the same: callers
    pass ``text`` only when it changed or the record is new.
    """
    if not (text or "").strip():
        _clear(record)
        return None
    result = geocode_text(text, country=country)
    _clear(record)
    record.geo_confidence = round(result.confidence, 3)
    record.geo_status = GeoStatus.REVIEW if result.needs_review else GeoStatus.AUTOMATIC
    record.geo_country = result.country or ""
    record.geo_subdivision = result.subdivision or ""
    record.latitude, record.longitude = result.lat, result.lon
    if result.place_id:
        record.geo_place = Place.objects.filter(code=result.place_id).first()
    return result


def apply_place(record: Any, place: Place) -> None:
    """A person's choice from the gazetteer: the place, its point, full confidence."""
    record.geo_place = place
    record.geo_country = place.country.code
    record.geo_subdivision = place.subdivision_code
    record.latitude, record.longitude = place.latitude, place.longitude
    record.geo_confidence = 1.0
    record.geo_status = GeoStatus.RESOLVED


def subdivision_for(record: Any) -> Subdivision | None:
    """The reference subdivision the record's geocoding names, within its own country."""
    if not record.geo_subdivision:
        return None
    return Subdivision.objects.filter(
        code=record.geo_subdivision, country_id=record.country_id
    ).first()


GEOCODED_FIELDS = (
    "geo_place",
    "geo_country",
    "geo_subdivision",
    "latitude",
    "longitude",
    "geo_confidence",
    "geo_status",
)


class GeocodeMemo:
    """``apply_geocode`` and ``subdivision_for`` for many records that repeat their places (an
    import): one geocoder call and one gazetteer query per distinct place and country."""

    def __init__(self) -> None:
        self._answers: dict[tuple[str, str | None], dict[str, Any]] = {}
        self._subdivisions: dict[tuple[str, int], Subdivision | None] = {}

    def apply(self, record: Any, text: str, *, country: Any = None) -> None:
        key = ((text or "").strip(), _country_code(country))
        answer = self._answers.get(key)
        if answer is None:
            apply_geocode(record, text, country=country)
            answer = self._answers[key] = {f: getattr(record, f) for f in GEOCODED_FIELDS}
        else:
            for field, value in answer.items():
                setattr(record, field, value)

    def subdivision_for(self, record: Any) -> Subdivision | None:
        if not record.geo_subdivision:
            return None
        key = (record.geo_subdivision, record.country_id)
        if key not in self._subdivisions:
            self._subdivisions[key] = subdivision_for(record)
        return self._subdivisions[key]


def place_choices(query: str, *, country: Any = None, limit: int = 20):
    """Gazetteer places whose name starts with or contains ``query`` (for the review form)."""
    query = (query or "").strip()
    places = Place.objects.select_related("country")
    code = _country_code(country)
    if code:
        places = places.filter(country__code=code)
    if not query:
        return places.none()
    return (
        places.filter(names__name__icontains=query)
        .distinct()
        .order_by("-population", "name_en")[:limit]
    )


__all__ = [
    "GEOCODED_FIELDS",
    "REVIEW_THRESHOLD",
    "GeocodeMemo",
    "apply_geocode",
    "apply_place",
    "geocode_text",
    "place_choices",
    "subdivision_for",
]
