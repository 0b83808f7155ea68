"""Page helpers every module uses: how a domain error is shown, the error middleware and the
scoped list (filter, page, export).

Errors. A service raises ``cadis.platform.errors.CadisError``; a view shows it to the user or lets
it through. To show it, the view wraps the service call in one of the context managers below
rather than a ``try``/``except`` of its own: they catch the domain error, show it the one way
and leave an ``Outcome`` for the view's flow
(``if outcome.ok: messages.success(...); return redirect(...)``):

- ``shown_on(form)``: on the form, next to the field it concerns (``error_field`` is the one rule:
  the field ``exc.details["field"]`` names, else the form's ``file`` field for a bad file, else
  the field the view names, else above the form);
- ``shown_as_message(request)``: as an error message on the next page (a POST that redirects);
- ``caught()``: kept in the outcome only, for a view whose answer is neither (a paragraph, a
  redirect of its own).

The first two take ``message=`` (a module's own wording of an error, such as extraction's loader
codes turned into sentences; the default is ``exc.message``); all three take ``catch=`` (the
classes caught, all domain errors by default) and ``propagate=`` (classes let through even so,
such as a ``PermissionDenied`` that must give the 403 page rather than a message on a page the
user may not change). Anything else, and any exception that is not a ``CadisError``, goes on.

``CadisErrorMiddleware`` turns what comes through into the page for its status, in the active
language: ``NotFound`` -> 404, ``PermissionDenied`` -> 403, ``NotAuthenticated`` -> the sign-in
page, the rest (validation, conflict, bad file) -> 400/409/429 with the error's message. The pages
are the project's ``400.html``, ``403.html`` and ``404.html`` templates (the web shell provides
them; Django's own 403/404 use them too).

Lists. ``scoped_list`` renders a page of an already scoped queryset or, with ``?format=csv`` or
``xlsx``, the whole of it through the module's table writer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from cadis.platform.errors import CadisError, ErrorCode

# --- showing a domain error ------------------------------------------------------------------

ErrorClasses = type[CadisError] | tuple[type[CadisError], ...]
MessageOf = Callable[[CadisError], str]


@dataclass
class Outcome:
    """What became of the block: ``error`` is the domain error it was stopped by, if any."""

    error: CadisError | None = None

    @property
    def ok(self) -> bool:
        """True when the block ran to its end (nothing was shown, the view carries on)."""
        return self.error is None


def error_text(exc: CadisError) -> str:
    """The default wording of a domain error: the service's own message."""
    return exc.message


def error_field(form: forms.BaseForm, exc: CadisError, fallback: str | None = None) -> str | None:
    """The field of ``form`` an error belongs to; None shows it above the form.

    One rule for every form, so that a service naming the field it refuses is heard the same way
    everywhere: the field ``exc.details["field"]`` names when the form has it; else, for a file
    that cannot be read, the form's ``file`` field; else ``fallback``, the input the view knows
    the service reads (a structure box, an upload); else None. A name the form lacks (a service
    speaks of its own parameters, not of a page's fields) falls through rather than failing.
    """
    details = exc.details if isinstance(exc.details, dict) else {}
    named = details.get("field")
    if isinstance(named, str) and named in form.fields:
        return named
    if exc.code == ErrorCode.BAD_INPUT_FILE and "file" in form.fields:
        return "file"
    return fallback


@contextmanager
def caught(
    *,
    show: Callable[[CadisError], None] | None = None,
    catch: ErrorClasses = CadisError,
    propagate: ErrorClasses = (),
) -> Iterator[Outcome]:
    """Catch a domain error of the block into the outcome (and ``show`` it); the others go on.

    The base of ``shown_on`` and ``shown_as_message``; alone, for a view that answers an error in
    its own way from ``outcome.error``. ``propagate`` wins over ``catch``, so that one subclass
    can still reach the error middleware (or an ``except`` around the block). An exception that
    is not a ``CadisError`` is never caught: a bug stays a 500, not a message.
    """
    outcome = Outcome()
    try:
        yield outcome
    except CadisError as exc:
        if not isinstance(exc, catch) or isinstance(exc, propagate):
            raise
        outcome.error = exc
        if show is not None:
            show(exc)


def shown_on(
    form: forms.BaseForm,
    *,
    field: str | None = None,
    message: MessageOf | None = None,
    catch: ErrorClasses = CadisError,
    propagate: ErrorClasses = (),
) -> AbstractContextManager[Outcome]:
    """A domain error of the block becomes an error of ``form`` (where: ``error_field``).

    The page is rendered again with the form and the user's input, the error where it belongs;
    ``field`` is the fallback field of ``error_field``, ``message`` the module's wording.
    """
    text = message or error_text

    def show(exc: CadisError) -> None:
        form.add_error(error_field(form, exc, field), text(exc))

    return caught(show=show, catch=catch, propagate=propagate)


def shown_as_message(
    request: HttpRequest,
    *,
    message: MessageOf | None = None,
    catch: ErrorClasses = CadisError,
    propagate: ErrorClasses = (),
) -> AbstractContextManager[Outcome]:
    """A domain error of the block becomes an error message (``django.contrib.messages``).

    For an action without a form to show again (a button that posts and redirects): the message
    waits for the page the view redirects to.
    """
    text = message or error_text

    def show(exc: CadisError) -> None:
        messages.error(request, text(exc))

    return caught(show=show, catch=catch, propagate=propagate)


# --- the error page -------------------------------------------------------------------------

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
