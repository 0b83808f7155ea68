"""`cadis extract` and `cadis ingest` on files."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cadis.apps.extraction.models import Fact
from cadis.apps.knowledge.models import Document
from tests.founding import FOUNDING

from .conftest import EN_RELEASE, KG_RELEASE

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_extract_prints_one_json_object_per_document(tmp_path, refdata):
    ru, en = tmp_path / "ru.txt", tmp_path / "en.html"
    ru.write_text(KG_RELEASE, encoding="utf-8")
    en.write_text(f"<html><body><p>{EN_RELEASE}</p></body></html>", encoding="utf-8")
    out, _err = run("extract", str(ru), str(en), "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["language"] for d in lines] == ["ru", "en"]
    assert lines[0]["document"] == str(ru)
    seizure = next(f for f in lines[1]["facts"] if f["type"] == "seizure")
    assert seizure["quantity_kg"] == 7.5 and seizure["span"][1] > seizure["span"][0]
    assert seizure["substance"] == "heroin" and seizure["unit"] == "kg"


def test_extract_reads_the_founding_document_with_the_tonnes_right(refdata, founding_text):
    out, _err = run("extract", str(FOUNDING), "--date", "2024-11-28")
    facts = json.loads(out)["facts"]
    totals = [f for f in facts if f["type"] == "seizure" and f.get("country") == "TJ"]
    assert totals and totals[0]["quantity_kg"] == 1300.0 and totals[0]["aggregate"] is True


def test_extract_reports_unreadable_files_and_fails(tmp_path, refdata):
    empty, good = tmp_path / "empty.txt", tmp_path / "good.txt"
    empty.write_bytes(b"")
    good.write_text(KG_RELEASE, encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("extract", str(empty), str(good), stdout=out, stderr=err)
    assert "empty" in err.getvalue()
    assert len(out.getvalue().splitlines()) == 1  # the good file is still printed


def test_ingest_stores_the_documents_and_extracts_their_facts(tmp_path, personas):
    path = tmp_path / "release.txt"
    path.write_text(KG_RELEASE, encoding="utf-8")
    out, _err = run(
        "ingest",
        str(path),
        "--user",
        "kg_provider",
        "--publisher",
        "Synthetic agency",
        "--date",
        "2025-03-12",
        "--url",
        "https://example.org/synthetic",
    )
    document = Document.objects.get()
    assert f"document {document.pk} (ru)" in out
    assert (document.publisher, str(document.published_on)) == ("Synthetic agency", "2025-03-12")
    assert document.url == "https://example.org/synthetic" and document.source_kind == "cli"
    assert document.organisation == personas.kg_org
    assert Fact.objects.filter(document=document, type="seizure").exists()


def test_ingest_refuses_a_50_mb_pdf_with_a_clear_message(tmp_path, personas):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(50 * 1024 * 1024)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(path), "--user", "kg_provider", stdout=StringIO(), stderr=err)
    assert "huge.pdf" in err.getvalue() and not Document.objects.exists()


def test_ingest_needs_an_owner(tmp_path, refdata):
    path = tmp_path / "release.txt"
    path.write_text(KG_RELEASE, encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())
