"""Code lists and concepts every cadis dataflow shares.

Sex, observation status and confidentiality status follow the SDMX cross-domain code
lists (CL_SEX, CL_OBS_STATUS, CL_CONF_STATUS): special codes start with an underscore
(``_T`` total, ``_U`` unknown, ``_Z`` not applicable). Age bands use the codes of the
SDMX cross-domain AGE list (``Y_LT15``, ``Y15T19``, ``Y_GE65``). They are published
under the CADIS agency so that one structure message is self-contained.

>>> age_code("<15"), age_code("20-24"), age_code("65+"), age_code("not_known")
('Y_LT15', 'Y20T24', 'Y_GE65', '_U')
>>> SEX_FROM_TDI["not_known"]
'_U'
"""

from __future__ import annotations

import re

from cadis.engines.sdmx.model import Code, Codelist, Concept, Text
from cadis.engines.stats import AGE_BANDS, AGE_UNKNOWN

TOTAL = "_T"
UNKNOWN = "_U"
NOT_APPLICABLE = "_Z"

CL_SEX = Codelist(
    "CL_SEX",
    Text("Пол", "Sex"),
    (
        Code("F", Text("Женский", "Female")),
        Code("M", Text("Мужской", "Male")),
        Code(TOTAL, Text("Всего", "Total")),
        Code(UNKNOWN, Text("Не известно", "Unknown")),
        Code(NOT_APPLICABLE, Text("Не применимо", "Not applicable")),
    ),
)
#: Our sex codes (TDI and harms records) to CL_SEX.
SEX_FROM_TDI = {"female": "F", "male": "M", "not_known": UNKNOWN, "all": TOTAL, TOTAL: TOTAL}

OBS_NORMAL, OBS_ESTIMATED, OBS_MISSING, OBS_LOW_RELIABILITY, OBS_PROVISIONAL = "AEMUP"
CL_OBS_STATUS = Codelist(
    "CL_OBS_STATUS",
    Text("Статус наблюдения", "Observation status"),
    (
        Code(OBS_NORMAL, Text("Обычное значение", "Normal value")),
        Code(OBS_ESTIMATED, Text("Оценочное значение", "Estimated value")),
        Code(OBS_MISSING, Text("Значение отсутствует", "Missing value")),
        Code(OBS_LOW_RELIABILITY, Text("Низкая надёжность", "Low reliability")),
        Code(OBS_PROVISIONAL, Text("Предварительное значение", "Provisional value")),
    ),
)

CONF_FREE, CONF_PRIMARY, CONF_SECONDARY = "F", "C", "D"
CL_CONF_STATUS = Codelist(
    "CL_CONF_STATUS",
    Text("Статус конфиденциальности", "Confidentiality status"),
    (
        Code(CONF_FREE, Text("Открыто для публикации", "Free")),
        Code(
            CONF_PRIMARY,
            Text(
                "Конфиденциально (первичное сокрытие малых чисел)",
                "Confidential statistical information (primary suppression)",
            ),
        ),
        Code(
            CONF_SECONDARY,
            Text(
                "Вторичное сокрытие, не для публикации",
                "Secondary confidentiality set by the sender, not for publication",
            ),
        ),
    ),
)

CL_UNIT_MEASURE = Codelist(
    "CL_UNIT_MEASURE",
    Text("Единица измерения", "Unit of measure"),
    (
        Code("PS", Text("Человек", "Persons")),
        Code("PC", Text("Процент", "Percentage")),
        Code("KG", Text("Килограмм", "Kilograms")),
        Code("NUM", Text("Число", "Number")),
    ),
)

CL_UNIT_MULT = Codelist(
    "CL_UNIT_MULT",
    Text("Множитель единицы", "Unit multiplier"),
    (
        Code("0", Text("Единицы", "Units")),
        Code("3", Text("Тысячи", "Thousands")),
        Code("6", Text("Миллионы", "Millions")),
    ),
)

