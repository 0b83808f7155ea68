"""The seed substance library: valid, unique, and consistent with the category rules."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from rdkit import Chem

from cadis.engines.chem import CATEGORIES, categorise, standardise
from cadis.engines.chem.library import DEFAULT_DATA_DIR, NATIONAL_CODES, read_substance_rows

# Documented exceptions: the stated category is right, the general rules cannot see it.
RULE_EXCEPTIONS = {
    # An open-chain 3-aryl-2-methylpentylamine: one medicine, no family rule worth having.
    "Tapentadol": "opioid",
    # Open-chain opioids of the 1961 Convention outside the methadone/tramadol/U-type
    # patterns (anilide and ester chains, an azepane): listed by name, rare today.
    "Diampromide": "opioid",
    "Phenampromide": "opioid",
    "Propiram": "opioid",
    "Dimenoxadol": "opioid",
    "Proheptazine": "opioid",
    # Pentavalent-nitrogen morphine derivatives named by a clause of 1961 Schedule I: the
    # 4-arylpiperidine rule asks for a basic (three-connected) amine nitrogen.
    "Morphine methobromide": "opioid",
    "Morphine-N-oxide": "opioid",
    "Codeine-N-oxide": "opioid",
    # A semi-synthetic aporphine medicine from morphine: the aporphine rule (blue lotus,
    # glaucine) would call it plant-based, which it is not.
    "Apomorphine": "other",
    # Fully synthetic THC analogues of the 1971 Convention (no olivetol side chain).
    "DMHP": "synthetic_cannabinoid",
    "Parahexyl": "synthetic_cannabinoid",
    # Indole-3-acetamide 'PIATA' generation (2023-): no family rule yet.
    "CH-PIATA": "synthetic_cannabinoid",
}
SCHEDULE = re.compile(r"^(1961|1971) Schedule (I|II|III|IV)(\+IV)?$")


def all_rows() -> list[dict[str, str]]:
    rows = []
    for path in sorted(DEFAULT_DATA_DIR.glob("substances_*.csv")):
        rows.extend(read_substance_rows(path))
    return rows


ROWS = all_rows()


def test_the_library_has_at_least_300_substances_in_every_category():
    assert len(ROWS) >= 300
    counts = Counter(row["category"] for row in ROWS)
    assert set(counts) == set(CATEGORIES)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["name_en"])
def test_every_substance_parses_and_its_rule_category_matches(row):
    mol = Chem.MolFromSmiles(row["smiles"])
    assert mol is not None
    computed = categorise(standardise(mol).mol).category
    expected = RULE_EXCEPTIONS.get(row["name_en"])
    if expected is None:
        assert computed == row["category"]
    else:
        assert row["category"] == expected and computed != expected


def test_substances_are_unique_by_inchikey_and_by_name():
    keys = Counter(standardise(Chem.MolFromSmiles(row["smiles"])).inchikey for row in ROWS)
    assert [key for key, n in keys.items() if n > 1] == []
    names = Counter(row["name_en"].casefold() for row in ROWS)
    assert [name for name, n in names.items() if n > 1] == []


def test_every_row_has_both_names_and_well_formed_listings():
    for row in ROWS:
        assert row["name_en"].strip() and row["name_ru"].strip(), row
        schedule = row["international"].strip()
        assert not schedule or SCHEDULE.match(schedule), row["name_en"]
        codes = [c.strip() for c in row["national"].split("|") if c.strip()]
        assert all(c == "*" or c in NATIONAL_CODES for c in codes), row["name_en"]


def test_the_classifier_finds_library_substances_by_name_and_by_stereo_free_smiles(classifier):
    assert classifier.library.by_name("ecstasy").name_en == "MDMA"
    morphine_without_stereo = "CN1CCC23c4c5ccc(O)c4OC2C(O)C=CC3C1C5"
    assert classifier.classify(morphine_without_stereo).known.name_en == "Morphine"


def test_a_tautomer_of_a_library_substance_is_found_through_its_inchikey(classifier):
    # AB-FUBINACA written with its amide as the imidic acid tautomer.
    tautomer = "CC(C)[C@H](N=C(O)c1nn(Cc2ccc(F)cc2)c2ccccc12)C(N)=O"
    assert classifier.classify(tautomer).known.name_en == "AB-FUBINACA"


def test_a_stereo_free_look_up_answers_with_the_entry_that_specifies_no_stereo(classifier):
    # Methamphetamine, dexmetamfetamine and levometamfetamine share one skeleton: a
    # deuterated internal standard without stereo marks is methamphetamine, not the S form.
    result = classifier.classify("[2H]C([2H])([2H])NC(C)Cc1ccccc1")
    assert result.known.name_en == "Methamphetamine"
    assert result.warnings == []
    assert classifier.classify("CN[C@@H](C)Cc1ccccc1").known.name_en == "Dexmetamfetamine"


def test_a_known_structure_reports_the_inchikey_computed_from_the_input(classifier):
    # The classifier reuses the library's InChIKey when the input's canonical SMILES is the
    # entry's own; it must be the key the input itself gives, for every catalogue entry.
    for substance in classifier.library.substances:
        result = classifier.classify(substance.smiles)
        assert result.known is substance
        assert result.inchikey == Chem.MolToInchiKey(Chem.MolFromSmiles(substance.smiles))


def test_library_similarities_are_rdkits_tanimoto_numbers(classifier):
    from rdkit import DataStructs

    from cadis.engines.chem.library import fingerprint

    library = classifier.library
    for smiles in (
        "CNC(C)C(=O)c1ccc(CC)cc1",
        "CCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21",
        "CCO",
        "C",
    ):
        fp = fingerprint(Chem.MolFromSmiles(smiles))
        expected = DataStructs.BulkTanimotoSimilarity(fp, library.fingerprints)
        assert library.similarities(fp).tolist() == expected
