from __future__ import annotations

import pytest

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.reference import models as ref
from cadis.apps.reference.loader import refdata_load

pytestmark = pytest.mark.django_db


def test_loading_twice_changes_nothing_the_second_time(refdata):
    audit_before = AuditEntry.objects.count()
    counts_before = {
        m.__name__: m.objects.count()
        for m in (
            ref.Country,
            ref.Substance,
            ref.SubstanceSynonym,
            ref.Agency,
            ref.ControlListEntry,
            ref.Subdivision,
        )
    }
    report = refdata_load()
    assert report.changed == 0
    assert AuditEntry.objects.count() == audit_before
    assert counts_before == {m: globals_model(m).objects.count() for m in counts_before}


def globals_model(name: str):
    return getattr(ref, name)


def test_an_edited_record_is_put_back_by_the_next_load_and_audited(refdata):
    kg = ref.Country.objects.get(code="KG")
    kg.name_ru = "Киргизия"
    kg.save()
    report = refdata_load()
    assert report.counts["countries"]["updated"] == 1
    kg.refresh_from_db()
    assert kg.name_ru == "Кыргызстан"
    assert AuditEntry.objects.filter(object_type="reference.country", action="update").exists()


def test_the_five_countries_have_their_subdivisions_and_agencies(refdata):
    for code in ref.CENTRAL_ASIA:
        country = ref.Country.objects.get(code=code)
        assert country.is_central_asia
        assert country.subdivisions.count() >= 5
        assert country.agencies.exists()
    assert ref.Agency.objects.filter(country__isnull=True, abbr_en__icontains="CARICC").exists()


def test_the_vocabularies_cover_the_domain(refdata):
    assert set(ref.NpsCategory.objects.values_list("code", flat=True)) >= {
        "synthetic_cannabinoid",
        "synthetic_cathinone",
        "phenethylamine",
        "tryptamine",
        "opioid",
        "benzodiazepine",
        "arylcyclohexylamine",
        "piperazine",
        "aminoindane",
        "plant_based",
        "other",
    }
    heroin = ref.Substance.objects.get(synonyms__synonym__iexact="героина")
    assert heroin.tdi_code is not None and heroin.group is not None
    assert ref.ConcealmentMethod.objects.filter(name_en__icontains="vacuum").exists()
    assert ref.Unit.objects.filter(code="kg", dimension="mass").exists()


def test_the_precursor_tables_are_loaded_with_cas_and_hs_codes(refdata):
    anhydride = ref.ControlListEntry.objects.get(cas="108-24-7", control_list__kind="table_I")
    assert anhydride.hs6 == "2915.24"
    assert ref.ControlList.objects.filter(kind="table_II").exists()
    assert ref.ControlList.objects.filter(kind="national").count() >= 1
