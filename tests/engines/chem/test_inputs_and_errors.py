"""Input parsing, standardisation and the clear errors for unusable input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdkit import Chem

from cadis.engines.chem import ChemError, ChemErrorCode, parse_input, standardise
from cadis.engines.chem.parse import java_available


def error_code(classifier, text: str) -> str | None:
    return classifier.classify(text, use_opsin=False).to_json().get("error_code")


def test_it_rejects_an_invalid_smiles_with_a_clear_code(classifier):
    result = classifier.classify("C1CC(", use_opsin=False).to_json()
    assert result["error_code"] == "invalid_structure"
    assert "not a valid SMILES" in result["error"]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_it_rejects_empty_input(classifier, text):
    assert error_code(classifier, text) == "empty_input"


@pytest.mark.parametrize(
    "smiles", ["[Na+].[Cl-]", "CC[Hg]C", "[Fe](C1C=CC=C1)C1C=CC=C1", "O=[Mn](=O)(=O)[O-].[K+]"]
)
def test_it_rejects_metals_and_inorganic_material(classifier, smiles):
    assert error_code(classifier, smiles) == "inorganic_or_metal"


def test_it_strips_a_metal_counter_ion_from_an_organic_salt(classifier):
    # Sodium oxybate is the sodium salt of GHB: the metal is a counter-ion, not the drug.
    result = classifier.classify("[Na+].[O-]C(=O)CCCO").to_json()
    assert result["smiles"] == "O=C(O)CCCO"
    assert result["known"]["name"] == "GHB"


def test_it_rejects_a_very_large_molecule(classifier):
    result = classifier.classify("C" * 200, use_opsin=False).to_json()
    assert result["error_code"] == "too_large"
    assert "200 heavy atoms" in result["error"]


def test_it_reports_water_alone_as_having_no_organic_component(classifier):
    assert error_code(classifier, "O") == "no_organic_fragment"


def test_it_strips_a_hydrochloride_and_keeps_the_drug(classifier):
    result = classifier.classify("CNC(C)Cc1ccccc1.Cl").to_json()
    assert result["smiles"] == "CNC(C)Cc1ccccc1"
    assert [w["code"] for w in result["warnings"]] == ["salt_stripped"]


def test_it_neutralises_a_protonated_amine_with_its_counter_ion(classifier):
    result = classifier.classify("C[NH2+]C(C)Cc1ccccc1.[Cl-]").to_json()
    assert result["smiles"] == "CNC(C)Cc1ccccc1"
    assert result["category"] == "phenethylamine"


def test_it_warns_about_a_mixture_and_classifies_the_largest_component(classifier):
    mixture = "CCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21.CNC(C)C(=O)c1ccc(C)cc1"
    result = classifier.classify(mixture).to_json()
    assert result["category"] == "synthetic_cannabinoid"
    warning = next(w for w in result["warnings"] if w["code"] == "mixture")
    assert "CNC(C)C(=O)c1ccc(C)cc1" in warning["detail"]


def test_it_reads_an_inchi():
    inchi = Chem.MolToInchi(Chem.MolFromSmiles("CC(N)Cc1ccccc1"))
    parsed = parse_input(inchi)
    assert parsed.kind == "inchi"
    assert Chem.MolToSmiles(parsed.mol) == "CC(N)Cc1ccccc1"


def test_it_reads_a_mol_block():
    block = Chem.MolToMolBlock(Chem.MolFromSmiles("CNC(C)Cc1ccc2c(c1)OCO2"))
    parsed = parse_input(block)
    assert parsed.kind == "molblock"
    assert standardise(parsed.mol).smiles == "CNC(C)Cc1ccc2c(c1)OCO2"


def test_it_resolves_a_library_name_or_street_synonym(classifier):
    by_name = classifier.classify("Mephedrone", use_opsin=False)
    by_street_name = classifier.classify("меф", use_opsin=False)
    assert by_name.known.name_en == by_street_name.known.name_en == "Mephedrone"
    assert by_name.to_json()["warnings"][0]["code"] == "name_resolved"


def test_it_reports_an_unknown_name_without_opsin(classifier):
    assert error_code(classifier, "totally-unknown-compound name") == "unknown_name"


@pytest.mark.skipif(not java_available(), reason="OPSIN needs Java")
def test_it_parses_a_systematic_name_with_opsin(classifier):
    result = classifier.classify("N-methyl-1-phenylpropan-2-amine")
    assert result.smiles == "CNC(C)Cc1ccccc1"


@pytest.mark.skipif(not java_available(), reason="OPSIN needs Java")
def test_names_resolved_at_the_same_time_each_get_their_own_structure():
    # py2opsin's default input file is shared: concurrent calls used to read each other's
    # names. Threads here stand in for the web workers of one installation.
    from concurrent.futures import ThreadPoolExecutor

    from cadis.engines.chem.parse import resolve_systematic_name

    names = {
        "3-methylpentan-1-ol": "CCC(C)CCO",
        "2-ethylhexan-1-amine": "CCCCC(CC)CN",
        "4-propylphenol": "CCCc1ccc(O)cc1",
        "1-(4-chlorophenyl)propan-2-one": "CC(=O)Cc1ccc(Cl)cc1",
    }
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = dict(zip(names, pool.map(resolve_systematic_name, names), strict=True))
    assert {name: Chem.MolToSmiles(mol) for name, mol in got.items()} == names


def test_it_says_when_java_is_missing_for_a_systematic_name(monkeypatch, classifier):
    monkeypatch.setattr("cadis.engines.chem.parse.java_available", lambda: False)
    assert (
        error_code_with_opsin(classifier, "2-methylpropan-1-amine") == "name_resolver_unavailable"
    )


def error_code_with_opsin(classifier, text: str) -> str | None:
    return classifier.classify(text).to_json().get("error_code")


def test_chem_error_carries_a_stable_code_and_an_english_message():
    error = ChemError(ChemErrorCode.TOO_LARGE, "151")
    assert error.as_dict() == {
        "code": "too_large",
        "message": "The structure is too large (151 heavy atoms); "
        "new psychoactive substances are small molecules.",
    }


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80))
def test_classify_never_raises_on_arbitrary_text(classifier, text):
    payload = classifier.classify(text, use_opsin=False).to_json()
    assert "input" in payload
    assert ("error" in payload) != ("category" in payload)


SMILES_ALPHABET = st.text(alphabet="CNOcnos()=#123[]+-Clr", min_size=1, max_size=40)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SMILES_ALPHABET)
def test_standardising_twice_changes_nothing(text):
    mol = Chem.MolFromSmiles(text)
    if mol is None:
        return
    try:
        first = standardise(mol)
    except ChemError:
        return
    again = standardise(Chem.MolFromSmiles(first.smiles))
    assert again.smiles == first.smiles
