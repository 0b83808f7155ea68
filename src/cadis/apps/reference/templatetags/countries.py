"""``{% load countries %}`` … ``{{ code|country_name }}``, ``{{ codes|country_names }}``: countries a
template holds only by ISO code (keys of a stored JSON answer, a list of codes) shown by their
names in the reader's language.

A person reads names, not codes; codes stay in values, ids, URLs and downloads. The names of
every country are read once per language and kept until a country is saved or deleted, so a
list that names a country on each of its rows asks no query per row.
"""

from __future__ import annotations

from django import template
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from cadis.apps.reference.models import Country

register = template.Library()

_NAMES: dict[str, dict[str, str]] = {}  # language -> {ISO code: name}


def _names(codes=()) -> dict[str, str]:
    """Every country's name in the active language; read again when one of ``codes`` is
    missing (reference data loaded in bulk since, which sends no signal)."""
    language = translation.get_language() or ""
    names = _NAMES.get(language)
    if names is None or any(code not in names for code in codes):
        names = _NAMES[language] = Country.objects.names()
    return names


def _forget(**_kwargs) -> None:
    _NAMES.clear()


post_save.connect(_forget, sender=Country, dispatch_uid="countries-names-saved")
post_delete.connect(_forget, sender=Country, dispatch_uid="countries-names-deleted")


@register.filter
def country_name(code: str | None) -> str:
    code = code or ""
    return _names((code,)).get(code, code)


@register.filter
def country_names(codes) -> str:
    """``["KG", "KZ"]`` → "Кыргызстан, Казахстан" (in the given order)."""
    codes = [code for code in (codes or ()) if code]
    names = _names(codes)
    return ", ".join(names.get(code, code) for code in codes)
