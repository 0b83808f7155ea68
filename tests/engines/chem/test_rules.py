"""Each NPS category on our own examples, classified by the substructure rules alone.

The examples are deliberately *not* library entries: close analogues and less common
chemotypes, so the rules (not exact matches) are what is tested.
"""

from __future__ import annotations

import pytest
from rdkit import Chem

from cadis.engines.chem import CATEGORIES, RULES, categorise

EXAMPLES = {
    "synthetic_cannabinoid": [
        "C=CCCCn1nc(C(=O)NC(C(N)=O)C(C)(C)C)c2ccccc21",  # ADB-4en-PINACA
        "COC(=O)C(NC(=O)c1cn(CCCCF)c2ccccc12)C(C)(C)C",  # 4F-MDMB-BICA
        "CCCCCn1nc(C(=O)NC(C)(C)c2ccccc2)c2cccnc21",  # CUMYL-P7AICA-like azaindazole
        "O=C(c1cn(Cc2ccccc2)c2ccccc12)c1cccc2ccccc12",  # benzyl-tailed naphthoylindole
        "CCCCCN1C(=O)C(=NNC(=O)c2ccccc2)c2ccccc21",  # BZO-POXIZID
        "CCCCCCCC(C)(C)c1ccc(C2CCCC(O)C2)c(O)c1",  # CP-47,497 C8 homologue
        "CCCCCn1c(C(=O)c2ccc(OC)cc2)nc2ccccc21",  # benzimidazole ketone
        "CCCCN1C=CSC1=NC(=O)C1C(C)(C)C1(C)C",  # A-836,339 (thiazolylidene amide)
        "CCCCCn1cc(Cc2cccc3ccccc23)c2ccccc21",  # JWH-175 (methylene linker)
        "Cc1ccc(C(=O)Oc2cccc3cccnc23)cc1S(=O)(=O)N1CCCCC1",  # QMPSB
        "Cc1c(C(=O)c2cccc3ccccc23)c2cccc3OCC(CN4CCOCC4)n1c32",  # WIN 55,212-2
        "CCCCCn1cc(C(=O)N2CCN(C)CC2)c2ccccc21",  # MEPIRAPIM (not a piperazine NPS)
    ],
    "synthetic_cathinone": [
        "CCCCCC(N1CCCC1)C(=O)c1ccc2c(c1)OCO2",  # MDPHP
        "CCNC(C)C(=O)c1ccc(Cl)cc1",  # 4-CEC
        "O=C(C(c1ccccc1)N1CCCC1)c1ccccc1",  # alpha-D2PV
        "CCCC(NC(C)C)C(=O)c1ccc(C)cc1",  # N-isopropyl-4-methylpentedrone
        "CCCC(N1CCCCC1)C(=O)c1ccccc1",  # alpha-PVP piperidine analogue
    ],
    "phenethylamine": [
        "NCCc1cc2c(cc1Br)OCC2",  # 2C-B-like dihydrobenzofuran
        "COc1cc(CCNCc2cc3c(cc2)OCO3)c(OC)cc1I",  # 25I-NBMD
        "CC(N)Cc1ccc2c(c1)CCC2",  # 5-APDI (indanylamphetamine)
        "CCCc1cc(OC)c(CC(C)N)cc1OC",  # DOPR
        "CNC(Cc1ccc(Br)cc1)C",  # 4-bromomethamphetamine
        "COc1cc(CCN)cc(OC)c1OCC=C",  # allylescaline-type
    ],
    "tryptamine": [
        "CCCN(CCC)CCc1c[nH]c2ccc(OC)cc12",  # 5-MeO-DPT
        "C=CCN(C)CCc1c[nH]c2cccc(OC(C)=O)c12",  # 4-AcO-MALT
        "CC(N)Cc1c[nH]c2ccc(F)cc12",  # 5-fluoro-AMT
        "CN(C)CCc1c[nH]c2ccc3OCOc3c12",  # 4,5-methylenedioxy-DMT
    ],
    "opioid": [
        "CCC(=O)N(c1ccc(F)cc1)C1CCN(CCc2ccccc2)CC1",  # para-fluorofentanyl
        "CC(C)Oc1ccc(Cc2nc3cc([N+](=O)[O-])ccc3n2CCN2CCCC2)cc1",  # isotonitazepyne
        "CCNCCn1c(Cc2ccc(OC(C)C)cc2)nc2cc([N+](=O)[O-])ccc21",  # N-desethyl isotonitazene
        "CN(C)C1CCCCC1N(C)C(=O)c1ccc(Br)cc1",  # U-47700 bromo analogue
        "CCN(CC)C1CCCCC1N(C)C(=O)c1ccc(Cl)c(Cl)c1",  # U-49900
        "CCC(=O)OC1(c2ccccc2)CCN(CCc2ccccc2)CC1",  # PEPAP (prodine type)
        "CN1CC[C@]23c4c5ccc(OCC)c4O[C@H]2[C@@H](O)C=C[C@H]3[C@H]1C5",  # ethylmorphine
        "CCCC(=O)N1CCN(CC=Cc2ccc(F)cc2)CC1C",  # fluorinated AP-237 analogue
        "c1ccc(NC2CCN(CCc3ccccc3)CC2)cc1",  # 4-ANPP
        "CCN(CC)C(C)C=C(c1cccs1)c1cccs1",  # diethylthiambutene
        "CCC(OC(C)=O)C(CC(C)N(C)C)(c1ccccc1)c1ccccc1",  # LAAM
        "CCC(=O)N(c1ccccc1)C1CCN(CC(O)c2cccs2)CC1C",  # beta-hydroxy-3-methylthiofentanyl
        "CCC(=O)C(CC(C)N1CCCCC1)(c1ccccc1)c1ccccc1",  # dipipanone
    ],
    "benzodiazepine": [
        "Cc1nnc2n1-c1ccc(Br)cc1C(c1ccccc1)=NC2",  # bromazolam
        "Cc1nnc2n1-c1sc(Br)cc1C(c1ccccc1F)=NC2",  # flubrotizolam-like
        "O=C1CN=C(c2ccccc2F)c2cc(Br)ccc2N1",  # norflubromazepam
        "CN1C(=O)CN=C(C2=CCCCC2)c2cc(Cl)ccc21",  # tetrazepam
        "Cc1ncc2n1-c1ccc(Cl)cc1C(c1ccccc1)=NC2",  # desfluoro-midazolam
    ],
    "arylcyclohexylamine": [
        "CCNC1(CCCCC1=O)c1cccc(O)c1",  # O-desmethyl-MXE
        "COc1cccc(C2(N3CCOCC3)CCCCC2)c1",  # 3-MeO-PCMo
        "CNC1(CCCCC1=O)c1ccccc1OC",  # 2-MeO-ketamine
        "CCCNC1(CCCCC1)c1ccccc1",  # PCPr
    ],
    "piperazine": [
        "Clc1cccc(N2CCNCC2)c1Cl",  # 2,3-DCPP
        "FC(F)(F)c1ccc(N2CCNCC2)cc1",  # pTFMPP
        "C1CN(CCN1Cc1ccccc1)Cc1ccccc1",  # DBZP
        "COc1ccc(CN2CCNCC2)cc1",  # 4-MeO-BZP
    ],
    "aminoindane": [
        "CNC1Cc2cc3c(cc2C1)OCO3",  # MDMAI
        "NC1Cc2ccc(C(F)(F)F)cc2C1",  # TAI
        "NC1Cc2cc(C)c(C)cc2C1",  # 5,6-dimethyl-2-aminoindane
    ],
    "plant_based": [
        "CC[C@@H]1CN2CCc3c([nH]c4cccc(OC)c34)[C@H]2C[C@@H]1/C(=C\\OC)C(=O)OC",  # speciogynine
        "COCO[C@H]1C[C@@H](C(=O)OC)[C@]2(C)CC[C@H]3C(=O)O[C@H](c4ccoc4)C[C@]3(C)[C@H]2C1=O",
        "COc1cc2CCN(C)C3Cc4ccc(OC)c(OC)c4-c(c1OC)c23",  # glaucine positional isomer
        "NCc1cc(=O)[nH]o1",  # muscimol (isoxazolone tautomer)
        "CN1CCC2(c3ccc(OC)c(OC)c3)CC(=O)CCC12",  # mesembrine (kanna)
        "COc1cc2CCN(C)C(C)c2c(O)c1OC",  # pellotine (peyote)
    ],
    "semi_synthetic_cannabinoid": [
        # our own analogues, none in the catalogue: HHC butyl homologue, THCP acetate,
        # the propyl ester of HHC, and HHC with a hexyl chain
        "CCCCc1cc(O)c2c(c1)OC(C)(C)[C@@H]1CC[C@@H](C)C[C@@H]21",
        "CCCCCCCc1cc(OC(C)=O)c2c(c1)OC(C)(C)[C@@H]1CCC(C)=C[C@@H]21",
        "CCCCCc1cc(OC(=O)CC)c2c(c1)OC(C)(C)[C@@H]1CC[C@@H](C)C[C@@H]21",
        "CCCCCCc1cc(O)c2c(c1)OC(C)(C)[C@@H]1CC[C@H](C)C[C@@H]21",
    ],
    "other": [
        "CC(O)CCC(=O)O",  # GHV
        "COC(=O)C(c1ccc2ccccc2c1)C1CCCCN1",  # methylnaphthidate
        "CCCCCCC(C)N",  # 2-aminooctane (aliphatic amine)
        "Cc1nc2ccccc2c(=O)n1-c1ccc(F)cc1",  # 4'-fluoromethaqualone-type
        "CC(C)CON=O",  # isobutyl nitrite
        "CCNC(Cc1ccccc1)c1ccccc1F",  # 2-fluoroephenidine
        "OC(c1ccccc1)(c1ccccc1)C1CCCCN1",  # pipradrol
        "CC(CC1CCCCC1)NC",  # propylhexedrine
    ],
}


