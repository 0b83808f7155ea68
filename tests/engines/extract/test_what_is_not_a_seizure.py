"""Kinds 3 and 4: differences, comparisons, earlier years, cargo, money and yields are not
seizures; English aggregate lists are."""

from __future__ import annotations

import pytest

from cadis.engines.extract import extract


def _kg(text: str) -> list[float]:
    return sorted(
        round(f.quantity_kg, 3)
        for f in extract(text, mentions=False).facts
        if f.type in ("seizure", "precursor_seizure") and f.quantity_kg is not None
    )


@pytest.mark.parametrize(
    ("text", "kg"),
    [
        (
            "В 2024 году изъято 3,5 тонны наркотиков, что на 120,4 кг больше, чем годом ранее.",
            [3500.0],
        ),
        ("Police seized 2.2 tonnes of heroin in 2023, 44.5 kilograms more than in 2022.", [2200.0]),
        ("Изъятия героина выросли на 300 кг и составили 1,1 тонны.", [1100.0]),
        ("Seizures of hashish increased by 150 kg to 900 kg.", [900.0]),
        ("Изъято 2 тонны наркотиков против 2,6 тонны в 2023 году.", [2000.0]),
        ("Hashish seizures fell to 700 kg, down from 1.2 tonnes a year earlier.", [700.0]),
    ],
)
def test_differences_and_baselines_are_not_seizures(text, kg):
    assert _kg(text) == kg


def test_a_sentence_given_for_comparison_holds_no_seizure():
    text = "В 2024 году изъято 5 тонн наркотиков. Для сравнения: в 2023 году было изъято 4,1 тонны."
    assert _kg(text) == [5000.0]


def test_the_figure_of_an_earlier_year_in_brackets_is_not_a_seizure():
    text = (
        "In 2024, customs officers seized 842.6 kilograms of drugs (2023 – 615.2 kilograms), "
        "the committee said."
    )
    assert _kg(text) == [842.6]


@pytest.mark.parametrize(
    "text",
    [
        "Customs seized 9 kg of heroin hidden in a lorry carrying 18 tonnes of coal.",
        "В фуре, перевозившей 22 тонны муки, обнаружено 9 кг героина.",
        "Среди коробок с изюмом общим весом 15 тонн нашли 9 кг героина.",
        "Общий вес груза составил 20 тонн. В тайнике изъято 9 кг героина.",
    ],
)
def test_the_cargo_that_hid_the_drugs_is_not_seized(text):
    assert _kg(text) == [9.0]


@pytest.mark.parametrize(
    "text",
    [
        "Police seized 150 kg of cannabis, enough to produce 30 kg of hashish.",
        "Изъято 40 литров прекурсоров, которых хватило бы для производства 25 кг мефедрона.",
        "Лаборатория мощностью 10 кг в сутки выявлена, изъято 3 кг мефедрона.",
    ],
)
def test_what_could_have_been_made_is_not_seized(text):
    assert 25.0 not in _kg(text) and 30.0 not in _kg(text) and 10.0 not in _kg(text)


def test_money_found_with_the_drugs_is_not_a_seizure_of_drugs():
    text = "У задержанных изъято 4 кг гашиша и 15 000 долларов США."
    assert _kg(text) == [4.0]


def test_an_english_list_of_aggregates_gives_each_drug():
    text = (
        "In 2024, law enforcement agencies seized 2.9 tonnes of drugs.\n\n"
        "This included 3.62 kilograms of heroin, 18.4 kilograms of raw opium and "
        "1,230 kilograms of hashish."
    )
    facts = [f for f in extract(text, mentions=False).facts if f.type == "seizure"]
    by_drug = {f.substance_resolved: round(f.quantity_kg, 3) for f in facts}
    assert by_drug == {
        "narcotic_drugs": 2900.0,
        "heroin": 3.62,
        "opium": 18.4,
        "hashish": 1230.0,
    }


def test_a_share_of_the_total_told_without_the_drug_is_a_seizure_of_the_story():
    text = (
        "A total of 2.4 tonnes of narcotic drugs were seized in 2024. The customs service "
        "accounted for 712.5 kilograms (2023 – 540.2 kilograms), the rest was seized by the police."
    )
    assert _kg(text) == [712.5, 2400.0]


def test_destroying_seized_drugs_is_not_a_seizure():
    text = "В Душанбе сожжено 2 тонны 300 кг наркотиков, изъятых в прошлом году."
    assert _kg(text) == []


def test_a_bare_figure_seized_by_an_agency_is_a_seizure_and_its_earlier_year_is_not():
    text = "In 2023, 512.6 kilograms were seized by the customs service (2022 – 388.1 kilograms)."
    facts = [f for f in extract(text, mentions=False).facts if f.type == "seizure"]
    assert [(f.quantity_kg, f.reasons) for f in facts] == [(512.6, ["no_drug_named"])]


def test_other_goods_seized_are_not_drugs():
    assert _kg("Customs officers seized 2 tonnes of cigarettes at the border.") == []
