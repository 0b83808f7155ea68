from __future__ import annotations

import pytest

from cadis.engines.extract import DEFAULT_GAZETTEER, Gazetteer, extract


@pytest.mark.parametrize(
    ("text", "code", "country"),
    [
        ("Агентство по контролю за наркотиками проинформировало", "tj_akn", "TJ"),
        (
            "сотрудниками Агентства по контролю за наркотиками при Президенте Республики Таджикистан",
            "tj_akn",
            "TJ",
        ),
        ("The Drug Control Agency reported", "tj_akn", "TJ"),
        ("СБНОН МВД сообщила", "kg_sbnon", "KG"),
        ("ДПН МВД РК сообщает", "kz_mvd_dpn", "KZ"),
        ("Национальный центр по контролю за наркотиками информирует", "uz_ncdc", "UZ"),
        ("по данным ЦАРИКЦ", "caricc", None),
    ],
)
def test_named_agencies_resolve_to_their_country(text, code, country):
    (mention,) = DEFAULT_GAZETTEER.find(text)
    assert (mention.code, mention.country) == (code, country)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("представитель МВД Кыргызской Республики", "KG"),
        ("МВД Туркменистана", "TM"),
        ("МВД РК", "KZ"),
        ("the Ministry of Internal Affairs of Uzbekistan", "UZ"),
        ("Kyrgyz police", "KG"),
        ("Tajik border guards", "TJ"),
    ],
)
def test_generic_bodies_take_the_country_named_beside_them(text, country):
    (mention,) = DEFAULT_GAZETTEER.find(text)
    assert mention.country == country


def test_a_gazetteer_from_reference_rows_adds_agencies_and_keeps_the_defaults():
    gazetteer = Gazetteer.from_rows(
        [
            {
                "code": "kz_kgd",
                "country": "KZ",
                "name_ru": "Комитет государственных доходов",
                "name_en": "State Revenue Committee",
                "abbr_ru": "КГД",
                "abbr_en": "",
            }
        ]
    )
    assert [m.code for m in gazetteer.find("КГД сообщил, а СБНОН подтвердила")] == [
        "kz_kgd",
        "kg_sbnon",
    ]


def test_the_country_carries_over_to_the_sentences_after_the_speaker():
    result = extract(
        "Согласно представителю МВД Кыргызской Республики, ситуация сложная. "
        "За год было изъято 260 кг синтетических наркотиков.",
        mentions=False,
    )
    (fact,) = result.of_type("seizure")
    assert (fact.country, fact.country_source) == ("KG", "context")


def test_a_country_of_origin_is_not_the_country_of_the_seizure():
    result = extract(
        "Uzbek customs seized 3.5 tons of acetic anhydride from China.", mentions=False
    )
    (fact,) = result.of_type("precursor_seizure")
    assert fact.country == "UZ"


def test_the_subdivision_is_recorded_with_its_iso_code():
    (fact,) = extract("В Чуйской области изъято 12,5 кг гашиша.", mentions=False).of_type("seizure")
    assert (fact.subdivision, fact.country) == ("KG-C", "KG")


def test_russian_organisations_and_countries_are_listed_once_each():
    result = extract(
        "Делегации Польши и Германии. Национальный центр по профилактике зависимостей (Польша)."
    )
    countries = [f.country for f in result.of_type("country")]
    assert countries == ["PL", "DE"]
    assert any("Национальный центр" in f.text for f in result.of_type("organisation"))
