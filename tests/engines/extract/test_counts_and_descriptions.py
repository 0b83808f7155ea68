from __future__ import annotations

from datetime import date

import pytest

from cadis.engines.extract import extract


def facts_of(text: str, fact_type: str, **kwargs):
    return extract(text, mentions=False, **kwargs).of_type(fact_type)


def test_it_counts_dismantled_groups_and_their_members():
    (fact,) = facts_of(
        "Ликвидировано 4 организованные преступные группы, в состав которых входили 19 человек.",
        "groups_dismantled",
    )
    assert (fact.count, fact.members) == (4, 19)


def test_it_counts_groups_written_in_words():
    (fact,) = facts_of(
        "Eleven organised criminal groups with 58 members were dismantled.", "groups_dismantled"
    )
    assert (fact.count, fact.members) == (11, 58)


def test_a_single_network_counts_as_one_group():
    (fact,) = facts_of(
        "Police dismantled a transnational drug trafficking network of 12 members.",
        "groups_dismantled",
    )
    assert (fact.count, fact.members) == (1, 12)


def test_working_groups_are_not_criminal_groups():
    assert (
        facts_of("Создано 3 рабочие группы по подготовке рекомендаций.", "groups_dismantled") == []
    )


@pytest.mark.parametrize(
    ("text", "fact_type", "count"),
    [
        ("Задержано 412 человек.", "detained", 412),
        ("Задержаны двое организаторов.", "detained", 2),
        ("Three people were detained.", "detained", 3),
        ("Kyrgyz police arrested seven people.", "arrests", 7),
        ("К уголовной ответственности привлечены 37 лиц.", "prosecuted", 37),
        ("5,902 people were brought to criminal responsibility.", "prosecuted", 5902),
        ("С начала года осуждено 1 870 человек.", "prosecuted", 1870),
    ],
)
def test_it_counts_people_by_what_happened_to_them(text, fact_type, count):
    (fact,) = facts_of(text, fact_type)
    assert fact.count == count


@pytest.mark.parametrize(
    ("text", "count", "substance"),
    [
        ("Ликвидирована подпольная нарколаборатория по производству мефедрона.", 1, "mephedrone"),
        ("Police dismantled two clandestine laboratories producing mephedrone.", 2, "mephedrone"),
        ("Ликвидировано 18 нарколабораторий.", 18, None),
    ],
)
def test_it_counts_dismantled_laboratories_and_what_they_made(text, count, substance):
    (fact,) = facts_of(text, "lab_dismantled")
    assert (fact.count, fact.substance_resolved) == (count, substance)


def test_it_finds_concealment_and_what_it_defeats():
    (fact,) = facts_of(
        "Heroin was packed in vacuum-sealed bags to avoid detection by sniffer dogs.", "concealment"
    )
    assert (fact.method, fact.defeats) == ("vacuum packaging", "sniffer dogs")


def test_it_finds_a_hidden_compartment():
    (fact,) = facts_of("Наркотик был спрятан в специально оборудованном тайнике.", "concealment")
    assert fact.method == "hidden compartment"


def test_it_finds_a_route_with_origin_transit_and_destination():
    (fact,) = facts_of(
        "The consignment originated in China and was bound for Afghanistan via Uzbekistan.", "route"
    )
    assert (fact.origin, fact.transit, fact.destination) == (["CN"], ["UZ"], ["AF"])


def test_it_joins_a_route_told_over_two_sentences():
    (fact,) = facts_of(
        "Пресечена контрабанда гашиша из Афганистана. Автомобиль следовал в Казахстан.", "route"
    )
    assert (fact.origin, fact.destination) == (["AF"], ["KZ"])


def test_it_finds_trends_with_their_direction_and_subject():
    facts = facts_of(
        "Seizures of synthetic drugs increased by 35%, while heroin seizures fell sharply.", "trend"
    )
    assert [(f.direction, f.substance_resolved) for f in facts] == [
        ("up", "synthetic_drugs"),
        ("down", "heroin"),
    ]


def test_reducing_supply_as_a_policy_is_not_a_falling_trend():
    assert facts_of("Обсуждены меры по сокращению предложения наркотиков.", "trend") == []


def test_it_mentions_each_nps_once_per_document():
    facts = facts_of("Изъят мефедрон. Позже снова изъят мефедрон и НПВ.", "nps_mention")
    assert [f.substance_resolved for f in facts] == ["mephedrone", "new_psychoactive_substances"]


def test_it_finds_an_event_with_its_place_dates_and_participants():
    (fact,) = facts_of(
        "The meeting was held in Almaty on 18-19 June 2024. Delegations from Kazakhstan, "
        "Kyrgyzstan and Tajikistan took part.",
        "event",
    )
    assert (fact.place, fact.country) == ("Almaty", "KZ")
    assert (fact.period.start, fact.period.end) == (date(2024, 6, 18), date(2024, 6, 19))
    assert fact.countries == ["KZ", "KG", "TJ"]


