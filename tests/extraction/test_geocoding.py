"""Extracted facts are geocoded from their place (else their sentence) when the run stores them."""

from __future__ import annotations

import pytest

from tests.extraction.test_records import LAB, TABLETS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gazetteer")]


def test_a_facts_place_is_geocoded_to_its_subdivision_and_point(ingest, personas):
    _doc, run = ingest(TABLETS, actor=personas.admin, country="KG")
    fact = run.facts.get(type="seizure")
    assert (fact.geo_country, fact.geo_subdivision, fact.geo_status) == ("KG", "KG-GB", "auto")
    assert fact.latitude == pytest.approx(42.87, abs=0.05)


def test_a_region_named_in_a_fact_is_its_subdivision_centroid(ingest, personas):
    _doc, run = ingest(LAB, actor=personas.admin, country="KG")
    fact = run.facts.get(type="lab_dismantled")
    assert (fact.geo_country, fact.geo_subdivision) == ("KZ", "KZ-19")
    assert fact.latitude is not None and fact.geo_place.kind == "subdivision"