@pytest.mark.parametrize(
    ("category", "smiles"),
    [(category, smiles) for category, examples in EXAMPLES.items() for smiles in examples],
)
def test_the_rules_put_each_example_in_its_category(category, smiles):
    mol = Chem.MolFromSmiles(smiles)
    assert mol is not None, smiles
    match = categorise(mol)
    assert match.category == category, f"{smiles} -> {match.rule_id}"


def test_every_category_has_examples_and_every_rule_a_known_category():
    assert set(EXAMPLES) == set(CATEGORIES)
    assert {rule.category for rule in RULES} <= set(CATEGORIES)


def test_every_rule_id_is_unique_and_every_smarts_compiles():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        for key in ("any", "all", "none"):
            assert all(p is not None for p in rule.patterns(key))


def test_the_match_names_the_rule_that_fired():
    match = categorise(Chem.MolFromSmiles("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"))
    assert match.rule_id == "opioid.anilidopiperidine"
    assert "fentanyl" in match.description


def test_a_kratom_alkaloid_is_plant_based_not_a_tryptamine():
    mitragynine = "CC[C@@H]1CN2CCc3c([nH]c4cccc(OC)c34)[C@@H]2C[C@@H]1/C(=C\\OC)C(=O)OC"
    assert categorise(Chem.MolFromSmiles(mitragynine)).category == "plant_based"


def test_every_rule_is_documented_in_the_rules_table():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[3] / "docs" / "chem.md").read_text(encoding="utf-8")
    missing = [rule.id for rule in RULES if f"`{rule.id}`" not in docs]
    assert missing == []
