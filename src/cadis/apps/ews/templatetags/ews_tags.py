from __future__ import annotations

from django import template

from cadis.apps.ews.choices import Category

register = template.Library()
_LABELS = dict(Category.choices)


@register.filter
def category_label(code: str | None) -> str:
    """The translated name of an NPS category code (the code itself when unknown)."""
    return str(_LABELS.get(code or "", code or "—"))


@register.filter
def explanation(result: dict) -> str:
    """Why the substance got its category and status, in the reader's language."""
    from cadis.apps.ews.identify import explanation_text

    return explanation_text(result or {})


@register.simple_tag(takes_context=True)
def ews_unread(context) -> int:
    """Unread in-app alert notifications of the signed-in user."""
    from cadis.apps.ews.selectors import unread_count

    request = context.get("request")
    return unread_count(request.user) if request is not None else 0
