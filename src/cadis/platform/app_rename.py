"""Migration operations for an app that changed its label, keeping the data of the old one.

The first migration of the renamed app starts with ``AdoptRenamedApp`` and creates its models
with ``CreateModelIfMissing``. On a fresh database nothing is adopted and the tables are created
as usual. On a database of the old app the old tables are renamed to the new label's names
(rows, keys and indexes move with them), the content types move to the new label (so
permissions and generic relations keep pointing at them), and stored references to the old
label are rewritten; the creation then finds the tables in place. The old app's rows in
``django_migrations`` stay as history; Django ignores rows of apps that are not installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import migrations


class AdoptRenamedApp(migrations.operations.base.Operation):
    """Take over the tables, content types and stored references of ``old_label``.

    ``tables``: old table name -> new table name.
    ``values``: ``(app_label, model, field, old value, new value)`` rewrites of stored strings
    that name the old label (an audit entry's object type, a job's kind).
    """

    reduces_to_sql = False
    reversible = True

    def __init__(
        self,
        old_label: str,
        new_label: str,
        tables: dict[str, str],
        values: Sequence[tuple[str, str, str, str, str]] = (),
    ) -> None:
        self.old_label = old_label
        self.new_label = new_label
        self.tables = tables
        self.values = list(values)

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (
            self.__class__.__qualname__,
            [self.old_label, self.new_label, self.tables],
            {"values": self.values},
        )

    def state_forwards(self, app_label: str, state: Any) -> None:
        pass  # the models are created in the state by the operations that follow

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        connection = schema_editor.connection
        existing = set(connection.introspection.table_names())
        if not any(old in existing and new not in existing for old, new in self.tables.items()):
            return  # a fresh database, or one adopted already
        for old, new in self.tables.items():
            if old in existing and new not in existing:
                schema_editor.alter_db_table(None, old, new)
        db = connection.alias
        content_types = from_state.apps.get_model("contenttypes", "ContentType")
        content_types.objects.using(db).filter(app_label=self.old_label).update(
            app_label=self.new_label
        )
        for label, model, field, old_value, new_value in self.values:
            manager = from_state.apps.get_model(label, model).objects.using(db)
            manager.filter(**{field: old_value}).update(**{field: new_value})

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        pass  # unapplying the new app drops its tables; there is no old app to give them back to

    def describe(self) -> str:
        return f"Adopt the tables and content types of the former app {self.old_label!r}"


class CreateModelIfMissing(migrations.CreateModel):
    """``CreateModel`` that leaves the database alone when the table is already there (adopted)."""

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        model = to_state.apps.get_model(app_label, self.name)
        if model._meta.db_table in schema_editor.connection.introspection.table_names():
            return
        super().database_forwards(app_label, schema_editor, from_state, to_state)
