"""Restore: replace the database content and the uploaded files with a backup's.

First every part of the archive is read and checked against the manifest (row counts and
SHA-256 of every table, SHA-256 of every file; the uploaded files are unpacked into a staging
directory on the way): a damaged archive is refused before anything changes. Then, in one
transaction, every table is emptied and the rows are inserted in chunks; on PostgreSQL the id
sequences are moved past the restored ids. Content types and permissions of models newer than the
backup are created afterwards. Last, the staging directory takes the place of ``MEDIA_ROOT``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection, models, transaction

from cadis.apps.operations.backup import (
    CHUNK,
    FORMAT_VERSION,
    BackupError,
    Report,
    _quiet,
    applied_migrations,
    columns_of,
    stored_models,
)


def _read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise BackupError("This file is not a cadis backup (no readable manifest.json).") from exc
    if not isinstance(manifest, dict) or manifest.get("application", "cadis") != "cadis":
        raise BackupError("This file is not a cadis backup (its manifest is not cadis's).")
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(
            f"Unsupported backup format {manifest.get('format')!r} "
            f"(this cadis reads format {FORMAT_VERSION})."
        )
    missing = set(manifest.get("migrations", [])) - set(applied_migrations())
    if missing:
        raise BackupError(
            "The backup was made by a newer cadis (unknown migrations: "
            f"{', '.join(sorted(missing)[:5])}). Upgrade cadis, migrate, then restore."
        )
    return manifest


def _safe_media_path(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Unsafe path in backup: {name}")
    return path


def _check_table(archive: zipfile.ZipFile, entry: dict[str, Any]) -> None:
    digest = hashlib.sha256()
    lines = 0
    try:
        with archive.open(entry["file"]) as stream:
            while block := stream.read(1 << 20):
                digest.update(block)
                lines += block.count(b"\n")
    except KeyError as exc:
        raise BackupError(f"The backup is incomplete: {entry['file']} is missing.") from exc
    if digest.hexdigest() != entry["sha256"] or lines != entry["rows"]:
        raise BackupError(
            f"The backup is damaged: {entry['file']} does not match its manifest "
            f"({lines} rows for {entry['rows']} expected, or a different checksum)."
        )


def _stage_media(archive: zipfile.ZipFile, manifest: dict[str, Any], staging: Path,
                 report: Report) -> None:
    files = manifest.get("media", [])
    for number, item in enumerate(files, start=1):
        relative = _safe_media_path(item["path"])
        target = staging.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        try:
            with archive.open(f"media/{relative.as_posix()}") as stream, target.open("wb") as out:
                while block := stream.read(1 << 20):
                    digest.update(block)
                    out.write(block)
        except KeyError as exc:
            raise BackupError(f"The backup is incomplete: media/{relative} is missing.") from exc
        if digest.hexdigest() != item["sha256"]:
            raise BackupError(f"The backup is damaged: the file {relative} differs from its checksum.")
        if number % 500 == 0 or number == len(files):
            report(f"uploaded files checked: {number}/{len(files)}")


def _models_by_table(manifest: dict[str, Any]) -> dict[str, type[models.Model]]:
    known = {model._meta.db_table: model for model in stored_models(include_transient=True)}
    chosen = {}
    for entry in manifest["tables"]:
        model = known.get(entry["table"])
        if model is None:
            if not entry["rows"]:
                continue  # an empty table this version no longer has
            raise BackupError(
                f"The table {entry['table']} of the backup does not exist in this database."
            )
        chosen[entry["table"]] = model
    return chosen


def decode(field: models.Field, value: Any) -> Any:
    """A value as stored by ``backup._encode``, ready for the database."""
    if value is not None and not isinstance(field, models.JSONField):
        if isinstance(field, models.BinaryField):
            value = base64.b64decode(value)
        else:
            value = field.to_python(value)
    return field.get_db_prep_value(value, connection, prepared=False)


def _insert_table(archive: zipfile.ZipFile, entry: dict[str, Any], model: type[models.Model]) -> int:
    fields_by_column = {field.column: field for field in columns_of(model)}
    unknown = [column for column in entry["columns"] if column not in fields_by_column]
    if unknown:
        raise BackupError(f"The table {entry['table']} has no column {', '.join(unknown)} here.")
    fields = [fields_by_column[column] for column in entry["columns"]]
    # Columns added after the backup was made take their model default.
    extra = [field for column, field in fields_by_column.items() if column not in entry["columns"]]
    defaults = [field.get_db_prep_save(field.get_default(), connection) for field in extra]
    quote = connection.ops.quote_name
    columns = [*fields, *extra]
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    count = 0
    chunk: list[list[Any]] = []
    with archive.open(entry["file"]) as stream, connection.cursor() as cursor:
        for line in stream:
            values = json.loads(line)
            chunk.append([decode(f, v) for f, v in zip(fields, values, strict=True)] + defaults)
            if len(chunk) >= CHUNK:
                cursor.executemany(sql, chunk)
                count += len(chunk)
                chunk.clear()
        if chunk:
            cursor.executemany(sql, chunk)
            count += len(chunk)
    return count


def _load_database(archive: zipfile.ZipFile, manifest: dict[str, Any],
                   by_table: dict[str, type[models.Model]], report: Report) -> None:
    every_table = [model._meta.db_table for model in stored_models(include_transient=True)]
    with transaction.atomic():
        for statement in connection.ops.sql_flush(no_style(), every_table, allow_cascade=True):
            with connection.cursor() as cursor:
                cursor.execute(statement)
        report(f"emptied {len(every_table)} tables")
        entries = [e for e in manifest["tables"] if e["table"] in by_table]
        for number, entry in enumerate(entries, start=1):
            count = _insert_table(archive, entry, by_table[entry["table"]])
            if count:
                report(f"[{number}/{len(entries)}] {entry['table']}: {count} rows")
        if connection.vendor == "postgresql":
            sequences = connection.ops.sequence_reset_sql(no_style(), list(by_table.values()))
            with connection.cursor() as cursor:
                for statement in sequences:
                    cursor.execute(statement)
            report("id sequences moved past the restored rows")
        if connection.vendor == "sqlite":  # foreign keys are checked at commit; say which one failed
            connection.check_constraints(table_names=list(by_table))


def _complete_contenttypes() -> None:
    """Content types and permissions of models the backup did not know (a newer cadis)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)


