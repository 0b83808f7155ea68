"""The module registry: every app says what it brings in its ``AppConfig``; the house reads it here.

A module is an app under ``cadis/apps/`` whose config is a ``CadisAppConfig`` with a
``url_prefix``. Settings install it (``discover_modules``), ``config/urls.py`` mounts its URLs,
``cadis.api`` mounts its router, ``cadis.web`` shows its navigation entry and home figures, and
the extraction module finds the receiver of each fact kind: all from these attributes, so adding
a module touches one registration (its ``apps.py``)::

    class SupplyConfig(CadisAppConfig):
        name = "cadis.apps.supply"
        label = "supply"
        order = 30
        url_prefix = "supply/"
        nav_label = _("Supply reduction")
        nav_url_name = "supply:dashboard"
        nav_order = 10
        home_figures = "cadis.apps.supply.figures.supply_figures"
        api_router = "cadis.apps.supply.api.router"
        fact_sinks = {"seizure": "cadis.apps.supply.facts.seizure_sink"}
        pages = {"supply:dashboard": EVERYONE, "supply:import_upload": WRITERS}
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from django.apps import AppConfig, apps
from django.utils.module_loading import import_string

from cadis.platform.roles import Role

# Who may use a page: roles, plus "anonymous" for visitors who are not signed in.
ANONYMOUS = "anonymous"
Audience = frozenset[str]
EVERYONE: Audience = frozenset({ANONYMOUS, *Role.values})
SIGNED_IN: Audience = frozenset(Role.values)
WRITERS: Audience = frozenset({Role.ADMINISTRATOR, Role.FOCAL_POINT, Role.DATA_PROVIDER})
FOCAL_POINTS: Audience = frozenset({Role.ADMINISTRATOR, Role.FOCAL_POINT})
REGIONAL_EDITORS: Audience = frozenset(
    {Role.ADMINISTRATOR, Role.FOCAL_POINT, Role.REGIONAL_ANALYST}
)

HomeFigure = dict[str, Any]  # {"label": str, "value": int | str, "url": str | None}
# What waits for a signed-in user: {"label": str, "count": int, "url": str}.
WaitingItem = dict[str, Any]
# A home-page panel: {"kind": "chart", "chart": <web/chart.html dict>} or
# {"kind": "list", "title": str, "items": [{"title", "url", "date"}], "more_url": str}.
HomePanel = dict[str, Any]


class CadisAppConfig(AppConfig):
    """An app's registration. Every attribute is optional; a module sets ``url_prefix``."""

    # Django picks an app's config automatically when its apps.py holds exactly one AppConfig
    # subclass with ``default`` true; this base, imported there, must not count as a second one,
    # while every subclass is its app's default again.
    default = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.default = bool(cls.__dict__.get("default", True))

    #: Installation order (INSTALLED_APPS, demo data): a module comes after those it builds on.
    order: int = 100
    #: Where its pages live, e.g. ``"supply/"`` (its ``urls.py`` is mounted there).
    url_prefix: str | None = None
    #: Its entry in the top navigation (none when ``nav_label`` is None).
    nav_label: Any = None
    nav_url_name: str | None = None
    nav_description: Any = None
    nav_order: int = 100
    #: Dotted path of ``callable(user) -> list[HomeFigure]``, figures for the home page.
    home_figures: str | None = None
    #: Dotted path of ``callable(user) -> list[WaitingItem]``: work waiting for a signed-in
    #: user (facts to review, notifications to answer …); the home page lists those counted.
    home_waiting: str | None = None
    #: Dotted path of ``callable(user) -> list[HomePanel]``: overview panels of the home page
    #: (a map, a trend, the latest alerts), shown in the modules' navigation order.
    home_panels: str | None = None
    #: Model (``"seizure"``) -> URL name of its detail page taking ``pk`` (the audit log links there).
    detail_pages: Mapping[str, str] = {}
    #: Dotted path of a django-ninja ``Router``, mounted at ``/api/v1/<label>/``.
    api_router: str | None = None
    #: Fact kind -> dotted path of ``callable(*, actor, fact, values) -> record``: the module
    #: turns accepted facts of that kind into its own records.
    fact_sinks: Mapping[str, str] = {}
    #: URL name -> who may use the page (``EVERYONE``, ``SIGNED_IN``, ``WRITERS``, ...).
    pages: Mapping[str, Audience] = {}

    @property
    def is_module(self) -> bool:
        return self.url_prefix is not None


