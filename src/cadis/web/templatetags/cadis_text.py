"""``{% load cadis_text %}`` … ``{{ statistic.source_text|truncatechars:80|as_written }}``.

Text shown as it was written or recorded (a sentence quoted from a document, an audit entry's
name of its object) is in the language of its source, not of the page: it is marked with that
language (``<span lang="ru">``), so that screen readers read it right (WCAG 3.1.2, language of
parts) and it is not taken for an untranslated label.
"""

from __future__ import annotations

from django import template

from cadis.platform.i18n import marked_with_language

register = template.Library()


@register.filter
def as_written(text) -> str:
    return marked_with_language("" if text is None else str(text))
