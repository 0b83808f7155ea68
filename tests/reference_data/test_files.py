"""The reference data CSV files that `cadis refdata load` reads are well formed and consistent.

These tests read the files with the csv module only (no Django), so a broken data file is caught
before any loader or migration runs.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pycountry
import pytest

DATA_DIR = Path(__file__).resolve().parents[2] / "src" / "cadis" / "apps" / "reference" / "data"

CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")
LANGUAGES = ("kk", "ky", "tg", "tk", "uz")

HEADERS: dict[str, list[str]] = {
    "agencies": [
        "code", "country", "name_ru", "name_en", "abbr_ru", "abbr_en", "kind", "parent_code",
    ],
    "substance_groups": ["code", "parent_code", "name_ru", "name_en"],
    "nps_categories": ["code", "name_ru", "name_en"],
    "tdi_drugs": ["code", "parent_code", "name_ru", "name_en"],
    "substances": [
        "code", "kind", "name_ru", "name_en", "name_kk", "name_ky", "name_tg", "name_tk",
        "name_uz", "group", "nps_category", "tdi_code", "default_unit", "cas",
    ],
    "substance_synonyms": ["substance_code", "lang", "synonym"],
    "units": ["code", "name_ru", "name_en", "dimension", "factor_to_base", "base", "aliases"],
    "concealment_methods": ["code", "name_ru", "name_en", "description_en"],
    "transport_modes": ["code", "name_ru", "name_en"],
    "drug_forms": ["code", "name_ru", "name_en"],
    "subdivisions": ["code", "country", "name_ru", "name_en", "kind"],
}  # fmt: skip

FILES_WITH_CODE = [name for name, header in HEADERS.items() if header[0] == "code"]

AGENCY_KINDS = {
    "ministry", "law_enforcement", "customs", "border_service", "security_service", "prosecutor",
    "drug_control_agency", "forensic_laboratory", "focal_point", "treatment_centre",
    "international_organisation", "commission",
}  # fmt: skip
SUBSTANCE_KINDS = {"drug", "nps", "precursor", "group_term"}
SYNONYM_LANGUAGES = {"ru", "en", "street", *LANGUAGES}
NPS_CATEGORIES = [
    "synthetic_cannabinoid", "synthetic_cathinone", "phenethylamine", "tryptamine", "opioid",
    "benzodiazepine", "arylcyclohexylamine", "piperazine", "aminoindane", "plant_based",
    "semi_synthetic_cannabinoid", "other",
]  # fmt: skip
UNIT_BASES = {"mass": "kg", "volume": "l", "count": "count"}
REQUIRED_UNITS = {
    "mg", "g", "kg", "t", "ml", "l", "tablet", "dose", "blotter", "ampoule", "plant", "unit", "bush",
}  # fmt: skip

# Slug codes: lower_snake, digits allowed (e.g. "3_mmc", "2c_b"). TDI and ISO codes are official.
SLUG = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
TDI_CODE = re.compile(r"^(?:\d{1,2})(?:\.\d)?(?:\.[a-z_]+)?$")
CAS_NUMBER = re.compile(r"^(\d{2,7})-(\d{2})-(\d)$")


@cache
def read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    path = DATA_DIR / f"{name}.csv"
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{path.name} starts with a byte order mark"
    text = raw.decode("utf-8")
    reader = csv.DictReader(text.splitlines(), strict=True)
    rows = list(reader)
    if name == "substances":
        rows = [with_catalogue(row) for row in rows]
    return list(reader.fieldnames or []), rows


def with_catalogue(row: dict[str, str]) -> dict[str, str]:
    """A substance row as `cadis refdata load` sees it: names and CAS from the catalogue."""
    from cadis.engines.chem.catalogue import catalogue_by_id

    entry = catalogue_by_id().get(row["code"])
    if entry is None:
        return row
    return {**row, "name_en": entry["name_en"], "name_ru": entry["name_ru"], "cas": entry["cas"]}


def test_a_substance_linked_to_the_catalogue_repeats_no_identity_of_its_own():
    """One source of truth: names and CAS of a catalogue substance live in the catalogue."""
    from cadis.engines.chem.catalogue import catalogue_by_id

    path = DATA_DIR / "substances.csv"
    with path.open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    linked = [row for row in raw if row["code"] in catalogue_by_id()]
    assert len(linked) >= 70
    assert [r["code"] for r in linked if r["name_en"] or r["name_ru"] or r["cas"]] == []
    # every reference row naming a single chemical with a CAS number is in the catalogue
    # or is a precursor (1988 Convention, screened by the precursor tables)
    unlinked = [r["code"] for r in raw if r["cas"] and r["kind"] in ("drug", "nps")]
    assert unlinked == []


def rows(name: str) -> list[dict[str, str]]:
    return read(name)[1]


def codes(name: str) -> set[str]:
    return {row["code"] for row in rows(name)}


def cas_check_digit_is_valid(cas: str) -> bool:
    match = CAS_NUMBER.match(cas)
    if not match:
        return False
    digits = (match.group(1) + match.group(2))[::-1]
    total = sum(int(digit) * position for position, digit in enumerate(digits, start=1))
    return total % 10 == int(match.group(3))


def pycountry_subdivision_codes() -> set[str]:
    return {
        subdivision.code
        for country in CENTRAL_ASIA
        for subdivision in pycountry.subdivisions.get(country_code=country)
    }


def ancestors(code: str, parent_of: dict[str, str]) -> list[str]:
    chain: list[str] = []
    while parent_of.get(code):
        code = parent_of[code]
        assert code not in chain, f"parent cycle through {code}"
        chain.append(code)
    return chain


# --- every file -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_each_file_parses_with_exactly_the_agreed_header(name: str) -> None:
    header, records = read(name)
    assert header == HEADERS[name]
    assert records, f"{name}.csv has no rows"
    for line, record in enumerate(records, start=2):
        assert None not in record, f"{name}.csv line {line} has too many fields"
        assert all(value is not None for value in record.values()), f"{name}.csv line {line}"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_no_value_has_stray_whitespace(name: str) -> None:
    for record in rows(name):
        for field, value in record.items():
            assert value == value.strip(), f"{name}.{field}: {value!r}"
            assert "\n" not in value and "  " not in value, f"{name}.{field}: {value!r}"


@pytest.mark.parametrize("name", FILES_WITH_CODE)
def test_codes_are_present_and_unique(name: str) -> None:
    counted = Counter(record["code"] for record in rows(name))
    assert "" not in counted
    assert [code for code, count in counted.items() if count > 1] == []


@pytest.mark.parametrize(
    "name", [n for n in FILES_WITH_CODE if n not in ("tdi_drugs", "subdivisions")]
)
def test_slug_codes_are_lower_snake(name: str) -> None:
    assert [code for code in codes(name) if not SLUG.match(code)] == []


@pytest.mark.parametrize("name", FILES_WITH_CODE)
def test_every_record_has_a_russian_and_an_english_name(name: str) -> None:
    for record in rows(name):
        assert record["name_ru"], f"{name}: {record['code']} has no name_ru"
        assert record["name_en"], f"{name}: {record['code']} has no name_en"


@pytest.mark.parametrize("name", FILES_WITH_CODE)
def test_russian_names_are_written_in_cyrillic(name: str) -> None:
    for record in rows(name):
        assert re.search("[А-Яа-яЁё]", record["name_ru"]) or record["name_ru"].isascii(), record


# Column widths of the `reference` models the loader writes into.
MAX_CODE_LENGTH = {
    "agencies": 80, "substance_groups": 80, "nps_categories": 40, "tdi_drugs": 40,
    "substances": 80, "units": 20, "concealment_methods": 60, "transport_modes": 60,
    "drug_forms": 60, "subdivisions": 10,
}  # fmt: skip
MAX_FIELD_LENGTH = {"abbr_ru": 60, "abbr_en": 60, "kind": 40, "lang": 10, "cas": 20}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_values_fit_the_database_columns(name: str) -> None:
    for record in rows(name):
        for field, value in record.items():
            if field == "code":
                limit = MAX_CODE_LENGTH[name]
            elif field.startswith("name_") or field == "synonym":
                limit = 300
            else:
                limit = MAX_FIELD_LENGTH.get(field, 10_000)
            assert len(value) <= limit, f"{name}.{field}: {value!r} is longer than {limit}"


# --- hierarchies ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["agencies", "substance_groups", "tdi_drugs"])
def test_every_parent_code_resolves_and_has_no_cycle(name: str) -> None:
    known = codes(name)
    parent_of = {record["code"]: record["parent_code"] for record in rows(name)}
    for code, parent in parent_of.items():
        assert not parent or parent in known, f"{name}: {code} -> unknown parent {parent}"
        assert code not in ancestors(code, parent_of)


def test_substance_groups_are_at_most_two_levels_deep() -> None:
    parent_of = {record["code"]: record["parent_code"] for record in rows("substance_groups")}
    assert all(len(ancestors(code, parent_of)) <= 1 for code in parent_of)


def test_tdi_codes_nest_under_their_parent_and_cover_the_tdi_3_primary_drugs() -> None:
    for record in rows("tdi_drugs"):
        assert TDI_CODE.match(record["code"]), record["code"]
        if record["parent_code"]:
            assert record["code"].startswith(record["parent_code"] + ".")
    expected = {"1", "1.1", "1.2", "1.3", "1.4", "1.5", "2", "3", "4", "5", "6", "7", "9", "99"}
    assert expected <= codes("tdi_drugs")


def test_national_tdi_additions_roll_up_into_other_opioids_and_other_hypnotics() -> None:
    parent_of = {record["code"]: record["parent_code"] for record in rows("tdi_drugs")}
    assert parent_of["1.5.tramadol"] == "1.5"
    assert parent_of["4.4.pregabalin"] == "4.4"
    assert "other hypnotics" in {r["code"]: r for r in rows("tdi_drugs")}["4.4"]["name_en"].lower()


# --- agencies and places ----------------------------------------------------------------------


def test_agency_kinds_and_countries_are_valid() -> None:
    for record in rows("agencies"):
        assert record["kind"] in AGENCY_KINDS, record["code"]
        country = record["country"]
        assert not country or pycountry.countries.get(alpha_2=country), record["code"]


def test_each_central_asian_country_has_law_enforcement_customs_and_a_security_service() -> None:
    kinds_by_country: dict[str, set[str]] = defaultdict(set)
    for record in rows("agencies"):
        kinds_by_country[record["country"]].add(record["kind"])
    for country in CENTRAL_ASIA:
        assert {"customs", "security_service", "border_service"} <= kinds_by_country[country]
        assert kinds_by_country[country] & {"law_enforcement", "drug_control_agency", "ministry"}


def test_regional_and_international_bodies_are_present_without_a_country() -> None:
    by_code = {record["code"]: record for record in rows("agencies")}
    for code in ("caricc", "unodc_roca", "euda", "cadap"):
        assert by_code[code]["country"] == ""
        assert by_code[code]["kind"] == "international_organisation"


def test_an_agency_has_the_same_country_as_its_parent() -> None:
    by_code = {record["code"]: record for record in rows("agencies")}
    for record in by_code.values():
        if record["parent_code"]:
            assert record["country"] == by_code[record["parent_code"]]["country"], record["code"]


def test_subdivision_codes_equal_the_installed_pycountry_set() -> None:
    assert codes("subdivisions") == pycountry_subdivision_codes()


def test_each_subdivision_belongs_to_the_country_of_its_code_and_has_pycountrys_kind() -> None:
    for record in rows("subdivisions"):
        subdivision = pycountry.subdivisions.get(code=record["code"])
        assert record["country"] == subdivision.country_code
        expected_kind = re.sub(r"[^a-z]+", "_", subdivision.type.lower()).strip("_")
        assert record["kind"] == expected_kind, record["code"]


# --- substances -------------------------------------------------------------------------------


def test_nps_categories_are_exactly_the_agreed_list() -> None:
    assert [record["code"] for record in rows("nps_categories")] == NPS_CATEGORIES


def test_every_substance_reference_resolves() -> None:
    groups, categories, tdi = codes("substance_groups"), codes("nps_categories"), codes("tdi_drugs")
    for record in rows("substances"):
        assert record["kind"] in SUBSTANCE_KINDS, record["code"]
        assert not record["group"] or record["group"] in groups, record["code"]
        assert not record["nps_category"] or record["nps_category"] in categories, record["code"]
        assert not record["tdi_code"] or record["tdi_code"] in tdi, record["code"]
        assert record["default_unit"] in {"kg", "count"}, record["code"]


def test_every_nps_has_a_category_and_every_drug_or_nps_has_a_group() -> None:
    for record in rows("substances"):
        if record["kind"] == "nps":
            assert record["nps_category"], record["code"]
        if record["kind"] in ("drug", "nps", "precursor"):
            assert record["group"], record["code"]


def test_cas_numbers_have_a_valid_check_digit_and_are_unique() -> None:
    numbers = [record["cas"] for record in rows("substances") if record["cas"]]
    assert [cas for cas in numbers if not cas_check_digit_is_valid(cas)] == []
    assert len(numbers) == len(set(numbers))


def test_the_common_drugs_of_the_region_are_in_the_vocabulary() -> None:
    expected = {
        "heroin", "opium", "raw_opium", "morphine", "codeine", "methadone", "buprenorphine",
        "fentanyl", "carfentanil", "tramadol", "cannabis_herb", "hashish", "cannabis_oil",
        "cannabis_plants", "cocaine", "crack_cocaine", "amphetamine", "methamphetamine", "mdma",
        "mephedrone", "alpha_pvp", "lsd", "psilocybin_mushrooms", "ketamine", "ghb", "gbl",
        "benzodiazepines", "barbiturates", "pregabalin", "synthetic_cannabinoids",
        "mdmb_4en_pinaca", "adb_butinaca", "nitazenes", "synthetic_drugs", "narcotic_drugs",
        "psychotropic_substances", "smoking_mixtures", "new_psychoactive_substances",
    }  # fmt: skip
    assert expected <= codes("substances")


def test_national_language_names_are_filled_only_in_their_own_script() -> None:
    latin_languages = {"tk", "uz"}
    for record in rows("substances"):
        for language in LANGUAGES:
            name = record[f"name_{language}"]
            if not name:
                continue
            has_cyrillic = bool(re.search("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіҶҷӢӣӮӯҲҳ]", name))
            assert has_cyrillic != (language in latin_languages), (record["code"], language)


# --- synonyms ---------------------------------------------------------------------------------


def test_every_synonym_points_at_a_known_substance_in_a_known_language() -> None:
    known = codes("substances")
    for record in rows("substance_synonyms"):
        assert record["substance_code"] in known, record
        assert record["lang"] in SYNONYM_LANGUAGES, record
        assert record["synonym"], record


def test_a_synonym_means_one_substance_per_language() -> None:
    meanings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record in rows("substance_synonyms"):
        meanings[(record["lang"], record["synonym"].casefold())].add(record["substance_code"])
    assert {key: found for key, found in meanings.items() if len(found) > 1} == {}


def test_a_synonym_never_repeats_the_name_of_another_substance() -> None:
    owner: dict[str, set[str]] = defaultdict(set)
    for record in rows("substances"):
        for field in ("name_ru", "name_en", *(f"name_{language}" for language in LANGUAGES)):
            if record[field]:
                owner[record[field].casefold()].add(record["code"])
    clashes = [
        record
        for record in rows("substance_synonyms")
        if owner.get(record["synonym"].casefold(), set()) - {record["substance_code"]}
    ]
    assert clashes == []


def test_there_are_several_hundred_synonyms_with_street_names_and_inflected_forms() -> None:
    by_language = Counter(record["lang"] for record in rows("substance_synonyms"))
    assert sum(by_language.values()) >= 300
    assert by_language["street"] >= 50
    synonyms = {(r["substance_code"], r["synonym"]) for r in rows("substance_synonyms")}
    for pair in [
        ("heroin", "героина"),
        ("hashish", "гашиша"),
        ("methamphetamine", "метамфетамина"),
        ("mephedrone", "меф"),
        ("smoking_mixtures", "спайс"),
        ("synthetic_cathinones", "соль"),
    ]:
        assert pair in synonyms


def test_nasvay_is_not_a_drug() -> None:
    # Nasvay (насвай, a smokeless tobacco common in Central Asia) is not a controlled drug;
    # matching it would inflate drug figures.
    words = {record["synonym"].casefold() for record in rows("substance_synonyms")}
    words |= {record["name_ru"].casefold() for record in rows("substances")}
    assert not {word for word in words if "насвай" in word or "nasvay" in word or "naswar" in word}


# --- units and other vocabularies -------------------------------------------------------------


def test_units_have_positive_factors_to_the_base_of_their_dimension() -> None:
    for record in rows("units"):
        assert record["dimension"] in UNIT_BASES, record["code"]
        assert record["base"] == UNIT_BASES[record["dimension"]], record["code"]
        assert float(record["factor_to_base"]) > 0, record["code"]
        # The model stores the factor as a decimal with 9 places: it must be exact there.
        whole, _, fraction = record["factor_to_base"].partition(".")
        assert whole.isdigit() and len(fraction) <= 9 and (not fraction or fraction.isdigit())
    by_code = {record["code"]: record for record in rows("units")}
    assert REQUIRED_UNITS <= set(by_code)
    # "count" is the base of its dimension, not a unit of its own; kg and l are both.
    for base in ("kg", "l"):
        assert float(by_code[base]["factor_to_base"]) == 1.0
    assert {float(r["factor_to_base"]) for r in rows("units") if r["dimension"] == "count"} == {1.0}
    assert float(by_code["g"]["factor_to_base"]) == pytest.approx(0.001)
    assert float(by_code["t"]["factor_to_base"]) == pytest.approx(1000)
    assert float(by_code["ml"]["factor_to_base"]) == pytest.approx(0.001)


def test_unit_aliases_are_unique_across_units_and_include_the_code() -> None:
    owner: dict[str, set[str]] = defaultdict(set)
    for record in rows("units"):
        aliases = record["aliases"].split("|")
        assert all(alias and alias == alias.strip() for alias in aliases), record["code"]
        for alias in aliases:
            owner[alias.casefold()].add(record["code"])
    assert {alias: found for alias, found in owner.items() if len(found) > 1} == {}
    for record in rows("units"):
        if record["code"] not in ("centner", "unit"):
            assert record["code"] in record["aliases"].split("|")


def test_concealment_methods_cover_the_methods_the_region_reports() -> None:
    expected = {
        "vacuum_packaging", "vehicle_fuel_tank", "vehicle_tyres", "body_internal", "body_strapped",
        "luggage_false_bottom", "postal_parcel", "express_courier", "dead_drop",
        "mixed_with_legal_goods", "containerised_cargo", "railway_wagon", "livestock_animals",
    }  # fmt: skip
    assert expected <= codes("concealment_methods")
    assert all(record["description_en"] for record in rows("concealment_methods"))


def test_transport_modes_and_drug_forms_cover_the_agreed_codes() -> None:
    assert {
        "road_private_car", "road_truck", "rail", "air_passenger", "air_cargo", "sea_river",
        "post", "courier", "pedestrian", "pack_animals", "drone", "other",
    } <= codes("transport_modes")  # fmt: skip
    assert {
        "herbal", "resin", "powder", "tablets", "liquid", "plants", "smoking_mixture", "crystals",
        "blotter", "capsules", "seeds", "other",
    } <= codes("drug_forms")  # fmt: skip
