"""The "derivative" rule: formal replacement of H, halogen or OH by monovalent groups."""

from __future__ import annotations

import pytest
from rdkit import Chem

from cadis.engines.chem import DerivativeIndex, DerivativeParent, derivative_changes

AMPHETAMINE = "CC(N)Cc1ccccc1"
METHAMPHETAMINE = "CNC(C)Cc1ccccc1"
TWO_C_B = "COc1cc(CCN)c(OC)cc1Br"
PSILOCIN = "CN(C)CCc1c[nH]c2cccc(O)c12"
FENTANYL = "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"
KETAMINE = "CNC1(CCCCC1=O)c1ccccc1Cl"
JWH_018 = "CCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21"


def parent(smiles: str) -> DerivativeParent:
    return DerivativeParent.build(smiles, Chem.MolFromSmiles(smiles))


def changes(candidate: str, listed: str):
    return derivative_changes(Chem.MolFromSmiles(candidate), parent(listed))


@pytest.mark.parametrize(
    ("candidate", "listed", "was", "now"),
    [
        ("COc1cc(CCN)c(OC)cc1I", TWO_C_B, "Br", "I"),  # halogen swapped for another halogen
        ("COc1cc(CCN)c(OC)cc1C", TWO_C_B, "Br", "C"),  # halogen replaced by methyl
        ("CC(N)Cc1ccc(F)cc1", AMPHETAMINE, "H", "F"),  # ring hydrogen replaced by fluorine
        (METHAMPHETAMINE, AMPHETAMINE, "H", "C"),  # N-methyl
        ("CCCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21", JWH_018, "H", "C"),  # chain extended
        ("FCCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21", JWH_018, "H", "F"),  # 5-fluoropentyl
        ("CN(C)CCc1c[nH]c2cccc(OC(C)=O)c12", PSILOCIN, "OH", "OC(C)=O"),  # OH acetylated
        ("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccc(Cl)cc2)CC1", FENTANYL, "H", "Cl"),
        ("CCNC1(CCCCC1=O)c1ccccc1Cl", KETAMINE, "H", "C"),  # N-ethyl ketamine
    ],
)
def test_it_recognises_a_derivative_and_names_the_changed_position(candidate, listed, was, now):
    found = changes(candidate, listed)
    assert found is not None
    assert [(c.was, c.now) for c in found] == [(was, now)]


def test_it_reports_several_changed_positions():
    found = changes("CNCCc1cc(OC)c(I)cc1OC", TWO_C_B)
    assert sorted((c.element, c.was, c.now) for c in found) == [("C", "Br", "I"), ("N", "H", "C")]


def test_a_changed_position_points_at_the_parent_atom():
    (change,) = changes("CC(N)Cc1ccc(F)cc1", AMPHETAMINE)
    parent_mol = Chem.MolFromSmiles(AMPHETAMINE)
    assert parent_mol.GetAtomWithIdx(change.parent_atom - 1).GetSymbol() == "C"
    assert change.as_dict()["now"] == "F"


@pytest.mark.parametrize(
    ("candidate", "listed", "why"),
    [
        ("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)C1", FENTANYL, "piperidine became pyrrolidine"),
        ("CCC(=O)N(c1ccccc1)C1CCCN(CCc2ccccc2)CC1", FENTANYL, "piperidine became azepane"),
        ("CNC1(CCCCCC1=O)c1ccccc1Cl", KETAMINE, "cyclohexanone became cycloheptanone"),
        ("CC(N)Cc1ccc2ccccc2c1", AMPHETAMINE, "a ring was fused onto the benzene"),
        ("CC(N)Cc1ccccn1", AMPHETAMINE, "a ring carbon became nitrogen"),
        ("CC(N)CCc1ccccc1", AMPHETAMINE, "a carbon was inserted into the chain"),
        ("COc1cc(CCCN)c(OC)cc1Br", TWO_C_B, "the side chain was lengthened inside"),
        (AMPHETAMINE, METHAMPHETAMINE, "a group was removed, not replaced"),
        ("COc1ccc(OC)c(CCN)c1", TWO_C_B, "the bromine was removed, not replaced"),
        ("CC(N)C(=O)c1ccccc1", AMPHETAMINE, "=O replaces two hydrogens: not monovalent"),
        ("CC1Cc2ccccc2CN1", AMPHETAMINE, "the amine was closed into a new ring"),
        (AMPHETAMINE, AMPHETAMINE, "identical structure is the parent itself"),
    ],
)
def test_it_rejects_ring_and_skeleton_changes(candidate, listed, why):
    assert changes(candidate, listed) is None, why


def test_the_index_finds_the_most_specific_parent_first():
    index = DerivativeIndex(
        [
            ("amphetamine", Chem.MolFromSmiles(AMPHETAMINE)),
            ("methamphetamine", Chem.MolFromSmiles(METHAMPHETAMINE)),
        ]
    )
    hits = [key for key, _ in index.search(Chem.MolFromSmiles("CNC(C)Cc1ccc(F)cc1"))]
    assert hits == ["methamphetamine", "amphetamine"]


def test_the_index_returns_nothing_for_an_unrelated_structure():
    index = DerivativeIndex([("2C-B", Chem.MolFromSmiles(TWO_C_B))])
    assert list(index.search(Chem.MolFromSmiles("CCCCCCCCO"))) == []
