from __future__ import annotations

from datetime import date

import pytest

from cadis.engines.extract import extract


def seizures(text: str, **kwargs):
    result = extract(text, mentions=False, **kwargs)
    return [f for f in result.facts if f.type in ("seizure", "precursor_seizure")]


@pytest.mark.parametrize(
    ("text", "kg"),
    [
        ("Изъято 20,374 кг героина.", 20.374),
        ("Изъято 1 300,5 кг гашиша.", 1300.5),
        ("Изъято 15 тонн 106 килограммов 549 граммов наркотических средств.", 15106.549),
        ("Изъято 1,5 тонны марихуаны.", 1500.0),
        ("Изъято двадцать пять килограммов марихуаны.", 25.0),
        ("Police seized 1,300 kg of hashish.", 1300.0),
        ("Police seized 2.5 tonnes of opium.", 2500.0),
        ("Police seized seven kilograms of heroin.", 7.0),
        ("Officers seized 3 litres of liquid methamphetamine.", 3.0),
    ],
)
def test_it_reads_quantities_as_the_region_writes_them(text, kg):
    (fact,) = seizures(text)
    assert fact.quantity_kg == pytest.approx(kg)


def test_it_counts_tablets_instead_of_weighing_them():
    (fact,) = seizures("Officers seized 12,400 tablets of tramadol.")
    assert (fact.count, fact.quantity_kg, fact.unit) == (12400, None, "tablet")
    assert fact.substance_resolved == "tramadol"


def test_litres_are_converted_at_one_kg_per_litre_and_the_rule_is_recorded():
    (fact,) = seizures("Изъято 120 литров прекурсоров.")
    assert fact.type == "precursor_seizure"
    assert fact.quantity_kg == 120.0
    assert fact.conversion_rule == "L->kg at 1 kg/L (UNODC)"


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Изъято более 5 кг героина.", "more_than"),
        ("Изъято свыше 5 кг героина.", "more_than"),
        ("Изъято около 5 кг героина.", "about"),
        ("Изъято почти 5 кг героина.", "almost"),
        ("Изъято до 5 кг героина.", "up_to"),
        ("Police seized over 5 kg of heroin.", "more_than"),
        ("Police seized about 5 kg of heroin.", "about"),
        ("Police seized almost 5 kg of heroin.", "almost"),
        ("Police seized up to 5 kg of heroin.", "up_to"),
        ("Police seized 5 kg of heroin.", None),
    ],
)
def test_it_keeps_the_qualifier_of_a_figure(text, qualifier):
    (fact,) = seizures(text)
    assert fact.qualifier == qualifier


def test_a_yearly_total_is_an_aggregate_with_its_period():
    (fact,) = seizures("В 2023 году изъято 38 тонн наркотиков.")
    assert fact.aggregate is True
    assert (fact.period.start, fact.period.end) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_seizure_from_one_person_is_one_event():
    (fact,) = seizures(
        "3 апреля 2024 года у водителя при досмотре автомашины изъято 12,5 кг гашиша."
    )
    assert fact.aggregate is False


def test_since_the_start_of_the_year_is_read_against_the_document_date():
    (fact,) = seizures(
        "Since the beginning of the year, border guards have seized 1.2 tonnes of drugs.",
        document_date=date(2024, 6, 30),
    )
    assert (fact.period.start, fact.period.end) == (date(2024, 1, 1), date(2024, 6, 30))
    assert fact.aggregate is True


def test_an_ambiguous_dot_is_flagged_with_the_other_reading():
    (fact,) = seizures("Изъято 1.250 кг гашиша.")
    assert fact.quantity_kg == 1250.0
    assert "1.25" in fact.ambiguity


def test_each_quantity_takes_the_substance_written_next_to_it():
    facts = seizures("Seized 3,105 kg of hashish, 1,220 kg of opium and 87 kg of heroin.")
    assert [(f.substance_resolved, f.quantity_kg) for f in facts] == [
        ("hashish", 3105.0),
        ("opium", 1220.0),
        ("heroin", 87.0),
    ]


def test_eradicated_plants_are_not_a_seizure():
    assert seizures("Обнаружено и уничтожено 3 400 кустов дикорастущей конопли.") == []


