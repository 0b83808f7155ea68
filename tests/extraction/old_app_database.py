"""Build a database as the old ``documents`` app left it, with rows, then migrate it to today.

Run by ``test_rename_migration.py`` in its own process on its own database (``DATABASE_URL``):

1. every app but ``extraction`` is migrated;
2. the old app's tables are created by its first migration under its old label ``documents``
   (the same operations, ``documents.*`` references), recorded in ``django_migrations``, with its
   content types and permissions, a group holding one of them, an extraction run and a fact, an
   audit entry about the fact and a job of the old kind;
3. ``migrate`` runs as an upgrade would; the script prints what it finds afterwards as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadis.config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, Permission  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, migrations  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402
from django.db.migrations.recorder import MigrationRecorder  # noqa: E402

from cadis.platform.app_rename import AdoptRenamedApp  # noqa: E402

OLD, NEW = "documents", "extraction"


def old_first_migration(executor: MigrationExecutor) -> migrations.Migration:
    """extraction's 0001 as the documents app had it: plain CreateModel under the old label."""
    current = executor.loader.get_migration(NEW, "0001_initial")
    old = migrations.Migration("0001_initial", OLD)
    for operation in current.operations:
        if isinstance(operation, AdoptRenamedApp):
            continue
        fields = []
        for name, field in operation.fields:
            _name, path, args, kwargs = field.deconstruct()
            if str(kwargs.get("to", "")).startswith(f"{NEW}."):
                kwargs["to"] = f"{OLD}." + kwargs["to"].split(".", 1)[1]
            fields.append((name, field.__class__(*args, **kwargs)))
        old.operations.append(
            migrations.CreateModel(
                operation.name, fields, options=operation.options, bases=operation.bases
            )
        )
    return old


def build_old_database() -> dict:
    executor = MigrationExecutor(connection)
    targets = [node for node in executor.loader.graph.leaf_nodes() if node[0] != NEW]
    executor.migrate(targets)
    executor = MigrationExecutor(connection)  # reads the history it has just written
    state = executor._create_project_state(with_applied_migrations=True)
    with connection.schema_editor() as editor:
        old_state = old_first_migration(executor).apply(state, editor)
    MigrationRecorder(connection).record_applied(OLD, "0001_initial")

    content_types = {
        m: ContentType.objects.create(app_label=OLD, model=m) for m in ("extractionrun", "fact")
    }
    for model, ct in content_types.items():
        for action in ("add", "change", "delete", "view"):
            Permission.objects.create(
                content_type=ct, codename=f"{action}_{model}", name=f"Can {action} {model}"
            )
    reviewers = Group.objects.create(name="reviewers")
    reviewers.permissions.add(
        Permission.objects.get(content_type=content_types["fact"], codename="view_fact")
    )

    from cadis.apps.accounts.models import AuditEntry, Organisation
    from cadis.apps.jobs.models import Job
    from cadis.apps.knowledge.models import Document
    from cadis.apps.reference.models import Country

    kg = Country.objects.create(code="KG", alpha3="KGZ", name_en="Kyrgyzstan", name_ru="Кыргызстан")
    org = Organisation.objects.create(
        name_en="Synthetic police", name_ru="Синтетическая милиция", kind="ministry", country=kg
    )
    document = Document.objects.create(
        country=kg, organisation=org, title="Synthetic release", text="Изъято 2 кг героина."
    )
    now = dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    # The old app's own (historical) models write to its own tables.
    old_run = old_state.apps.get_model(OLD, "ExtractionRun").objects.create(
        document_id=document.pk,
        engine_version="1.0",
        language="ru",
        status="done",
        fact_count=1,
        finished_at=now,
    )
    old_fact = old_state.apps.get_model(OLD, "Fact").objects.create(
        run_id=old_run.pk,
        document_id=document.pk,
        type="seizure",
        text="2 кг героина",
        span_start=7,
        span_end=19,
        sentence="Изъято 2 кг героина.",
        payload={"quantity": "2 кг"},
    )
    run_id, fact_id = old_run.pk, old_fact.pk
    AuditEntry.objects.create(
        actor_repr="system",
        action="create",
        object_type=f"{OLD}.fact",
        object_id=str(fact_id),
        object_repr="fact",
        source_kind="system",
    )
    Job.objects.create(kind=f"{OLD}.extract", title="Extraction: synthetic", params={"run": run_id})
    return {
        "run_id": run_id,
        "fact_id": fact_id,
        "content_type_ids": {m: ct.pk for m, ct in content_types.items()},
        "permissions": Permission.objects.filter(content_type__in=content_types.values()).count(),
    }


def after_upgrade(before: dict) -> dict:
    from cadis.apps.accounts.models import AuditEntry
    from cadis.apps.extraction.models import ExtractionRun, Fact
    from cadis.apps.jobs.models import Job

    fact = Fact.objects.select_related("run", "document").get(pk=before["fact_id"])
    tables = set(connection.introspection.table_names())
    applied = MigrationRecorder(connection).applied_migrations()
    return {
        "before": before,
        "fact": [fact.type, fact.text, fact.payload, fact.status, fact.run_id, fact.document.title],
        "run": list(
            ExtractionRun.objects.values_list("pk", "status", "fact_count", "engine_version")
        ),
        "tables": sorted(t for t in tables if t.startswith((f"{OLD}_", f"{NEW}_"))),
        "content_type_ids": {
            m: ContentType.objects.get(app_label=NEW, model=m).pk for m in ("extractionrun", "fact")
        },
        "old_content_types": ContentType.objects.filter(app_label=OLD).count(),
        "permissions": Permission.objects.filter(content_type__app_label=NEW).count(),
        "group_permissions": sorted(
            f"{p.content_type.app_label}.{p.codename}"
            for p in Group.objects.get(name="reviewers").permissions.all()
        ),
        "audit_object_types": sorted(AuditEntry.objects.values_list("object_type", flat=True)),
        "job_kinds": sorted(Job.objects.values_list("kind", flat=True)),
        "migrations": sorted(f"{app}.{name}" for app, name in applied if app in (OLD, NEW)),
        "new_fact_saves": Fact.objects.filter(pk=before["fact_id"]).update(status="accepted"),
        # The key sequence moved with the table: a new run gets the next id.
        "next_run_id": ExtractionRun.objects.create(
            document=fact.document, engine_version="2.0"
        ).pk,
    }


if __name__ == "__main__":
    old = build_old_database()
    call_command("migrate", interactive=False, verbosity=0)
    print(json.dumps(after_upgrade(old), ensure_ascii=False, default=str))
    sys.exit(0)
