"""``{% load cadis_text %}`` … ``{{ statistic.source_text|truncatechars:80|as_written }}``.

Text shown as it was written or recorded (a sentence quoted from a document, an audit entry's
name of its object) is in the language of its source, not of the page: it is marked with that
language (``<span lang="ru">``), so that screen readers read it right (WCAG 3.1.2, language of
parts) and it is not taken for an untranslated label.
"""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language

from cadis.platform.i18n import language_of_script

register = template.Library()


@register.filter
def as_written(text) -> str:
    text = "" if text is None else str(text)
    language = language_of_script(text)
    if language and language != (get_language() or "ru")[:2]:
        return format_html('<span lang="{}">{}</span>', language, text)
    return conditional_escape(text)
