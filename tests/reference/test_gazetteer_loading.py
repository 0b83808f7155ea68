"""`cadis refdata load` loads the gazetteer into Place and PlaceName, idempotently and audited."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.reference import models as ref
from cadis.apps.reference.gazetteer_loader import gazetteer_load
from cadis.engines.geo.gazetteer import Kind, load_gazetteer

pytestmark = pytest.mark.django_db


@pytest.fixture
def gazetteer_loaded(refdata):
    return gazetteer_load()


def test_every_gazetteer_entry_but_countries_becomes_a_place(gazetteer_loaded):
    expected = sum(1 for e in load_gazetteer() if e.kind != Kind.COUNTRY)
    assert ref.Place.objects.count() == expected
    assert gazetteer_loaded.counts["places"]["created"] == expected
    kinds = set(ref.Place.objects.values_list("kind", flat=True))
    assert kinds == {"place", "district", "crossing", "airport", "subdivision"}


def test_places_carry_their_country_subdivision_names_and_point(gazetteer_loaded):
    dostuk = ref.Place.objects.get(code="xp-kg-dostuk")
    assert dostuk.kind == ref.Place.Kind.CROSSING
    assert dostuk.country.code == "KG" and dostuk.subdivision.code == "KG-O"
    assert (dostuk.name_ru, dostuk.name_en, dostuk.name_ky) == ("Достук", "Dostuk", "Достук")
    assert 40 < dostuk.latitude < 41 and 72 < dostuk.longitude < 73
    semey = ref.Place.objects.get(kind="place", name_en="Semey")
    assert semey.subdivision.code == "KZ-10"  # Abai Region, created in 2022
    assert {"Семипалатинск", "Семей"} <= set(semey.names.values_list("name", flat=True))
    mashhad = ref.Place.objects.get(code="gn-124665")  # Mashhad, Iran
    assert mashhad.subdivision is None and mashhad.subdivision_code == "IR-09"


def test_a_second_load_changes_nothing_and_writes_no_audit(gazetteer_loaded):
    audit_before, names_before = AuditEntry.objects.count(), ref.PlaceName.objects.count()
    report = gazetteer_load()
    assert report.changed == 0
    assert AuditEntry.objects.count() == audit_before
    assert ref.PlaceName.objects.count() == names_before


def test_an_edited_place_is_put_back_and_audited(gazetteer_loaded):
    osh = ref.Place.objects.get(code="gn-1527534")
    osh.latitude, osh.name_ru = 0.0, "Оше"
    osh.save()
    ref.PlaceName.objects.filter(place=osh, name="Ош").delete()
    report = gazetteer_load()
    osh.refresh_from_db()
    assert osh.name_ru == "Ош" and osh.latitude > 40
    assert report.counts["places"]["updated"] == 1
    assert osh.names.filter(name="Ош", lang="ru").exists()
    entry = AuditEntry.objects.filter(object_type="reference.place", object_id=str(osh.pk)).first()
    assert entry.action == AuditEntry.Action.UPDATE and entry.before["name_ru"] == "Оше"


def test_the_refdata_command_loads_the_gazetteer_too(refdata):
    call_command("refdata", "load")
    assert ref.Place.objects.filter(kind="airport", code="ap-fru").exists()
