"""The module navigation and the home-page figure registry.

A module's link goes to its own page once its app is installed (its URL name resolves);
until then it goes to a page that says the module is coming.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Module:
    key: str
    label: Promise
    url_name: str
    description: Promise


MODULES: tuple[Module, ...] = (
    Module("supply", _("Supply reduction"), "supply:dashboard",
           _("Seizures, cases, dismantled groups and laboratories, routes and concealment.")),
    Module("precursors", _("Precursors"), "precursors:home",
           _("Screening of trade declarations, pre-export notifications, incidents.")),
    Module("ews", _("Early warning"), "ews:home",
           _("New psychoactive substances: identification, legal status, alerts.")),
    Module("treatment", _("Treatment"), "treatment:home",
           _("Treatment demand (TDI), drug-related deaths and infectious diseases.")),
    Module("documents", _("Documents"), "documents:home",
           _("Press releases and reports read into facts, reviewed and recorded with their source.")),
    Module("knowledge", _("Knowledge"), "knowledge:home",
           _("Evidence-rated prevention and treatment programmes, services, documents.")),
    Module("exchange", _("Exchange"), "exchange:home",
           _("Events, experts, discussions and policy recommendations.")),
    Module("reports", _("Reports"), "reports:home",
           _("Country profiles, the regional overview and open data.")),
)


def module_url(module: Module) -> tuple[str, bool]:
    """(url, available) for a module."""
    try:
        return reverse(module.url_name), True
    except NoReverseMatch:
        return reverse("web:module_coming", args=[module.key]), False


HomeFigure = dict  # {"label": str, "value": int | str, "url": str | None}
_figure_providers: list[Callable[[object], list[HomeFigure]]] = []


def register_home_figures(provider: Callable[[object], list[HomeFigure]]) -> Callable:
    """Apps register a callable(user) -> figures shown on the home page, scoped to the user."""
    if provider not in _figure_providers:
        _figure_providers.append(provider)
    return provider


def home_figures(user) -> list[HomeFigure]:
    figures: list[HomeFigure] = []
    for provider in _figure_providers:
        figures.extend(provider(user))
    return figures
