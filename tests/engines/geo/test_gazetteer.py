"""The shipped gazetteer: every subdivision of the five countries, current ISO codes, names."""

from __future__ import annotations

import pycountry
import pytest

from cadis.engines.geo.gazetteer import CENTRAL_ASIA, Kind, distance_km, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize("country", CENTRAL_ASIA)
def test_every_iso_subdivision_of_the_five_countries_is_there_with_names_and_a_point(
    gazetteer, country
):
    codes = {s.code for s in pycountry.subdivisions.get(country_code=country)}
    ours = {e.id: e for e in gazetteer.of_kind(Kind.SUBDIVISION) if e.country == country}
    assert set(ours) == codes
    for entry in ours.values():
        assert entry.name_ru and entry.name_en and entry.name_local
        assert entry.lat is not None and entry.lon is not None


def test_the_2022_kazakh_regions_and_cities_of_republican_significance(gazetteer):
    for code, name in (
        ("KZ-10", "Abai Region"),
        ("KZ-33", "Jetisu Region"),
        ("KZ-62", "Ulytau Region"),
        ("KZ-71", "Astana"),
        ("KZ-75", "Almaty"),
        ("KZ-79", "Shymkent"),
    ):
        assert gazetteer.subdivision(code).name_en == name
    semey = next(e for e in gazetteer.of_kind(Kind.PLACE) if e.name_en == "Semey")
    assert semey.subdivision == "KZ-10"


def test_every_place_lies_within_reach_of_its_subdivision_centroid(gazetteer):
    # A guard against wrong admin1 -> ISO mappings: no place of the five countries lies
    # more than 600 km from its subdivision's centroid.
    for entry in gazetteer.of_kind(Kind.PLACE, Kind.CROSSING, Kind.AIRPORT):
        if entry.country not in CENTRAL_ASIA:
            continue
        sub = gazetteer.subdivision(entry.subdivision)
        assert sub is not None, entry
        assert distance_km(entry.lat, entry.lon, sub.lat, sub.lon) < 600, (
            entry.name_en,
            entry.subdivision,
        )


def test_crossing_points_and_airports_carry_their_names_in_three_languages(gazetteer):
    crossings = list(gazetteer.of_kind(Kind.CROSSING))
    airports = list(gazetteer.of_kind(Kind.AIRPORT))
    assert len(crossings) >= 30 and len(airports) >= 40
    for entry in crossings + airports:
        assert entry.name_ru and entry.name_en and entry.name_local
        assert gazetteer.subdivision(entry.subdivision) is not None, entry.id


@pytest.mark.parametrize(
    "name", ["gazetteer", "geocoder", "index", "maps", "matching", "morphology", "text"]
)
def test_the_docstring_examples_hold(name):
    import doctest
    import importlib

    module = importlib.import_module(f"cadis.engines.geo.{name}")
    assert doctest.testmod(module).failed == 0
