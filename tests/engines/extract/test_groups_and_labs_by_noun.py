"""Kind 7: groups and laboratories named by a noun, or only in a title."""

from __future__ import annotations

import pytest

from cadis.engines.extract import extract


def _of(text: str, fact_type: str):
    return [f for f in extract(text, mentions=False).facts if f.type == fact_type]


@pytest.mark.parametrize(
    "text",
    [
        "В ходе ликвидации межрегиональной группировки изъято 6 кг мефедрона.",
        "Ликвидирована транснациональная преступная группа, поставлявшая героин.",
        "Police dismantled an interregional drug trafficking ring in Almaty.",
        "The liquidation of the criminal group took three months.",
        "Kazakh police bust synthetic drug ring",
    ],
)
def test_one_group_named_by_a_noun(text):
    (fact,) = _of(text, "groups_dismantled")
    assert fact.count == 1


def test_a_group_in_the_title_and_the_body_is_one_fact():
    text = (
        "Ликвидирована наркогруппировка\n\n"
        "Полицейские ликвидировали организованную преступную группу, сбывавшую гашиш."
    )
    (fact,) = _of(text, "groups_dismantled")
    assert len(fact.spans) == 2


@pytest.mark.parametrize(
    "text",
    [
        "В Шымкенте пресечена работа подпольного производства мефедрона.",
        "Police uncovered a laboratory set up in a rented garage.",
        "Сотрудники полиции пресекли деятельность нарколаборатории в частном доме.",
    ],
)
def test_one_laboratory_named_by_a_noun(text):
    (fact,) = _of(text, "lab_dismantled")
    assert fact.count == 1


def test_laboratory_equipment_and_examinations_are_not_laboratories():
    text = (
        "Police seized 2 kg of mephedrone and laboratory equipment. "
        "A laboratory examination has been ordered."
    )
    assert _of(text, "lab_dismantled") == []


def test_a_laboratory_in_the_title_and_the_body_is_one_fact():
    text = (
        "Нарколаборатория ликвидирована в Алматинской области\n\n"
        "Полицейские выявили нарколабораторию в гараже и изъяли 5 кг мефедрона."
    )
    (fact,) = _of(text, "lab_dismantled")
    assert fact.count == 1 and len(fact.spans) == 2
