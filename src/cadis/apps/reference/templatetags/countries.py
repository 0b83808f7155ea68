"""``{% load countries %}`` … ``{{ code|country_name }}``: a country a template holds only by its
ISO code (a key of a stored JSON answer) shown by its name in the reader's language.

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
