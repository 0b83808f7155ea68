"""The substance library: known substances, their names, structures and listings.

The catalogue lives beside the engine in `engines/chem/data/substances_<family>.csv` (one
file per family): it is the single source of truth for the EWS library, the reference
`Substance` rows that name a chemical and the synonym vocabulary (see `docs/chem.md`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from rdkit import Chem, DataStructs
from rdkit.Chem import rdFingerprintGenerator, rdMolDescriptors

from cadis.engines.tables import data_records

from .standardise import standardise

# The catalogue: data files beside the engine, so no engine reads under `apps/`.
DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"
NATIONAL_CODES = ("KZ", "KG", "TJ", "TM", "UZ")
FINGERPRINT_RADIUS = 2
FINGERPRINT_BITS = 2048

_MORGAN = rdFingerprintGenerator.GetMorganGenerator(
    radius=FINGERPRINT_RADIUS, fpSize=FINGERPRINT_BITS
)


def fingerprint(mol: Chem.Mol) -> DataStructs.ExplicitBitVect:
    """Morgan (ECFP4-like) bit fingerprint used for every similarity in the engine."""
    bits: DataStructs.ExplicitBitVect = _MORGAN.GetFingerprint(mol)
    return bits


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
    id: str = ""  # catalogue id (equals the reference substance code where one exists)
    iupac: str = ""
    cas: str = ""
    medicine: bool = False
    intl_since: str = ""  # year the international listing took effect
    intl_source: str = ""  # e.g. "CND 66th session (March 2023), WHO ECDD 45"

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
            "medicine": self.medicine,
            "international": self.international or None,
            "international_since": self.intl_since or None,
            "international_source": self.intl_source or None,
            "national": list(self.national),
        }


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def _national(value: str | None) -> tuple[str, ...]:
    codes = _split(value)
    return NATIONAL_CODES if "*" in codes else tuple(c for c in codes if c in NATIONAL_CODES)


def read_substance_rows(path: Path) -> list[dict[str, str]]:
    return [row for row in data_records(path) if (row.get("smiles") or "").strip()]


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
        id=(row.get("id") or "").strip(),
        iupac=(row.get("iupac") or "").strip(),
        cas=(row.get("cas") or "").strip(),
        medicine=(row.get("medicine") or "").strip().lower() == "true",
        intl_since=(row.get("intl_since") or "").strip(),
        intl_source=(row.get("intl_source") or "").strip(),
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
        self._by_skeleton: dict[str, list[Substance]] = {}
        # Several entries may share a stereo-free structure (amphetamine and its two
        # enantiomers): a look-up that ignores stereochemistry (or isotopes) answers with
        # the entry that specifies no stereochemistry, if there is one, not an enantiomer.
        for s in sorted(self.substances, key=lambda s: s.smiles != s.flat_smiles):
            self._by_flat_smiles.setdefault(s.flat_smiles, s)
            self._by_skeleton.setdefault(s.connectivity, []).append(s)
        self._by_name: dict[str, Substance] = {}
        for s in self.substances:
            for name in (s.name_en, s.name_ru, *s.synonyms):
                if name:
                    self._by_name.setdefault(name.casefold(), s)
        self.fingerprints = [fingerprint(s.molecule()) for s in self.substances]
        # Equal similarities rank the substance without stereo detail first, then by name.
        # (a rank per substance, computed once: ties among hundreds of zero similarities are
        # ordered by one vectorised sort, not by Python tuples per structure).
        tie_order = sorted(
            range(len(self.substances)),
            key=lambda i: (
                self.substances[i].smiles != self.substances[i].flat_smiles,
                self.substances[i].name_en,
                self.substances[i].smiles,
            ),
        )
        self._tie_rank = np.empty(len(self.substances), dtype=np.int64)
        self._tie_rank[tie_order] = np.arange(len(self.substances))
        # Per fingerprint bit, a row of 0/1 bytes saying which substances set it (1.1 MB for
        # the shipped catalogue): Tanimoto to the whole library then sums only the rows of
        # the query's ~40 on-bits, instead of reading every stored fingerprint. Bytes rather
        # than packed bits: unpacking them again for every query cost more than the memory.
        columns = np.zeros((FINGERPRINT_BITS, len(self.substances)), dtype=np.uint8)
        for j, fp in enumerate(self.fingerprints):
            columns[list(fp.GetOnBits()), j] = 1
        self._bit_rows = columns
        self._bit_counts = columns.sum(axis=0, dtype=np.int64)
        # The same counts as floats for the division (exact: small integers); a substance
        # without any bit would make 0/0 for an empty query, which the slow path avoids.
        self._bit_counts_float = self._bit_counts.astype(np.float64)
        self._no_empty_fingerprint = bool((self._bit_counts > 0).all())
        self._controlled_mask = np.array(
            [bool(s.international or s.national) for s in self.substances], dtype=bool
        )
        # The controlled substances' positions and tie ranks: the analogue triage ranks
        # only them (the same ranking as masking the others out, on a smaller array).
        self._controlled = np.flatnonzero(self._controlled_mask)
        self._controlled_tie_rank = self._tie_rank[self._controlled]

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
        """Tanimoto similarity of `fp` to every library substance (library order).

        The same numbers as RDKit's ``BulkTanimotoSimilarity(fp, self.fingerprints)``
        (common bits / bits in either, in double precision; tested), read from the bit rows.
        """
        # The on-bits from the bit string: iterating GetOnBits() in Python costs more.
        bits = fp.ToBitString().encode("ascii")  # type: ignore[no-untyped-call]
        on = np.flatnonzero(np.frombuffer(bits, np.uint8) == 49)
        # A query has at most 2,048 on-bits, so 16-bit sums cannot overflow.
        common = self._bit_rows.take(on, axis=0).sum(axis=0, dtype=np.uint16)
        if self._no_empty_fingerprint:
            # Every union is positive (each substance sets a bit): a plain division, with
            # exactly the same float64 numbers as the guarded one below.
            shared = common.astype(np.float64)
            plain: np.ndarray = shared / (self._bit_counts_float + (len(on) - shared))
            return plain
        n = len(self.substances)
        union = self._bit_counts + len(on) - common.astype(np.int64)
        similarity: np.ndarray = np.divide(common, union, out=np.zeros(n), where=union > 0)
        return similarity

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
        tie_rank, positions = self._tie_rank, None
        if controlled_only:
            positions, tie_rank = self._controlled, self._controlled_tie_rank
            scores = scores.take(positions)
        top = min(k, len(scores))
        if top == 0:
            return []
        # argpartition then a sort of the few candidates: far cheaper than sorting the whole
        # library. (Array methods, not np.* functions: this runs twice per structure.)
        negated = -scores
        kth = negated[negated.argpartition(top - 1)[top - 1]]
        # Every substance tied with the k-th score competes, and ties are broken explicitly
        # (the unspecified stereoisomer first, then by name), so the answer never depends on
        # how argpartition happened to order equal scores.
        candidates = np.flatnonzero(negated <= kth)
        # lexsort: the last key is the primary one (similarity, best first), then the tie rank.
        order = np.lexsort((tie_rank[candidates], negated[candidates]))
        chosen = candidates[order[:top]]
        values = scores[chosen].tolist()
        ranked = (positions[chosen] if positions is not None else chosen).tolist()
        return [
            (self.substances[i], round(value, 3))
            for i, value in zip(ranked, values, strict=True)
            if value >= 0
        ]


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
