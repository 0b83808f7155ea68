"""One error body for the whole API: ``{"code", "message", "details"}`` with stable codes."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from cadis.platform.errors import CadisError, ErrorCode

logger = logging.getLogger(__name__)


def _body(api: NinjaAPI, request, status: int, code: ErrorCode, message: str, details=None):
    return api.create_response(request, {"code": str(code), "message": message, "details": details}, status=status)


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(CadisError)
    def cadis_error(request, exc: CadisError):
        return _body(api, request, exc.status, exc.code, exc.message, exc.details)

    @api.exception_handler(NinjaValidationError)
    def validation_error(request, exc: NinjaValidationError):
        return _body(api, request, 400, ErrorCode.VALIDATION_ERROR, "The request is not valid.", exc.errors)

    @api.exception_handler(AuthenticationError)
    def authentication_error(request, exc):
        return _body(api, request, 401, ErrorCode.NOT_AUTHENTICATED,
                     "Authentication is required or the token is not valid for this request.")

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return _body(api, request, 404, ErrorCode.NOT_FOUND, "Not found.")

    @api.exception_handler(DjangoPermissionDenied)
    def permission_denied(request, exc):
        return _body(api, request, 403, ErrorCode.PERMISSION_DENIED, "You may not do this.")

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        code = {400: ErrorCode.VALIDATION_ERROR, 401: ErrorCode.NOT_AUTHENTICATED, 403: ErrorCode.PERMISSION_DENIED,
                404: ErrorCode.NOT_FOUND, 409: ErrorCode.CONFLICT, 429: ErrorCode.RATE_LIMITED}.get(
            exc.status_code, ErrorCode.INTERNAL_ERROR)
        return _body(api, request, exc.status_code, code, str(exc))

    @api.exception_handler(Exception)
    def unexpected(request, exc):
        logger.exception("unhandled API error")
        return _body(api, request, 500, ErrorCode.INTERNAL_ERROR, "An internal error occurred; it has been logged.")
