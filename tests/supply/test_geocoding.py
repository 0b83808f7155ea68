"""Seizure places are geocoded on every write; unsure ones go to a scoped review queue."""

from __future__ import annotations

import json

import pytest

from cadis.apps.reference.models import Place
from cadis.apps.supply import services
from cadis.apps.supply.geocoding import geocode_place
from cadis.apps.supply.models import Seizure

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gazetteer")]
REVIEW = "/supply/places/review/"
HEADER_WITH_PLACE = (
    "Дата;Страна;Ведомство;Вещество;Количество;Единица измерения;Способ сокрытия;Вид транспорта;"
    "Место"
)


def test_a_seizure_place_is_geocoded_to_the_subdivision_place_and_point(make_seizure):
    seizure = make_seizure(place="в Кара-Суйском районе Ошской области")
    seizure.refresh_from_db()
    assert (seizure.geo_country, seizure.geo_subdivision) == ("KG", "KG-O")
    assert seizure.subdivision.code == "KG-O"
    assert seizure.geo_place == Place.objects.get(code="kg-kara-suu")
    assert seizure.latitude == pytest.approx(40.705, abs=0.01)
    assert seizure.geo_confidence == 0.95 and seizure.geo_status == "auto"


def test_the_records_country_helps_an_ambiguous_mention(gazetteer):
    assert geocode_place("Shymkent", country="KZ").subdivision == "KZ-79"
    foreign = geocode_place("Душанбе", country="KG")
    assert foreign.country == "TJ" and foreign.confidence == 0.4 and foreign.needs_review


def test_a_seizure_without_a_place_is_not_geocoded(make_seizure):
    seizure = make_seizure()
    assert seizure.geo_status == "" and seizure.latitude is None


def test_a_changed_place_is_geocoded_again_and_an_unchanged_one_keeps_a_persons_choice(
    make_seizure, personas
):
    seizure = make_seizure(place="где-то у дороги")
    assert seizure.geo_status == "review"
    services.seizure_place_resolve(
        actor=personas.kg_provider, record=seizure, place=Place.objects.get(code="kg-kara-suu")
    )
    services.seizure_update(actor=personas.kg_provider, seizure=seizure, data={"notes": "x"})
    seizure.refresh_from_db()
    assert seizure.geo_status == "resolved" and seizure.geo_confidence == 1.0
    services.seizure_update(actor=personas.kg_provider, seizure=seizure, data={"place": "Бишкек"})
    seizure.refresh_from_db()
    assert (seizure.geo_status, seizure.geo_subdivision) == ("auto", "KG-GB")


def test_the_api_geocodes_a_posted_seizure(client_of, personas, gazetteer):
    response = client_of(personas.kg_provider).post(
        "/api/v1/supply/seizures",
        data=json.dumps(
            {
                "date": "2024-05-01",
                "substance": "heroin",
                "quantity_as_written": "3",
                "unit_as_written": "кг",
                "place": "на КПП «Достук»",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    geo = response.json()["geo"]
    assert (geo["country"], geo["subdivision"], geo["status"]) == ("KG", "KG-O", "auto")
    assert geo["lat"] is not None and geo["confidence"] == 0.95


def test_the_review_queue_lists_only_what_the_user_may_change(make_seizure, client_of, personas):
    unsure = make_seizure(place="у реки за селом")
    sure = make_seizure(place="Бишкек")
    page = client_of(personas.kg_provider).get(REVIEW)
    assert page.status_code == 200
    assert f"/supply/seizures/{unsure.pk}/" in page.content.decode()
    assert f"/supply/seizures/{sure.pk}/" not in page.content.decode()
    for other in (personas.kg_other_provider, personas.tj_provider, personas.kg_analyst):
        assert f"/supply/seizures/{unsure.pk}/" not in client_of(other).get(REVIEW).content.decode()
    assert client_of(None).get(REVIEW).status_code == 302


def test_a_data_provider_searches_the_gazetteer_and_resolves_the_place(
    make_seizure, client_of, personas
):
    unsure = make_seizure(place="у реки за селом")
    client = client_of(personas.kg_provider)
    search = client.get(REVIEW, {"record": unsure.pk, "q": "Кара-Суу"})
    assert 'value="kg-kara-suu"' in search.content.decode()
    denied = client_of(personas.kg_other_provider).post(
        REVIEW, {"record": unsure.pk, "place": "kg-kara-suu"}
    )
    assert denied.status_code == 404
    done = client.post(REVIEW, {"record": unsure.pk, "place": "kg-kara-suu"})
    assert done.status_code == 302
    unsure = Seizure.objects.get(pk=unsure.pk)
    assert (unsure.geo_status, unsure.geo_subdivision, unsure.subdivision.code) == (
        "resolved",
        "KG-O",
        "KG-O",
    )


def test_imported_seizures_are_geocoded_like_those_saved_one_by_one(personas):
    from cadis.apps.supply import imports
    from tests.supply.conftest import csv_bytes

    rows = [
        "12.03.2024;KG;kg_mvd;героин;1,5;кг;;;в Кара-Суйском районе Ошской области",
        "13.03.2024;KG;kg_mvd;героин;2,5;кг;;;в Кара-Суйском районе Ошской области",
        "14.03.2024;KG;kg_mvd;гашиш;3;кг;;;где-то у дороги",
    ]
    data = csv_bytes(rows, header=HEADER_WITH_PLACE)
    batch = imports.import_upload(actor=personas.kg_provider, data=data, file_name="kg.csv")
    batch = imports.import_check(actor=personas.kg_provider, batch=batch)
    imports.import_commit(actor=personas.kg_provider, batch=batch)
    kara_suu = Place.objects.get(code="kg-kara-suu")
    located = Seizure.objects.filter(geo_place=kara_suu)
    assert located.count() == 2
    assert {s.subdivision.code for s in located} == {"KG-O"}
    assert {(s.geo_status, s.geo_confidence) for s in located} == {("auto", 0.95)}
    unsure = Seizure.objects.get(place="где-то у дороги")
    assert unsure.geo_status == "review" and unsure.subdivision is None
