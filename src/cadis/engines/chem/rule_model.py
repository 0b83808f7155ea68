"""The rule machinery: a Rule is a few SMARTS patterns plus a cheap feasibility screen."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from operator import ge

import numpy as np
from rdkit import Chem
from rdkit.Chem import rdMolDescriptors

from .census import CENSUS_LENGTH, Census, census, pattern_requirements

# A basic amine nitrogen: not an amide/sulfonamide/urea, not nitro, not an aniline.
AMINE = "[NX3;!$(N=*);!$([N+]);!$(N-[C,S,P]=[O,S,N]);!$(N-a)]"
# A ring nitrogen of a piperidine/piperazine that may carry anything but a carbonyl.
RING_N = "[NX3;R;!$(N-C=O)]"


# Elements counted for the cheap feasibility screen that runs before any SMARTS match.
PROFILE_ELEMENTS = (6, 7, 8, 9, 16, 17, 35, 53)
PROFILE_SYMBOLS = ("C", "N", "O", "F", "S", "Cl", "Br", "I")
_FORMULA_PART = re.compile(r"([A-Z][a-z]?)(\d*)")


def molecule_profile(mol: Chem.Mol) -> tuple[int, ...]:
    """Heavy atoms, independent cycles and element counts: what a query can need at most.

    Matching a query maps its atoms and bonds injectively into the molecule, so the
    molecule has at least as many atoms, cycles (bonds - atoms + components) and atoms of
    each element as the query: a pattern that needs more can be skipped without matching.
    """
    # Element counts from the molecular formula: one C++ call instead of a Python loop over
    # atoms (isotopes are folded into their element by CalcMolFormula's default).
    numbers: Counter[str] = Counter()
    for symbol, count in _FORMULA_PART.findall(rdMolDescriptors.CalcMolFormula(mol)):
        numbers[symbol] += int(count) if count else 1
    atoms = mol.GetNumAtoms()
    cycles = mol.GetNumBonds() - atoms + len(Chem.GetMolFrags(mol))
    return (atoms, cycles, *[numbers[s] for s in PROFILE_SYMBOLS])


def query_requirements(query: Chem.Mol) -> tuple[int, ...]:
    """The least `molecule_profile` a molecule needs to possibly match `query`."""
    counts = dict.fromkeys(PROFILE_ELEMENTS, 0)
    for atom in query.GetAtoms():
        # RDKit gives an element only for queries that fix it (0 for "a", "*", "[c,n]").
        number = atom.GetAtomicNum()
        if number in counts and not atom.GetSmarts().startswith("[!"):
            counts[number] += 1
    atoms = query.GetNumAtoms()
    cycles = query.GetNumBonds() - atoms + len(Chem.GetMolFrags(query))
    return (atoms, cycles, *counts.values())


def _feasible(profile: tuple[int, ...], needs: tuple[int, ...]) -> bool:
    return all(map(ge, profile, needs))


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    description: str
    any_of: tuple[str, ...]
    all_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    _compiled: dict[str, list[tuple[Chem.Mol, tuple[int, ...]]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def _compile(self, key: str) -> list[tuple[Chem.Mol, tuple[int, ...]]]:
        if key not in self._compiled:
            source = {"any": self.any_of, "all": self.all_of, "none": self.none_of}[key]
            compiled = [Chem.MolFromSmarts(s) for s in source]
            bad = [s for s, p in zip(source, compiled, strict=True) if p is None]
            if bad:
                raise ValueError(f"rule {self.id}: invalid SMARTS {bad}")
            self._compiled[key] = [(p, query_requirements(p)) for p in compiled]
        return self._compiled[key]

    def patterns(self, key: str) -> list[Chem.Mol]:
        return [pattern for pattern, _ in self._compile(key)]

    def matches(self, mol: Chem.Mol, profile: tuple[int, ...] | None = None) -> bool:
        profile = profile or molecule_profile(mol)
        if not any(
            _feasible(profile, needs) and mol.HasSubstructMatch(p)
            for p, needs in self._compile("any")
        ):
            return False
        if not all(
            _feasible(profile, needs) and mol.HasSubstructMatch(p)
            for p, needs in self._compile("all")
        ):
            return False
        return not any(
            _feasible(profile, needs) and mol.HasSubstructMatch(p)
            for p, needs in self._compile("none")
        )


@dataclass(frozen=True, slots=True)
class CategoryMatch:
    category: str
    rule_id: str
    description: str


@dataclass(frozen=True, slots=True)
class CompiledRules:
    entries: list[tuple[Rule, list[tuple[Chem.Mol, int]]]]  # "any" patterns, row in `needs`
    needs: np.ndarray  # per pattern: the least atom census a molecule needs to match it
    columns: np.ndarray  # census positions some pattern needs (a zero need always holds)
    needs_by_column: np.ndarray  # `needs` at those positions, one row per position


# Keyed by identity (hashing 45 rules per call would cost more than it saves); the entry
# keeps the tuple alive, so its id cannot be reused by another tuple.
_COMPILED: dict[int, tuple[tuple[Rule, ...], CompiledRules]] = {}


def _compiled(rules: tuple[Rule, ...]) -> CompiledRules:
    entry = _COMPILED.get(id(rules))
    if entry is None or entry[0] is not rules:
        entries: list[tuple[Rule, list[tuple[Chem.Mol, int]]]] = []
        needs: list[np.ndarray] = []
        for rule in rules:
            rows: list[tuple[Chem.Mol, int]] = []
            for pattern in rule.patterns("any"):
                rows.append((pattern, len(needs)))
                needs.append(pattern_requirements(pattern))
            entries.append((rule, rows))
        matrix = np.vstack(needs) if needs else np.zeros((0, CENSUS_LENGTH), dtype=np.int16)
        columns = np.flatnonzero((matrix > 0).any(axis=0))
        by_column = np.ascontiguousarray(matrix[:, columns].T)
        entry = _COMPILED[id(rules)] = (
            rules,
            CompiledRules(entries, matrix, columns, by_column),
        )
    return entry[1]


def first_match(mol: Chem.Mol, rules: tuple[Rule, ...], prepared: Census | None = None
                ) -> Rule | None:  # fmt: skip
    """The first rule (in order) whose patterns match the molecule, or None."""
    compiled = _compiled(rules)
    counts = (prepared if prepared is not None else census(mol, ring_sizes=False)).counts
    # One comparison for every pattern at once: those needing more of some atom kind than
    # the molecule has cannot match and are never tried (see census.py).
    # (Reduced over census positions, not per pattern row: the same answer, faster.)
    wanted = counts.take(compiled.columns)
    feasible: list[bool] = np.logical_and.reduce(
        compiled.needs_by_column <= wanted[:, None], axis=0
    ).tolist()
    profile = None
    for rule, patterns in compiled.entries:
        for pattern, row in patterns:
            if feasible[row] and mol.HasSubstructMatch(pattern):
                break
        else:
            continue
        if rule.all_of or rule.none_of:
            profile = profile or molecule_profile(mol)
            if not rule.matches(mol, profile):
                continue
        return rule
    return None
