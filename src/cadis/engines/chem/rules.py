"""Ordered substructure rules that put a structure into an NPS category.

The first rule that matches decides; the order settles overlaps (a fentanyl contains a
phenethylamine, a kratom alkaloid contains a tryptamine). Each rule says *why* in its
description, and the rule id is reported with every classification.
"""

from __future__ import annotations

from rdkit import Chem

from .census import Census
from .rule_model import AMINE, RING_N, CategoryMatch, Rule, first_match

CATEGORIES = (
    "synthetic_cannabinoid",
    "synthetic_cathinone",
    "phenethylamine",
    "tryptamine",
    "opioid",
    "benzodiazepine",
    "arylcyclohexylamine",
    "piperazine",
    "aminoindane",
    "plant_based",
    "semi_synthetic_cannabinoid",
    "other",
)

PLANT_RULES = (
    Rule(
        "plant.kratom_alkaloid",
        "plant_based",
        "Corynanthe-type indole alkaloid with the beta-methoxyacrylate ester of kratom "
        "(mitragynine, 7-hydroxymitragynine, speciogynine, paynantheine)",
        ("[CX3;!R](=[CH;!R]-O-[CH3])(-C(=O)O[CH3])-[CX4;R]",),
    ),
    Rule(
        "plant.salvinorin",
        "plant_based",
        "Neoclerodane diterpene lactone carrying a 3-furyl group (salvinorins of Salvia divinorum)",
        ("[#6;R](=O)O[CX4;R](-c1ccoc1)",),
    ),
    Rule(
        "plant.aporphine",
        "plant_based",
        "Aporphine alkaloid (glaucine, nuciferine: blue lotus, Corydalis)",
        ("c1cccc2c1-c1cccc3c1[CX4](C2)[NX3]CC3",),
    ),
    Rule(
        "plant.isoxazolol",
        "plant_based",
        "3-Hydroxyisoxazole amino compound of Amanita mushrooms (muscimol, ibotenic acid)",
        ("[NX3;!R]-[CX4]-[#6]1~[#6]~[#6](~[OX1,OX2])~[#7]~[#8]~1",),
    ),
    Rule(
        "plant.arecoline",
        "plant_based",
        "Tetrahydropyridine-3-carboxylate of the areca nut (arecoline, arecaidine)",
        ("[#6](=O)(O)C1=CCCN(C)C1", "[#6](=O)(O)C1=CCC[NH]C1"),
        none_of=("a",),
    ),
    Rule(
        "plant.kavalactone",
        "plant_based",
        "4-Methoxy-pyran-2-one styryl lactone of kava (kavain, methysticin, yangonin)",
        ("[CH3]O[#6]1=,:[#6][#6](=O)[#8][#6](~[#6]~[#6]-a)~,:[#6]1",),
    ),
    Rule(
        "plant.sceletium_alkaloid",
        "plant_based",
        "3a-Aryl-octahydroindole of Sceletium tortuosum / kanna (mesembrine, mesembrenone)",
        ("a-[CX4;R]12~[#6;R]~[#6;R]~[#7;R]~[#6;R]~1~[#6;R]~[#6;R]~[#6;R]~[#6;R]~2",),
    ),
    Rule(
        "plant.cactus_isoquinoline",
        "plant_based",
        "1-Methyl-tetrahydroisoquinoline with an oxygenated ring (peyote alkaloids: pellotine, "
        "anhalonine, lophophorine)",
        ("[CX4;R](-[CH3])1-[NX3]-[CH2]-[CH2]-c2cc(-[OX2])c(-[OX2])cc21",),
    ),
    Rule(
        # EUDA treats hydrogenated, esterified and side-chain homologues of THC as
        # semi-synthetic cannabinoids, not as plant substances (HHC, HHC-O, THCP, THC-O).
        "sscb.semi_synthetic_cannabinoid",
        "semi_synthetic_cannabinoid",
        "THC-type dibenzopyran that is hydrogenated (HHC), esterified on the phenol (HHC-O, "
        "THC-O acetate) or carries a non-natural n-alkyl chain (THCP, HHCP)",
        (
            "[OX2]c1cc(-[CX4])cc2OC(C)(C)[CX4;R]3[CH2][CH2][CX4](-[CH3])[CH2][CX4;R]3c12",
            "[CX3](=O)-[OX2]c1cc(-[CX4])cc2OC(C)(C)[#6;R]3~[#6]~[#6]~[#6]~[#6]~[#6]3c12",
            "[OX2H]c1cc(-[CH2][CH2][CH2][CH2][CH2][CH2][CH3])cc2OC(C)(C)"
            "[#6;R]3~[#6]~[#6]~[#6](-[CH3])~[#6]~[#6]3c12",
        ),
    ),
    Rule(
        "plant.phytocannabinoid",
        "plant_based",
        "Phytocannabinoid: olivetol-derived (n-pentyl) terpenophenol (THC, CBD, CBN)",
        ("[OX2]c1cc([CH2][CH2][CH2][CH2][CH3])cc([OX2])c1-[#6;R]",),
    ),
)

