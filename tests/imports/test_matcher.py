"""The one vocabulary matcher: exact names and synonyms always win; scope first; ambiguity asks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.platform.imports.matcher import Entry, Matcher, key

WORDS = st.text(
    alphabet="абвгдежзиклмнопрстуфхцчшщыэюяabcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12
)


def _spellings(text: str) -> st.SearchStrategy[str]:
    """The same word as people type it: case, ё, quotes and spaces vary."""
    return st.sampled_from(
        [text, text.upper(), text.title(), f"  {text} ", f"«{text}»", text.replace("е", "ё")]
    )


@settings(max_examples=150, deadline=None)
@given(
    synonyms=st.lists(WORDS, min_size=2, max_size=8, unique_by=key),
    noise=st.lists(WORDS, max_size=6),
    data=st.data(),
)
def test_the_matcher_never_contradicts_an_exact_synonym(synonyms, noise, data):
    synonyms = [s for s in synonyms if key(s)]
    entries = [Entry(i, f"entry {i}", synonyms=(s,)) for i, s in enumerate(synonyms)]
    # other entries whose names are near the synonyms, and mappings pointing elsewhere
    entries += [Entry(100 + i, f"noise {i}", names=(n + "x",)) for i, n in enumerate(noise)]
    mappings = {key(s): 100 for s in synonyms}
    matcher = Matcher(entries, mappings=mappings)
    for index, synonym in enumerate(synonyms):
        written = data.draw(_spellings(synonym))
        if key(written) != key(synonym):
            continue
        match = matcher.match(written)
        expected = {
            e.value for e in entries if key(synonym) in {key(x) for x in e.names + e.synonyms}
        }
        if len(expected) == 1:
            assert match.value == index
        else:
            assert match.value is None and match.resolution == "ambiguous"


def _agencies() -> Matcher:
    return Matcher(
        [
            Entry(1, "МВД Кыргызской Республики", names=("МВД КР",), scope="KG"),
            Entry(2, "МВД Республики Казахстан", names=("МВД РК",), scope="KZ"),
            Entry(3, "ГТС Кыргызстана", names=("ГТС при МФ КР",), synonyms=("ГТС",), scope="KG"),
            Entry(4, "ГТС Туркменистана", names=("ГТС Туркменистана",), scope="TM"),
        ],
        scope="KG",
    )


def test_an_abbreviation_is_resolved_in_the_importers_country_first():
    matcher = _agencies()
    assert matcher.match("МВД").value == 1
    assert matcher.match("мвд").resolution == "synonym"
    assert matcher.match("ГТС").value == 3
    assert Matcher(matcher.entries, scope="KZ").match("МВД").value == 2
    unscoped = Matcher(matcher.entries).match("МВД")
    assert unscoped.value is None and unscoped.resolution == "ambiguous"
    assert set(unscoped.suggestions) == {"МВД Кыргызской Республики", "МВД Республики Казахстан"}


def test_a_mapping_fills_a_gap_and_a_typo_is_suggested_not_guessed_when_close_calls_tie():
    entries = [
        Entry(1, "Грузовой автомобиль", synonyms=("грузовик",)),
        Entry(2, "Легковой автомобиль", synonyms=("автомобиль",)),
    ]
    matcher = Matcher(entries, mappings={"камаз": 1})
    assert (matcher.match("КамАЗ").value, matcher.match("КамАЗ").resolution) == (1, "mapped")
    typo = matcher.match("грузовикк")
    assert (typo.value, typo.resolution) == (1, "fuzzy")
    unknown = matcher.match("велосипед")
    assert unknown.value is None and unknown.resolution == "unknown"


def test_a_word_that_is_only_part_of_a_name_is_asked_never_applied():
    # "белый" ("white") is part of the street name "белый китаец" of 3-methylfentanyl: a
    # partial comparison scores it 90, but a colour must not become a potent opioid.
    entries = [
        Entry(1, "3-Метилфентанил", names=("3-Метилфентанил",), synonyms=("белый китаец",)),
        Entry(2, "Героин", synonyms=("гера",)),
    ]
    matcher = Matcher(entries)
    white = matcher.match("белый")
    assert white.value is None and "3-Метилфентанил" in white.suggestions
    assert white.resolution == "ambiguous"  # asked, with the suggestion
    misspelt = matcher.match("белый китаиц")  # the whole name, misspelt: applied
    assert (misspelt.value, misspelt.resolution) == (1, "fuzzy")
