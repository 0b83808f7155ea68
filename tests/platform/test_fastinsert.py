"""insert_many and RowBuilder write what Django's own save writes."""

from __future__ import annotations

import pytest
from django.db import connection

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.reference.models import Country
from cadis.platform.imports.fastinsert import RowBuilder, insert_many

pytestmark = pytest.mark.django_db

FIELDS = [
    "actor_id",
    "actor_repr",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "country_id",
    "before",
    "after",
    "source_kind",
    "source_detail",
]


def _values(entry) -> dict:
    return {name: getattr(entry, name) for name in FIELDS}


def test_rows_built_without_init_are_stored_as_a_saved_instance_is(refdata, personas):
    kz = Country.objects.get(code="KZ")
    values = dict(
        actor_id=personas.kg_analyst.pk,
        actor_repr="kg_analyst",
        action=AuditEntry.Action.CREATE,
        object_type="test.fastinsert",
        object_id="12",
        object_repr="Героин 1,5 кг",
        country_id=kz.pk,
        after={"quantity": "1.500", "place": "Ош", "flags": [1, 2], "none": None},
        source_kind="import",
    )
    saved = AuditEntry.objects.create(**values)
    insert_many(AuditEntry, [RowBuilder(AuditEntry)(**values)])
    inserted = AuditEntry.objects.exclude(pk=saved.pk).get(object_type="test.fastinsert")
    assert _values(inserted) == _values(saved)
    assert inserted.source_detail == {}  # the callable default, called per row
    # JSON is stored as the very same database value (text on SQLite, jsonb on PostgreSQL)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT before, after, source_detail FROM accounts_auditentry WHERE id IN (%s, %s)"
            " ORDER BY id",
            [saved.pk, inserted.pk],
        )
        stored_saved, stored_inserted = cursor.fetchall()
    assert stored_inserted == stored_saved
    assert inserted.at is not None  # auto_now_add filled by the field's pre_save


def test_a_value_of_another_type_goes_through_the_fields_own_preparation(refdata):
    # object_id is a CharField given an int: Django's preparation makes it text.
    row = RowBuilder(AuditEntry)(
        actor_repr="system",
        action="create",
        object_type="x",
        object_id=7,
        object_repr="x",
        source_kind="import",
    )
    insert_many(AuditEntry, [row])
    assert AuditEntry.objects.get(object_type="x").object_id == "7"


def test_an_unknown_field_is_refused():
    with pytest.raises(TypeError, match="actor"):
        RowBuilder(AuditEntry)(actor="someone")
