from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from cadis.apps.accounts import selectors
from cadis.apps.accounts.models import Organisation
from cadis.platform import audit

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(personas):
    kg_org = Organisation.objects.create(
        name_en="New KG org",
        name_ru="Новая организация KG",
        kind="ngo",
        country=personas.kg_org.country,
    )
    tj_org = Organisation.objects.create(
        name_en="New TJ org",
        name_ru="Новая организация TJ",
        kind="ngo",
        country=personas.tj_org.country,
    )
    return audit.record_create(actor=personas.kg_focal, obj=kg_org), audit.record_create(
        actor=personas.tj_focal, obj=tj_org
    )


def test_an_entry_records_actor_object_values_and_source(entries, personas):
    kg_entry, _ = entries
    assert kg_entry.actor == personas.kg_focal
    assert kg_entry.after["name_en"] == "New KG org"
    assert kg_entry.source_kind == "form"
    assert kg_entry.country.code == "KG"


def test_an_update_records_before_and_after(personas):
    org = personas.kg_other_org
    before = audit.snapshot(org)
    org.name_en = "Renamed"
    org.save()
    entry = audit.record_update(actor=personas.kg_focal, obj=org, before=before)
    assert entry.changed_fields == ["name_en"]
    assert entry.before["name_en"] == "KG customs" and entry.after["name_en"] == "Renamed"


def test_a_focal_point_sees_the_entries_of_the_country_only(entries, personas):
    visible = selectors.audit_entry_list(actor=personas.kg_focal)
    assert entries[0] in visible and entries[1] not in visible


def test_analysts_and_the_public_see_no_entries(entries, personas):
    assert not selectors.audit_entry_list(actor=personas.kg_analyst).exists()
    assert not selectors.audit_entry_list(actor=AnonymousUser()).exists()


def test_the_audit_page_is_refused_to_analysts_and_anonymous(client_of, personas, entries):
    assert client_of(personas.kg_analyst).get("/accounts/audit/").status_code == 403
    assert client_of(None).get("/accounts/audit/").status_code == 302
    page = client_of(personas.kg_focal).get("/accounts/audit/")
    assert page.status_code == 200
    assert "Новая организация KG" in page.content.decode()
    assert "Новая организация TJ" not in page.content.decode()


def test_fields_a_model_excludes_are_logged_as_a_digest_only(personas):
    org = personas.kg_other_org
    org.audit_exclude = ("name_ru",)
    snap = audit.snapshot(org)
    assert snap["name_ru"].startswith("sha256:") and "KG customs" not in snap["name_ru"]
    assert snap["name_en"] == "KG customs"
