"""Stable error codes for document loading and extraction."""

from __future__ import annotations

from enum import StrEnum


class ExtractErrorCode(StrEnum):
    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too_large"
    UNSUPPORTED_TYPE = "unsupported_type"
    UNDECODABLE = "undecodable"
    SCANNED_PDF = "scanned_pdf"
    BROKEN_FILE = "broken_file"
    NOT_FOUND = "not_found"


class ExtractError(ValueError):
    """A document that cannot be read; `code` is stable, `message` is plain English."""

    def __init__(self, code: ExtractErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
