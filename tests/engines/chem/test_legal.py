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
        "basis": "listing",
        "schedule": "1971 Schedule II",
        "since": "2015",
        "source": "CND 58th session (March 2015)",
    }
    assert status["KZ"]["status"] == "controlled"
    assert status["KZ"]["basis"] == "inherited_listing"
    assert "1971 Schedule II" in status["KZ"]["list"]


def test_a_derivative_is_controlled_only_where_the_derivative_rule_applies(classifier):
    jurisdictions = load_jurisdictions()
    status = classifier.classify(MEPHEDRONE_ETHYL_ANALOGUE).status
    assert status["international"]["status"] == "not_found_in_lists_held"
    for code in ("KZ", "KG", "TJ", "TM", "UZ"):
        # an unverified national model that finds nothing cannot say "not controlled"
        expected = "controlled_derivative" if jurisdictions[code].derivative_rule else "unknown"
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


def test_an_unrelated_substance_is_not_found_in_the_lists_held_and_unknown_nationally(classifier):
    status = classifier.classify("CCCCCCCCCCO").status
    assert status["international"]["status"] == "not_found_in_lists_held"
    assert status["international"]["list_date"] == "2025-03-14"
    assert "CND" in status["international"]["list_version"]
    assert {status[c]["status"] for c in ("KZ", "KG", "TJ", "TM", "UZ")} == {"unknown"}


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
        "UZ": {
            "status": "unknown",
            "reason": "no verified list held; the illustrative model finds no listing",
            "list_version": "illustrative model (not a verified copy of the national list)",
            "illustrative": True,
        },
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


def test_a_mirroring_country_inherits_an_international_listing_by_structure(classifier):
    # alpha-PVP written as another valid SMILES: matched by structure, not by name
    status = classifier.classify("O=C(c1ccccc1)C(CCC)N1CCCC1").status
    for code in ("TM", "UZ"):
        assert status[code]["status"] == "controlled"
        assert status[code]["basis"] == "inherited_listing"
        assert status[code]["schedule"] == "1971 Schedule II"
        assert status[code]["illustrative"] is True


def test_recent_cnd_listings_carry_their_year_and_source(classifier):
    cases = {
        "CCCCn1nc(C(=O)N[C@H](C(N)=O)C(C)(C)C)c2ccccc21": ("1971 Schedule II", "2023"),
        "Cc1nnc2n1-c1ccc(Br)cc1C(c1ccccc1)=NC2": ("1971 Schedule IV", "2024"),
        "CCCOc1ccc(Cc2nc3cc([N+](=O)[O-])ccc3n2CCN2CCCC2)cc1": ("1961 Schedule I", "2025"),
    }
    for smiles, (schedule, year) in cases.items():
        answer = classifier.classify(smiles).status["international"]
        assert (answer["schedule"], answer["since"]) == (schedule, year)
        assert answer["source"].startswith("CND")


def test_analogue_triage_below_the_threshold_is_not_shown(classifier):
    from cadis.engines.chem.classify import ANALOGUE_TRIAGE_MIN_SIMILARITY

    result = classifier.classify("Cc1cccc(C)c1NC1=NCCCS1")  # xylazine
    assert all(t["similarity"] >= ANALOGUE_TRIAGE_MIN_SIMILARITY for t in result.analogue_triage)
    assert "NM-2-AI" not in result.explanation


def test_another_stereoisomer_is_named_with_a_warning(classifier):
    iso_lsd = "CCN(CC)C(=O)[C@H]1C=C2c3cccc4[nH]cc(c34)C[C@H]2N(C)C1"
    result = classifier.classify(iso_lsd)
    assert result.known.name_en == "Lysergide"
    assert [w["code"] for w in result.warnings] == ["stereoisomer_of"]
    lsd = "CCN(CC)C(=O)[C@@H]1C=C2c3cccc4[nH]cc(c34)C[C@H]2N(C)C1"
    assert classifier.classify(lsd).warnings == []
