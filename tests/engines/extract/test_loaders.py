from __future__ import annotations

import pytest

from cadis.engines.extract import ExtractError, ExtractErrorCode, load_document_text

PHRASE = "Изъято 5 кг героина в Душанбе."


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PHRASE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + PHRASE.encode("utf-8"), "utf-8-sig"),
        (PHRASE.encode("cp1251"), "cp1251"),
        (PHRASE.encode("utf-16"), "utf-16"),
        (PHRASE.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_it_reads_text_in_the_usual_encodings(tmp_path, data, encoding):
    text, meta = load_document_text(write(tmp_path, "release.txt", data))
    assert text == PHRASE
    assert meta.encoding == encoding


def test_it_reads_html_without_scripts_and_keeps_the_title(tmp_path):
    html = (
        "<html><head><title>Итоги года</title><script>var x = 1;</script></head>"
        f"<body><p>{PHRASE}</p><p>Второй абзац.</p></body></html>"
    )
    text, meta = load_document_text(
        write(
            tmp_path,
            "page.html",
            html.encode("cp1251").replace(b"<head>", b'<head><meta charset="windows-1251">'),
        )
    )
    assert meta.title == "Итоги года"
    assert PHRASE in text and "var x" not in text


def test_it_reads_a_docx_file(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "Пресс-релиз"
    document.add_paragraph(PHRASE)
    path = tmp_path / "release.docx"
    document.save(path)
    text, meta = load_document_text(path)
    assert PHRASE in text
    assert meta.title == "Пресс-релиз"


def _minimal_pdf(content_stream: bytes, with_font: bool) -> bytes:
    """A hand-written one-page PDF; without a text stream it looks like a scanned page."""
    font = b" /Resources << /Font << /F1 4 0 R >> >>" if with_font else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R" + font + b" >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
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


def test_it_reads_the_text_layer_of_a_pdf(tmp_path):
    pdf = _minimal_pdf(
        b"BT /F1 12 Tf 72 700 Td (Police seized 5 kg of heroin.) Tj ET", with_font=True
    )
    text, meta = load_document_text(write(tmp_path, "release.pdf", pdf))
    assert "Police seized 5 kg of heroin." in text
    assert meta.pages == 1


def test_a_scanned_pdf_without_text_gets_a_clear_error(tmp_path):
    pdf = _minimal_pdf(b"q 612 0 0 792 0 0 cm Q", with_font=False)
    with pytest.raises(ExtractError) as error:
        load_document_text(write(tmp_path, "scan.pdf", pdf))
    assert error.value.code is ExtractErrorCode.SCANNED_PDF
    assert "OCR" in error.value.message


def test_a_50_mb_pdf_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(ExtractError) as error:
        load_document_text(path)
    assert error.value.code is ExtractErrorCode.TOO_LARGE
    assert "50.0 MB" in error.value.message


def test_a_damaged_pdf_gets_a_clear_error(tmp_path):
    with pytest.raises(ExtractError) as error:
        load_document_text(write(tmp_path, "broken.pdf", b"%PDF-1.4\nthis is not a pdf"))
    assert error.value.code in (ExtractErrorCode.BROKEN_FILE, ExtractErrorCode.SCANNED_PDF)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", ExtractErrorCode.EMPTY),
        ("blank.txt", b"  \n\n ", ExtractErrorCode.EMPTY),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, ExtractErrorCode.BINARY),
        ("random.txt", bytes(range(256)) * 40, ExtractErrorCode.BINARY),
        ("slides.pptx", b"PK\x03\x04 whatever", ExtractErrorCode.UNSUPPORTED_TYPE),
        ("broken.docx", b"not a zip at all", ExtractErrorCode.BROKEN_FILE),
    ],
)
def test_bad_input_gets_a_stable_code_and_a_message(tmp_path, name, data, code):
    with pytest.raises(ExtractError) as error:
        load_document_text(write(tmp_path, name, data))
    assert error.value.code is code
    assert error.value.message


def test_text_in_an_unsupported_encoding_is_refused_with_advice(tmp_path):
    # Random high bytes decode as Windows-1251 but are not words in any language.
    data = bytes([0x80 + (i * 37) % 0x7F for i in range(2000)])
    with pytest.raises(ExtractError) as error:
        load_document_text(write(tmp_path, "mojibake.txt", data))
    assert error.value.code in (ExtractErrorCode.UNDECODABLE, ExtractErrorCode.BINARY)


def test_a_missing_file_gets_a_clear_error(tmp_path):
    with pytest.raises(ExtractError) as error:
        load_document_text(tmp_path / "nope.txt")
    assert error.value.code is ExtractErrorCode.NOT_FOUND
