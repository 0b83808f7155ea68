"""The audit log reads as words: object by name with a link, before → after, source, filters."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from cadis.apps.reference.models import Substance
from cadis.apps.supply import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited_seizure(personas):
    seizure = services.seizure_create(
        actor=personas.kg_provider,
        data={
            "date": dt.date(2024, 3, 12),
            "date_precision": "day",
            "substance": Substance.objects.get(code="heroin"),
            "quantity_as_written": "2",
            "unit_as_written": "кг",
            "confidentiality": "restricted",
        },
    )
    services.seizure_update(
        actor=personas.kg_provider,
        seizure=seizure,
        data={"substance": Substance.objects.get(code="hashish")},
    )
    return seizure


def english_page(client, path: str) -> str:
    client.cookies["django_language"] = "en"
    with translation.override("ru"):  # the request activates English; the test's language stays
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_an_update_shows_the_object_by_name_with_a_link_and_before_after(
    client_of, personas, edited_seizure
):
    html = english_page(client_of(personas.kg_focal), "/accounts/audit/?type=supply.seizure")
    assert f'href="/supply/seizures/{edited_seizure.pk}/"' in html
    assert "Substance: <del>Heroin</del> → <ins>Hashish (cannabis resin)</ins>" in html
    assert "supply.seizure" not in html.split('<table class="audit">', 1)[1]


def test_the_filters_narrow_by_module_user_and_date(client_of, personas, edited_seizure):
    client = client_of(personas.kg_focal)
    assert "Hashish" in english_page(client, "/accounts/audit/?module=supply&user=kg_provider")
    assert "Hashish" not in english_page(client, "/accounts/audit/?module=ews")
    assert "Hashish" not in english_page(client, "/accounts/audit/?user=somebody_else")
    assert "Hashish" not in english_page(client, "/accounts/audit/?date_to=2000-01-01")
    html = english_page(
        client, f"/accounts/audit/?object_id={edited_seizure.pk}&type=supply.seizure"
    )
    assert "Hashish" in html


def test_an_entry_the_system_wrote_names_the_system_in_the_readers_language(client_of, personas):
    from cadis.apps.accounts.models import Organisation
    from cadis.platform import audit

    organisation = Organisation.objects.create(
        name_en="Org made by a job", name_ru="Организация из задания", kind="ngo",
        country=personas.kg_org.country,
    )  # fmt: skip
    audit.record_create(actor=None, obj=organisation)
    client = client_of(personas.kg_focal)
    html = english_page(client, "/accounts/audit/?type=accounts.organisation")
    assert "<td>System</td>" in html and "<td>system</td>" not in html
    client.cookies["django_language"] = "ru"
    russian = client.get("/accounts/audit/?type=accounts.organisation").content.decode()
    assert "<td>Система</td>" in russian