BENZODIAZEPINE_RULES = (
    Rule(
        "bzd.1,4-benzodiazepine",
        "benzodiazepine",
        "1,4-Diazepine ring fused to an aromatic ring (classic, triazolo-, imidazolo- and "
        "thieno-fused benzodiazepines)",
        ("[#6]1~[#7]~[#6]~[#6]~[#7]~a:a~1",),
    ),
    Rule(
        "bzd.1,5-benzodiazepine",
        "benzodiazepine",
        "1,5-Diazepine ring fused to an aromatic ring (clobazam type)",
        ("[#7]1~[#6]~[#6]~[#6]~[#7]~a:a~1",),
    ),
    Rule(
        "bzd.2,3-benzodiazepine",
        "benzodiazepine",
        "2,3-Diazepine ring fused to an aromatic ring (tofisopam type)",
        ("[#6]1~[#7]~[#7]~[#6]~[#6]~a:a~1",),
    ),
)

# N1 substituent of an SCRA: a "tail" (pentyl, 5-fluoropentyl, cyclohexylmethyl, benzyl...);
# a bare N-methyl is left out (JWH-071 shows that even N-ethyl is still active).
SC_TAIL = "[CX4;!$([CH3])]"
SCRA_RULES = (
    Rule(
        "sc.azole_3_carbonyl",
        "synthetic_cannabinoid",
        "Indole, indazole or azaindole with an N1 tail and a 3-carbonyl linker (ketone, amide "
        "or ester): JWH, AM, UR-144, PB-22, *-PINACA, *-PICA, *-BUTINACA generations",
        (f"{SC_TAIL}-n1[c,n]c(-[CX3](=O)[#6,#7,#8])c2aaaac21",),
    ),
    Rule(
        "sc.tailless_amino_acid_amide",
        "synthetic_cannabinoid",
        "Indole/indazole-3-carboxamide of a valinate/tert-leucinate-type amino acid or cumyl "
        "head group without a tail (MDMB-INACA type)",
        (
            "[nX3]1[c,n]c(-C(=O)-[NH]-[CX4]-[CX3](=O)-[OX2,NX3])c2aaaac21",
            "[nX3]1[c,n]c(-C(=O)-[NH]-[CX4](C)(C)-a)c2aaaac21",
        ),
    ),
    Rule(
        "sc.benzimidazole_carbazole",
        "synthetic_cannabinoid",
        "N-tailed benzimidazole or carbazole carrying a carbonyl linker (FUBIMINA, EG-018, "
        "MDMB-CHMCZCA)",
        (
            f"{SC_TAIL}-n1c(-[CX3]=O)nc2ccccc21",
            # any ring position of the carbazole may carry the carbonyl linker
            f"{SC_TAIL}-n1c2ccccc2c2c1cccc2-[CX3]=O",
            f"{SC_TAIL}-n1c2ccccc2c2c1ccc(-[CX3]=O)c2",
            f"{SC_TAIL}-n1c2ccccc2c2c1cc(-[CX3]=O)cc2",
            f"{SC_TAIL}-n1c2ccccc2c2c1c(-[CX3]=O)ccc2",
        ),
    ),
    Rule(
        "sc.pyrrole_ketone",
        "synthetic_cannabinoid",
        "N-alkyl 3-aroylpyrrole (JWH-030, JWH-145 type)",
        ("[#6]-[CH2]-[CH2]-[CH2]-n1cc(-C(=O)a)cc1", "[#6]-[CH2]-[CH2]-[CH2]-n1ccc(-C(=O)a)c1"),
    ),
    Rule(
        "sc.tetramethylcyclopropyl_head",
        "synthetic_cannabinoid",
        "2,2,3,3-Tetramethylcyclopropyl carbonyl head group (UR-144, XLR-11, A-836,339 "
        "families, whatever the core)",
        ("[CX3](=O)-[CH1;R1]1-[CX4;R1](-[CH3])(-[CH3])-[CX4;R1]-1(-[CH3])-[CH3]",),
    ),
    Rule(
        "sc.arylmethyl_indole",
        "synthetic_cannabinoid",
        "N-alkyl indole with a 3-arylmethyl group instead of a carbonyl (JWH-175 type)",
        ("[#6]-[CH2]-[CH2]-[CH2]-n1cc(-[CH2]-a)c2ccccc21",),
    ),
    Rule(
        "sc.sulfamoyl_benzoate",
        "synthetic_cannabinoid",
        "Quinolin-8-yl sulfamoyl benzoate/benzamide (QMPSB, QMMSB, 2F-QMPSB)",
        (
            "O=C(-[O,N]-c1cccc2cccnc12)-c1cccc(-S(=O)(=O)-N)c1",
            "O=C(-[O,N]-c1cccc2cccnc12)-c1ccc(-S(=O)(=O)-N)cc1",
        ),
    ),
    Rule(
        "sc.oxizid",
        "synthetic_cannabinoid",
        "N-alkyl 2-oxindole 3-acylhydrazone ('OXIZID' generation, e.g. BZO-HEXOXIZID)",
        ("[#6](=O)-[NH]-[NX2]=C1-C(=O)-N(-[CX4])-c2ccccc21",),
    ),
    Rule(
        "sc.dimethylheptyl_phenol",
        "synthetic_cannabinoid",
        "Phenol carrying a 1,1-dimethylalkyl side chain (CP-47,497, HU-210, nabilone type)",
        ("c-[CX4](-[CH3])(-[CH3])-[CH2]-[CH2]-[CH2]-[CH2]",),
        all_of=("[OX2]-c",),
    ),
)

