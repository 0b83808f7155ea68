"""The substance library: known substances, their names, structures and listings.

Data lives in CSV files (one per family) that the Django layer ships in
`cadis/apps/ews/data/`; the engine only reads plain files and never imports the app.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from rdkit import Chem, DataStructs
from rdkit.Chem import rdFingerprintGenerator, rdMolDescriptors

from .standardise import standardise

# Where the seed CSVs live (a file path, not an import: engines never import apps).
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "apps" / "ews" / "data"
NATIONAL_CODES = ("KZ", "KG", "TJ", "TM", "UZ")
FINGERPRINT_RADIUS = 2
FINGERPRINT_BITS = 2048

_MORGAN = rdFingerprintGenerator.GetMorganGenerator(
    radius=FINGERPRINT_RADIUS, fpSize=FINGERPRINT_BITS
)


def fingerprint(mol: Chem.Mol) -> DataStructs.ExplicitBitVect:
    """Morgan (ECFP4-like) bit fingerprint used for every similarity in the engine."""
    return _MORGAN.GetFingerprint(mol)


@dataclass(slots=True)
class Substance:
    name_en: str
    name_ru: str
    synonyms: tuple[str, ...]
    smiles: str
    category: str
    international: str  # e.g. "1971 Schedule II"; empty when not under international control
    national: tuple[str, ...]  # jurisdiction codes that list it by name
    inchikey: str = ""
    mol: Chem.Mol | None = field(default=None, repr=False)
    flat_smiles: str = ""

    @property
    def connectivity(self) -> str:
        return self.inchikey.split("-")[0]

    def molecule(self) -> Chem.Mol:
        """The RDKit molecule (parsed from `smiles` when the substance was built without it)."""
        if self.mol is None:
            parsed = Chem.MolFromSmiles(self.smiles)
            if parsed is None:
                raise ValueError(f"invalid SMILES for {self.name_en}: {self.smiles}")
            self.mol = parsed
        return self.mol

    def listed_in(self, jurisdiction: str) -> bool:
        if jurisdiction == "international":
            return bool(self.international)
        return jurisdiction in self.national

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name_en,
            "name_ru": self.name_ru,
            "synonyms": list(self.synonyms),
            "smiles": self.smiles,
            "inchikey": self.inchikey,
            "category": self.category,
            "international": self.international or None,
            "national": list(self.national),
        }


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def _national(value: str | None) -> tuple[str, ...]:
    codes = _split(value)
    return NATIONAL_CODES if "*" in codes else tuple(c for c in codes if c in NATIONAL_CODES)


def read_substance_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return [row for row in csv.DictReader(fh) if (row.get("smiles") or "").strip()]


def substance_from_row(row: dict[str, str]) -> Substance:
    """Build a Substance from a CSV row (raises ChemError on an unusable SMILES)."""
    mol = Chem.MolFromSmiles(row["smiles"].strip())
    if mol is None:
        raise ValueError(f"invalid SMILES for {row.get('name_en')}: {row['smiles']}")
    std = standardise(mol)
    return Substance(
        name_en=row["name_en"].strip(),
        name_ru=(row.get("name_ru") or "").strip(),
        synonyms=_split(row.get("synonyms")),
        smiles=std.smiles,
        category=row["category"].strip(),
        international=(row.get("international") or "").strip(),
        national=_national(row.get("national")),
        inchikey=std.inchikey,
        # Re-read from the canonical SMILES so that atom numbers (reported as the changed
        # positions of a derivative) follow the SMILES the library shows.
        mol=Chem.MolFromSmiles(std.smiles),
        flat_smiles=std.flat_smiles,
    )


class Library:
    """Known substances with lookups by InChIKey, skeleton, name and similarity.

    >>> lib = Library([substance_from_row({"name_en": "Amphetamine", "smiles": "CC(N)Cc1ccccc1",
    ...     "category": "phenethylamine", "international": "1971 Schedule II"})])
    >>> lib.by_name("amphetamine").international
    '1971 Schedule II'
    """

    def __init__(self, substances: Iterable[Substance]) -> None:
        self.substances: list[Substance] = list(substances)
        self._by_key = {s.inchikey: s for s in self.substances}
        self._by_smiles = {s.smiles: s for s in self.substances}
        self._by_formula: dict[str, list[int]] = {}
        for i, s in enumerate(self.substances):
            self._by_formula.setdefault(rdMolDescriptors.CalcMolFormula(s.molecule()), []).append(i)
        self._by_flat_smiles: dict[str, Substance] = {}
        for s in self.substances:
            self._by_flat_smiles.setdefault(s.flat_smiles, s)
        self._by_skeleton: dict[str, list[Substance]] = {}
        self._by_name: dict[str, Substance] = {}
        for s in self.substances:
            self._by_skeleton.setdefault(s.connectivity, []).append(s)
            for name in (s.name_en, s.name_ru, *s.synonyms):
                if name:
                    self._by_name.setdefault(name.casefold(), s)
        self.fingerprints = [fingerprint(s.molecule()) for s in self.substances]
        self._controlled_mask = np.array(
            [bool(s.international or s.national) for s in self.substances], dtype=bool
        )

    def __len__(self) -> int:
        return len(self.substances)

    def by_inchikey(self, inchikey: str) -> Substance | None:
        return self._by_key.get(inchikey)

    def by_smiles(self, smiles: str, flat_smiles: str | None = None) -> Substance | None:
        """Exact match on canonical SMILES, else on SMILES without stereo marks.

        Both sides come from the same standardisation, so canonical SMILES identify a
        structure as an InChIKey would, without the cost of computing one.
        """
        found = self._by_smiles.get(smiles)
        if found is None:
            found = self._by_flat_smiles.get(flat_smiles or smiles)
        return found

    def has_formula(self, formula: str, scores: np.ndarray, min_similarity: float) -> bool:
        """True if a substance with this formula is at least `min_similarity` similar."""
        indices = self._by_formula.get(formula)
        return bool(indices) and bool(np.max(scores[indices]) >= min_similarity)

    def by_skeleton(self, inchikey: str) -> Substance | None:
        """A substance with the same connectivity (stereoisomer, isotopologue)."""
        found = self._by_skeleton.get(inchikey.split("-")[0])
        return found[0] if found else None

    def by_name(self, name: str) -> Substance | None:
        return self._by_name.get(" ".join(name.split()).casefold())

    def smiles_for_name(self, name: str) -> str | None:
        found = self.by_name(name)
        return found.smiles if found else None

    def similarities(self, fp: DataStructs.ExplicitBitVect) -> np.ndarray:
        """Tanimoto similarity of `fp` to every library substance (library order)."""
        return np.asarray(DataStructs.BulkTanimotoSimilarity(fp, self.fingerprints))

    def nearest(
        self,
        fp: DataStructs.ExplicitBitVect | None,
        k: int = 3,
        *,
        controlled_only: bool = False,
        scores: np.ndarray | None = None,
    ) -> list[tuple[Substance, float]]:
        """The k most similar library substances by Tanimoto, best first.

        Pass precomputed `scores` (from `similarities`) to rank them again cheaply.
        """
        if scores is None:
            if fp is None:
                raise ValueError("nearest() needs a fingerprint or precomputed scores")
            scores = self.similarities(fp)
        if controlled_only:
            scores = np.where(self._controlled_mask, scores, -1.0)
        top = min(k, len(scores))
        if top == 0:
            return []
        # argpartition then a sort of k items: far cheaper than sorting the whole library.
        candidates = np.argpartition(-scores, top - 1)[:top]
        ranked = candidates[np.argsort(-scores[candidates], kind="stable")]
        return [(self.substances[i], round(float(scores[i]), 3)) for i in ranked if scores[i] >= 0]


def load_library(data_dir: Path | str | None = None) -> Library:
    """Read every `substances_*.csv` in the data directory."""
    directory = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    substances: list[Substance] = []
    seen: set[str] = set()
    for path in sorted(directory.glob("substances_*.csv")):
        for row in read_substance_rows(path):
            substance = substance_from_row(row)
            if substance.inchikey not in seen:  # first file wins on a duplicate structure
                seen.add(substance.inchikey)
                substances.append(substance)
    return Library(substances)


@lru_cache(maxsize=4)
def default_library(data_dir: str | None = None) -> Library:
    """The shipped library, loaded once per process."""
    return load_library(data_dir)
