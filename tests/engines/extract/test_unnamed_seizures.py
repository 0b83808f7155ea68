"""Kind 5: seizures told without a drug name or without a "seized" verb."""

from __future__ import annotations

from cadis.engines.extract import extract


def _seizures(text: str):
    return [f for f in extract(text, mentions=False).facts if f.type == "seizure"]


def test_a_substance_found_without_its_name_is_a_seizure_to_confirm():
    (fact,) = _seizures("A white substance weighing about 450 grams was found in the backpack.")
    assert fact.quantity_kg == 0.45
    assert fact.substance_resolved is None
    assert "no_drug_named" in fact.reasons
    assert fact.confidence < 0.8


def test_a_russian_substance_of_plant_origin_is_a_seizure():
    (fact,) = _seizures(
        "В сумке обнаружено вещество растительного происхождения массой 820 граммов."
    )
    assert fact.quantity_kg == 0.82
    assert "no_drug_named" in fact.reasons


def test_a_stash_of_drugs_is_a_seizure():
    (fact,) = _seizures("A stash with 7 kilos of drugs was found under the floor of a shed.")
    assert (fact.quantity_kg, fact.substance_resolved) == (7.0, "narcotic_drugs")


def test_a_smell_names_the_drug():
    (fact,) = _seizures(
        "A substance smelling of hashish with a total weight of 3 kg 200 g was found."
    )
    assert (fact.quantity_kg, fact.substance_resolved) == (3.2, "hashish")


def test_the_drug_named_after_the_examination_is_given_to_the_earlier_seizure():
    text = (
        "A grey powder weighing 640 grams was found in the car. "
        "The examination showed that the powder is heroin."
    )
    (fact,) = _seizures(text)
    assert fact.substance_resolved == "heroin"
    assert "substance_identified_later" in fact.reasons


def test_a_weight_told_after_the_story_verb_is_the_seizure():
    text = (
        "В салоне автомашины обнаружен сверток с веществом. "
        "Экспертиза установила, что это героин массой 275 граммов."
    )
    (fact,) = _seizures(text)
    assert (fact.quantity_kg, fact.substance_resolved) == (0.275, "heroin")
    assert "no_seizure_verb" in fact.reasons


def test_the_drug_of_the_previous_sentence_names_another_portion():
    text = (
        "При нем обнаружено 1,4 кг мефедрона. Еще 80 граммов наркотика нашли дома у задержанного."
    )
    facts = _seizures(text)
    assert [(f.quantity_kg, f.substance_resolved) for f in facts] == [
        (1.4, "mephedrone"),
        (0.08, "mephedrone"),
    ]
