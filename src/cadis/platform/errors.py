"""The project's exception hierarchy; the API and the views map it to HTTP answers."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    NOT_AUTHENTICATED = "not_authenticated"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    VALIDATION_ERROR = "validation_error"
    CONFLICT = "conflict"
    RATE_LIMITED = "rate_limited"
    BAD_INPUT_FILE = "bad_input_file"
    INTERNAL_ERROR = "internal_error"


class CadisError(Exception):
    code: ErrorCode = ErrorCode.INTERNAL_ERROR
    status: int = 500

    def __init__(self, message: str, *, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotAuthenticated(CadisError):
    code, status = ErrorCode.NOT_AUTHENTICATED, 401


class PermissionDenied(CadisError):
    code, status = ErrorCode.PERMISSION_DENIED, 403


class NotFound(CadisError):
    code, status = ErrorCode.NOT_FOUND, 404


class ValidationError(CadisError):
    code, status = ErrorCode.VALIDATION_ERROR, 400


class Conflict(CadisError):
    code, status = ErrorCode.CONFLICT, 409


class RateLimited(CadisError):
    code, status = ErrorCode.RATE_LIMITED, 429


class BadInputFile(CadisError):
    code, status = ErrorCode.BAD_INPUT_FILE, 400
