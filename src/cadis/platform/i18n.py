"""Bilingual fields: pick the value in the active language, falling back to Russian, then English."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language


def in_active_language(obj: Any, field: str) -> str:
    """``obj.<field>_<lang>`` for the active language, else ``_ru``, else ``_en``.

    >>> class Event: title_ru, title_en = "Конференция", "Conference"
    >>> in_active_language(Event(), "title")  # Russian is the default language
    'Конференция'
    """
    lang = (get_language() or "ru")[:2]
    return str(
        getattr(obj, f"{field}_{lang}", "")
        or getattr(obj, f"{field}_ru")
        or getattr(obj, f"{field}_en")
    )


def language_of_script(text: str) -> str:
    """"ru" for a text mostly in Cyrillic letters, "en" for one mostly in Latin, else "".

    The interface's two languages have two scripts, so a text recorded or quoted as it was
    written (a document's sentence, an audit entry) can be marked with its language.

    >>> language_of_script("За 9 месяцев 2024 года СБНОН изъял"), language_of_script("EUDA 2024")
    ('ru', 'en')
    """
    cyrillic = latin = 0
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            cyrillic += name.startswith("CYRILLIC")
            latin += name.startswith("LATIN")
    if not cyrillic and not latin:
        return ""
    return "ru" if cyrillic >= latin else "en"


def marked_with_language(html: str, plain: str | None = None) -> SafeString:
    """``html`` (escaped unless it is safe already) in a ``<span lang>`` of the language of
    ``plain`` (the same text without markup; ``html`` itself when not given) when that is not
    the page's language: text kept as it was written, not an untranslated label.

    >>> from django.utils.translation import override
    >>> with override("en"):
    ...     marked_with_language("Ацетон технический")
    '<span lang="ru">Ацетон технический</span>'
    """
    language = language_of_script(html if plain is None else plain)
    if language and language != (get_language() or "ru")[:2]:
        return format_html('<span lang="{}">{}</span>', language, html)
    return conditional_escape(html)
