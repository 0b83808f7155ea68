"""Page helpers every module uses: the error middleware and the scoped list (filter, page, export).

Errors. A service raises ``cadis.platform.errors.CadisError``; a view lets it through unless a
form shows it to the user. ``CadisErrorMiddleware`` turns what comes through into the page for
its status, in the active language: ``NotFound`` -> 404, ``PermissionDenied`` -> 403,
``NotAuthenticated`` -> the sign-in page, the rest (validation, conflict, bad file) -> 400/409/429
with the error's message. The pages are the project's ``400.html``, ``403.html`` and ``404.html``
templates (the web shell provides them; Django's own 403/404 use them too).

Lists. ``scoped_list`` renders a page of an already scoped queryset or, with ``?format=csv`` or
``xlsx``, the whole of it through the module's table writer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from cadis.platform.errors import CadisError, ErrorCode

ERROR_TEMPLATES = {404: "404.html", 403: "403.html"}


def error_title(status: int) -> str:
    titles = {
        400: gettext("This request cannot be carried out"),
        403: gettext("You may not do this"),
        404: gettext("Not found"),
        409: gettext("This conflicts with the current state"),
        429: gettext("Too many attempts"),
    }
    return titles.get(status, titles[400])


class CadisErrorMiddleware:
    """Maps a ``CadisError`` that leaves a view to the page for its status."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, CadisError):
            return None
        if exception.code == ErrorCode.NOT_AUTHENTICATED:
            return redirect_to_login(request.get_full_path())
        status = exception.status if exception.status in (400, 403, 404, 409, 429) else 400
        context = {
            "title": error_title(status),
            "message": exception.message,
            "code": str(exception.code),
        }
        return render(request, ERROR_TEMPLATES.get(status, "400.html"), context, status=status)


# --- lists -----------------------------------------------------------------------------------


def page_of(request: HttpRequest, items: Any, per_page: int = 50) -> Page[Any]:
    """The page of ``items`` the request asks for (``?page=``); out-of-range pages give the last."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


Writer = Callable[[str, str, list[str], Iterable[Sequence[Any]]], HttpResponse]


@dataclass(frozen=True)
class TableExport:
    """How a list downloads: the file's name, its columns (header, value of a row) and the writer."""

    name: str
    columns: Sequence[tuple[str, Callable[[Any], Any]]]
    writer: Writer
    formats: tuple[str, ...] = ("csv", "xlsx")
    chunk_size: int = 2000

    def response(self, fmt: str, queryset: QuerySet[Any]) -> HttpResponse:
        headers = [header for header, _value in self.columns]
        rows = (
            [value(obj) for _header, value in self.columns]
            for obj in queryset.iterator(chunk_size=self.chunk_size)
        )
        return self.writer(fmt, self.name, headers, rows)


def scoped_list(
    request: HttpRequest,
    queryset: QuerySet[Any],
    *,
    template: str,
    context: Mapping[str, Any] | None = None,
    per_page: int = 50,
    export: TableExport | None = None,
) -> HttpResponse:
    """A list page over ``queryset`` (already scoped and filtered by the module's selector).

    ``?format=csv|xlsx`` downloads all of it when the list has an ``export``; the page context
    gets ``page`` (a Django ``Page``) besides ``context``.
    """
    fmt = request.GET.get("format")
    if export is not None and fmt in export.formats:
        return export.response(fmt, queryset)
    return render(
        request, template, {**(context or {}), "page": page_of(request, queryset, per_page)}
    )
