"""The substance catalogue: every structure agrees with its IUPAC name (through OPSIN, a
client someone else wrote), stored identifiers agree with the structures, and listings are
complete and sourced. No entry is skipped."""

from __future__ import annotations

import re
import shutil
from collections import Counter

import pytest
from rdkit import Chem, RDLogger

from cadis.engines.chem.library import DEFAULT_DATA_DIR, read_substance_rows

RDLogger.DisableLog("rdApp.*")
ROWS = [row for path in sorted(DEFAULT_DATA_DIR.glob("substances_*.csv"))
        for row in read_substance_rows(path)]  # fmt: skip
SCHEDULE = re.compile(r"^(1961|1971) Schedule (I|II|III|IV)(\+IV)?$")


def _key(smiles: str | None) -> str:
    mol = Chem.MolFromSmiles(smiles) if smiles else None
    return Chem.MolToInchiKey(mol) if mol is not None else ""


@pytest.fixture(scope="module")
def opsin_keys(tmp_path_factory) -> list[str]:
    if shutil.which("java") is None:
        pytest.fail("OPSIN needs Java on PATH (Java 17 is part of the environment)")
    from py2opsin import py2opsin

    tmp = tmp_path_factory.mktemp("opsin") / "names.txt"
    smiles = py2opsin([row["iupac"] for row in ROWS], output_format="SMILES", tmp_fpath=str(tmp))
    return [_key(s) for s in smiles]


def test_every_entry_has_a_systematic_name():
    assert [row["name_en"] for row in ROWS if not row["iupac"].strip()] == []


def test_every_iupac_name_gives_the_stored_structure_with_its_stereochemistry(opsin_keys):
    disagree = [
        (row["name_en"], row["inchikey"], key)
        for row, key in zip(ROWS, opsin_keys, strict=True)
        if key != row["inchikey"]
    ]
    assert disagree == [], f"{len(disagree)} of {len(ROWS)} disagree"


def test_the_stored_inchikey_is_the_one_of_the_stored_smiles():
    assert [row["name_en"] for row in ROWS if _key(row["smiles"]) != row["inchikey"]] == []


def test_the_stereo_corrections_found_by_opsin_stay_fixed():
    by_name = {row["name_en"]: row["inchikey"] for row in ROWS}
    assert by_name["Lysergide"] == "VAYOSLLFUXYJDT-RDTXWAMCSA-N"  # (6aR,9R), not iso-LSD
    assert by_name["Delta-9-Tetrahydrocannabinol"] == "CYQFCXCEBYINGO-IAGOWNOFSA-N"  # trans


def test_ids_are_unique_slugs():
    ids = Counter(row["id"] for row in ROWS)
    assert [i for i, n in ids.items() if n > 1] == []
    assert all(re.fullmatch(r"[a-z0-9_]+", i) for i in ids)


def test_every_international_listing_is_well_formed_and_has_a_source():
    for row in ROWS:
        schedule = row["international"]
        if not schedule:
            assert not row["intl_since"] and not row["intl_source"], row["name_en"]
            continue
        assert SCHEDULE.match(schedule), row["name_en"]
        assert row["intl_source"], row["name_en"]
        assert not row["intl_since"] or 1961 <= int(row["intl_since"]) <= 2026, row["name_en"]


def test_the_schedules_cover_the_convention_lists_and_the_recent_cnd_decisions():
    listed = {row["name_en"] for row in ROWS if row["international"]}
    # one sample per schedule and per CND session from 2015 to 2025
    expected = {
        "Heroin", "Codeine", "Carfentanil", "Sufentanil", "Dihydrocodeine",  # 1961 I, II, IV
        "DMT", "Lysergide", "Amphetamine", "Buprenorphine", "Alprazolam",  # 1971 I-IV
        "AH-7921", "MT-45", "U-47700", "Furanylfentanyl", "Cyclopropylfentanyl",
        "Valerylfentanyl", "Isotonitazene", "Metonitazene", "Protonitazene", "Butonitazene",
        "N-Pyrrolidino protonitazene", "alpha-PVP", "ADB-BUTINACA", "3-MMC", "alpha-PiHP",
        "Etizolam", "Bromazolam", "HHC", "Carisoprodol", "25I-NBOMe", "CUMYL-4CN-BINACA",
        "5F-MDMB-PICA", "N-Ethylhexedrone", "Eutylone", "Dipentylone", "2-Fluorodeschloroketamine",
    }  # fmt: skip
    assert expected - listed == set()
    counts = Counter(row["international"] for row in ROWS if row["international"])
    assert counts["1961 Schedule I"] + counts["1961 Schedule I+IV"] >= 137
    assert counts["1971 Schedule I"] >= 41 and counts["1971 Schedule II"] >= 67
    assert counts["1971 Schedule IV"] >= 69


