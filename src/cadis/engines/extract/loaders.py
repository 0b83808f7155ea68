"""Document text from .txt, .html, .pdf and .docx files, with clear errors for bad input.

>>> text, meta = load_document_text("release.txt")  # doctest: +SKIP
>>> meta.encoding
'cp1251'
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from cadis.engines.extract.errors import ExtractError, ExtractErrorCode

MAX_BYTES = 20 * 1024 * 1024  # uploads above this are refused before any parsing
_TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_PRINTABLE_EXTRA = set("\t\n\r\f\u00a0\u202f\u2009\u00ad")


@dataclass(frozen=True)
class DocumentMeta:
    filename: str
    media_type: str  # text/plain, text/html, application/pdf, application/vnd...docx
    size: int
    encoding: str | None = None
    title: str | None = None
    pages: int | None = None


def _printable_share(text: str) -> float:
    if not text:
        return 1.0
    sample = text[:50000]
    good = sum(1 for ch in sample if ch.isprintable() or ch in _PRINTABLE_EXTRA)
    return good / len(sample)


def _letter_share(text: str) -> float:
    sample = text[:50000]
    if not sample.strip():
        return 1.0
    visible = [ch for ch in sample if not ch.isspace()]
    good = sum(1 for ch in visible if ch.isalnum() or ch in ".,;:!?-–—()«»\"'%/№+*=[]{}<>#&@_")
    return good / max(1, len(visible))


def _european_script_share(text: str) -> float:
    """Share of Latin/Cyrillic letters, digits, punctuation and spaces (not CJK noise)."""
    sample = text[:20000]
    if not sample:
        return 1.0
    good = sum(1 for ch in sample if ord(ch) < 0x0530 or 0x2000 <= ord(ch) <= 0x206F)
    return good / len(sample)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 or Windows-1251; refuse binary data.

    >>> decode_text("изъято".encode("cp1251"))
    ('изъято', 'cp1251')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4000]:
        # Text never holds zero bytes; UTF-16 without a BOM does (beside ASCII characters).
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _printable_share(text) > 0.97 and _european_script_share(text) > 0.95:
                return text, encoding
        raise ExtractError(ExtractErrorCode.BINARY, "The file is binary data, not text.")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text = data.decode("cp1251", errors="replace")
        encoding = "cp1251"
    if _printable_share(text) < 0.97:
        raise ExtractError(ExtractErrorCode.BINARY, "The file is binary data, not text.")
    if encoding == "cp1251" and (_letter_share(text) < 0.85 or text.count("\ufffd") > 3):
        raise ExtractError(
            ExtractErrorCode.UNDECODABLE,
            "The text is not in UTF-8, UTF-16 or Windows-1251; save it as UTF-8 and try again.",
        )
    return text, encoding


class _HTMLText(HTMLParser):
    _BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "table",
    }
    _SKIP = {"script", "style", "noscript", "template", "svg", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = ((self.title or "") + data).strip()
        elif not self._skip:
            self.parts.append(data)


def _html_text(data: bytes) -> tuple[str, str, str | None]:
    declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4000], re.IGNORECASE)
    if declared:
        try:
            markup, encoding = (
                data.decode(declared.group(1).decode("ascii")),
                declared.group(1).decode("ascii"),
            )
        except (LookupError, UnicodeDecodeError):
            markup, encoding = decode_text(data)
    else:
        markup, encoding = decode_text(data)
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip()
    return text, encoding, parser.title


def _pdf_text(data: bytes) -> tuple[str, str | None, int]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser)
        pages = sum(1 for _ in PDFPage.create_pages(document))
        title = None
        for info in document.info:
            raw = info.get("Title")
            if isinstance(raw, bytes):
                title = (
                    raw.decode("utf-16") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")
                )
            elif isinstance(raw, str):
                title = raw
        text = extract_text(io.BytesIO(data))
    except Exception as error:  # pdfminer raises many unrelated types for broken files
        raise ExtractError(
            ExtractErrorCode.BROKEN_FILE, "The PDF file is damaged and cannot be read."
        ) from error
    if not text.strip():
        raise ExtractError(
            ExtractErrorCode.SCANNED_PDF,
            "The PDF has no text layer (scanned pages?); run it through OCR first.",
        )
    return text.replace("\x0c", "\n\n"), title or None, pages


def _docx_text(data: bytes) -> tuple[str, str | None]:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises zip, xml and key errors for broken files
        raise ExtractError(
            ExtractErrorCode.BROKEN_FILE, "The Word file is damaged and cannot be read."
        ) from error
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n\n".join(p for p in parts if p.strip()), document.core_properties.title or None


def load_document_bytes(
    data: bytes, filename: str, *, max_bytes: int = MAX_BYTES
) -> tuple[str, DocumentMeta]:
    """Text and metadata of an uploaded file's bytes (type from the name, then the content)."""
    size = len(data)
    if size > max_bytes:
        raise ExtractError(
            ExtractErrorCode.TOO_LARGE,
            f"The file is {size / 1048576:.1f} MB; the limit is {max_bytes / 1048576:.0f} MB.",
        )
    if not data.strip():
        raise ExtractError(ExtractErrorCode.EMPTY, "The file is empty.")
    suffix = Path(filename).suffix.lower()
    if suffix == ".pdf" or (not suffix and data.startswith(b"%PDF")):
        text, title, pages = _pdf_text(data)
        meta = DocumentMeta(filename, "application/pdf", size, None, title, pages)
    elif suffix == ".docx":
        text, title = _docx_text(data)
        meta = DocumentMeta(
            filename,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            size,
            None,
            title,
        )
    elif suffix in _HTML_SUFFIXES:
        text, encoding, title = _html_text(data)
        meta = DocumentMeta(filename, "text/html", size, encoding, title)
    elif suffix in _TEXT_SUFFIXES or not suffix:
        if data.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8", b"GIF8", b"\x7fELF")):
            raise ExtractError(ExtractErrorCode.BINARY, "The file is binary data, not text.")
        text, encoding = decode_text(data)
        meta = DocumentMeta(filename, "text/plain", size, encoding)
    else:
        raise ExtractError(
            ExtractErrorCode.UNSUPPORTED_TYPE,
            f"Files of type '{suffix}' are not supported; use .txt, .html, .pdf or .docx.",
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ExtractError(ExtractErrorCode.EMPTY, "The file has no text.")
    if meta.title is None:
        first_line = next(
            (line.strip(" #*") for line in text.splitlines() if line.strip(" #*")), None
        )
        meta = DocumentMeta(
            meta.filename, meta.media_type, meta.size, meta.encoding, first_line, meta.pages
        )
    return text, meta


def load_document_text(path: str | Path, *, max_bytes: int = MAX_BYTES) -> tuple[str, DocumentMeta]:
    """Text and metadata of a .txt, .html, .pdf or .docx file.

    Raises `ExtractError` with a stable code: empty, binary, too_large, unsupported_type,
    undecodable, scanned_pdf, broken_file, not_found.
    """
    file = Path(path)
    if not file.is_file():
        raise ExtractError(ExtractErrorCode.NOT_FOUND, f"There is no file '{file.name}'.")
    size = file.stat().st_size
    if size > max_bytes:
        raise ExtractError(
            ExtractErrorCode.TOO_LARGE,
            f"The file is {size / 1048576:.1f} MB; the limit is {max_bytes / 1048576:.0f} MB.",
        )
    return load_document_bytes(file.read_bytes(), file.name, max_bytes=max_bytes)