CL_DECIMALS = Codelist(
    "CL_DECIMALS",
    Text("Число знаков после запятой", "Decimals"),
    tuple(Code(str(n), Text(str(n), str(n))) for n in range(5)),
)

COUNTRIES = (
    ("KZ", "Казахстан", "Kazakhstan"),
    ("KG", "Кыргызстан", "Kyrgyzstan"),
    ("TJ", "Таджикистан", "Tajikistan"),
    ("TM", "Туркменистан", "Turkmenistan"),
    ("UZ", "Узбекистан", "Uzbekistan"),
)


def area_codelist(subdivisions: tuple[tuple[str, str, str], ...] = ()) -> Codelist:
    """CL_AREA: the five countries, a regional total, and optional ISO 3166-2 subdivisions.

    ``subdivisions`` are (ISO 3166-2 code, name_ru, name_en); the parent is the country
    before the hyphen.

    >>> [c.id for c in area_codelist((("KZ-10", "Абай", "Abai"),)).codes][-2:]
    ['_T', 'KZ-10']
    """
    codes = [Code(code, Text(ru, en)) for code, ru, en in COUNTRIES]
    codes.append(Code(TOTAL, Text("Центральная Азия, всего", "Central Asia, total")))
    for code, ru, en in subdivisions:
        codes.append(Code(code, Text(ru, en), parent=code.split("-", 1)[0]))
    return Codelist("CL_AREA", Text("Территория", "Reference area"), tuple(codes))


_BAND = re.compile(r"(\d+)-(\d+)")


def age_code(band: str) -> str:
    """The SDMX AGE code of one of our age bands (``engines.stats.AGE_BANDS``)."""
    if band in ("all", TOTAL):
        return TOTAL
    if band in (AGE_UNKNOWN, "not_known"):
        return UNKNOWN
    if band.startswith("<"):
        return f"Y_LT{band[1:]}"
    if band.endswith("+"):
        return f"Y_GE{band[:-1]}"
    match = _BAND.fullmatch(band)
    if not match:
        raise ValueError(f"{band!r} is not an age band")
    return f"Y{match[1]}T{match[2]}"


def _age_name(band: str) -> Text:
    if band.startswith("<"):
        return Text(f"Моложе {band[1:]} лет", f"Under {band[1:]} years")
    if band.endswith("+"):
        return Text(f"{band[:-1]} лет и старше", f"{band[:-1]} years and over")
    low, high = band.split("-")
    return Text(f"{low}–{high} лет", f"{low} to {high} years")


CL_AGE = Codelist(
    "CL_AGE",
    Text("Возраст", "Age"),
    tuple(Code(age_code(label), _age_name(label)) for label, _lo, _hi in AGE_BANDS)
    + (
        Code(TOTAL, Text("Все возрасты", "All ages")),
        Code(UNKNOWN, Text("Возраст не известен", "Age unknown")),
    ),
)

CONCEPTS = (
    Concept("REF_AREA", Text("Территория", "Reference area")),
    Concept("TIME_PERIOD", Text("Период", "Time period")),
    Concept("OBS_VALUE", Text("Значение", "Observation value")),
    Concept("SEX", Text("Пол", "Sex")),
    Concept("AGE", Text("Возраст", "Age")),
    Concept("INDICATOR", Text("Показатель", "Indicator")),
    Concept("OBS_STATUS", Text("Статус наблюдения", "Observation status")),
    Concept("CONF_STATUS", Text("Статус конфиденциальности", "Confidentiality status")),
    Concept("UNIT_MEASURE", Text("Единица измерения", "Unit of measure")),
    Concept("UNIT_MULT", Text("Множитель единицы", "Unit multiplier")),
    Concept("DECIMALS", Text("Знаки после запятой", "Decimals")),
    Concept("SOURCE_DETAIL", Text("Источник", "Source")),
    Concept("COMMENT_OBS", Text("Примечание", "Observation comment")),
)