def test_medicines_are_marked_and_nothing_else_is_a_flag_value():
    assert {row["medicine"] for row in ROWS} <= {"", "true"}
    medicines = {row["name_en"] for row in ROWS if row["medicine"] == "true"}
    assert {"Bupropion", "Diethylpropion", "Tramadol", "Pregabalin"} <= medicines


def test_semi_synthetic_cannabinoids_are_their_own_category():
    category = {row["name_en"]: row["category"] for row in ROWS}
    for name in ("HHC", "HHC acetate", "THCP", "THC-O acetate"):
        assert category[name] == "semi_synthetic_cannabinoid"
    assert category["Apomorphine"] != "plant_based"


def test_every_category_rule_and_status_has_russian_and_english_labels():
    from cadis.engines.chem import CATEGORIES, RULES
    from cadis.engines.chem.labels import label, labels
    from cadis.engines.chem.legal import STATUSES

    codes = [("category", c) for c in CATEGORIES] + [("rule", r.id) for r in RULES]
    codes += [("status", s) for s in STATUSES] + [("rule", "other.no_family_rule")]
    missing = [code for code in codes if code not in labels()]
    assert missing == []
    assert all(v["ru"] and v["en"] and v["ru"] != v["en"] for v in labels().values())
    assert label("status", "not_found_in_lists_held", "ru") == "Не найдено в имеющихся списках"


def test_every_category_is_a_reference_nps_category():
    import csv

    from cadis.engines.chem import CATEGORIES

    path = DEFAULT_DATA_DIR.parents[2] / "apps" / "reference" / "data" / "nps_categories.csv"
    with path.open(encoding="utf-8") as fh:
        reference = {row["code"] for row in csv.DictReader(fh)}
    assert set(CATEGORIES) == reference


def _checklist() -> list[dict[str, str]]:
    import csv

    with (DEFAULT_DATA_DIR / "convention_schedules.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _schedules(listing: str) -> set[tuple[str, str]]:
    """'1961 Schedule I+IV' -> {('1961', 'I'), ('1961', 'IV')}."""
    convention, _, schedule = listing.split(" ", 2)
    return {(convention, s) for s in schedule.split(" ")[-1].split("+")}


def test_the_schedule_checklist_and_the_catalogue_list_the_same_substances():
    by_id = {row["id"]: row for row in ROWS}
    checklist = _checklist()
    named = {
        (r["catalogue_id"], r["convention"], r["schedule"]) for r in checklist if r["catalogue_id"]
    }
    listed = {(row["id"], *pair) for row in ROWS if row["international"]
              for pair in _schedules(row["international"])}  # fmt: skip
    assert named - listed == set(), (
        "checklist rows whose catalogue entry does not carry the schedule"
    )
    assert listed - named == set(), "catalogue listings missing from the checklist"
    assert all(r["catalogue_id"] in by_id for r in checklist if r["catalogue_id"])


def test_every_schedule_entry_without_a_structure_says_how_it_is_covered():
    coverage = {
        "structure",
        "named_in_clause",
        "ester_clause",
        "isomer_clause",
        "clause",
        "plant_material",
    }
    for row in _checklist():
        assert row["coverage"] in coverage, row["entry"]
        if row["coverage"] != "structure":
            assert row["note"], row["entry"]
        if not row["catalogue_id"]:
            assert row["coverage"] in {"clause", "plant_material"}, row["entry"]


def test_the_entries_added_after_the_review_of_the_lists_are_present():
    listing = {row["name_en"]: row["international"] for row in ROWS}
    assert listing["Etorphine"] == listing["Acetorphine"] == "1961 Schedule I+IV"
    for name in (
        "Dihydroetorphine",
        "Codoxime",
        "Drotebanol",
        "Myrophine",
        "Morphine methobromide",
        "Morphine-N-oxide",
        "Codeine-N-oxide",
        "Benzoylecgonine",
        "Ecgonine methyl ester",
    ):
        assert listing[name] == "1961 Schedule I", name
    for name in (
        "DMA",
        "delta-6a(10a)-Tetrahydrocannabinol",
        "delta-6a(7)-Tetrahydrocannabinol",
        "delta-7-Tetrahydrocannabinol",
        "delta-10-Tetrahydrocannabinol",
        "delta-9(11)-Tetrahydrocannabinol",
    ):
        assert listing[name] == "1971 Schedule I", name
    assert listing["UR-144"] == listing["Ethylphenidate"] == "1971 Schedule II"
    assert listing["Loprazolam"] == "1971 Schedule IV"  # fmt: skip
