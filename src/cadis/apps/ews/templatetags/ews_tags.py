from __future__ import annotations

from django import template

from cadis.apps.ews.choices import Category

register = template.Library()
_LABELS = dict(Category.choices)


@register.filter
def category_label(code: str | None) -> str:
    """The translated name of an NPS category code (the code itself when unknown)."""
    return str(_LABELS.get(code or "", code or "—"))
