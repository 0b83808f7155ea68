"""Kind 1: one event, one fact — headline, lead and body restatements are merged."""

from __future__ import annotations

from datetime import date

from cadis.engines.extract import extract


def _of(text: str, *types: str, **kwargs):
    result = extract(text, mentions=False, **kwargs)
    return [f for f in result.facts if f.type in types]


def test_a_rounded_headline_and_the_exact_body_figure_are_one_seizure():
    text = (
        "Около 12 тонн гашиша изъяли на границе\n\n"
        "Пограничники изъяли 11,8 тонны гашиша в грузовике."
    )
    (fact,) = _of(text, "seizure")
    assert fact.quantity_kg == 11800.0
    assert len(fact.spans) == 2
    assert "rounded_restatement" in fact.reasons
    assert fact.text == "11,8 тонны гашиша"


def test_more_than_in_the_headline_restates_a_larger_exact_figure():
    text = "Более 3 тонн наркотиков изъято\n\nВ ходе операции изъято 3,4 тонны героина."
    (fact,) = _of(text, "seizure")
    assert (fact.quantity_kg, fact.substance_resolved) == (3400.0, "heroin")
    assert len(fact.spans) == 2


def test_an_english_about_figure_restates_a_compound_one():
    text = (
        "Around 30 kilograms of heroin seized in Osh\n\n"
        "Police seized 29 kg 740 g of heroin from a car."
    )
    (fact,) = _of(text, "seizure")
    assert round(fact.quantity_kg, 3) == 29.74
    assert len(fact.spans) == 2


def test_the_same_figure_in_the_title_and_the_lead_is_one_fact_with_both_spans():
    text = (
        "В Шымкенте изъято 4,2 кг мефедрона\n\n"
        "Полицейские Шымкента изъяли 4,2 кг мефедрона у закладчика."
    )
    (fact,) = _of(text, "seizure")
    starts = [start for start, _end in fact.spans]
    assert starts == [text.index("4,2"), text.rindex("4,2")]
    for start, end in fact.spans:
        assert "4,2 кг мефедрона" in text[start:end]


def test_two_different_drugs_of_the_same_weight_stay_two_facts():
    text = "У первого изъято 2 кг героина.\n\nУ второго изъято 2 кг гашиша."
    assert len(_of(text, "seizure")) == 2


def test_a_detainee_named_in_the_headline_and_the_body_is_one_person():
    text = (
        "В Караколе задержан житель с героином\n\n"
        "Сотрудники милиции задержали 40-летнего местного жителя. У него изъято 300 г героина."
    )
    (fact,) = _of(text, "detained", "arrests", "prosecuted")
    assert fact.count == 1
    assert len(fact.spans) == 2


def test_two_detainees_in_separate_cases_are_two_facts():
    text = (
        "В Бишкеке задержан мужчина, у которого изъято 1,1 кг гашиша.\n\n"
        "В другом случае в Оше задержана женщина с 200 граммами героина."
    )
    people = _of(text, "detained")
    assert [f.count for f in people] == [1, 1]


def test_a_title_that_adds_up_the_story_restates_each_seizure():
    text = (
        "Border guards seize 50 kg of drugs\n\n"
        "Border guards seized 30 kg of hashish and 20 kg of opium from two smugglers."
    )
    seizures = _of(text, "seizure", document_date=date(2024, 5, 2))
    assert sorted(f.quantity_kg for f in seizures) == [20.0, 30.0]
    assert all("sum_in_headline" in f.reasons for f in seizures)
