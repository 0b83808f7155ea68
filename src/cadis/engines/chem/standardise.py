"""Standardise a parsed molecule: pick the parent, neutralise, describe it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdkit import Chem
from rdkit.Chem import rdinchi, rdMolDescriptors
from rdkit.Chem.MolStandardize import rdMolStandardize

from .errors import ChemError, ChemErrorCode, ChemWarningCode

MAX_HEAVY_ATOMS = 150
# Elements of organic drug chemistry; anything else in the parent means metal/inorganic.
ORGANIC_ELEMENTS = frozenset({1, 5, 6, 7, 8, 9, 14, 15, 16, 17, 34, 35, 53})
# A further organic fragment below this size is a counter-ion or solvent, not a second drug.
MIN_SIGNIFICANT_HEAVY_ATOMS = 6
# Common acids and solvents of drug salts (neutral canonical SMILES); stripped silently.
COUNTER_IONS = frozenset(
    {
        "CC(=O)O",
        "O=C(O)C(=O)O",
        "O=C(O)/C=C/C(=O)O",
        "O=C(O)/C=C\\C(=O)O",
        "O=C(O)C=CC(=O)O",
        "O=C(O)CC(O)(CC(=O)O)C(=O)O",
        "O=C(O)C(O)C(O)C(=O)O",
        "O=C(O)[C@H](O)[C@@H](O)C(=O)O",
        "O=C(O)[C@@H](O)[C@H](O)C(=O)O",
        "CS(=O)(=O)O",
        "Cc1ccc(S(=O)(=O)O)cc1",
        "O=S(=O)(O)c1ccccc1",
        "O=C(O)C(F)(F)F",
        "O=C(O)CCC(=O)O",
        "CC(O)C(=O)O",
        "CCO",
        "CO",
        "CC(C)O",
        "CC#N",
        "ClCCl",
        "ClC(Cl)Cl",
        "CS(C)=O",
        "O=C(O)c1ccccc1",
        "O=C(O)CC(O)C(=O)O",
    }
)

# Standard InChIKey without the auxiliary information block, which the key never uses: the
# same key (checked on the 9,177 benchmark structures), about 3 % less time in InChI.
INCHI_OPTIONS = "-AuxNone"

_UNCHARGER = rdMolStandardize.Uncharger()
_NORMALIZER = rdMolStandardize.Normalizer()
_TAUTOMERS = rdMolStandardize.TautomerEnumerator()


@dataclass(slots=True)
class Standardised:
    mol: Chem.Mol
    smiles: str
    formula: str
    exact_mass: float
    heavy_atoms: int
    warnings: list[tuple[ChemWarningCode, str]] = field(default_factory=list)
    _inchikey: str | None = None

    @property
    def inchikey(self) -> str:
        """Standard InChIKey, computed on first use (it is the slowest step of the pipeline)."""
        if self._inchikey is None:
            self._inchikey = rdinchi.MolToInchiKey(self.mol, INCHI_OPTIONS) or ""
        return self._inchikey

    @property
    def connectivity(self) -> str:
        """First InChIKey block: the skeleton without stereo or isotopes."""
        return self.inchikey.split("-")[0]

    @property
    def flat_smiles(self) -> str:
        """Canonical SMILES without stereo marks (matches stereoisomers)."""
        if not any(ch in self.smiles for ch in "@/\\"):
            return self.smiles
        return Chem.MolToSmiles(self.mol, isomericSmiles=False)


def _heavy(mol: Chem.Mol) -> int:
    return mol.GetNumHeavyAtoms()


# Single SMARTS queries are much faster than Python loops over atoms (throughput matters).
_CARBON = Chem.MolFromSmarts("[#6]")
_CHARGED = Chem.MolFromSmarts("[+,-]")
_FOREIGN = Chem.MolFromSmarts("[!#1;!#5;!#6;!#7;!#8;!#9;!#14;!#15;!#16;!#17;!#34;!#35;!#53]")


def _has_carbon(mol: Chem.Mol) -> bool:
    return mol.HasSubstructMatch(_CARBON)


def _foreign_elements(mol: Chem.Mol) -> list[str]:
    if not mol.HasSubstructMatch(_FOREIGN):
        return []
    return sorted(
        {atom.GetSymbol() for atom in mol.GetAtoms() if atom.GetAtomicNum() not in ORGANIC_ELEMENTS}
    )


def _neutral(mol: Chem.Mol) -> Chem.Mol:
    if mol.HasSubstructMatch(_CHARGED):
        mol = _NORMALIZER.normalize(mol)
        mol = _UNCHARGER.uncharge(mol)
    return mol


def choose_parent(mol: Chem.Mol) -> tuple[Chem.Mol, list[tuple[ChemWarningCode, str]]]:
    """Keep the largest organic component; say what was stripped and if it was a mixture.

    >>> parent, warnings = choose_parent(Chem.MolFromSmiles("CNC(C)Cc1ccccc1.Cl"))
    >>> Chem.MolToSmiles(parent), warnings[0][0].value
    ('CNC(C)Cc1ccccc1', 'salt_stripped')
    """
    if len(Chem.GetMolFrags(mol)) == 1:  # the common case: one component, nothing to strip
        if not _has_carbon(mol):
            foreign = _foreign_elements(mol)
            if foreign:
                raise ChemError(ChemErrorCode.INORGANIC, ", ".join(foreign))
            raise ChemError(ChemErrorCode.NO_ORGANIC_FRAGMENT)
        return _neutral(mol), []
    warnings: list[tuple[ChemWarningCode, str]] = []
    fragments = Chem.GetMolFrags(mol, asMols=True)
    organic = [frag for frag in fragments if _has_carbon(frag)]
    if not organic:
        foreign = _foreign_elements(mol)
        if foreign:
            raise ChemError(ChemErrorCode.INORGANIC, ", ".join(foreign))
        raise ChemError(ChemErrorCode.NO_ORGANIC_FRAGMENT)
    organic = [_neutral(frag) for frag in organic]
    by_smiles: dict[str, Chem.Mol] = {}
    for frag in organic:
        by_smiles.setdefault(Chem.MolToSmiles(frag), frag)
    significant = {
        smi: frag
        for smi, frag in by_smiles.items()
        if smi not in COUNTER_IONS and _heavy(frag) >= MIN_SIGNIFICANT_HEAVY_ATOMS
    }
    pool = significant or by_smiles
    parent_smiles, parent = max(pool.items(), key=lambda item: (_heavy(item[1]), item[0]))
    if len(significant) > 1:
        others = sorted(smi for smi in significant if smi != parent_smiles)
        warnings.append((ChemWarningCode.MIXTURE, "; ".join(others)))
    stripped = sorted({Chem.MolToSmiles(f) for f in fragments} - {parent_smiles} - set(significant))
    if stripped:
        warnings.append((ChemWarningCode.SALT_STRIPPED, ".".join(stripped)))
    return parent, warnings


@lru_cache(maxsize=4096)
def canonical_tautomer_smiles(smiles: str) -> str:
    """Canonical tautomer (slow, so cached by SMILES).

    >>> canonical_tautomer_smiles("Oc1ccccn1")
    'O=c1cccc[nH]1'
    """
    mol = Chem.MolFromSmiles(smiles)
    return Chem.MolToSmiles(_TAUTOMERS.Canonicalize(mol)) if mol is not None else smiles


def standardise(mol: Chem.Mol, *, canonical_tautomer: bool = False) -> Standardised:
    """Parent molecule, neutral, with canonical SMILES, InChIKey, formula and exact mass.

    >>> std = standardise(Chem.MolFromSmiles("C[NH2+]C(C)Cc1ccccc1.[Cl-]"))
    >>> std.smiles, std.formula
    ('CNC(C)Cc1ccccc1', 'C10H15N')
    """
    parent, warnings = choose_parent(mol)
    foreign = _foreign_elements(parent)
    if foreign:
        raise ChemError(ChemErrorCode.INORGANIC, ", ".join(foreign))
    heavy = _heavy(parent)
    if heavy > MAX_HEAVY_ATOMS:
        raise ChemError(ChemErrorCode.TOO_LARGE, str(heavy))
    if parent.GetNumAtoms() != heavy:
        parent = Chem.RemoveHs(parent)
    smiles = Chem.MolToSmiles(parent)
    if canonical_tautomer:
        tautomer = canonical_tautomer_smiles(smiles)
        if tautomer != smiles:
            smiles = tautomer
            parent = Chem.MolFromSmiles(smiles)
    return Standardised(
        mol=parent,
        smiles=smiles,
        formula=rdMolDescriptors.CalcMolFormula(parent),
        exact_mass=round(rdMolDescriptors.CalcExactMolWt(parent), 4),
        heavy_atoms=heavy,
        warnings=warnings,
    )
