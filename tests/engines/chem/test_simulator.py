"""Generic-control simulator: captured and missed substances with the reason for each."""

from __future__ import annotations

from cadis.engines.chem.catalogue import catalogue_rows
from cadis.engines.chem.simulator import GenericDefinition, derivative_rule, simulate

# A draft cathinone generic: ring unsubstituted or 3-/4-methyl or chloro, alpha methyl or
# ethyl, nitrogen with H/methyl/ethyl substituents (no pyrrolidine).
CATHINONE = GenericDefinition(
    "draft cathinone generic",
    "O=C(c1cc([*:4])c([*:5])cc1)C([*:1])N([*:2])[*:3]",
    {1: ("[CH3]", "[CH2][CH3]"), 2: ("[#1]", "[CH3]", "[CH2][CH3]"),
     3: ("[CH3]", "[CH2][CH3]"), 4: ("[#1]", "[CH3]", "[Cl]"), 5: ("[#1]", "[CH3]", "[Cl]")},
)  # fmt: skip


def test_it_captures_what_the_definition_allows_and_says_why_others_are_missed():
    results = {r.substance_id: r for r in simulate(CATHINONE, [
        ("mephedrone", "CNC(C)C(=O)c1ccc(C)cc1"),
        ("3-MMC", "CNC(C)C(=O)c1cccc(C)c1"),
        ("4-CMC", "CNC(C)C(=O)c1ccc(Cl)cc1"),
        ("methylone", "CNC(C)C(=O)c1ccc2c(c1)OCO2"),
        ("alpha-PVP", "CCCC(N1CCCC1)C(=O)c1ccccc1"),
        ("amphetamine", "CC(N)Cc1ccccc1"),
    ])}  # fmt: skip
    assert {k for k, r in results.items() if r.captured} == {"mephedrone", "3-MMC", "4-CMC"}
    assert results["amphetamine"].reason == "the core structure is not present"
    assert results["alpha-PVP"].reason.startswith("position 1")
    assert "position" in results["methylone"].reason


def test_detections_are_reported_apart_from_the_catalogue():
    results = simulate(CATHINONE, [], detections=[("det-17", "CCNC(C)C(=O)c1ccc(C)cc1")])
    assert [(r.source, r.captured) for r in results] == [("detection", True)]


def test_the_whole_catalogue_runs_through_a_definition():
    rows = [(r["id"], r["smiles"]) for r in catalogue_rows()]
    results = simulate(CATHINONE, rows)
    captured = {r.substance_id for r in results if r.captured}
    assert {"mephedrone", "4_mec", "3_mmc", "4_cmc", "ephedrone"} <= captured
    assert len(results) == len(rows)


def test_a_derivative_rule_with_one_parent_captures_ring_substituted_analogues():
    results = derivative_rule(
        [("methcathinone", "CNC(C)C(=O)c1ccccc1")],
        [("mephedrone", "CNC(C)C(=O)c1ccc(C)cc1"), ("methcathinone", "CNC(C)C(=O)c1ccccc1"),
         ("alpha-PVP", "CCCC(N1CCCC1)C(=O)c1ccccc1")],
    )  # fmt: skip
    assert [r.captured for r in results] == [True, True, False]
    assert results[0].reason.startswith("derivative of methcathinone")
