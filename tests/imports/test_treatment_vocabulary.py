"""The everyday words of the treatment imports (TDI episodes, harms): every word names a real
entry, and the matcher never reads a word as another entry than its exact synonym says, whatever
the organisation's mappings and however the word is typed (no database)."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.apps.reference import everyday
from cadis.apps.treatment import choices as c
from cadis.apps.treatment.importing import choice_matcher
from cadis.apps.treatment.models import SEX_ALL_CHOICES
from cadis.platform.imports.matcher import Entry, Matcher, key

DATA = Path(everyday.__file__).parent / "data" / "tdi_drugs.csv"
CHOICES = {
    "sex": c.Sex,
    "referral": c.Referral,
    "route": c.Route,
    "centre_type": c.CentreType,
    "treatment_status": c.TreatmentStatus,
    "indicator": c.HarmIndicator,
    "data_quality": c.DataQuality,
    "harm_sex": SEX_ALL_CHOICES,
}
WORDS = {
    **{name: everyday.TDI_BY_COLUMN[name] for name in everyday.TDI_BY_COLUMN},
    "indicator": everyday.HARM_INDICATOR,
    "data_quality": everyday.DATA_QUALITY,
    "harm_sex": everyday.HARM_SEX,
}


def _drug_matcher(mappings) -> Matcher:
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    entries = [
        Entry(
            row["code"],
            row["name_ru"],
            names=(row["code"], row["name_ru"], row["name_en"]),
            synonyms=everyday.TDI_DRUG.get(row["code"], ()),
        )
        for row in rows
    ]
    return Matcher(entries, mappings=mappings)


def _matcher(vocabulary: str, mappings) -> Matcher:
    if vocabulary == "primary_drug":
        return _drug_matcher(mappings)
    return choice_matcher(CHOICES[vocabulary], mappings, WORDS[vocabulary])


def test_every_everyday_word_names_a_real_entry():
    for vocabulary, words in WORDS.items():
        values = {e.value for e in _matcher(vocabulary, {}).entries}
        assert set(words) <= values, vocabulary


def _spellings(text: str) -> st.SearchStrategy[str]:
    return st.sampled_from(
        [text, text.upper(), text.capitalize(), f" {text}  ", f"«{text}»", text.replace("е", "ё")]
    )


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_matcher_never_contradicts_an_exact_synonym_of_the_treatment_vocabularies(data):
    vocabulary = data.draw(st.sampled_from(sorted(WORDS)))
    words = WORDS[vocabulary]
    code = data.draw(st.sampled_from(sorted(words)))
    word = data.draw(st.sampled_from(words[code]))
    plain = _matcher(vocabulary, {})
    values = sorted({str(e.value) for e in plain.entries})
    # the organisation mapped the word (or not) to any entry, right or wrong
    mapped = data.draw(st.sampled_from([None, *values]))
    matcher = _matcher(vocabulary, {key(word): mapped} if mapped else {})
    written = data.draw(_spellings(word))
    match = matcher.match(written)
    named = {e.value for e in plain.entries if key(word) in {key(n) for n in e.names}}
    listed = {e.value for e in plain.entries if key(word) in {key(s) for s in e.synonyms}}
    expected = named or listed
    assert code in listed
    if len(expected) == 1:
        assert match.value == next(iter(expected)), (vocabulary, written, match)
    else:  # a word listed for several entries is asked, or answered by a mapping among them
        assert match.value is None or (match.value == mapped and mapped in expected)


def test_an_ambiguous_word_asks_until_the_organisation_answers_among_the_candidates():
    assert _matcher("primary_drug", {}).match("мет").resolution == "ambiguous"
    assert _matcher("primary_drug", {"мет": "1.2"}).match("Мет").value == "1.2"
    # a mapping to an entry the word does not name cannot override the synonyms
    assert _matcher("primary_drug", {"мет": "7.1"}).match("мет").value is None


def test_everyday_words_of_clerks_are_read():
    drugs = _matcher("primary_drug", {})
    for word, code in [
        ("героин", "1.1"),
        ("Гер.", "1.1"),
        ("анаша", "7.1"),
        ("гашиш", "7.1"),
        ("марихуана", "7.1"),
        ("соли", "3.4"),
        ("спайс", "7.2"),
        ("метадон", "1.2"),
        ("Субутекс", "1.3"),
        ("опий", "1.5"),
        ("лирика", "4.4.pregabalin"),
    ]:
        assert drugs.match(word).value == code, word
    sex = _matcher("sex", {})
    for word, value in [("муж", "male"), ("Ж.", "female"), ("эркек", "male"), ("ayol", "female")]:
        assert sex.match(word).value == value, word
    assert _matcher("route", {}).match("в/в").value == "inject"
    assert _matcher("referral", {}).match("самообращение").value == "self"
    assert _matcher("centre_type", {}).match("стационар").value == "inpatient"
    assert _matcher("indicator", {}).match("Гепатит С").value == "drid_hcv"
