"""Backup and restore: the database (as Django fixtures, portable between SQLite and
PostgreSQL) and the uploaded files, in one zip archive with a manifest."""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT_VERSION = 1
# Rebuilt by `migrate` or transient: never restored from a backup.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "django_tasks_database"]


class BackupError(Exception):
    pass


def _applied_migrations() -> list[str]:
    return sorted(f"{m.app}.{m.name}" for m in MigrationRecorder.Migration.objects.all())


def backup_create(path: Path) -> dict:
    """Write a backup archive to ``path``; returns its manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        data_file = Path(tmp) / "data.json"
        call_command("dumpdata", exclude=EXCLUDED, natural_foreign=True, output=str(data_file), verbosity=0)
        media_files = [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(),
            "database_vendor": connection.vendor,
            "migrations": _applied_migrations(),
            "media_files": len(media_files),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(path.suffix + ".partial")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=2))
            archive.write(data_file, "data.json")
            for media in media_files:
                archive.write(media, f"media/{media.relative_to(media_root).as_posix()}")
        partial.replace(path)  # a backup file is either complete or absent
    return manifest


def _read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, json.JSONDecodeError) as exc:
        raise BackupError("This file is not a cadis backup (no readable manifest.json).") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unsupported backup format {manifest.get('format')!r}.")
    missing = set(manifest.get("migrations", [])) - set(_applied_migrations())
    if missing:
        raise BackupError("The backup was made by a newer cadis (unknown migrations: "
                          f"{', '.join(sorted(missing)[:5])}). Upgrade cadis, migrate, then restore.")
    return manifest


def backup_restore(path: Path) -> dict:
    """Replace the database content and uploaded files with the backup's; all or nothing for the database."""
    if not zipfile.is_zipfile(path):
        raise BackupError(f"{path} is not a cadis backup archive.")
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
        manifest = _read_manifest(archive)
        archive.extract("data.json", tmp)
        media_names = [n for n in archive.namelist() if n.startswith("media/") and not n.endswith("/")]
        for name in media_names:
            if ".." in Path(name).parts:
                raise BackupError(f"Unsafe path in backup: {name}")
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            call_command("loaddata", str(Path(tmp) / "data.json"), verbosity=0)
        media_root = Path(settings.MEDIA_ROOT)
        staging = Path(tmp) / "media"
        for name in media_names:
            archive.extract(name, tmp)
        if media_root.exists():
            shutil.rmtree(media_root)
        if staging.exists():
            shutil.copytree(staging, media_root)
    return manifest
