"""The "derivative" rule of Russian-model drug law, as a structural test.

A derivative of a listed parent P is a substance formed by formal replacement of one or
more hydrogen atoms, halogens and/or hydroxyl groups of P by monovalent substituents.
Computed here as: P's skeleton (heavy atoms and bonds, with P's halogens and OH groups
treated as replaceable positions) maps onto the candidate with identical ring systems, and
every extra group of the candidate hangs on one skeleton atom by one single bond at a
position where P had a hydrogen, halogen or hydroxyl. Ring changes, ring fusions, chain
insertions or removed atoms are not derivatives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from rdkit import Chem

from .census import CENSUS_LENGTH, Census, census

HALOGENS = frozenset({9, 17, 35, 53})
MAX_MATCHES = 16


@dataclass(frozen=True, slots=True)
class ChangedPosition:
    parent_atom: int  # 1-based atom number in the parent's (library) SMILES
    element: str
    was: str  # "H", "F", "Cl", "Br", "I" or "OH"
    now: str  # SMILES of the substituent in the candidate

    def as_dict(self) -> dict[str, object]:
        return {
            "parent_atom": self.parent_atom,
            "element": self.element,
            "was": self.was,
            "now": self.now,
        }


@dataclass(slots=True)
class DerivativeParent:
    """A listed substance prepared once for fast derivative tests."""

    key: str
    mol: Chem.Mol
    core: Chem.Mol  # the parent without its replaceable halogens/OH groups
    core_to_parent: list[int]
    replaceable: dict[int, list[str]]  # core atom -> what was there ("Cl", "OH", ...)
    heavy_atoms: int
    ring_count: int
    free_h: list[int]
    features: np.ndarray  # census of the core (see `census.py`)
    query: Chem.Mol  # the core as a query: ring/chain, ring bonds and room for substituents
    query_order: list[int]  # query atom k is core atom query_order[k]
    core_degrees: list[int]  # heavy degree of each core atom inside the core
    query_position: list[int]  # core atom i is query atom query_position[i]

    @classmethod
    def build(cls, key: str, mol: Chem.Mol) -> DerivativeParent:
        mol = Chem.Mol(mol)
        removable: dict[int, tuple[int, str]] = {}
        for atom in mol.GetAtoms():
            if atom.GetDegree() != 1:
                continue
            neighbour = atom.GetNeighbors()[0]
            if atom.GetAtomicNum() in HALOGENS:
                removable[atom.GetIdx()] = (neighbour.GetIdx(), atom.GetSymbol())
            elif (
                atom.GetAtomicNum() == 8
                and atom.GetTotalNumHs() == 1
                and mol.GetBondBetweenAtoms(atom.GetIdx(), neighbour.GetIdx()).GetBondType()
                == Chem.BondType.SINGLE
                and not _is_acid_oh(neighbour)
            ):
                removable[atom.GetIdx()] = (neighbour.GetIdx(), "OH")
        editable = Chem.RWMol(mol)
        for idx in sorted(removable, reverse=True):
            editable.RemoveAtom(idx)
        core = editable.GetMol()
        kept = [i for i in range(mol.GetNumAtoms()) if i not in removable]
        replaceable: dict[int, list[str]] = {}
        for parent_idx, was in removable.values():
            replaceable.setdefault(kept.index(parent_idx), []).append(was)
        Chem.SanitizeMol(core, catchErrors=True)
        core.UpdatePropertyCache(strict=False)
        free_h = [mol.GetAtomWithIdx(i).GetTotalNumHs() for i in kept]
        query, order = _core_query(core, free_h, replaceable)
        position = [0] * len(order)
        for k, core_idx in enumerate(order):
            position[core_idx] = k
        return cls(
            key=key,
            mol=mol,
            core=core,
            core_to_parent=kept,
            replaceable=replaceable,
            heavy_atoms=core.GetNumAtoms(),
            ring_count=core.GetRingInfo().NumRings(),
            free_h=free_h,
            features=features(core),
            query=query,
            query_order=order,
            core_degrees=[atom.GetDegree() for atom in core.GetAtoms()],
            query_position=position,
        )


_BOND_SMARTS = {
    Chem.BondType.SINGLE: "-",
    Chem.BondType.DOUBLE: "=",
    Chem.BondType.TRIPLE: "#",
    Chem.BondType.AROMATIC: ":",
}


def _core_query(
    core: Chem.Mol, free_h: list[int], replaceable: dict[int, list[str]]
) -> tuple[Chem.Mol, list[int]]:
    """The skeleton as a SMARTS query that only matches derivative-compatible atoms.

    Each atom keeps its element, aromaticity, charge and exact number of ring bonds
    (`x`: ring systems unchanged, no new ring through the skeleton); its heavy degree may
    grow only by its free hydrogens, and replaceable halogen/OH positions must be filled.
    Ring bonds must stay ring bonds (`@`) and chain bonds chain bonds (`!@`).
    """
    symbols = []
    for atom in core.GetAtoms():
        i = atom.GetIdx()
        degree = atom.GetDegree()
        filled = len(replaceable.get(i, []))
        low, high = degree + filled, degree + filled + free_h[i]
        aromatic = "a" if atom.GetIsAromatic() else "A"
        ring_bonds = sum(1 for b in atom.GetBonds() if b.IsInRing())
        charge = atom.GetFormalCharge()
        symbols.append(
            f"[#{atom.GetAtomicNum()};{aromatic};x{ring_bonds};D{{{low}-{high}}};{charge:+d}]"
        )
    bonds = [
        _BOND_SMARTS.get(b.GetBondType(), "~") + (";@" if b.IsInRing() else ";!@")
        for b in core.GetBonds()
    ]
    smarts = Chem.MolFragmentToSmiles(
        core,
        atomsToUse=list(range(core.GetNumAtoms())),
        atomSymbols=symbols,
        bondSymbols=bonds,
        canonical=False,
        allBondsExplicit=True,
    )
    order = [int(x) for x in core.GetProp("_smilesAtomOutputOrder").strip("[],").split(",") if x]
    query = Chem.MolFromSmarts(smarts)
    if query is None:  # pragma: no cover - a skeleton RDKit cannot express as SMARTS
        raise ValueError(f"cannot build a derivative query for {Chem.MolToSmiles(core)}")
    return query, order


def _is_acid_oh(atom: Chem.Atom) -> bool:
    # The OH of a carboxylic/phosphoric acid is not a "hydroxyl group" of the skeleton.
    return any(
        bond.GetBondType() == Chem.BondType.DOUBLE and bond.GetOtherAtom(atom).GetAtomicNum() == 8
        for bond in atom.GetBonds()
    )


@dataclass(slots=True)
class Candidate:
    """A structure read once (atom degrees, census) for tests against many parents."""

    mol: Chem.Mol
    census: Census

    @classmethod
    def read(cls, mol: Chem.Mol, prepared: Census | None = None) -> Candidate:
        return cls(mol, prepared if prepared is not None else census(mol))

    @property
    def degrees(self) -> list[int]:
        return self.census.degrees


def features(mol: Chem.Mol) -> np.ndarray:
    """Counts that can only grow from a parent to its derivative (a sound prefilter).

    The derivative query keeps every skeleton atom's element, aromaticity and ring
    membership, maps atoms injectively, and lets an atom's degree only grow; so the atom
    census (`census.py`) of the parent's skeleton never exceeds a derivative's, and the
    ring systems being identical, neither do its SSSR ring counts per size.
    """
    return census(mol).counts


def _substituent_smiles(
    candidate: Candidate, start: int, core_atoms: set[int]
) -> tuple[str, set[int]]:
    mol = candidate.mol
    seen = {start}
    stack = [start]
    bonds: set[int] = set()
    while stack:
        current = stack.pop()
        for bond in mol.GetAtomWithIdx(current).GetBonds():
            j = bond.GetOtherAtomIdx(current)
            if j in core_atoms:
                continue
            bonds.add(bond.GetIdx())
            if j not in seen:
                seen.add(j)
                stack.append(j)
    if len(seen) == 1:  # a single atom (halogen, O, N, C): no need for RDKit's writer
        atom = mol.GetAtomWithIdx(start)
        return (atom.GetSymbol() if not atom.GetIsAromatic() else atom.GetSymbol().lower()), seen
    # Rooted at the attachment atom, so the group reads from the skeleton outwards. The
    # group's bonds are passed explicitly: the same fragment, written three times faster
    # than when RDKit collects them itself for a rooted fragment.
    return (
        Chem.MolFragmentToSmiles(
            mol, atomsToUse=sorted(seen), bondsToUse=sorted(bonds), rootedAtAtom=start
        ),
        seen,
    )


def _check_match(
    candidate: Candidate, parent: DerivativeParent, match: list[int]
) -> list[ChangedPosition] | None:
    # `match` is in core-atom order; ring, degree and charge rules were checked by the query.
    # A skeleton atom can carry a group only if it has more neighbours than in the core
    # (its core bonds all map onto bonds to other skeleton atoms); only those, and the
    # parent's replaceable positions, need a look.
    degrees, core_degrees, replaceable = candidate.degrees, parent.core_degrees, parent.replaceable
    positions = [
        k
        for k, cand_idx in enumerate(match)
        if degrees[cand_idx] > core_degrees[k] or k in replaceable
    ]
    core_atoms = set(match)
    changes: list[ChangedPosition] = []
    used: set[int] = set()
    mol = candidate.mol
    for core_idx in positions:
        cand_idx = match[core_idx]
        was_list = list(replaceable.get(core_idx, ()))
        if degrees[cand_idx] > core_degrees[core_idx]:
            # GetNeighbors keeps RDKit's neighbour order, which decides which group takes
            # the place of the parent's halogen/OH when an atom carries several.
            for neighbour in mol.GetAtomWithIdx(cand_idx).GetNeighbors():
                out_idx = neighbour.GetIdx()
                if out_idx in core_atoms:
                    continue
                bond = mol.GetBondBetweenAtoms(cand_idx, out_idx)
                if bond.GetBondType() != Chem.BondType.SINGLE:
                    return None  # a double-bonded group replaces two hydrogens: not monovalent
                smiles, atoms = _substituent_smiles(candidate, out_idx, core_atoms)
                if atoms & used:
                    return None  # one group touching two skeleton atoms forms a new ring
                used |= atoms
                was = was_list.pop(0) if was_list else "H"
                if was == smiles or (was == "OH" and smiles == "O"):
                    continue  # the parent's own halogen/OH, unchanged
                changes.append(
                    ChangedPosition(
                        core_idx_to_parent(parent, core_idx),
                        parent.core.GetAtomWithIdx(core_idx).GetSymbol(),
                        was,
                        smiles,
                    )
                )
        if was_list:
            return None  # a halogen/OH of the parent was removed, not replaced
    return changes


def core_idx_to_parent(parent: DerivativeParent, core_idx: int) -> int:
    return parent.core_to_parent[core_idx] + 1


def derivative_changes(
    candidate: Chem.Mol | Candidate, parent: DerivativeParent
) -> list[ChangedPosition] | None:
    """Changed positions if `candidate` is a derivative of `parent`, else None.

    An identical structure gives None (it is the parent itself, controlled by name).

    >>> p = DerivativeParent.build("2C-B", Chem.MolFromSmiles("COc1cc(CCN)c(OC)cc1Br"))
    >>> [c.now for c in derivative_changes(Chem.MolFromSmiles("COc1cc(CCN)c(OC)cc1I"), p)]
    ['I']
    >>> derivative_changes(Chem.MolFromSmiles("COc1cc(CCCN)c(OC)cc1Br"), p) is None
    True
    """
    mol = candidate.mol if isinstance(candidate, Candidate) else candidate
    if mol.GetNumAtoms() < parent.heavy_atoms:
        return None
    # The query already enforces ring, degree and charge rules, so the first mappings
    # decide; symmetric re-mappings would only change which equivalent H is reported.
    # The first mapping almost always settles it: ask for one (much cheaper than listing
    # all), and list up to MAX_MATCHES in RDKit's order only when it does not.
    first = mol.GetSubstructMatch(parent.query, useChirality=False)
    if not first:
        return None
    if not isinstance(candidate, Candidate):
        candidate = Candidate.read(mol)
    position = parent.query_position
    changes = _check_match(candidate, parent, [first[k] for k in position])
    if changes:
        return changes
    for query_match in mol.GetSubstructMatches(
        parent.query, uniquify=True, useChirality=False, maxMatches=MAX_MATCHES
    ):
        if query_match == first:
            continue
        changes = _check_match(candidate, parent, [query_match[k] for k in position])
        if changes:
            return changes
    return None


class DerivativeIndex:
    """Listed parents prepared once, with a vectorised prefilter over all of them.

    >>> index = DerivativeIndex([("2C-B", Chem.MolFromSmiles("COc1cc(CCN)c(OC)cc1Br"))])
    >>> [(key, [c.now for c in ch]) for key, ch in index.search(
    ...     Chem.MolFromSmiles("CCOc1cc(CCN)c(OC)cc1Br"))]
    [('2C-B', ['C'])]
    """

    def __init__(self, parents: list[tuple[str, Chem.Mol]]) -> None:
        self.parents = [DerivativeParent.build(key, mol) for key, mol in parents]
        # Larger parents first: the most specific listed skeleton is the best explanation.
        self.parents.sort(key=lambda p: -p.heavy_atoms)
        matrix = (
            np.vstack([p.features for p in self.parents])
            if self.parents
            else np.zeros((0, CENSUS_LENGTH), dtype=np.int16)
        )
        # The screen compares only census positions some parent needs (a zero requirement
        # always holds), one row per position: reducing over rows is several times faster
        # than testing each parent's short row (the same answer).
        self._columns = np.flatnonzero((matrix > 0).any(axis=0))
        self._needs_by_column = np.ascontiguousarray(matrix[:, self._columns].T)

    def search(
        self, candidate: Chem.Mol, prepared: Census | None = None
    ) -> Iterator[tuple[str, list[ChangedPosition]]]:
        """(parent key, changed positions) for each parent the candidate derives from.

        Lazy and largest parent first, so a caller can stop at the first hit it needs.
        Pass the candidate's `census` if it was already taken.
        """
        read = Candidate.read(candidate, prepared)
        counts = read.census.counts.take(self._columns)
        fits = np.logical_and.reduce(self._needs_by_column <= counts[:, None], axis=0)
        plausible: list[int] = fits.nonzero()[0].tolist()
        for i in plausible:
            parent = self.parents[i]
            changes = derivative_changes(read, parent)
            if changes:
                yield parent.key, changes
