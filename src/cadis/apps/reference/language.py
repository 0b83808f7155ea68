"""Bilingual fields: pick the value in the active language, falling back to Russian, then English."""

from __future__ import annotations

from django.utils.translation import get_language


def in_active_language(obj, field: str) -> str:
    """``obj.<field>_<lang>`` for the active language, else ``_ru``, else ``_en``.

    >>> class Event: title_ru, title_en = "Конференция", "Conference"
    >>> in_active_language(Event(), "title")  # Russian is the default language
    'Конференция'
    """
    lang = (get_language() or "ru")[:2]
    return (
        getattr(obj, f"{field}_{lang}", "")
        or getattr(obj, f"{field}_ru")
        or getattr(obj, f"{field}_en")
    )
