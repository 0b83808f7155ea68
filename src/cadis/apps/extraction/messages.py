"""Translated messages for the loader's stable error codes (the engine speaks English)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cadis.engines.extract.loaders import MAX_BYTES


def loader_message(code: str | None, fallback: str = "") -> str:
    limit = MAX_BYTES // 1048576
    messages = {
        "empty": _("The file is empty: there is no text in it."),
        "binary": _("The file is binary data, not text. Upload a .txt, .html, .pdf or .docx file."),
        "too_large": _("The file is too large; the limit is %(limit)d MB.") % {"limit": limit},
        "unsupported_type": _(
            "This type of file is not supported. Upload a .txt, .html, .pdf or .docx file."
        ),
        "undecodable": _(
            "The text is in an encoding that cannot be read. Save it as UTF-8 and try again."
        ),
        "scanned_pdf": _(
            "The PDF has no text layer (a scanned document). Run it through OCR first."
        ),
        "broken_file": _("The file is damaged and cannot be opened."),
        "not_found": _("There is no such file."),
    }
    return messages.get(code or "", fallback or _("The file cannot be read."))


def error_message(exc) -> str:
    """A user-facing message for a ``CadisError`` (loader errors by their code)."""
    details = getattr(exc, "details", None) or {}
    code = getattr(exc, "code", None)
    if isinstance(details, dict) and code == "bad_input_file":
        return loader_message(details.get("code"), exc.message)
    if code == "permission_denied":
        return _(
            "You may not record this: the fact is about a country or organisation whose "
            "records you cannot create."
        )
    return exc.message
