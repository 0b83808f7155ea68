"""A mapping and values written here for the DHIS2 tests (codes invented for cadis)."""

from __future__ import annotations

from decimal import Decimal

from cadis.engines.dhis2 import (
    DEFAULT_COMBO,
    AggregateValue,
    Combo,
    Dhis2Mapping,
    Period,
    disaggregation,
)

SEXES = {"female": "F", "male": "M", "not_known": "U"}
AGES = {"<15": "Y0-14", "15-19": "Y15-19", "20-24": "Y20-24", "25+": "Y25P"}

COMBOS = (
    DEFAULT_COMBO,
    *(
        Combo(disaggregation(sex=sex), f"COC_{code}", {"CADIS_SEX": code})
        for sex, code in SEXES.items()
    ),
    *(
        Combo(
            disaggregation(sex=sex, age=age),
            f"COC_{s}_{a}",
            {"CADIS_SEX": s, "CADIS_AGE": a},
        )
        for sex, s in SEXES.items()
        for age, a in AGES.items()
    ),
)
ATTRIBUTE_COMBOS = (
    DEFAULT_COMBO,
    Combo(disaggregation(source="ministry"), "AOC_MOH", {"CADIS_SOURCE": "MOH"}),
)
MAPPING = Dhis2Mapping(
    org_units={"KZ": "OU_KZ", "KG": "OU_KG", "TJ": "OU_TJ", "KZ-75": "OU_KZ_ALMATY"},
    data_elements={
        "TDI_CLIENTS": "DE_TDI_CLIENTS",
        "DRD_CASES": "DE_DRD",
        "DRID_HIV_CASES": "DE_HIV_POS",
        "DRID_HIV_PREV": "DE_HIV_PREV",
    },
    combos=COMBOS,
    attribute_combos=ATTRIBUTE_COMBOS,
    data_set="DS_CADIS",
)

SAMPLE = [
    AggregateValue("TDI_CLIENTS", Period.from_dhis2("2024"), "KZ", 1204),
    AggregateValue(
        "TDI_CLIENTS", Period.from_dhis2("2024"), "KZ", 17, disaggregation(sex="female", age="<15")
    ),
    AggregateValue("DRD_CASES", Period.from_dhis2("2024Q1"), "KG", 0, disaggregation(sex="male")),
    AggregateValue(
        "DRID_HIV_PREV",
        Period.from_dhis2("202403"),
        "TJ",
        Decimal("7.75"),
        attribute=disaggregation(source="ministry"),
        comment='Выборка 400 человек; <ЛУИН> & "дозорный" надзор',
    ),
    AggregateValue("DRID_HIV_CASES", Period.from_dhis2("2024W5"), "KZ-75", 3),
]
