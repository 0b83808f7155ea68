"""A backup restores onto a new server: a new, empty, migrated database and another MEDIA_ROOT.

The source is the test database; the target is built by `cadis migrate` in a subprocess (a
SQLite file, or a PostgreSQL database when the server answers), then `cadis restore` runs there.
Every table's row count and every uploaded file's SHA-256 must come back equal.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError

from cadis.apps.operations.backup import stored_models

CADIS = [sys.executable, "-m", "cadis.cli"]

SNAPSHOT = """
import hashlib, json
from pathlib import Path
from django.conf import settings
from django.contrib.auth.models import Group
from cadis.apps.operations.backup import stored_models
root = Path(settings.MEDIA_ROOT)
print(json.dumps({
    "tables": {m._meta.db_table: m._base_manager.count() for m in stored_models()},
    "files": {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
              for p in sorted(root.rglob("*")) if p.is_file()},
    "group_permissions": sorted(f"{p.content_type.app_label}.{p.codename}"
                                for p in Group.objects.get(name="reviewers").permissions.all()),
}))
"""
# A new record after the restore: on PostgreSQL it fails unless the id sequences were reset.
NEW_RECORD = """
from cadis.apps.accounts.models import Organisation
from django.contrib.auth.models import Group
Organisation.objects.create(name_en="After the restore", name_ru="x", kind="ngo")
Group.objects.create(name="after the restore")
print("created")
"""


def _snapshot_here(media_root: Path) -> dict:
    return {
        "tables": {m._meta.db_table: m._base_manager.count() for m in stored_models()},
        "files": {p.relative_to(media_root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                  for p in sorted(media_root.rglob("*")) if p.is_file()},
        "group_permissions": sorted(f"{p.content_type.app_label}.{p.codename}"
                                    for p in Group.objects.get(name="reviewers").permissions.all()),
    }


def _run(args, env, timeout=600) -> subprocess.CompletedProcess:
    result = subprocess.run([*CADIS, *args], env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _env(tmp_path: Path, database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TASK_BACKEND", "REDIS_URL")}
    env.update({"CADIS_VAR_DIR": str(tmp_path / "new-server"), "DATABASE_URL": database_url,
                "MEDIA_ROOT": str(tmp_path / "new-server" / "uploads"), "CADIS_PROFILE": "development",
                "TASK_BACKEND": "database", "DJANGO_SETTINGS_MODULE": "cadis.config.settings"})
    return env


def _source_data(personas, media_root: Path) -> None:
    """Records of several kinds, a group with permissions and uploaded files of every shape."""
    group = Group.objects.create(name="reviewers")
    group.permissions.set(Permission.objects.filter(codename__in=["view_user", "change_organisation"]))
    personas.kg_analyst.groups.add(group)
    files = {
        "documents/2026/01/отчёт.txt": "отчёт за январь".encode(),
        "supply/imports/2026/01/seizures.csv": b"date,substance,quantity\n2026-01-02,heroin,1.5\n",
        "precursors/declarations/binary.bin": bytes(range(256)) * 64,
        "empty.txt": b"",
    }
    for name, data in files.items():
        path = media_root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _round_trip(tmp_path, personas, settings, database_url: str) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    _source_data(personas, media_root)
    before = _snapshot_here(media_root)
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive), "--quiet")

    env = _env(tmp_path, database_url)
    _run(["migrate", "-v0"], env)
    restored = _run(["restore", str(archive), "--yes"], env)
    assert "tables" in restored.stdout and "restored the backup of" in restored.stdout
    after = json.loads(_run(["shell", "--no-imports", "-c", SNAPSHOT], env).stdout)

    assert after["tables"] == before["tables"]
    assert sum(before["tables"].values()) > 5000  # reference data, personas, permissions, ...
    assert after["files"] == before["files"]
    assert len(after["files"]) == 4
    assert after["group_permissions"] == ["accounts.change_organisation", "accounts.view_user"]
    assert _run(["shell", "--no-imports", "-c", NEW_RECORD], env).stdout.strip() == "created"


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_on_a_new_sqlite_server_with_every_row_and_file(tmp_path, personas, settings):
    _round_trip(tmp_path, personas, settings, f"sqlite:///{tmp_path / 'new-server.sqlite3'}")


def _postgres_url() -> str | None:
    """A PostgreSQL database for the target: the suite's server when it answers.

    The database name is ``<prefix>_backup_target``; the prefix is the suite's own database name on
    PostgreSQL, else ``CADIS_TEST_PG_PREFIX`` (default ``cadis_test``)."""
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
    except OSError:
        return None
    suite_url = os.environ.get("DATABASE_URL", "")
    if suite_url.startswith("postgres"):
        base, _, name = suite_url.rpartition("/")
        return f"{base}/{name}_backup_target"
    prefix = os.environ.get("CADIS_TEST_PG_PREFIX", "cadis_test")
    return f"postgres://postgres@127.0.0.1:5432/{prefix}_backup_target"


def _recreate_database(url: str) -> None:
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _drop_database(url: str) -> None:
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(_postgres_url() is None, reason="PostgreSQL does not answer on 127.0.0.1:5432")
def test_a_backup_restores_on_a_new_postgresql_server_with_every_row_and_file(tmp_path, personas, settings):
    url = _postgres_url()
    _recreate_database(url)
    try:
        _round_trip(tmp_path, personas, settings, url)
    finally:
        _drop_database(url)


@pytest.mark.django_db
def test_the_rq_backend_adds_a_model_without_a_table_and_the_backup_skips_it(tmp_path, personas, settings):
    from django.apps import apps
    from django.contrib import admin

    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "django_rq"]
    dashboard = apps.get_model("django_rq", "Dashboard")
    assert not dashboard._meta.managed
    archive = tmp_path / "backup.zip"
    try:
        call_command("backup", str(archive), "--quiet")
    finally:
        # Installing django_rq registers its dashboard in the admin site, which outlives the
        # setting: later admin pages would list an app that is no longer installed.
        if admin.site.is_registered(dashboard):
            admin.site.unregister(dashboard)
    with zipfile.ZipFile(archive) as zipped:
        manifest = json.loads(zipped.read("manifest.json"))
    tables = {t["table"] for t in manifest["tables"]}
    assert dashboard._meta.db_table not in tables
    assert {"accounts_user", "django_content_type", "auth_permission"} <= tables


def _rewrite(archive: Path, target: Path, change) -> None:
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            out.writestr(item.filename, change(item.filename, source.read(item.filename)))


@pytest.mark.django_db
def test_a_damaged_backup_is_refused_before_anything_changes(tmp_path, personas, settings):
    from cadis.apps.accounts.models import User

    upload = Path(settings.MEDIA_ROOT) / "documents" / "a.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text("original")
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive), "--quiet")
    users = User.objects.count()

    def drop_a_user(name, data):
        if name == "tables/accounts_user.jsonl":
            return b"\n".join(data.splitlines()[1:]) + b"\n"
        return data

    def change_a_file(name, data):
        return b"tampered" if name == "media/documents/a.txt" else data

    def newer_format(name, data):
        if name == "manifest.json":
            return json.dumps({**json.loads(data), "format": 99}).encode()
        return data

    cases = {drop_a_user: "tables/accounts_user.jsonl does not match its manifest",
             change_a_file: "the file documents/a.txt differs from its checksum",
             newer_format: "Unsupported backup format 99"}
    for change, message in cases.items():
        damaged = tmp_path / f"{change.__name__}.zip"
        _rewrite(archive, damaged, change)
        with pytest.raises(CommandError, match=message):
            call_command("restore", str(damaged), "--yes", "--quiet")
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="not a cadis backup archive"):
        call_command("restore", str(truncated), "--yes", "--quiet")
    assert User.objects.count() == users
    assert upload.read_text() == "original"
