"""Backup: the database and the uploaded files in one zip archive, written as a stream.

The archive (format 2) holds

- ``tables/<table>.jsonl``: one file per database table, one JSON array per row (the columns
  listed in the manifest, in that order), written in chunks straight into the zip: nothing is
  held whole in memory, whatever the size of the database;
- ``media/<path>``: every uploaded file under ``MEDIA_ROOT``;
- ``manifest.json``: the format version, the database vendor, the applied migrations, and for
  every table its model, columns, row count and SHA-256, for every file its size and SHA-256.

The rows are plain column values (dates in ISO 8601, decimals as text), so a backup made on
SQLite restores on PostgreSQL and back. Content types and permissions are included: the rows
that point at them (audit entries, permissions of groups) keep their meaning whatever ids the
target database gave its own. Only tables that exist in the database and that Django manages are
written (an RQ install declares an unmanaged ``django_rq_dashboard`` model with no table).
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.duration import duration_string

FORMAT_VERSION = 2
CHUNK = 2000
# Transient: never written to a backup (they are emptied on restore).
TRANSIENT_APPS = {"sessions", "django_tasks_database"}

Report = Callable[[str], None]


class BackupError(Exception):
    pass


def _quiet(message: str) -> None:
    pass


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cadis")
    except PackageNotFoundError:
        return ""


def applied_migrations() -> list[str]:
    return sorted(f"{m.app}.{m.name}" for m in MigrationRecorder.Migration.objects.all())


def stored_models(*, include_transient: bool = False) -> list[type[models.Model]]:
    """Every model whose rows live in a table of this database, one model per table."""
    existing = set(connection.introspection.table_names())
    seen: set[str] = set()
    chosen = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table in seen:
            continue
        if meta.db_table not in existing:
            continue
        if not include_transient and meta.app_label in TRANSIENT_APPS:
            continue
        seen.add(meta.db_table)
        chosen.append(model)
    return sorted(chosen, key=lambda m: m._meta.db_table)


def columns_of(model: type[models.Model]) -> list[models.Field]:
    return list(model._meta.local_concrete_fields)


def _encode(field: models.Field, value: Any) -> Any:
    """A column value as JSON (the inverse is ``restore.decode``)."""
    if value is None or isinstance(field, models.JSONField):
        return value
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dt.timedelta):
        return duration_string(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def _rows(model: type[models.Model], fields: list[models.Field]) -> Iterator[list[Any]]:
    names = [field.attname for field in fields]
    queryset = model._base_manager.order_by("pk").values_list(*names)
    for row in queryset.iterator(chunk_size=CHUNK):
        yield [_encode(field, value) for field, value in zip(fields, row, strict=True)]


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _write_table(archive, model: type[models.Model]) -> dict[str, Any]:
    fields = columns_of(model)
    name = f"tables/{model._meta.db_table}.jsonl"
    digest = hashlib.sha256()
    count = 0
    buffer: list[str] = []
    with archive.open(name, "w", force_zip64=True) as out:
        for row in _rows(model, fields):
            buffer.append(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
            count += 1
            if len(buffer) >= CHUNK:
                data = ("\n".join(buffer) + "\n").encode("utf-8")
                digest.update(data)
                out.write(data)
                buffer.clear()
        if buffer:
            data = ("\n".join(buffer) + "\n").encode("utf-8")
            digest.update(data)
            out.write(data)
    return {
        "model": model._meta.label_lower,
        "table": model._meta.db_table,
        "file": name,
        "columns": [field.column for field in fields],
        "rows": count,
        "sha256": digest.hexdigest(),
    }


def _media_files(media_root: Path) -> list[Path]:
    if not media_root.exists():
        return []
    return sorted(p for p in media_root.rglob("*") if p.is_file())


def backup_create(path: Path, *, report: Report = _quiet) -> dict[str, Any]:
    """Write a backup archive to ``path`` (atomically: complete or absent); returns its manifest."""
    import zipfile

    media_root = Path(settings.MEDIA_ROOT)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    manifest: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "application": "cadis",
        "cadis_version": _version(),
        "created": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "migrations": applied_migrations(),
        "tables": [],
        "media": [],
    }
    outer = connection.in_atomic_block  # already in a transaction (a test): its snapshot holds
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED,
                             compresslevel=1, allowZip64=True) as archive:
            with transaction.atomic():
                if connection.vendor == "postgresql" and not outer:  # one snapshot of every table
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                chosen = stored_models()
                for number, model in enumerate(chosen, start=1):
                    entry = _write_table(archive, model)
                    manifest["tables"].append(entry)
                    if entry["rows"]:
                        report(f"[{number}/{len(chosen)}] {entry['table']}: {entry['rows']} rows")
            files = _media_files(media_root)
            for number, media in enumerate(files, start=1):
                relative = media.relative_to(media_root).as_posix()
                archive.write(media, f"media/{relative}")
                manifest["media"].append(
                    {"path": relative, "size": media.stat().st_size, "sha256": _file_sha256(media)}
                )
                if number % 500 == 0 or number == len(files):
                    report(f"uploaded files: {number}/{len(files)}")
            manifest["rows"] = sum(t["rows"] for t in manifest["tables"])
            manifest["media_files"] = len(manifest["media"])
            archive.writestr("manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    report(f"backup written to {path}: {manifest['rows']} rows in {len(manifest['tables'])} "
           f"tables, {manifest['media_files']} uploaded files, {path.stat().st_size} bytes")
    return manifest
