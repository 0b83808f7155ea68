"""Texts the system drafts for an alert, written in both languages of the interface.

A draft is written once, by whatever process runs the rules or the signal tests (a request in
English, a worker, ``cadis demo``), but read by focal points and analysts in Russian and in
English. The drafting function is therefore run twice: under the default language for the
alert's own fields, and under English for ``Alert.title_en`` and ``Alert.texts_en``
(``Alert.in_language`` picks the one to show).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.utils import translation

from cadis.apps.ews.models import DRAFTED_TEXTS


def in_both_languages(write: Callable[[], dict[str, str]]) -> dict[str, object]:
    """The fields ``write`` returns (``title`` and texts of ``DRAFTED_TEXTS``) in the default
    language, plus ``title_en`` and ``texts_en`` written by the same function in English.

    >>> from django.utils.translation import gettext as _
    >>> in_both_languages(lambda: {"title": _("Alerts"), "risk_type": "MDMB"})
    {'title': 'Оповещения', 'risk_type': 'MDMB', 'title_en': 'Alerts', 'texts_en': {}}
    """
    with translation.override(settings.LANGUAGE_CODE):
        texts = write()
    with translation.override("en"):
        english = write()
    unknown = set(texts) - {"title", *DRAFTED_TEXTS}
    if unknown:
        raise ValueError(f"not drafted texts of an alert: {sorted(unknown)}")
    return {
        **texts,
        "title_en": english["title"][:300],
        # Only what reads differently in English: a number or a name is the same in both.
        "texts_en": {
            field: value
            for field, value in english.items()
            if field != "title" and value and value != texts.get(field)
        },
    }
