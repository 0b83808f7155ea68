"""Stored text (a post, a quoted sentence, a note) is shown in its own language and marked so.

The ``in_its_language`` filter (``cadis_text``) wraps text in another language than the page's
in ``<span lang="…">`` (WCAG 3.1.2, language of parts); the language comes from the record
when it knows it, else from the extraction engine's language identification, and a text whose
language cannot be told is left unmarked.
"""

from __future__ import annotations

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from cadis.platform.i18n import (
    SelectMultipleInTheirLanguage,
    in_its_language,
    language_of_script,
    language_of_text,
    language_to_mark,
)

RENDER = Template("{% load cadis_text %}{{ text|in_its_language }}")
KNOWN = Template("{% load cadis_text %}{{ text|in_its_language:language }}")
LINES = Template("{% load cadis_text %}{{ text|linebreaksbr|in_its_language }}")


def render(template: Template, page: str, **context) -> str:
    with translation.override(page):
        return template.render(Context(context))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("За 9 месяцев 2024 года сотрудниками СБНОН МВД изъято", "ru"),
        ("Customs officers stop heroin at the southern border", "en"),
        ("Алматы облысында 5 келі есірткі тәркіленді", "kk"),
        ("Toshkent shahrida 5 kg geroin musodara qilindi", "uz"),
        ("MDMB-4en-PINACA: первое выявление", "ru"),
        # Short texts the engine is unsure of go by their script ("Бишкек" is no Kyrgyz text).
        ("Бишкек", "ru"),
        ("Heroin", "en"),
        ("DEMO-KZ-001 Мак", "ru"),
        # A Russian title naming a substance in Latin letters is Russian.
        ("unknown cathinone: Первое выявление в стране (Кыргызстан)", "ru"),
        ("2024-10-12 гашиша 38,5 kg", "ru"),
    ],
)
def test_the_language_of_a_text_is_named(text, language):
    assert language_of_text(text) == language


@pytest.mark.parametrize(
    "text", ["KG", "12 345 — 2024", "EUDA 2024", "HPLC", "", "Героин Heroin"]
)
def test_a_text_whose_language_cannot_be_told_is_not_named(text):
    assert language_of_text(text) == ""


def test_a_unit_as_written_is_in_its_scripts_language():
    """A quantity as a source wrote it ("0,015 кг") keeps its unit's language on a page in
    the other one; an upper-case code ("KG") is no language's word."""
    assert language_of_text("12,5 kg") == "en" and language_of_text("0,015 кг") == "ru"
    assert render(RENDER, "ru", text="12,5 kg") == '<span lang="en">12,5 kg</span>'
    assert render(RENDER, "en", text="12,5 kg") == "12,5 kg"


def test_the_script_alone_still_tells_cyrillic_from_latin():
    assert language_of_script("Synthetic demo figure for 2024") == "en"
    assert language_of_script("12 345 — 2024") == ""


def test_an_english_text_on_a_russian_page_is_marked_english_and_escaped():
    html = render(RENDER, "ru", text="Police <b>seized</b> heroin at the border & more")
    assert html == (
        '<span lang="en">Police &lt;b&gt;seized&lt;/b&gt; heroin at the border &amp; more</span>'
    )


def test_a_russian_quote_on_an_english_page_is_marked_russian_and_escaped():
    html = render(RENDER, "en", text="МВД Кыргызской Республики <изъяло>")
    assert html == '<span lang="ru">МВД Кыргызской Республики &lt;изъяло&gt;</span>'


def test_text_in_the_language_of_the_page_is_left_as_it_is_but_escaped():
    assert render(RENDER, "ru", text="Героин <опт>") == "Героин &lt;опт&gt;"
    assert render(RENDER, "en", text="Heroin <wholesale>") == "Heroin &lt;wholesale&gt;"
    assert render(RENDER, "ru", text=None) == ""


def test_a_short_or_ambiguous_text_is_not_marked():
    for text in ("KG", "2024", "Героин Heroin"):
        assert render(RENDER, "ru", text=text) == text.replace("&", "&amp;")
        assert render(RENDER, "en", text=text) == text


def test_a_script_tag_stays_escaped_whatever_its_language():
    html = render(RENDER, "ru", text="<script>alert('drugs seized')</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_lines_are_kept_and_their_tags_are_not_read_as_words():
    html = render(LINES, "ru", text="Which school programmes work?\n<i>Any</i> experience")
    assert html == (
        '<span lang="en">Which school programmes work?<br>&lt;i&gt;Any&lt;/i&gt; experience</span>'
    )


def test_the_language_the_record_knows_wins_and_other_is_not_marked():
    assert (
        render(KNOWN, "ru", text="Изъято 5 кг", language="kk")
        == '<span lang="kk">Изъято 5 кг</span>'
    )
    assert render(KNOWN, "ru", text="Police seized", language="ru") == "Police seized"
    assert render(KNOWN, "ru", text="Polizei", language="other") == "Polizei"
    # Without a known language the text decides.
    assert render(KNOWN, "ru", text="Police seized heroin", language="") == (
        '<span lang="en">Police seized heroin</span>'
    )


def test_the_python_helper_is_the_filter():
    with translation.override("en"):
        assert (
            in_its_language("Изъято 5 кг героина") == '<span lang="ru">Изъято 5 кг героина</span>'
        )
        assert language_to_mark("Police seized heroin") == ""


def test_options_of_stored_titles_carry_their_language():
    class Pick(forms.Form):
        documents = forms.MultipleChoiceField(
            choices=[
                ("1", "Synthetic release: customs stop heroin"),
                ("2", "Отчёт о наркоситуации за 2024 год"),
                ("3", "KG"),
            ],
            widget=SelectMultipleInTheirLanguage,
        )

    with translation.override("ru"):
        html = str(Pick()["documents"])
    assert '<option value="1" lang="en">' in html
    assert '<option value="2">' in html and '<option value="3">' in html
