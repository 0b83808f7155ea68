from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.engines.screening.normalise import normalise, token_key, tokenize


def test_case_and_yo_do_not_matter():
    assert normalise("ТОЛУОЛ") == normalise("толуол")
    assert normalise("сушёная") == normalise("сушеная")


def test_transliteration_and_russian_share_a_key():
    assert token_key("ацетона") == token_key("atsetona") == token_key("acetone")
    assert normalise("соляная кислота") == normalise("Solyanaya kislota")
    assert normalise("эфедрин") == normalise("efedrin")


def test_latin_lookalike_letters_inside_a_cyrillic_word_are_read_as_cyrillic():
    assert normalise("киcлoтa") == normalise("кислота")  # Latin c, o, a


def test_cyrillic_lookalike_letters_inside_a_latin_word_are_read_as_latin():
    assert normalise("рermanganate") == normalise("permanganate")  # Cyrillic р


def test_case_endings_are_stripped():
    assert normalise("уксусной кислоты") == normalise("уксусная кислота")


def test_split_abbreviations_are_expanded():
    assert normalise("к-та") == normalise("кислота")
    assert normalise("K-TY") == normalise("кислоты")
    assert normalise("р-р") == normalise("раствор")


def test_greek_letters_are_spelled_out():
    assert normalise("γ-butyrolactone") == normalise("gamma-butyrolactone")


def test_tokens_keep_their_spans_in_the_original_text():
    text = "Кислота  серная, 96%"
    assert [text[t.start : t.end] for t in tokenize(text)] == ["Кислота", "серная", "96"]


def test_letters_and_digits_are_separate_tokens():
    assert normalise("P2P") == normalise("P-2-P")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalising_never_crashes_and_twice_changes_nothing(text):
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяabcdefghijklmnopqrstuvwxyz -,.%"))
def test_normalising_cyrillic_and_latin_text_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


def test_accents_are_dropped_from_latin_letters():
    assert normalise("acétone") == normalise("acetone")
    assert normalise("Schwefelsäure") == normalise("Schwefelsaure")