def test_a_quantity_without_any_drug_context_is_not_a_seizure():
    assert seizures("Изъято 5 кг золота у пассажира.") == []


class ShortCodes:
    def resolve(self, text: str) -> str | None:
        return "HER" if text.lower().startswith("героин") else None


def test_a_passed_vocabulary_decides_the_code():
    (fact,) = seizures("Изъято 5 кг героина.", vocabulary=ShortCodes())
    assert fact.substance_resolved == "HER"
    assert fact.substance == "героина"


def test_every_line_of_a_bulleted_seizure_list_is_a_seizure():
    facts = seizures(
        "Из незаконного оборота изъято:\n• героина – 45 кг;\n• гашиша – 1,2 т;\n• марихуаны – 3 400 кг."
    )
    assert [(f.substance_resolved, f.quantity_kg) for f in facts] == [
        ("heroin", 45.0),
        ("hashish", 1200.0),
        ("cannabis_herb", 3400.0),
    ]


def test_a_comparison_baseline_is_not_a_seizure():
    facts = seizures(
        "In 2023 the region seized 6.3 tons of opiates, down from 9.1 tons a year earlier."
    )
    assert [f.quantity_kg for f in facts] == [6300.0]


def test_a_year_of_birth_is_not_a_quantity():
    (fact,) = seizures(
        "Задержан гр. А., 1985 г.р., у которого изъято наркотическое средство – гашиш, весом 1 кг 250 гр."
    )
    assert (fact.substance_resolved, fact.quantity_kg) == ("hashish", 1.25)


def test_a_synonym_vocabulary_resolves_inflected_and_quoted_names():
    from cadis.engines.extract import SynonymVocabulary

    vocabulary = SynonymVocabulary(
        {
            "наркотические средства": "narcotic_drugs",
            "гашиш": "hashish",
            "mephedrone": "mephedrone",
        },
        fuzzy_cutoff=80,
    )
    assert vocabulary.resolve("«Гашиша»") == "hashish"
    assert vocabulary.resolve("наркотических средств") == "narcotic_drugs"
    assert vocabulary.resolve("Mephedrone") == "mephedrone"
    assert vocabulary.resolve("mefedrone") == "mephedrone"  # fuzzy
    assert vocabulary.resolve("кокаин") is None


def test_a_pair_of_substance_groups_is_named_by_its_first_member():
    (fact,) = seizures("Изъято наркотических средств и психотропных веществ общим весом 5 кг.")
    assert fact.substance_resolved == "narcotic_drugs"


def test_a_thwarted_attempt_to_move_drugs_is_a_seizure():
    (fact,) = seizures("Пресечена попытка незаконного перемещения через границу 96 кг опия.")
    assert (fact.substance_resolved, fact.quantity_kg) == ("opium", 96.0)


def test_the_product_of_the_previous_sentence_is_the_seized_substance():
    (fact,) = seizures(
        "Ликвидирована нарколаборатория, где производился метамфетамин. Изъято около 11 килограммов готового продукта."
    )
    assert (fact.substance_resolved, fact.quantity_kg, fact.qualifier) == (
        "methamphetamine",
        11.0,
        "about",
    )


def test_a_region_sets_the_country_even_when_a_road_crosses_a_border():
    (fact,) = seizures(
        "Полиция Туркестанской области остановила грузовик на автодороге Шымкент – Ташкент. "
        "При досмотре нашли героин массой 7,3 кг."
    )
    assert fact.country == "KZ"


def test_a_count_written_around_the_drug_name_is_read():
    (fact,) = seizures("Customs officers found 18,000 tramadol tablets in a passenger's luggage.")
    assert (fact.substance_resolved, fact.count) == ("tramadol", 18000)


def test_a_stated_duration_matching_the_quarter_takes_its_dates():
    (fact,) = seizures(
        "В первом квартале 2024 года зарегистрировано 498 наркопреступлений. "
        "За три месяца изъято 1 032 кг наркотических средств.",
        document_date=date(2024, 4, 15),
    )
    assert (fact.period.start, fact.period.end) == (date(2024, 1, 1), date(2024, 3, 31))
