"""``{% load countries %}`` … ``{{ code|country_name }}``, ``{{ codes|country_names }}``: countries a
template holds only by ISO code (keys of a stored JSON answer, a list of codes) shown by their
names in the reader's language.

A person reads names, not codes; codes stay in values, ids, URLs and downloads.
"""

from __future__ import annotations

from django import template

from cadis.apps.reference.models import Country

register = template.Library()


@register.filter
def country_name(code: str | None) -> str:
    code = code or ""
    return Country.objects.filter(code=code).names().get(code, code)


@register.filter
def country_names(codes) -> str:
    """``["KG", "KZ"]`` → "Кыргызстан, Казахстан" (in the given order; one query)."""
    codes = [code for code in (codes or ()) if code]
    names = Country.objects.filter(code__in=codes).names()
    return ", ".join(names.get(code, code) for code in codes)
