"""The document library: upload with metadata, text extraction, clear errors, access levels."""

from __future__ import annotations

import io

import docx
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.knowledge import services
from cadis.apps.knowledge.models import Document
from cadis.platform.errors import BadInputFile, PermissionDenied, ValidationError

pytestmark = pytest.mark.django_db


def _docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_an_uploaded_file_is_stored_under_media_root_with_its_text(make_document, settings):
    doc = make_document(
        "Синтетический текст про изъятие.",
        name="note.txt",
        doc_type="report",
        countries=["KG"],
        topics=["supply_reduction"],
        published_on="2025-01-02",
    )
    assert (
        settings.MEDIA_ROOT / doc.file_path
    ).read_bytes().decode() == "Синтетический текст про изъятие."
    assert doc.text.startswith("Синтетический") and doc.media_type == "text/plain"
    assert [c.code for c in doc.countries.all()] == [
        "KG"
    ] and doc.published_on.isoformat() == "2025-01-02"
    assert AuditEntry.objects.filter(
        object_type="knowledge.document", object_id=str(doc.pk)
    ).exists()


@pytest.mark.parametrize(
    ("name", "payload", "expected"),
    [
        (
            "page.html",
            "<html><head><title>T</title></head><body><p>Изъято 5 кг</p></body></html>".encode(),
            "Изъято 5 кг",
        ),
        ("report.docx", _docx_bytes("Изъято 7 кг гашиша"), "Изъято 7 кг гашиша"),
        ("cp1251.txt", "Изъято 9 кг".encode("cp1251"), "Изъято 9 кг"),
    ],
)
def test_text_is_extracted_from_html_docx_and_legacy_encodings(
    make_document, personas, name, payload, expected
):
    doc = services.document_create(
        actor=personas.kg_provider, file=ContentFile(payload, name=name), metadata={"title": "t"}
    )
    assert expected in doc.text


@pytest.mark.parametrize(
    ("name", "payload", "code"),
    [
        ("empty.txt", b"", "empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "unsupported_type"),
        ("broken.pdf", b"%PDF-1.4 this is not a pdf", "broken_file"),
        ("broken.docx", b"PK\x03\x04 nonsense", "broken_file"),
    ],
)
def test_bad_files_give_a_clear_error_and_store_nothing(personas, name, payload, code, settings):
    with pytest.raises(BadInputFile) as info:
        services.document_create(
            actor=personas.kg_provider,
            file=ContentFile(payload, name=name),
            metadata={"title": "t"},
        )
    assert info.value.details["code"] == code
    assert Document.objects.count() == 0


def test_metadata_is_validated(personas):
    with pytest.raises(ValidationError):
        services.document_create(
            actor=personas.kg_provider, metadata={"title": "t", "text": "x", "topics": ["magic"]}
        )
    with pytest.raises(ValidationError):
        services.document_create(
            actor=personas.kg_provider, metadata={"title": "t", "text": "x", "countries": ["XX"]}
        )
    with pytest.raises(ValidationError):
        services.document_create(
            actor=personas.kg_provider, metadata={"title": "no file, no text, no url"}
        )


def test_analysts_and_anonymous_cannot_upload(personas, client_of):
    with pytest.raises(PermissionDenied):
        services.document_create(actor=personas.kg_analyst, metadata={"title": "t", "text": "x"})
    assert client_of(personas.kg_analyst).get("/knowledge/documents/upload/").status_code == 403
    assert client_of(None).get("/knowledge/documents/upload/").status_code == 302


def test_upload_page_stores_a_document(personas, client_of):
    upload = SimpleUploadedFile("synthetic.txt", "Синтетический документ: изъято 3 кг.".encode())
    response = client_of(personas.kg_provider).post(
        "/knowledge/documents/upload/",
        {
            "file": upload,
            "title": "",
            "doc_type": "report",
            "language": "ru",
            "countries": ["KG"],
            "topics": ["supply_reduction"],
            "confidentiality": "restricted",
        },
    )
    doc = Document.objects.get()
    assert response.status_code == 302 and doc.title.startswith("Синтетический документ")
    assert doc.confidentiality == "restricted" and doc.organisation == personas.kg_org


def test_upload_page_shows_a_bad_file_error(personas, client_of):
    upload = SimpleUploadedFile("x.exe", b"MZ\x90\x00binary")
    response = client_of(personas.kg_provider).post(
        "/knowledge/documents/upload/",
        {
            "file": upload,
            "title": "x",
            "doc_type": "report",
            "language": "ru",
            "confidentiality": "public",
        },
    )
    assert response.status_code == 200 and "not supported" in response.content.decode()


def test_list_detail_and_file_follow_the_access_level(library, personas, client_of):
    confidential = library["confidential"]
    cases = [
        (None, False),
        (personas.tj_focal, False),
        (personas.kg_other_provider, False),
        (personas.kg_focal, True),
        (personas.kg_provider, True),
        (personas.admin, True),
    ]
    for user, sees in cases:
        client = client_of(user)
        assert (
            "Confidential KG memo" in client.get("/knowledge/documents/").content.decode()
        ) is sees
        assert client.get(f"/knowledge/documents/{confidential.pk}/").status_code == (
            200 if sees else 404
        )
        assert client.get(f"/knowledge/documents/{confidential.pk}/file/").status_code == (
            200 if sees else 404
        )
    restricted = library["restricted"]
    assert (
        client_of(personas.kg_other_provider)
        .get(f"/knowledge/documents/{restricted.pk}/")
        .status_code
        == 200
    )
    assert (
        client_of(personas.tj_analyst).get(f"/knowledge/documents/{restricted.pk}/").status_code
        == 404
    )


def test_the_search_page_finds_word_forms(library, client_of):
    html = client_of(None).get("/knowledge/documents/?query=изъятие").content.decode()
    assert "Public KG report" in html
    assert (
        "Public KG report"
        not in client_of(None).get("/knowledge/documents/?query=кокаин").content.decode()
    )


def test_the_home_page_of_the_module(programmes, library, client_of):
    html = client_of(None).get("/knowledge/").content.decode()
    assert 'id="evidence-chart"' in html