def discover_modules(apps_dir: Path, package: str = "cadis.apps") -> list[str]:
    """The module apps under ``apps_dir`` (by their ``apps.py``), in installation order.

    Settings call this before Django is set up, so it only imports the ``apps.py`` files.
    """
    found: list[tuple[int, str]] = []
    for child in sorted(apps_dir.iterdir()):
        if not (child / "apps.py").is_file():
            continue
        config_module = importlib.import_module(f"{package}.{child.name}.apps")
        for _name, cls in inspect.getmembers(config_module, inspect.isclass):
            if (
                issubclass(cls, CadisAppConfig)
                and cls is not CadisAppConfig
                and cls.__module__ == config_module.__name__
                and cls.url_prefix is not None
            ):
                found.append((cls.order, cls.name))
    return [name for _order, name in sorted(found)]


def app_configs() -> list[CadisAppConfig]:
    """Every installed app that registers something, in installation order."""
    return [c for c in apps.get_app_configs() if isinstance(c, CadisAppConfig)]


def modules() -> list[CadisAppConfig]:
    return [c for c in app_configs() if c.is_module]


def navigation() -> list[CadisAppConfig]:
    """The modules with a navigation entry, in navigation order."""
    return sorted((c for c in modules() if c.nav_label is not None), key=lambda c: c.nav_order)


def module(label: str) -> CadisAppConfig | None:
    return next((c for c in modules() if c.label == label), None)


def home_figures(user: Any) -> list[HomeFigure]:
    """Every app's home figures for this user (each provider scopes its own)."""
    figures: list[HomeFigure] = []
    for config in app_configs():
        if config.home_figures:
            provider: Callable[[Any], list[HomeFigure]] = import_string(config.home_figures)
            figures.extend(provider(user))
    return figures


def waiting_for(user: Any) -> list[WaitingItem]:
    """What waits for this user in every module, only the items with a count (none for visitors)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    items: list[WaitingItem] = []
    for config in app_configs():
        if config.home_waiting:
            provider: Callable[[Any], list[WaitingItem]] = import_string(config.home_waiting)
            items.extend(item for item in provider(user) if item.get("count"))
    return items


def home_panels(user: Any) -> list[HomePanel]:
    """Every module's overview panels for this user, in navigation order."""
    panels: list[HomePanel] = []
    for config in sorted(app_configs(), key=lambda c: c.nav_order):
        if config.home_panels:
            provider: Callable[[Any], list[HomePanel]] = import_string(config.home_panels)
            panels.extend(provider(user))
    return panels


def detail_page(object_type: str) -> str | None:
    """The URL name of the detail page of ``"<app label>.<model>"`` records, if a module has one."""
    label, _dot, model = object_type.partition(".")
    for config in app_configs():
        if config.label == label:
            return config.detail_pages.get(model)
    return None


def api_routers() -> list[tuple[str, Any]]:
    """``(label, router)`` of every app with an API."""
    return [(c.label, import_string(c.api_router)) for c in app_configs() if c.api_router]


def fact_sink(kind: str) -> Callable[..., Any] | None:
    """The receiver an installed module registered for accepted facts of ``kind``."""
    for config in app_configs():
        if kind in config.fact_sinks:
            sink: Callable[..., Any] = import_string(config.fact_sinks[kind])
            return sink
    return None


def fact_kinds_received() -> set[str]:
    return {kind for config in app_configs() for kind in config.fact_sinks}


def audience_of(user: Any) -> str:
    """The word ``pages`` use for this user: ``"anonymous"`` or the user's role."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    if getattr(user, "is_superuser", False):
        return str(Role.ADMINISTRATOR)
    return str(user.role)


def page_audience(url_name: str) -> Audience | None:
    """Who may use the page with this URL name, as its module declared it (None: undeclared)."""
    for config in app_configs():
        if url_name in config.pages:
            return config.pages[url_name]
    return None


def may_use(user: Any, url_name: str) -> bool:
    """May this user use the page? Undeclared pages are not restricted here."""
    audience = page_audience(url_name)
    return audience is None or audience_of(user) in audience