def test_a_country_adjective_before_a_drug_is_its_origin():
    (fact,) = facts_of(
        "Afghan opiates are trafficked through Tajikistan, Kyrgyzstan and Kazakhstan to the Russian Federation.",
        "route",
    )
    assert (fact.origin, fact.transit, fact.destination) == (["AF"], ["TJ", "KG", "KZ"], ["RU"])


def test_a_title_in_quotes_states_no_trend():
    text = "Прошла конференция «Сокращение спроса и снижение вреда в регионе» в Бишкеке."
    assert facts_of(text, "trend") == []


def test_supply_reduction_as_a_policy_area_is_not_a_falling_trend():
    assert facts_of("Experts discussed supply reduction and prevention of drug use.", "trend") == []


def test_vacuum_machines_that_dogs_cannot_detect_are_a_concealment():
    (fact,) = facts_of(
        "Gangs use vacuum machines to pack drugs, and sniffer dogs cannot detect such packages.",
        "concealment",
    )
    assert (fact.method, fact.defeats) == ("vacuum packaging", "sniffer dogs")


def test_a_part_of_a_count_is_not_counted_again():
    facts = facts_of("Задержано 412 человек, из них 38 иностранных граждан и 5 женщин.", "detained")
    assert [f.count for f in facts] == [412]


def test_an_aim_to_reduce_is_not_a_falling_trend():
    text = "Меры, направленные на минимизацию последствий употребления наркотиков, обсуждены."
    assert facts_of(text, "trend") == []


def test_a_percentage_comparison_is_a_trend_about_the_main_clause():
    (fact,) = facts_of(
        "В 2023 году изъято 45 тонн наркотиков, что на 12% больше, чем годом ранее.", "trend"
    )
    assert (fact.direction, fact.substance_resolved) == ("up", "narcotic_drugs")


def test_an_english_subject_before_an_appositive_is_kept():
    (fact,) = facts_of(
        "Officials warn that new psychoactive substances, especially synthetic cathinones, are increasingly common.",
        "trend",
    )
    assert (fact.direction, fact.substance_resolved) == ("up", "new_psychoactive_substances")


def test_a_collective_numeral_counts_people_whatever_the_noun():
    (fact,) = facts_of("Задержаны четверо нарушителей.", "detained")
    assert fact.count == 4


def test_members_may_follow_a_relative_clause():
    (fact,) = facts_of(
        "Пресечена деятельность 41 организованной преступной группы, в составе которых было 287 участников.",
        "groups_dismantled",
    )
    assert (fact.count, fact.members) == (41, 287)


def test_people_from_a_country_are_not_a_route():
    text = "Participants from Iran and Pakistan discussed the trafficking of methamphetamine."
    assert facts_of(text, "route") == []


def test_an_event_date_without_a_year_takes_the_document_year():
    (fact,) = facts_of(
        "26 июня в Ташкенте прошёл круглый стол «Молодёжь без наркотиков».",
        "event",
        document_date=date(2024, 6, 27),
    )
    assert (fact.place, fact.period.start) == ("Tashkent", date(2024, 6, 26))


def test_drugs_among_sacks_of_potatoes_are_hidden_among_legal_cargo():
    (fact,) = facts_of(
        "В кузове среди мешков с картофелем нашли 14 свёртков с героином массой 7,3 кг.",
        "concealment",
    )
    assert fact.method == "among legal cargo"


def test_an_event_that_ended_is_still_an_event():
    (fact,) = facts_of("В Бишкеке завершился тренинг, прошедший 28–30 октября 2024 года.", "event")
    assert (fact.place, fact.period.start) == ("Bishkek", date(2024, 10, 28))


def test_stopping_the_work_of_a_laboratory_counts_one_laboratory():
    (fact,) = facts_of(
        "Пресечена деятельность нарколаборатории, где производился метамфетамин.", "lab_dismantled"
    )
    assert (fact.count, fact.substance_resolved) == (1, "methamphetamine")


def test_two_trends_in_one_clause_keep_their_own_subjects():
    facts = facts_of(
        "Cannabis remains the most seized drug, but its share has fallen as synthetic stimulants gained ground.",
        "trend",
    )
    assert [(f.direction, f.substance_resolved) for f in facts] == [
        ("down", "cannabis"),
        ("up", "amphetamine_type_stimulants"),
    ]


def test_a_study_visit_abroad_is_an_event_with_its_participants():
    (fact,) = facts_of(
        "UNODC organised a study visit to Lisbon for experts from Kazakhstan and Kyrgyzstan on 4–8 November 2024.",
        "event",
    )
    assert (fact.place, fact.country, fact.countries) == ("Lisbon", "PT", ["KZ", "KG"])


def test_a_cache_in_a_fuel_tank_is_one_concealment():
    facts = facts_of(
        "Обнаружили тайник в топливном баке, в котором находилось 2 кг гашиша.", "concealment"
    )
    assert [f.method for f in facts] == ["vehicle parts"]
