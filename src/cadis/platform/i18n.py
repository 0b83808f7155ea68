"""Bilingual fields and stored text in its own language.

``in_active_language`` picks a bilingual field's value in the active language, falling back
to Russian, then English. ``language_to_mark`` names the language of a text that people or
documents wrote, so that a page can mark it as such (WCAG 3.1.2, language of parts).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from django import forms
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import SafeData, SafeString, mark_safe
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


# Letters only the region's alphabets have (Kazakh, Kyrgyz, Uzbek, Tajik, Turkmen): with one of
# them, a short Cyrillic or Latin text is the region's language, not Russian or English.
_REGIONAL_LETTERS = frozenset("әғқңөұүһіўҳҷӣӯäňöüşýžç")
# A text shorter than this many words is a name, a label or a heading: CLD2's guess among
# languages of one script is a coin toss there ("Бишкек" comes out Kyrgyz).
_SHORT_WORDS = 4
# Below this many letters, or with less of one script than two letters in three, nobody can
# tell ("Героин Heroin"); a Russian sentence naming a substance in Latin letters is Russian.
_MIN_LETTERS = 3
_CLEAR_SCRIPT = 2 / 3
_WORD = re.compile(r"[^\W\d_]+")


def language_of_text(text: str) -> str:
    """The language a stored text is written in, or "" when it cannot be told.

    A text that people or documents wrote (a post, a quoted sentence, a note) is shown as it
    was written. The language-identification engine of extraction names its language (ru, en,
    or one of the region's: kk, ky, uz, tg, tk); a short text the engine is unsure of falls
    back to its script, and a text too short or too mixed to tell ("KG", "12,5 kg", "2024")
    gets "".

    >>> language_of_text("Smoking mixtures: what works in prevention?")
    'en'
    >>> language_of_text("Бишкек"), language_of_text("Алматы облысында 5 келі есірткі тәркіленді")
    ('ru', 'kk')
    >>> language_of_text("KG"), language_of_text("12 345"), language_of_text("0,015 кг")
    ('', '', 'ru')
    """
    return _language_of_text(text.strip())


@lru_cache(maxsize=4096)
def _language_of_text(text: str) -> str:
    # Codes and acronyms (KG, МВД, HPLC) are no language's words: they neither make a text
    # English or Russian nor count towards its script.
    words = [word for word in _WORD.findall(text) if not (word.isupper() and len(word) > 1)]
    letters = "".join(words)
    if len(letters) < _MIN_LETTERS:
        # A unit or a word of one or two lower-case letters as written ("кг", "t") is in its
        # script's language; anything less certain is left unmarked.
        scripts = {_script_of(char) for char in letters}
        return scripts.pop() if len(scripts) == 1 and not letters.isupper() else ""
    # Imported here: the extraction engine (and its gazetteer) loads only when a page asks.
    from cadis.engines.extract.language import REGIONAL, detect

    guess = detect(text)
    short = len(words) < _SHORT_WORDS
    regional_letter = any(char in _REGIONAL_LETTERS for char in letters.lower())
    unsure = guess.source == "script" or (
        short and guess.language in REGIONAL and not regional_letter
    )
    if not unsure:
        return guess.language
    script = language_of_script(letters)
    own = sum(1 for char in letters if _script_of(char) == script)
    return script if own >= _CLEAR_SCRIPT * len(letters) else ""


def _script_of(char: str) -> str:
    name = unicodedata.name(char, "")
    return "ru" if name.startswith("CYRILLIC") else "en" if name.startswith("LATIN") else ""


# Languages a part of a page can be marked with: those the engine names.
MARKABLE = frozenset({"ru", "en", "kk", "ky", "uz", "tg", "tk"})


def language_to_mark(text: str, known: str = "") -> str:
    """The ``lang`` to give a stored text on the current page, or "" to leave it unmarked.

    ``known`` is the language the record says the text is in (a document's detected
    language); without it the text's own letters and words decide (``language_of_text``).
    Only a language other than the page's is marked, so interface strings and text in the
    reader's language are left alone (WCAG 3.1.2, language of parts).

    >>> from django.utils import translation
    >>> with translation.override("ru"):
    ...     language_to_mark("Synthetic release"), language_to_mark("Изъято 5 кг героина")
    ('en', '')
    """
    if known:
        language = known if known in MARKABLE else ""
    else:
        language = language_of_text(text)
    return language if language and language != page_language() else ""


def in_its_language(text: object, known: str = "") -> SafeString:
    """``text`` escaped, inside ``<span lang="…">`` when it is in another language than the page.

    Text already safe (the output of ``linebreaksbr``, which escapes first) is kept as it is;
    its tags are not read as words. This is the ``in_its_language`` template filter
    (``cadis_text``), for views and forms that build such text in Python.

    >>> from django.utils import translation
    >>> with translation.override("ru"):
    ...     in_its_language("Police <b>seized</b> heroin")
    '<span lang="en">Police &lt;b&gt;seized&lt;/b&gt; heroin</span>'
    """
    if text is None or text == "":
        return mark_safe("")
    if isinstance(text, SafeData):
        html = mark_safe(str(text))
        # Tags the text already carries (<br>) are no words; a space keeps the words apart.
        plain = strip_tags(html.replace("<", " <"))
    else:
        plain = str(text)
        html = conditional_escape(plain)
    language = language_to_mark(plain, known)
    if language:
        return format_html('<span lang="{}">{}</span>', language, html)
    return mark_safe(html)


def mark_inputs(form: Any, names: Iterable[str], known: str = "") -> None:
    """Give the inputs ``names`` of ``form`` the ``lang`` of the text they hold (a quoted
    sentence to edit), when it is another language than the page's; ``known`` as above."""
    for name in names:
        if name in form.fields:
            language = language_to_mark(str(form[name].value() or ""), known)
            if language:
                form.fields[name].widget.attrs["lang"] = language


class SelectInTheirLanguage(forms.Select):
    """A choice of records whose labels are stored text (documents' titles, cases' operation
    names): each option has the ``lang`` of its label when that is another language than the
    page's. The record's ``language`` field, when it has one, names the language; otherwise
    the label's letters and words decide."""

    def create_option(
        self,
        name: str,
        value: Any,
        label: Any,
        selected: Any,
        index: int,
        subindex: int | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(
            name, value, label, selected, index, subindex=subindex, attrs=attrs
        )
        record = getattr(value, "instance", None)
        language = language_to_mark(str(label), str(getattr(record, "language", "") or ""))
        if language:
            option["attrs"] = {**option["attrs"], "lang": language}
        return option


class SelectMultipleInTheirLanguage(SelectInTheirLanguage, forms.SelectMultiple):
    """``SelectInTheirLanguage`` for a choice of several records."""


def page_language() -> str:
    """The two-letter code of the language the page is rendered in ("ru" by default)."""
    return (get_language() or "ru")[:2]
