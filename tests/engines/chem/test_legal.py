"""Legal status per jurisdiction: by name, as a derivative, or not listed; triage apart."""

from __future__ import annotations

from rdkit import Chem

from cadis.engines.chem import DEFAULT_JURISDICTIONS, load_jurisdictions

# 4-Ethylmethcathinone: mephedrone with its ring methyl extended to ethyl; not in the library.
MEPHEDRONE_ETHYL_ANALOGUE = "CNC(C)C(=O)c1ccc(CC)cc1"


def test_a_listed_substance_is_controlled_by_name_with_its_schedule(classifier):
    status = classifier.classify("CNC(C)C(=O)c1ccc(C)cc1").status
    assert status["international"] == {
        "status": "controlled",
        "substance": "Mephedrone",
        "list": "1971 Schedule II",
    }
    assert status["KZ"]["status"] == "controlled"
    assert "1971 Schedule II" in status["KZ"]["list"]


def test_a_derivative_is_controlled_only_where_the_derivative_rule_applies(classifier):
    jurisdictions = load_jurisdictions()
    status = classifier.classify(MEPHEDRONE_ETHYL_ANALOGUE).status
    assert status["international"]["status"] == "not_listed"
    for code in ("KZ", "KG", "TJ", "TM", "UZ"):
        expected = "controlled_derivative" if jurisdictions[code].derivative_rule else "not_listed"
        assert status[code]["status"] == expected, code


def test_a_derivative_status_names_the_parent_and_the_changed_positions(classifier):
    kz = classifier.classify(MEPHEDRONE_ETHYL_ANALOGUE).status["KZ"]
    assert kz["parent"] == "Mephedrone"
    assert kz["changed_positions"] == [
        {
            "parent_atom": kz["changed_positions"][0]["parent_atom"],
            "element": "C",
            "was": "H",
            "now": "C",
        }
    ]


def test_an_unrelated_substance_is_not_listed_anywhere(classifier):
    status = classifier.classify("CCCCCCCCCCO").status
    assert {value["status"] for value in status.values()} == {"not_listed"}


def test_similarity_is_triage_and_never_a_legal_status(classifier):
    result = classifier.classify("CCCC(NC)C(=O)c1ccc2c(c1)OCCC2")  # an unusual ring variant
    assert result.analogue_triage, "the nearest controlled substances are shown"
    assert all(0 <= item["similarity"] <= 1 for item in result.analogue_triage)
    assert "triage only" in result.explanation
    assert all(v["status"] != "analogue" for v in result.status.values())


def test_national_answers_are_marked_illustrative_until_verified(classifier):
    status = classifier.classify("CNC(C)C(=O)c1ccc(C)cc1").status
    assert "illustrative" not in status["international"]
    assert all(status[code].get("illustrative") for code in ("KZ", "KG", "TJ", "TM", "UZ"))


def test_it_answers_only_the_requested_jurisdictions(classifier):
    status = classifier.classify(MEPHEDRONE_ETHYL_ANALOGUE, jurisdictions=("UZ", "XX")).status
    assert status == {
        "UZ": {"status": "not_listed", "illustrative": True},
        "XX": {"status": "unknown_jurisdiction"},
    }


def test_the_jurisdiction_table_covers_the_conventions_and_five_countries():
    jurisdictions = load_jurisdictions()
    assert tuple(jurisdictions) == DEFAULT_JURISDICTIONS
    assert not jurisdictions["international"].derivative_rule


def test_a_changed_position_numbers_atoms_as_in_the_parent_library_smiles(classifier):
    kz = classifier.classify(MEPHEDRONE_ETHYL_ANALOGUE).status["KZ"]
    parent = classifier.library.by_name(kz["parent"])
    atom = Chem.MolFromSmiles(parent.smiles).GetAtomWithIdx(
        kz["changed_positions"][0]["parent_atom"] - 1
    )
    # The ring methyl of mephedrone is the position that grew into an ethyl group.
    assert atom.GetSymbol() == "C" and atom.GetDegree() == 1 and not atom.GetIsAromatic()
