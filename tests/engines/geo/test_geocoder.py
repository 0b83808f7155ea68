"""The geocoder on the mentions the issue names, and on any string at all."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.engines.geo.gazetteer import distance_km
from cadis.engines.geo.geocoder import default_geocoder, geocode


@pytest.mark.parametrize(
    ("mention", "country", "subdivision", "kind"),
    [
        ("в Кара-Суйском районе Ошской области", "KG", "KG-O", "district"),
        ("на КПП «Достук»", "KG", "KG-O", "crossing"),
        ("Sughd region", "TJ", "TJ-SU", "subdivision"),
        ("Shymkent", "KZ", "KZ-79", "place"),
        ("Алматы облысында", "KZ", "KZ-19", "subdivision"),
        ("Toshkent viloyatida", "UZ", "UZ-TO", "subdivision"),
        ("Сурхандарьинской области", "UZ", "UZ-SU", "subdivision"),
        ("в аэропорту Манас", "KG", "KG-C", "airport"),
        ("в области Абай", "KZ", "KZ-10", "subdivision"),
        ("Ulytau Region", "KZ", "KZ-62", "subdivision"),
        ("Жетісу облысы", "KZ", "KZ-33", "subdivision"),
        ("в Бишкеке", "KG", "KG-GB", "place"),
    ],
)
def test_it_reads_the_mentions_of_the_issue(mention, country, subdivision, kind):
    result = geocode(mention)
    assert (result.country, result.subdivision, result.kind) == (country, subdivision, kind)
    assert result.lat is not None and result.confidence >= 0.8


@pytest.mark.parametrize(
    "mention", ["МВД Кыргызской Республики", "Таджикское агентство по контролю за наркотиками"]
)
def test_organisation_names_give_the_country_only(mention):
    result = geocode(mention)
    assert result.country in {"KG", "TJ"}
    assert result.subdivision is None and result.lat is None and result.lon is None
    assert result.needs_review


def test_the_city_and_the_region_of_the_same_name_are_told_apart():
    assert geocode("в городе Ош").subdivision == "KG-GO"
    assert geocode("в Ошской области").subdivision == "KG-O"
    assert geocode("Tashkent").subdivision == "UZ-TK"
    assert geocode("Tashkent Region").subdivision == "UZ-TO"


def test_a_district_centre_is_found_within_its_region():
    result = geocode("в Кара-Суйском районе Ошской области")
    assert distance_km(result.lat, result.lon, 40.70, 72.87) < 10


def test_a_misspelt_name_is_found_with_a_lower_confidence():
    exact, misspelt = geocode("Душанбе"), geocode("Душанбке")
    assert misspelt.subdivision == exact.subdivision == "TJ-DU"
    assert misspelt.confidence < exact.confidence


def test_nothing_is_made_up_for_text_without_a_place():
    result = geocode("изъято 5 кг гашиша")
    assert result.country is None and result.lat is None and result.confidence == 0.0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_it_never_crashes_on_any_string(text):
    result = default_geocoder().geocode(text)
    assert 0.0 <= result.confidence <= 1.0
    assert (result.lat is None) == (result.lon is None)
    record = result.as_dict()
    assert set(record) == {"input", "country", "subdivision", "place", "lat", "lon", "confidence"}


def test_a_capital_named_through_its_country_is_the_capital_city():
    assert geocode("в столице Кыргызстана").subdivision == "KG-GB"
    assert geocode("the Tajik capital").subdivision == "TJ-DU"


def test_towns_in_the_2022_kazakh_regions_named_with_their_old_region_keep_their_new_one():
    assert geocode("Семей Восточно-Казахстанской области").subdivision == "KZ-10"
    assert geocode("в г. Талдыкорган Алматинской области").subdivision == "KZ-33"


def test_a_named_district_places_a_village_in_its_region():
    result = geocode("с. Ленинское Аламудунского района")
    assert (result.country, result.subdivision) == ("KG", "KG-C")


def test_a_region_is_not_taken_for_a_town_that_lists_its_name_among_alternates():
    assert geocode("в Хорезме").kind == "subdivision"
