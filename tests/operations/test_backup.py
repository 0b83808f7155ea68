"""Backup and restore as a round trip (runs on SQLite, and on PostgreSQL in CI's second run)."""

from __future__ import annotations

import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cadis.apps.accounts.models import AuditEntry, Organisation, User
from cadis.apps.reference.models import Country, Substance


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_the_database_and_uploaded_files(tmp_path, personas, settings):
    upload = settings.MEDIA_ROOT / "documents" / "report.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text("отчёт", encoding="utf-8")
    counts = {m: m.objects.count() for m in (Country, Substance, Organisation, User, AuditEntry)}
    archive = tmp_path / "cadis-backup.zip"

    call_command("backup", str(archive))

    # Damage everything the backup should bring back.
    Organisation.objects.create(name_en="Created after the backup", name_ru="x", kind="ngo")
    User.objects.filter(username="kg_analyst").delete()
    upload.unlink()
    (settings.MEDIA_ROOT / "stray.txt").write_text("x")

    call_command("restore", str(archive), "--yes")

    assert {m: m.objects.count() for m in counts} == counts
    assert User.objects.get(username="kg_analyst").check_password("persona-pass-2024")
    assert not Organisation.objects.filter(name_en="Created after the backup").exists()
    assert upload.read_text(encoding="utf-8") == "отчёт"
    assert not (settings.MEDIA_ROOT / "stray.txt").exists()


@pytest.mark.django_db(transaction=True)
def test_restoring_something_that_is_not_a_backup_changes_nothing(tmp_path, personas):
    not_a_backup = tmp_path / "x.zip"
    with zipfile.ZipFile(not_a_backup, "w") as archive:
        archive.writestr("hello.txt", "hi")
    users = User.objects.count()
    with pytest.raises(CommandError, match="not a cadis backup"):
        call_command("restore", str(not_a_backup), "--yes")
    plain = tmp_path / "plain.txt"
    plain.write_text("hello")
    with pytest.raises(CommandError, match="not a cadis backup archive"):
        call_command("restore", str(plain), "--yes")
    assert User.objects.count() == users
