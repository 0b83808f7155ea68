"""Text shown as it was written (a quoted sentence, an audit entry) is marked with its language."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from cadis.platform.i18n import language_of_script

RENDER = Template("{% load cadis_text %}{{ text|as_written }}")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("За 9 месяцев 2024 года сотрудниками СБНОН МВД изъято", "ru"),
        ("Synthetic demo figure for 2024 (invented).", "en"),
        ("MDMB-4en-PINACA: первое выявление", "ru"),  # more Cyrillic letters than Latin
        ("12,5 kg", "en"),
        ("12 345 — 2024", ""),
        ("", ""),
    ],
)
def test_the_language_of_a_text_follows_its_script(text, language):
    assert language_of_script(text) == language


def test_a_russian_quote_on_an_english_page_is_marked_russian():
    with translation.override("en"):
        html = RENDER.render(Context({"text": "МВД Кыргызской Республики <изъяло>"}))
    assert html == '<span lang="ru">МВД Кыргызской Республики &lt;изъяло&gt;</span>'


def test_text_in_the_language_of_the_page_is_left_as_it_is_but_escaped():
    with translation.override("ru"):
        assert RENDER.render(Context({"text": "Героин <опт>"})) == "Героин &lt;опт&gt;"
        assert RENDER.render(Context({"text": None})) == ""
        assert RENDER.render(Context({"text": "Heroin"})) == '<span lang="en">Heroin</span>'