def _swap_media(staging: Path) -> None:
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    old = media_root.with_name(media_root.name + ".before-restore")
    if old.exists():
        shutil.rmtree(old)
    if media_root.exists():
        media_root.rename(old)
    shutil.move(str(staging), str(media_root))
    if old.exists():
        shutil.rmtree(old)


def backup_restore(path: Path, *, report: Report = _quiet) -> dict[str, Any]:
    """Replace the database content and the uploaded files with the backup's."""
    if not zipfile.is_zipfile(path):
        raise BackupError(f"{path} is not a cadis backup archive.")
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory(
            dir=media_root.parent, prefix=".cadis-restore-"
        ) as tmp:
            manifest = _read_manifest(archive)
            by_table = _models_by_table(manifest)
            for entry in manifest["tables"]:
                _check_table(archive, entry)
            report(f"checked {len(manifest['tables'])} tables ({manifest.get('rows', 0)} rows)")
            staging = Path(tmp) / "media"
            staging.mkdir()
            _stage_media(archive, manifest, staging, report)
            _load_database(archive, manifest, by_table, report)
            _complete_contenttypes()
            cache.clear()
            _swap_media(staging)
    except zipfile.BadZipFile as exc:
        raise BackupError(f"The backup is damaged: {exc}.") from exc
    report(f"restored the backup of {manifest['created']}: {manifest.get('rows', 0)} rows, "
           f"{len(manifest.get('media', []))} uploaded files")
    return manifest
