"""SQLite searches fold case in every script (cadis.platform.sqlite), as PostgreSQL's do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cadis.platform.sqlite import unicode_like


def _contains(text: str) -> str:
    """The pattern Django writes for ``icontains`` (backslash as escape)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@pytest.mark.parametrize(
    ("pattern", "value", "expected"),
    [
        ("%мефедр%", "Мефедрон", True),
        ("МЕФ%", "мефедрон", True),
        ("%ҚАЗАҚ%", "қазақстан", True),
        ("%drug%", "Drugs", True),
        ("%героин%", "Гашиш", False),
        ("a_c", "abc", True),
        ("a_c", "abbc", False),
        ("100\\%", "100%", True),
        ("100\\%", "1000", False),
    ],
)
def test_like_folds_case_in_every_script(pattern, value, expected):
    assert unicode_like(pattern, value, "\\") is expected


def test_null_in_is_null_out():
    assert unicode_like(None, "x") is None and unicode_like("%", None) is None


# Letters whose upper case is one letter that folds back to them (as Cyrillic and Latin do).
FOLDING = st.characters(categories=("Ll",)).filter(
    lambda c: len(c.upper()) == 1 and c.upper().lower() == c
)


@given(st.text(), st.text(), st.text())
def test_a_text_contains_itself(before, needle, after):
    assert unicode_like(_contains(needle), before + needle + after, "\\") is True


@given(st.text(), st.text(FOLDING, min_size=1), st.text())
def test_a_word_is_found_in_upper_case_too(before, word, after):
    assert unicode_like(_contains(word.upper()), before + word + after, "\\") is True


@pytest.mark.django_db
def test_icontains_finds_russian_words_in_any_case_on_the_database():
    from cadis.apps.reference.models import Country

    assert Country.objects.filter(name_ru__icontains="КЫРГЫЗ").filter(code="KG").exists()
    assert Country.objects.filter(name_ru__istartswith="кыргыз", code="KG").exists()