OPIOID_RULES = (
    Rule(
        "opioid.anilidopiperidine",
        "opioid",
        "4-Anilidopiperidine (fentanyl and its acyl, N-aryl and ring analogues)",
        ("[#6](=O)-[NX3](-a)-[CX4;R1]1-[CX4]-[CX4]-[NX3]-[CX4]-[CX4]-1",),
    ),
    Rule(
        "opioid.anilinopiperidine",
        "opioid",
        "4-Anilinopiperidine with an N-arylalkyl group (4-ANPP, despropionyl fentanyls)",
        ("[NX3;!$(N-C=O)](-a)-[CX4;R1]1-[CX4]-[CX4]-[NX3](-[CX4]-[CX4]-a)-[CX4]-[CX4]-1",),
    ),
    Rule(
        "opioid.thiambutene",
        "opioid",
        "3-Amino-1,1-dithienylbut-1-ene (thiambutenes)",
        ("s1cccc1-C(-c1sccc1)=C-[CX4]-[NX3;!$(N-C=O)]",),
    ),
    Rule(
        "opioid.nitazene",
        "opioid",
        "2-Benzylbenzimidazole with an N1 aminoethyl chain (nitazenes)",
        (f"{AMINE}-[CX4]-[CX4]-n1c(-[CX4]-a)nc2aaaac21",),
    ),
    Rule(
        "opioid.benzimidazolone_piperidine",
        "opioid",
        "1-(Piperidin-4-yl)benzimidazol-2-one with an N-arylalkyl piperidine (brorphine type)",
        (f"[#6]1(=O)-,:[#7](-[CX4;R]2CC{RING_N}(-[CX4]-a)CC2)-,:c2ccccc2-,:[#7]1",),
    ),
    Rule(
        "opioid.u_type",
        "opioid",
        "trans-2-Aminocyclohexyl benzamide/arylacetamide (U-47700, U-50488) or "
        "1-aminocyclohexylmethyl benzamide (AH-7921)",
        (
            f"[#6;$([#6](=O)a),$([#6](=O)[CH2]a)]-[NX3]-[CX4;R1]1-[CX4;R1](-{AMINE})-[CX4]-[CX4]-[CX4]-[CX4]-1",
            f"[#6](=O)(a)-[NX3]-[CH2]-[CX4;R1]1(-{AMINE})-[CX4]-[CX4]-[CX4]-[CX4]-[CX4]-1",
        ),
    ),
    Rule(
        "opioid.4_arylpiperidine",
        "opioid",
        "Piperidine with a quaternary 4-aryl carbon: morphinans, benzomorphans, pethidine, "
        "prodines, ketobemidone",
        ("a-[CX4;R;D4]1-[#6;R]-[CX4]-[NX3;!$(N-C=O)]-[CX4]-[#6;R]-1",),
    ),
    Rule(
        "opioid.diphenylpropylamine",
        "opioid",
        "3,3-Diaryl-propylamine with a carbonyl/nitrile/ester on the diaryl carbon "
        "(methadone, LAAM, dextromoramide, propoxyphene type)",
        (
            f"a-[CX4](-a)(-[#6;$(C=O),$(C#N)])-[CX4]-[CX4]-{AMINE}",
            # levomethadyl (LAAM) and methadol: the ketone reduced or esterified
            f"a-[CX4;D4](-a)(-[CX4]-[OX2])-[CX4]-[CX4]-{AMINE}",
            f"a-[CX4](-[CH2]-a)(-O-C(=O))-[CX4]-[CX4]-{AMINE}",
        ),
    ),
    Rule(
        "opioid.tramadol",
        "opioid",
        "1-Aryl-2-(aminomethyl)cyclohexanol (tramadol type) and 1-aryl-2-aminocyclohexene "
        "carboxylate (tilidine)",
        (
            f"[CX4;R]1(-[OX2])(-a)-[CX4;R](-[CH2]-{AMINE})-[CX4]-[CX4]-[CX4]-[CX4]-1",
            # tilidine: 2-amino-1-arylcyclohexene-1-carboxylate
            f"[#6](=O)(-[OX2])-[CX4;R]1(-a)-[CX4;R](-{AMINE})-[#6;R]~[#6;R]~[#6;R]~[#6;R]-1",
        ),
    ),
    Rule(
        "opioid.piperazine_opioid",
        "opioid",
        "Piperazine opioids: 1,2-diarylethyl-4-cyclohexylpiperazine (MT-45) and "
        "1-acyl-4-cinnamylpiperazine (AP-237, bucinnazine)",
        (
            "a-[CX4]-[CX4](-a)-[NX3]1-[CX4]-[CX4]-[NX3](-[CX4;R])-[CX4]-[CX4]-1",
            "[CX4]-C(=O)-N1-[CX4]-[CX4]-N(-[CH2]-[CH]=[CH]-a)-[CX4]-[CX4]-1",
        ),
    ),
)

