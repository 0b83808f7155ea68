"""Generic-control simulator: which substances a draft generic definition captures or misses.

A generic definition is a core structure (SMARTS) whose variable positions are atom-mapped
(``[*:1]``); each position lists the substituents it allows (SMARTS of the group, matched at
its attachment atom; ``[#1]`` allows hydrogen). A candidate is *captured* when the core
matches and every variable position carries an allowed group; otherwise it is *missed*, with
the reason. A country's derivative rule can be simulated the same way (`derivative_rule`).

>>> d = GenericDefinition("cathinones", "O=C(c1ccccc1)C([*:1])N([*:2])[*:3]",
...     {1: ("[CH3]", "[CH2][CH3]"), 2: ("[#1]", "[CH3]"), 3: ("[CH3]", "[CH2][CH3]")})
>>> [r.captured for r in simulate(d, [("mephedrone", "CNC(C)C(=O)c1ccc(C)cc1"),
...                                   ("alpha-PVP", "CCCC(N1CCCC1)C(=O)c1ccccc1")])]
[True, False]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdkit import Chem


@dataclass(frozen=True, slots=True)
class GenericDefinition:
    name: str
    core_smarts: str
    allowed: Mapping[int, Sequence[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SimulationResult:
    substance_id: str
    smiles: str
    captured: bool
    reason: str
    source: str = "catalogue"  # or "detection"


def _group_matches(mol: Chem.Mol, attach: int, core_atoms: set[int], patterns: list[Any]) -> bool:
    """Does the group hanging on `attach` (outside the core) match an allowed pattern?"""
    for pattern, needs_h in patterns:
        if needs_h:
            if mol.GetAtomWithIdx(attach).GetAtomicNum() == 1:
                return True
            continue
        for match in mol.GetSubstructMatches(pattern):
            if match[0] == attach and not core_atoms & set(match):
                return True
    return False


def _evaluate(definition: GenericDefinition, mol: Chem.Mol) -> tuple[bool, str]:
    core = Chem.MolFromSmarts(definition.core_smarts)
    if core is None:
        raise ValueError(f"invalid core SMARTS: {definition.core_smarts}")
    mapped = {a.GetAtomMapNum(): a.GetIdx() for a in core.GetAtoms() if a.GetAtomMapNum()}
    allowed = {
        n: [(Chem.MolFromSmarts(s), s == "[#1]") for s in groups]
        for n, groups in definition.allowed.items()
    }
    # Explicit hydrogens, so that a variable position can be "H" (`[#1]`).
    mol_h = Chem.AddHs(mol)
    matches = mol_h.GetSubstructMatches(core, maxMatches=200, uniquify=False)
    if not matches:
        return False, "the core structure is not present"
    last = "no match of the core satisfies the allowed substituents"
    for match in matches:
        core_atoms = {match[i] for i in range(len(match)) if i not in mapped.values()}
        ok = True
        for number, query_idx in mapped.items():
            atom = match[query_idx]
            if number in allowed and not _group_matches(mol_h, atom, core_atoms, allowed[number]):
                last = f"position {number}: the group there is not among the allowed substituents"
                ok = False
                break
        if ok:
            return True, "core present and every variable position carries an allowed group"
    return False, last


def simulate(
    definition: GenericDefinition,
    substances: Iterable[tuple[str, str]],
    detections: Iterable[tuple[str, str]] = (),
) -> list[SimulationResult]:
    """Captured/missed per catalogue substance and per recorded detection (id, SMILES)."""
    out: list[SimulationResult] = []
    for source, rows in (("catalogue", substances), ("detection", detections)):
        for substance_id, smiles in rows:
            mol = Chem.MolFromSmiles(smiles)
            if mol is None:
                out.append(
                    SimulationResult(substance_id, smiles, False, "invalid structure", source)
                )
                continue
            captured, reason = _evaluate(definition, mol)
            out.append(SimulationResult(substance_id, smiles, captured, reason, source))
    return out


def derivative_rule(parents: Iterable[tuple[str, str]], substances: Iterable[tuple[str, str]]
                    ) -> list[SimulationResult]:  # fmt: skip
    """Simulate the Russian-model derivative rule with the given parents (id, SMILES)."""
    from .derivative import DerivativeIndex

    parent_rows = list(parents)
    index = DerivativeIndex([(pid, Chem.MolFromSmiles(smi)) for pid, smi in parent_rows])
    parent_smiles = {Chem.CanonSmiles(smi) for _, smi in parent_rows}  # type: ignore[no-untyped-call]
    out = []
    for substance_id, smiles in substances:
        mol = Chem.MolFromSmiles(smiles)
        if mol is None:
            out.append(SimulationResult(substance_id, smiles, False, "invalid structure"))
            continue
        if Chem.MolToSmiles(mol) in parent_smiles:
            out.append(SimulationResult(substance_id, smiles, True, "listed parent itself"))
            continue
        hit = next(iter(index.search(mol)), None)
        reason = (f"derivative of {hit[0]} ({len(hit[1])} changed positions)" if hit
                  else "not a derivative of any given parent (ring, chain or atom change)")  # fmt: skip
        out.append(SimulationResult(substance_id, smiles, hit is not None, reason))
    return out
