from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.engines.extract import extract

WORDS = st.sampled_from(
    [
        "изъято",
        "1.300",
        "кг",
        "героина",
        "в",
        "2024",
        "году",
        "более",
        "seized",
        "kg",
        "of",
        "hashish",
        "из",
        "Афганистана",
        "МВД",
        "РК",
        "ликвидировано",
        "16",
        "преступных",
        "группировок",
        "из",
        "74",
        "человек",
        ",",
        ".",
        "\n\n",
        "задержаны",
        "двое",
        "tonnes",
        "through",
        "Tajikistan",
        "increased",
        "снизилось",
        "«",
        "»",
        "27-28",
        "ноября",
        "conference",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_extraction_never_crashes_on_any_string(text):
    result = extract(text, mentions=False)
    for fact in result.facts:
        assert text[fact.span[0] : fact.span[1]] == fact.text


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_extraction_never_crashes_on_report_like_word_salad(text):
    result = extract(text, mentions=False)
    json.dumps(result.to_json(), ensure_ascii=False)
    for fact in result.facts:
        assert text[fact.span[0] : fact.span[1]] == fact.text


def test_extracting_twice_gives_the_same_facts():
    text = "В 2024 году изъято 1.300 кг наркотических веществ. Задержано 12 человек."
    assert extract(text).to_json() == extract(text).to_json()


def test_the_json_has_the_cli_shape():
    data = extract("Изъято более 5 кг героина.", document="a.txt", mentions=False).to_json()
    assert set(data) == {"document", "language", "script", "facts"}
    (fact,) = data["facts"]
    assert fact["type"] == "seizure"
    assert fact["span"] == [7, 25]
    assert fact["spans"] == [[7, 25]]
    assert fact["language"] == "ru"
    assert 0 < fact["confidence"] <= 1
    assert (fact["reasons"], fact["plausibility"]) == ([], [])
    assert (fact["quantity"], fact["unit"], fact["quantity_kg"], fact["qualifier"]) == (
        5.0,
        "kg",
        5.0,
        "more_than",
    )


def test_an_empty_text_has_no_facts():
    assert extract("   ").facts == []


def test_the_same_figure_in_two_documents_has_the_same_duplicate_key():
    first = extract("В 2024 году АКН изъяло 1.300 кг наркотических веществ.", mentions=False)
    second = extract(
        "Агентство по контролю за наркотиками: в 2024 году изъято 1300 кг наркотических средств.",
        mentions=False,
    )
    (a,) = first.of_type("seizure")
    (b,) = second.of_type("seizure")
    assert a.duplicate_key() == b.duplicate_key()


def test_yo_and_ye_spellings_are_read_alike_and_spans_keep_the_original():
    text = "Канал пресечён, изъято 5 кг героина. Задержаны трое подозреваемых, ещё один объявлен в розыск."
    result = extract(text, mentions=False)
    assert [f.type for f in result.facts] == ["seizure", "detained"]
    for fact in result.facts:
        assert text[fact.span[0] : fact.span[1]] == fact.text
        assert fact.sentence in text
