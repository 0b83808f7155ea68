"""Unreadable files get a clear, translated message and store nothing."""

from __future__ import annotations

import pytest
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile

from cadis.apps.extraction import services
from cadis.apps.extraction.models import ExtractionRun
from cadis.apps.knowledge.models import Document
from cadis.platform.errors import BadInputFile

pytestmark = pytest.mark.django_db


def minimal_pdf(content_stream: bytes) -> bytes:
    """A hand-written one-page PDF without fonts: no text layer, like a scanned page."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length "
        + str(len(content_stream)).encode()
        + b" >>\nstream\n"
        + content_stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


BAD_FILES = [
    ("empty.txt", b"", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary data"),
    ("scan.pdf", minimal_pdf(b"q 612 0 0 792 0 0 cm Q"), "OCR"),
    ("mojibake.txt", bytes([0x80 + (i * 37) % 0x7F for i in range(2000)]), "Save it as UTF-8"),
    ("slides.pptx", b"PK\x03\x04 whatever", "not supported"),
    ("broken.docx", b"not a zip at all", "damaged"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES)
def test_the_upload_page_explains_why_a_file_cannot_be_read(
    client_of, personas, name, data, message
):
    client = client_of(personas.kg_provider)
    client.cookies["django_language"] = "en"
    response = client.post(
        "/documents/upload/",
        {"file": SimpleUploadedFile(name, data), "confidentiality": "restricted"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="errorlist' in page
    assert message in page
    assert not Document.objects.exists() and not ExtractionRun.objects.exists()


def test_the_messages_are_in_russian_for_a_russian_user(client_of, personas):
    client = client_of(personas.kg_provider)
    client.cookies["django_language"] = "ru"
    response = client.post(
        "/documents/upload/",
        {
            "file": SimpleUploadedFile("scan.pdf", minimal_pdf(b"q Q")),
            "confidentiality": "restricted",
        },
    )
    assert "нет текстового слоя" in response.content.decode()


def test_a_50_mb_pdf_is_refused_before_it_is_read(tmp_path, personas):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(50 * 1024 * 1024)
    with path.open("rb") as handle, pytest.raises(BadInputFile) as error:
        services.document_ingest(actor=personas.kg_provider, file=File(handle, name="huge.pdf"))
    assert error.value.details["code"] == "too_large"
    assert not Document.objects.exists()


def test_a_windows_1251_text_is_read(ingest, personas):
    from django.core.files.base import ContentFile

    document, run = services.document_ingest(
        actor=personas.kg_provider,
        file=ContentFile("В 2024 году изъято 9 кг героина.".encode("cp1251"), name="cp1251.txt"),
    )
    assert "9 кг героина" in document.text
    assert run.facts.filter(type="seizure", payload__quantity_kg=9.0).exists()
