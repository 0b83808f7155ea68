"""Kind 6: people detained, arrested or prosecuted — single, counted together, not for
other crimes."""

from __future__ import annotations

import pytest

from cadis.engines.extract import extract

PEOPLE = ("detained", "arrests", "prosecuted")


def _counts(text: str) -> list[int | None]:
    return [f.count for f in extract(text, mentions=False).facts if f.type in PEOPLE]


@pytest.mark.parametrize(
    "text",
    [
        "Задержан 28-летний местный житель, у него изъято 2 кг гашиша.",
        "Сотрудники полиции задержали жительницу Тараза с героином.",
        "A foreign national was detained at the airport with 1.5 kg of cocaine.",
        "The driver was detained and the car was impounded.",
        "A 52-year-old resident of Jalal-Abad was arrested with 800 grams of opium.",
        "Водитель, гражданин 1979 года рождения, задержан.",
        "Пассажир автобуса – гражданин Таджикистана – задержан.",
    ],
)
def test_a_single_detainee_is_one_person(text):
    assert _counts(text) == [1]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Задержаны организатор и трое его сообщников.", 4),
        ("К ответственности привлечены 7 организаторов и 45 участников преступных групп.", 52),
        ("Задержаны 4 гражданина Кыргызстана и 3 гражданина Казахстана.", 7),
        ("Police detained the ringleader and six accomplices.", 7),
        ("Задержаны водитель грузовика, 1968 года рождения, и его напарник.", 2),
        ("The owner of the house and his son were detained.", 2),
    ],
)
def test_people_joined_by_and_are_counted_together(text, count):
    assert _counts(text) == [count]


def test_a_part_of_a_count_is_not_counted_again():
    assert _counts("Задержано 38 человек, в том числе 5 иностранцев.") == [38]


def test_one_of_the_detained_is_not_a_new_detention():
    text = "Пограничники задержали трех нарушителей. Один из задержанных – гражданин Афганистана."
    assert _counts(text) == [3]


def test_arrests_for_extremism_or_weapons_are_not_drug_arrests():
    text = (
        "Задержаны 5 членов экстремистской ячейки, изъято оружие.\n\n"
        "Также задержан курьер с 3 кг гашиша."
    )
    assert _counts(text) == [1]


def test_those_killed_in_a_shootout_are_not_detained():
    text = "Border guards killed one smuggler and detained two others, seizing 30 kg of hashish."
    assert _counts(text) == [2]


def test_all_the_members_of_a_dismantled_group_take_its_size():
    text = (
        "Ликвидирована преступная группа из 6 человек, сбывавшая героин. "
        "Все участники группы задержаны."
    )
    assert _counts(text) == [6]


def test_sentencing_is_a_prosecution_and_the_leader_is_one_of_them():
    text = (
        "Суд вынес приговор 5 участникам наркогруппировки. "
        "Организатор группы приговорен к 14 годам лишения свободы."
    )
    facts = [f for f in extract(text, mentions=False).facts if f.type in PEOPLE]
    assert [(f.type, f.count) for f in facts] == [("prosecuted", 5)]
