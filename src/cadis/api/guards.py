"""Input that no field of the API can hold is refused at the edge, before any view runs.

PostgreSQL text cannot contain NUL characters: a NUL in a query parameter or a body field would
otherwise reach the database and answer 500 (on SQLite it would be stored). Every request under
``/api/`` carrying one is answered with the documented 400 ``validation_error``.
"""

from __future__ import annotations

import re

from django.http import JsonResponse

from cadis.platform.errors import ErrorCode

_JSON_NUL = re.compile(rb"\\u0000", re.IGNORECASE)


def _has_nul(values) -> str | None:
    for key, items in values.lists():
        if "\x00" in key or any(isinstance(item, str) and "\x00" in item for item in items):
            return key.replace("\x00", "")
    return None


def _nul_field(request) -> str | None:
    field = _has_nul(request.GET)
    if field is not None:
        return field
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return None
    content_type = request.content_type or ""
    if content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        return _has_nul(request.POST)
    body = request.body
    if b"\x00" in body or _JSON_NUL.search(body):
        return "body"
    return None


class RejectNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            field = _nul_field(request)
            if field is not None:
                return JsonResponse(
                    {
                        "code": str(ErrorCode.VALIDATION_ERROR),
                        "message": "Text must not contain NUL characters.",
                        "details": {"field": field},
                    },
                    status=400,
                )
        return self.get_response(request)