ARYLCYCLOHEXYLAMINE_RULES = (
    Rule(
        "ach.arylcyclohexylamine",
        "arylcyclohexylamine",
        "Cyclohexane (or cyclohexanone) carbon carrying both an aryl group and an amine "
        "(ketamine, PCP, methoxetamine, eticyclidine)",
        (f"a-[CX4;R]1(-{AMINE})-[#6]-[#6]-[#6]-[#6]-[#6]-1",),
    ),
)

CATHINONE_RULES = (
    Rule(
        "cath.beta_keto_phenethylamine",
        "synthetic_cathinone",
        "Aryl-C(=O)-C(alpha)-N: beta-keto phenethylamine (cathinones, "
        "alpha-pyrrolidinophenones, methylenedioxy cathinones)",
        (f"a-[CX3;!R](=O)-[CX4;!R]-{AMINE}",),
    ),
)

AMINOINDANE_RULES = (
    Rule(
        "ai.aminoindane",
        "aminoindane",
        "Amine on the five-membered ring of indane (2-AI, MDAI, 5-IAI, 1-aminoindanes)",
        (
            f"{AMINE}-[CX4;R]1-[CX4]-c2aaaac2-[CX4]-1",
            f"{AMINE}-[CX4;R]1-c2aaaac2-[CX4]-[CX4]-1",
        ),
    ),
)

TRYPTAMINE_RULES = (
    Rule(
        "trp.tryptamine",
        "tryptamine",
        "Indole-3-ethylamine with an open side chain (DMT, 4-HO/5-MeO tryptamines, "
        "alpha-alkyltryptamines)",
        (f"{AMINE}-[CX4;!R]-[CX4;!R]-c1c[nX3]c2aaaac12",),
    ),
)

PIPERAZINE_RULES = (
    Rule(
        "pip.aryl_or_arylalkyl_piperazine",
        "piperazine",
        "Piperazine with an aryl or arylalkyl group on a ring nitrogen (BZP, mCPP, TFMPP, MeOPP)",
        (
            "a-[NX3;R]1-[CX4]-[CX4]-[NX3]-[CX4]-[CX4]-1",
            "a-[CX4;!R]-[NX3;R]1-[CX4]-[CX4]-[NX3]-[CX4]-[CX4]-1",
            "a-[CX4;!R]-[CX4;!R]-[NX3;R]1-[CX4]-[CX4]-[NX3]-[CX4]-[CX4]-1",
            "a-[CX4;!R]-[CX4;!R]-[CX4;!R]-[NX3;R]1-[CX4]-[CX4]-[NX3]-[CX4]-[CX4]-1",
        ),
    ),
)

