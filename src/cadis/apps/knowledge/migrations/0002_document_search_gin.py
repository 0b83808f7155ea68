"""A GIN index on the documents' tsvector column (PostgreSQL only; SQLite uses search_tokens)."""

from __future__ import annotations

from django.db import migrations

INDEX = "knowledge_document_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON knowledge_document USING gin (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index)]
