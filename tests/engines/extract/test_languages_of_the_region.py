"""Kind 9: the region's languages are detected offline and read (sentences written here)."""

from __future__ import annotations

import pytest

from cadis.engines.extract import detect, detect_language, extract

PEOPLE = ("detained", "arrests", "prosecuted")

SAMPLES = {
    "kk-Cyrl": "Қостанай облысының полицейлері 3 келі марихуана тәркіледі. Күдікті ұсталды.",
    "kk-Latn-2021": "Qostanai oblysynyñ polisei qyzmetkerlerı 3 kelı marihuana tärkıledı. Küdıktı ūstaldy.",
    "kk-Latn-2018": "Qostanaı oblysynyń polıseı qyzmetkerleri 3 keli marıhýana tárkiledi. Kúdikti ustaldy.",
    "uz-Latn": "Xorazm viloyatida IIB xodimlari 3 kilogramm marixuana musodara qildi. Gumonlanuvchi qo‘lga olindi.",
    "uz-Cyrl": "Хоразм вилоятида ИИБ ходимлари 3 килограмм марихуана мусодара қилди. Гумонланувчи қўлга олинди.",
    "ky": "Талас облусунда милиция кызматкерлери 3 килограмм марихуана алып коюшту. Шектүү кармалды.",
    "tg": "Дар ноҳияи Восеъ кормандони милитсия 3 килограмм марихуана мусодира карданд. Гумонбар боздошт шуд.",
    "tk": "Mary welaýatynda polisiýa işgärleri 3 kilogram marihuana ele saldylar. Şübheli tussag edildi.",
}


@pytest.mark.parametrize(("label", "text"), SAMPLES.items())
def test_each_language_of_the_region_is_detected(label, text):
    assert detect_language(text) == label[:2]


@pytest.mark.parametrize(("label", "text"), SAMPLES.items())
def test_each_language_gives_the_seizure_and_the_person(label, text):
    result = extract(text, mentions=False)
    seizures = [f for f in result.facts if f.type == "seizure"]
    people = [f for f in result.facts if f.type in PEOPLE]
    assert [(f.quantity_kg, f.substance_resolved) for f in seizures] == [(3.0, "cannabis_herb")]
    assert [f.count for f in people] == [1]
    assert all(f.language == label[:2] for f in seizures + people)
    assert "regional_language" in seizures[0].reasons


def test_the_script_is_reported():
    assert detect(SAMPLES["uz-Latn"]).script == "Latn"
    assert detect(SAMPLES["uz-Cyrl"]).script == "Cyrl"
    assert extract(SAMPLES["kk-Cyrl"], mentions=False).to_json()["script"] == "Cyrl"


@pytest.mark.parametrize(
    "text",
    [
        "Итоги операции «Қарасора» в Жамбылской области: изъято 12 тонн марихуаны.",
        "Police seized 12 kg of heroin in Dushanbe, the Drug Control Agency said.",
    ],
)
def test_russian_and_english_quoting_a_regional_name_stay_themselves(text):
    assert detect_language(text * 3) in ("ru", "en")
    assert detect_language(text * 3) == ("ru" if "Итоги" in text else "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Түркістан облысында 40 келі гашиш тәркіленді", "kk"),
        ("Samarqandda 2 kilogramm geroin topildi", "uz"),
        ("Наманганда жиноий гуруҳ фош этилди", "uz"),
        ("Дар Хуҷанд героин мусодира шуд", "tg"),
    ],
)
def test_a_regional_headline_is_never_taken_for_russian_or_english(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "kg"),
    [
        ("Тергеу барысында 2 келі 450 грамм гашиш тәркіленді.", 2.45),
        ("Tezkor tadbirda 15 kilogramm 300 gramm nasha olib qo‘yildi.", 15.3),
        ("Операция учурунда 4 килограмм 80 грамм героин алынды.", 4.08),
        ("Дар гумрук 9 килограмму 500 грамм ҳашиш мусодира гардид.", 9.5),
        ("Serhetde 6 kilogram 250 gram geroin ele salyndy.", 6.25),
    ],
)
def test_regional_compound_quantities_are_read(text, kg):
    language = detect_language(text)
    facts = [
        f for f in extract(text, mentions=False, language=language).facts if f.type == "seizure"
    ]
    assert [round(f.quantity_kg, 3) for f in facts] == [kg]


@pytest.mark.parametrize(
    ("text", "fact_type", "count"),
    [
        ("Облыста 9 ұйымдасқан қылмыстық топ жойылды.", "groups_dismantled", 9),
        ("Viloyatda 4 ta jinoiy guruh fosh etildi.", "groups_dismantled", 4),
        ("Дар вилоят 3 гурӯҳи ҷиноятӣ безарар гардонида шуд.", "groups_dismantled", 3),
        ("Полицейлер жасырын зертхананы анықтады.", "lab_dismantled", 1),
        ("Xodimlar yashirin laboratoriyani aniqladi.", "lab_dismantled", 1),
        ("Жыл ичинде 120 адам жоопкерчиликке тартылды.", "prosecuted", 120),
        ("45 nafar shaxs jinoiy javobgarlikka tortildi.", "prosecuted", 45),
        ("Ду нафар гумонбар боздошт шуданд.", "detained", 2),
        ("Zertхананы ұйымдастырушы және оның екі сыбайласы ұсталды.", "detained", 3),
    ],
)
def test_regional_groups_labs_and_people(text, fact_type, count):
    language = detect_language(text)
    facts = [
        f for f in extract(text, mentions=False, language=language).facts if f.type == fact_type
    ]
    assert [f.count for f in facts] == [count]