# "Other" families that would otherwise fall into the phenethylamine rule.
OTHER_BEFORE_PHENETHYLAMINE = (
    Rule(
        "other.gabapentinoid",
        "other",
        "Gamma-amino acid (gabapentin, pregabalin, phenibut, baclofen)",
        ("[NH2]-[CH2]-[CX4]-[CH2]-C(=O)[OH]", "[NH2]-[CH2]-[CX4]-[CH2]-C(=O)[O-]"),
    ),
    Rule(
        "other.diarylethylamine",
        "other",
        "1,2-Diarylethylamine (ephenidine, lefetamine, diphenidine): EUDA 'other'",
        (f"a-[CX4]-[CX4](-a)-{AMINE}",),
    ),
)

PHENETHYLAMINE_RULES = (
    Rule(
        "pea.phenethylamine",
        "phenethylamine",
        "Benzene ring-CH2-C-N with an open chain and no beta-hydroxy group (2C-x, DOx, "
        "NBOMe, MDxx, amphetamines, benzofurans)",
        (f"{AMINE}-[CX4;!R]-[CX4;!R;!$(C-[OH])]-[c;r6]",),
    ),
)

# Named "other" families, for a clearer explanation; anything unmatched is "other" too.
OTHER_RULES = (
    Rule(
        "other.phenidate",
        "other",
        "Aryl(piperidin-2-yl)acetate (methylphenidate, ethylphenidate)",
        ("a-[CX4](-C(=O)O)-[CX4;R]1-[NX3]-[CX4]-[CX4]-[CX4]-[CX4]-1",),
    ),
    Rule(
        "other.etomidate",
        "other",
        "1-(1-Arylethyl)imidazole-5-carboxylate (etomidate, metomidate analogues)",
        ("[#6](=O)(O)c1cncn1[CX4](-[CH3])a",),
    ),
    Rule(
        "other.quinazolinone",
        "other",
        "2-Alkyl-3-aryl-quinazolin-4-one (methaqualone analogues)",
        ("O=c1n(-a)c([CX4])nc2ccccc12",),
    ),
    Rule(
        "other.modafinil",
        "other",
        "Benzhydryl sulfinyl/thio acetamide (modafinil analogues)",
        ("a-[CX4;H1](-a)-[SX2,SX3]-[CH2]-C(=O)",),
    ),
    Rule(
        "other.ghb",
        "other",
        "GHB, GBL and 1,4-butanediol type",
        ("[OX2H1]-[CH2]-[CH2]-[CH2]-C(=O)[OX2]", "O=C1CCCO1", "[OH][CH2][CH2][CH2][CH2][OH]"),
        none_of=("a",),
    ),
    Rule(
        "other.alkyl_nitrite",
        "other",
        "Alkyl nitrite ('poppers')",
        ("[CX4]-O-N=O",),
    ),
    Rule(
        "other.aliphatic_amine",
        "other",
        "Small aliphatic amine stimulant (DMAA, DMHA, octodrine)",
        ("[NX3;H2,H1;!$(N-C=O)]-[CX4]",),
        none_of=("a", "[R]"),
    ),
)

RULES: tuple[Rule, ...] = (
    PLANT_RULES
    + BENZODIAZEPINE_RULES
    + SCRA_RULES
    + OPIOID_RULES
    + ARYLCYCLOHEXYLAMINE_RULES
    + CATHINONE_RULES
    + AMINOINDANE_RULES
    + TRYPTAMINE_RULES
    + PIPERAZINE_RULES
    + OTHER_BEFORE_PHENETHYLAMINE
    + PHENETHYLAMINE_RULES
    + OTHER_RULES
)

FALLBACK = Rule("other.no_family_rule", "other", "No family rule matched", ())


def categorise(
    mol: Chem.Mol, rules: tuple[Rule, ...] = RULES, *, prepared: Census | None = None
) -> CategoryMatch:
    """The category of a (standardised) molecule and the rule that decided it.

    Pass the molecule's `census` if it was already taken (the classifier shares it with
    the derivative search).

    >>> categorise(Chem.MolFromSmiles("CNC(C)C(=O)c1ccc(C)cc1")).category
    'synthetic_cathinone'
    >>> categorise(Chem.MolFromSmiles("CCO")).rule_id
    'other.no_family_rule'
    """
    match = first_match(mol, rules, prepared)
    if match is None:
        return CategoryMatch(FALLBACK.category, FALLBACK.id, FALLBACK.description)
    return CategoryMatch(match.category, match.id, match.description)
