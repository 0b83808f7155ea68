"""Atom census: counts that a molecule has at least as often as any pattern inside it.

Both expensive questions of the engine are "does this small graph map into the molecule":
a category rule's SMARTS pattern, and a listed parent's skeleton for the derivative rule.
A mapping is injective and keeps each mapped atom's element, aromaticity and ring
membership, and a mapped atom has at least as many neighbours as its pattern atom has
pattern bonds. So for every kind of atom (element / aromatic / ring, fully or partly
known) the number of atoms of that kind - and of those with three or more neighbours - can
only grow from a pattern to a molecule that contains it. The census counts them once per
molecule; a pattern whose requirements exceed the census cannot match and is not tried.
Kinds are hashed into buckets: a bucket's sum can only grow too, so the screen stays sound.

Atom-count and independent-cycle totals are sound for the same reason. Counts of SSSR rings
per size are kept last: they are sound for the derivative rule (whose ring systems must be
identical) but not for SMARTS patterns, which require zero there.

>>> from rdkit import Chem
>>> needs = pattern_requirements(Chem.MolFromSmarts("c1ccccc1-[CX4]-[NX3]"))
>>> bool((needs <= census(Chem.MolFromSmiles("CC(N)Cc1ccccc1")).counts).all())
True
>>> bool((needs <= census(Chem.MolFromSmiles("CC(N)CC1CCCCC1")).counts).all())
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rdkit import Chem

# Vector layout: [atoms, cycles] + four hashed views of atom kinds, each counted for all
# atoms and for atoms with >= 3 neighbours, + SSSR rings of size 3..8.
FULL_BUCKETS = 32  # (element, aromatic, ring)
ELEMENT_AROMATIC_BUCKETS = 16  # (element, aromatic)
ELEMENT_BUCKETS = 16  # (element)
SHAPE_BUCKETS = 3  # (aromatic, ring): aromatic ring, aliphatic ring, chain
TIERS = 2  # all atoms, atoms with >= 3 neighbours
RING_SIZES = (3, 4, 5, 6, 7, 8)
_FULL = 2
_ELEMENT_AROMATIC = _FULL + FULL_BUCKETS * TIERS
_ELEMENT = _ELEMENT_AROMATIC + ELEMENT_AROMATIC_BUCKETS * TIERS
_SHAPE = _ELEMENT + ELEMENT_BUCKETS * TIERS
_RINGS = _SHAPE + SHAPE_BUCKETS * TIERS
CENSUS_LENGTH = _RINGS + len(RING_SIZES)


@dataclass(slots=True)
class Census:
    """Per-atom heavy degrees and the count vector of one molecule."""

    degrees: list[int]
    counts: np.ndarray


@lru_cache(maxsize=4096)
def _slots(element: int | None, aromatic: bool | None, ring: bool | None, branched: bool
           ) -> tuple[int, ...]:  # fmt: skip
    """Vector positions one atom of this (partly known) kind adds 1 to."""
    if aromatic:
        ring = True  # an aromatic atom is always a ring atom
    out: list[int] = []
    tiers = (0, 1) if branched else (0,)
    if element is not None and aromatic is not None and ring is not None:
        bucket = (element * 4 + aromatic * 2 + ring) % FULL_BUCKETS
        out += [_FULL + bucket * TIERS + t for t in tiers]
    if element is not None and aromatic is not None:
        bucket = (element * 2 + aromatic) % ELEMENT_AROMATIC_BUCKETS
        out += [_ELEMENT_AROMATIC + bucket * TIERS + t for t in tiers]
    if element is not None:
        out += [_ELEMENT + (element % ELEMENT_BUCKETS) * TIERS + t for t in tiers]
    if aromatic is not None and ring is not None:
        shape = 0 if aromatic else (1 if ring else 2)
        out += [_SHAPE + shape * TIERS + t for t in tiers]
    return tuple(out)


def census(mol: Chem.Mol, *, ring_sizes: bool = True) -> Census:
    """The count vector of a molecule (and its atoms' heavy degrees, read on the way)."""
    n = mol.GetNumAtoms()
    degrees = [0] * n
    kinds: dict[tuple[int, bool, bool, bool], int] = {}
    atom_at = mol.GetAtomWithIdx  # direct access: RDKit's sequence wrappers cost more
    for i in range(n):
        atom = atom_at(i)
        degree = atom.GetDegree()
        degrees[i] = degree
        kind = (atom.GetAtomicNum(), atom.GetIsAromatic(), atom.IsInRing(), degree >= 3)
        kinds[kind] = kinds.get(kind, 0) + 1
    counts = [0] * CENSUS_LENGTH
    counts[0] = n
    counts[1] = mol.GetNumBonds() - n + len(Chem.GetMolFrags(mol))
    for kind, number in kinds.items():
        for slot in _slots(*kind):
            counts[slot] += number
    if ring_sizes:
        for ring in mol.GetRingInfo().AtomRings():
            size = min(len(ring), RING_SIZES[-1])
            if size >= RING_SIZES[0]:
                counts[_RINGS + size - RING_SIZES[0]] += 1
    return Census(degrees, np.asarray(counts, dtype=np.int16))


def pattern_requirements(query: Chem.Mol) -> np.ndarray:
    """The least census a molecule needs to possibly match the SMARTS `query`.

    Only what an atom's SMARTS fixes for certain is counted (element, aromaticity, ring
    membership, pattern bonds); anything not understood counts as unknown, which only
    makes the screen weaker, never wrong.
    """
    counts = [0] * CENSUS_LENGTH
    n = query.GetNumAtoms()
    counts[0] = n
    counts[1] = query.GetNumBonds() - n + len(Chem.GetMolFrags(query))
    in_cycle = _atoms_in_cycles(query)
    for atom in query.GetAtoms():
        element, aromatic, ring = _atom_constraints(atom.GetSmarts())
        if in_cycle[atom.GetIdx()]:
            ring = True  # a pattern ring maps onto a ring of the molecule
        for slot in _slots(element, aromatic, ring, atom.GetDegree() >= 3):
            counts[slot] += 1
    return np.asarray(counts, dtype=np.int16)


def _atoms_in_cycles(query: Chem.Mol) -> list[bool]:
    # An atom is in a cycle if one of its bonds is not a bridge (its ends stay connected
    # without it). Patterns are small: a search per bond is cheap enough.
    neighbours: list[set[int]] = [set() for _ in range(query.GetNumAtoms())]
    for bond in query.GetBonds():
        neighbours[bond.GetBeginAtomIdx()].add(bond.GetEndAtomIdx())
        neighbours[bond.GetEndAtomIdx()].add(bond.GetBeginAtomIdx())
    out = [False] * len(neighbours)
    for bond in query.GetBonds():
        a, b = bond.GetBeginAtomIdx(), bond.GetEndAtomIdx()
        seen, stack = {a}, [a]
        while stack:
            current = stack.pop()
            for nb in neighbours[current]:
                if {current, nb} != {a, b} and nb not in seen:
                    seen.add(nb)
                    stack.append(nb)
        if b in seen:
            out[a] = out[b] = True
    return out


_RECURSIVE = re.compile(r"!?\$\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")
_PRIMITIVE = re.compile(
    r"!?(?:#\d+|Cl|Br|se|as|[BCNOPSFI]|[bcnops]|[aA*]|[RrxXDHhvd]\d*|[-+]\d*|@+)"
)
_ALIPHATIC = {"B": 5, "C": 6, "N": 7, "O": 8, "P": 15, "S": 16, "F": 9, "Cl": 17, "Br": 35, "I": 53}
_AROMATIC = {"b": 5, "c": 6, "n": 7, "o": 8, "p": 15, "s": 16, "se": 34, "as": 33}

Constraint = tuple[int | None, bool | None, bool | None]


def _atom_constraints(smarts: str) -> Constraint:
    """(element, aromatic, ring) that an atom SMARTS requires for certain (None: unknown).

    >>> _atom_constraints("[CX4;!$([CH3])]"), _atom_constraints("[c,n]"), _atom_constraints("a")
    ((6, False, None), (None, True, True), (None, True, True))
    """
    body = smarts[1:-1] if smarts.startswith("[") else smarts
    body = _RECURSIVE.sub("", body)  # recursive environments only restrict further
    if any(ch in body for ch in "()"):
        return None, None, None  # nested beyond what the regex removes: give up safely
    known: list[int | bool | None] = [None, None, None]
    for term in body.split(";"):  # low-precedence AND: every term must hold
        alternatives = [_alternative(alt) for alt in term.split(",")]
        for k in range(3):
            values = {alt[k] if alt is not None else None for alt in alternatives}
            if len(values) == 1 and None not in values:  # every alternative fixes the same
                known[k] = values.pop()
    element, aromatic, ring = known
    if aromatic:
        ring = True
    return element, aromatic, ring  # type: ignore[return-value]


def _alternative(text: str) -> Constraint | None:
    """Constraints of one AND-ed run of primitives ('CX4', '#6&R'); None if not parsed."""
    text = text.replace("&", "")
    element: int | None = None
    aromatic: bool | None = None
    ring: bool | None = None
    position = 0
    while position < len(text):
        match = _PRIMITIVE.match(text, position)
        if match is None:
            return None
        token = match.group()
        position = match.end()
        if token in ("!R", "!R0"):
            ring = token == "!R0"  # not in any ring / in some ring
            continue
        if token.startswith("!"):
            continue  # other negations only exclude: they fix nothing we count
        if token.startswith("#"):
            element = int(token[1:])
        elif token in _ALIPHATIC:
            element, aromatic = _ALIPHATIC[token], False
        elif token in _AROMATIC:
            element, aromatic = _AROMATIC[token], True
        elif token == "a":
            aromatic = True
        elif token == "A":
            aromatic = False
        elif token[0] in "Rx" and token[1:].isdigit():
            ring = int(token[1:]) > 0
        elif token == "R" or (token[0] == "r" and token[1:].isdigit()):
            ring = True
    return element, aromatic, ring
