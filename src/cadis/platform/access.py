"""Access tables: who gets which HTTP status from every page and every API operation.

Each app declares its table in ``<app>/access.py`` (found by convention next to its
``apps.py``) as two lists, ``PAGES`` and ``OPERATIONS``. An entry names one page (by its URL
name) or one API operation (``"METHOD /api/v1/path/{param}"``, as the OpenAPI document spells it)
and gives the exact status each of the ten personas receives, in the order of ``PERSONAS``::

    PAGES = [
        #                              anon own  oth  prov oprv foc  reg  adm  ro   rw
        page("supply:seizure_detail", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404),
             pk=Example("seizure")),
    ]

The personas are described relative to the example record: it belongs to an organisation of
the "owning" country, and its confidentiality is whatever the test world gives that example
(restricted unless the example says otherwise). ``tests/access/`` builds the example records,
asks every cell once, and fails on a page or operation that has no entry.

A path or URL parameter is either a literal (``code="KG"``) or an ``Example``: the test world's
example record of that name (its primary key, or the attribute given). API writes carry a
minimal valid ``body`` (JSON, or ``multipart`` with ``bytes`` values sent as files).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from django.apps import apps

#: The ten columns of every access table, in order.
PERSONAS: tuple[str, ...] = (
    "anonymous",  # not signed in, no token
    "analyst",  # analyst of the owning country
    "other_analyst",  # analyst of another country
    "provider",  # data provider of the owning organisation
    "other_provider",  # data provider of another organisation of the owning country
    "focal_point",  # focal point of the owning country
    "regional",  # regional analyst (an international organisation)
    "admin",  # administrator
    "read_token",  # read-only API token of the owning organisation's data provider
    "write_token",  # read-write API token of the same data provider
)

Statuses = tuple[int, int, int, int, int, int, int, int, int, int]


@dataclass(frozen=True)
class Example:
    """An example record of the test world, by name; the parameter takes its ``attr``."""

    name: str
    attr: str = "pk"


@dataclass(frozen=True)
class Entry:
    key: str  # the URL name of a page, or "METHOD /path" of an API operation
    statuses: Statuses
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    body: Mapping[str, Any] | None = None
    multipart: bool = False
    query: Mapping[str, str] = field(default_factory=dict)

    def expected(self) -> dict[str, int]:
        return dict(zip(PERSONAS, self.statuses, strict=True))


def page(url_name: str, statuses: Statuses, /, **kwargs: Any) -> Entry:
    """A page, asked with GET at ``reverse(url_name, kwargs=kwargs)``."""
    return Entry(url_name, statuses, kwargs)


def operation(
    key: str,
    statuses: Statuses,
    /,
    *,
    body: Mapping[str, Any] | None = None,
    multipart: bool = False,
    query: Mapping[str, str] | None = None,
    **kwargs: Any,
) -> Entry:
    """An API operation, ``"GET /api/v1/supply/seizures/{seizure_id}"``."""
    method, _, path = key.partition(" ")
    if method not in ("GET", "POST", "PUT", "PATCH", "DELETE") or not path.startswith("/"):
        raise ValueError(f"An operation is 'METHOD /path', not {key!r}.")
    return Entry(key, statuses, kwargs, body, multipart, query or {})


@dataclass(frozen=True)
class AccessTable:
    app: str  # the app's label
    module: str
    pages: tuple[Entry, ...]
    operations: tuple[Entry, ...]


def _table_module(app_name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"{app_name}.access")
    except ModuleNotFoundError as error:
        if error.name != f"{app_name}.access":
            raise
        return None


def access_tables() -> Iterator[AccessTable]:
    """The access table of every installed cadis app that has one (``<app>/access.py``)."""
    for config in apps.get_app_configs():
        if not config.name.startswith("cadis."):
            continue
        module = _table_module(config.name)
        if module is None:
            continue
        yield AccessTable(
            app=config.label,
            module=module.__name__,
            pages=tuple(getattr(module, "PAGES", ())),
            operations=tuple(getattr(module, "OPERATIONS", ())),
        )
