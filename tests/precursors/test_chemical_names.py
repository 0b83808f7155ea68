"""Controlled chemicals by their name in the reader's language (the control lists' Russian
name on Russian pages), quantities with their unit in words, national lists by country name
(issue #14)."""

from __future__ import annotations

import pytest
from django.utils.translation import override

from cadis.apps.precursors.chemical_names import chemical_name
from cadis.apps.precursors.templatetags.precursor_labels import list_label
from cadis.apps.reference.models import ControlList, ControlListEntry
from tests.precursors.factories import incident, notification

pytestmark = pytest.mark.django_db


def _page(client, url: str, language: str) -> str:
    client.cookies["django_language"] = language
    return client.get(url).content.decode()


def test_a_listed_chemical_is_named_in_russian_on_russian_pages(refdata):
    with override("ru"):
        assert chemical_name("Potassium permanganate", "7722-64-7") == "Перманганат калия"
        assert chemical_name("acetic anhydride", "") == "Ангидрид уксусной кислоты"
        assert chemical_name("Diethyl ether", "") == "Диэтиловый эфир"  # another English name
        assert chemical_name("", "7722-64-7") == "Перманганат калия"  # only the CAS number
        # what the lists do not name stays as entered, whatever its CAS number
        assert chemical_name("Potassium permanganate, 5 % solution", "7722-64-7") == (
            "Potassium permanganate, 5 % solution"
        )
        assert chemical_name("Unlisted solvent X", "0-00-0") == "Unlisted solvent X"
    with override("en"):
        assert chemical_name("Potassium permanganate", "7722-64-7") == "Potassium permanganate"


def test_a_renamed_entry_is_read_again(refdata):
    with override("ru"):
        assert chemical_name("Toluene", "108-88-3") == "Толуол"
        entry = ControlListEntry.objects.filter(cas="108-88-3").first()
        written, entry.name_ru = entry.name_ru, "Метилбензол; толуол"
        entry.save()
        try:
            assert chemical_name("Toluene", "108-88-3") == "Метилбензол"
        finally:  # saved back, so that the names kept by this process are the shipped ones
            entry.name_ru = written
            entry.save()
        assert chemical_name("Toluene", "108-88-3") == "Толуол"


def test_incident_and_notification_pages_name_the_chemical_and_its_unit(client_of, personas):
    i = incident(personas.kg_provider)
    n = notification(personas.kg_provider)
    client = client_of(personas.kg_provider)
    for url in ("/precursors/incidents/", f"/precursors/incidents/{i.pk}/"):
        russian = _page(client, url, "ru")
        assert "Перманганат калия" in russian and "Potassium permanganate" not in russian, url
        assert "250 кг" in russian and "250 kg" not in russian, url
        english = _page(client, url, "en")
        assert "Potassium permanganate" in english and "250 kg" in english, url
    for url in ("/precursors/notifications/", f"/precursors/notifications/{n.pk}/"):
        russian = _page(client, url, "ru")
        assert "Ангидрид уксусной кислоты" in russian and "Acetic anhydride" not in russian, url
        assert "1200,500 кг" in russian, url
        assert "Acetic anhydride" in _page(client, url, "en"), url
    with override("ru"):
        assert str(n) == "KG-PEN-0001: Ангидрид уксусной кислоты"
        assert str(i) == "KG-PICS-0001: Изъятие (Перманганат калия)"


def test_screening_hits_name_the_chemical_and_a_national_list_its_country(
    client_of, personas, screened
):
    client = client_of(personas.kg_provider)
    russian = _page(client, f"/precursors/screening/{screened.pk}/", "ru")
    assert "<strong>Перманганат калия</strong>" in russian
    assert "<strong>Potassium permanganate</strong>" not in russian
    assert "<strong>Potassium permanganate</strong>" in _page(
        client, f"/precursors/screening/{screened.pk}/", "en"
    )
    with override("ru"):
        assert list_label(f"{ControlList.Kind.NATIONAL}:KZ") == "национальный список: Казахстан"
    with override("en"):
        assert list_label("national:KZ") == "national list: Kazakhstan"
        assert list_label("table_I") == "1988 Convention, Table I"


def test_a_screened_line_is_marked_as_written_and_its_warnings_said_in_words(client_of, personas):
    from cadis.apps.jobs.tasks import run_job
    from cadis.apps.precursors.screening import screening_start
    from tests.precursors.conftest import csv_upload

    job = screening_start(
        actor=personas.kg_provider,
        upload=csv_upload("id;description;hs_code\nL1;Acetone tech grade;29-14\n"),
        title="One line",
    )
    run_job.call(job.job_id)
    client = client_of(personas.kg_provider)
    russian = _page(client, f"/precursors/screening/{job.pk}/", "ru")
    assert '<td class="description"><span lang="en"><mark' in russian
    assert "Код ТН ВЭД (HS) не из 6–10 цифр; он не использован." in russian
    assert "is not 6-10 digits" not in russian
    english = _page(client, f"/precursors/screening/{job.pk}/", "en")
    assert '<td class="description"><mark' in english
    assert "The HS code is not 6 to 10 digits; it was not used." in english
