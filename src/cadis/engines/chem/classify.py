"""Classify one structure: identity, NPS category, legal status, nearest known substances."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdkit import Chem

from .census import census
from .errors import ChemError, ChemErrorCode, ChemWarningCode
from .legal import DEFAULT_JURISDICTIONS, LegalModel, load_jurisdictions
from .library import Library, Substance, fingerprint, load_library
from .parse import parse_input
from .rules import categorise
from .standardise import Standardised, standardise

# Below this Tanimoto similarity a "nearest known substance" is not worth showing.
NEAREST_MIN_SIMILARITY = 0.2
# An input not found by SMILES is also looked up by InChIKey when a library substance with
# the same formula is at least this similar (another tautomer or charge form of it).
INCHIKEY_LOOKUP_SIMILARITY = 0.4
# When no family rule matches, a library neighbour this similar lends its category.
NEIGHBOUR_CATEGORY_SIMILARITY = 0.6
# Analogue triage (nearest *controlled* substances) is shown only from this Tanimoto
# similarity (Morgan radius 2, 2048 bits) up: below it the "nearest" controlled substance
# shares little more than common fragments (xylazine vs NM-2-AI scores 0.195) and would
# mislead. 0.45 keeps ring-substituted and chain-homologue analogues (0.5-0.8) visible.
ANALOGUE_TRIAGE_MIN_SIMILARITY = 0.45


@dataclass(slots=True)
class Classification:
    input: str
    smiles: str | None = None
    formula: str | None = None
    exact_mass: float | None = None
    category: str | None = None
    rule: str | None = None
    known: Substance | None = None
    status: dict[str, dict[str, object]] = field(default_factory=dict)
    nearest: list[dict[str, object]] = field(default_factory=list)
    analogue_triage: list[dict[str, object]] = field(default_factory=list)
    explanation: str = ""
    warnings: list[dict[str, str]] = field(default_factory=list)
    error: ChemError | None = None
    mol: Chem.Mol | None = field(default=None, repr=False)
    standardised: Standardised | None = field(default=None, repr=False)

    @property
    def inchikey(self) -> str | None:
        return self.standardised.inchikey if self.standardised is not None else None

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_json(self) -> dict[str, object]:
        """Plain dict for JSON output (the CLI and API shape)."""
        if self.error is not None:
            return {
                "input": self.input,
                "error": self.error.message,
                "error_code": self.error.code.value,
            }
        return {
            "input": self.input,
            "smiles": self.smiles,
            "inchikey": self.inchikey,
            "formula": self.formula,
            "exact_mass": self.exact_mass,
            "category": self.category,
            "rule": self.rule,
            "known": self.known.as_dict() if self.known else None,
            "status": self.status,
            "nearest": self.nearest,
            "analogue_triage": self.analogue_triage,
            "explanation": self.explanation,
            "warnings": self.warnings,
        }


class Classifier:
    """Holds the library, its fingerprints and the legal model; reuse one per process."""

    def __init__(self, library: Library, legal: LegalModel) -> None:
        self.library = library
        self.legal = legal

    @classmethod
    def from_data_dir(cls, data_dir: Path | str | None = None) -> Classifier:
        library = load_library(data_dir)
        return cls(library, LegalModel(library, load_jurisdictions(data_dir)))

    def classify(
        self,
        text_or_mol: str | Chem.Mol,
        *,
        jurisdictions: Iterable[str] = DEFAULT_JURISDICTIONS,
        with_status: bool = True,
        canonical_tautomer: bool = False,
        use_opsin: bool = True,
        nearest_k: int = 3,
    ) -> Classification:
        label = text_or_mol if isinstance(text_or_mol, str) else Chem.MolToSmiles(text_or_mol)
        result = Classification(input=label)
        try:
            parsed = parse_input(
                text_or_mol, name_lookup=self.library.smiles_for_name, use_opsin=use_opsin
            )
            std = standardise(parsed.mol, canonical_tautomer=canonical_tautomer)
        except ChemError as exc:
            result.error = exc
            return result
        except Exception as exc:  # RDKit rejecting an odd structure must not stop a batch
            result.error = ChemError(ChemErrorCode.INVALID_STRUCTURE, str(exc)[:80])
            return result
        if parsed.resolved_name:
            result.warnings.append(
                {"code": ChemWarningCode.NAME_RESOLVED.value, "detail": parsed.resolved_name}
            )
        result.warnings.extend({"code": code.value, "detail": d} for code, d in std.warnings)
        result.mol = std.mol
        result.smiles, result.standardised = std.smiles, std
        result.formula, result.exact_mass = std.formula, std.exact_mass
        known = self.library.by_smiles(std.smiles, std.flat_smiles)
        fp = fingerprint(std.mol)
        scores = self.library.similarities(fp)
        neighbours = self.library.nearest(None, k=max(nearest_k, 1), scores=scores)
        if known is None and self.library.has_formula(
            std.formula, scores, INCHIKEY_LOOKUP_SIMILARITY
        ):
            # A close neighbour may be the same substance written as another tautomer or
            # charge form: the standard InChIKey (and its skeleton block) settles it.
            known = self.library.by_inchikey(std.inchikey) or self.library.by_skeleton(std.inchikey)
        result.known = known
        if known is not None and known.smiles == std.smiles and known.inchikey:
            # The same canonical isomeric SMILES is the same InChI (both molecules come from
            # SMILES-like input without coordinates): reuse the library's key instead of
            # computing it again. A MOL block's coordinates could carry stereo of their own.
            if std.mol.GetNumConformers() == 0 and std._inchikey is None:
                std._inchikey = known.inchikey
        if known is not None and known.smiles != std.smiles and known.smiles != known.flat_smiles:
            _stereo_warning(result, std, known)
        neighbours = neighbours[:nearest_k]
        result.nearest = [
            _neighbour(s, sim) for s, sim in neighbours if sim >= NEAREST_MIN_SIMILARITY
        ]
        description = "the substance's library entry"
        # An unknown structure goes through the category rules and the derivative search:
        # both screen their patterns with the same atom census, taken once here.
        prepared = census(std.mol) if known is None else None
        if known is not None:
            result.category, result.rule = known.category, "library.exact_match"
        elif (
            match := categorise(std.mol, prepared=prepared)
        ).rule_id == "other.no_family_rule" and (
            neighbours and neighbours[0][1] >= NEIGHBOUR_CATEGORY_SIMILARITY
        ):
            result.category = neighbours[0][0].category
            result.rule = f"library.nearest_neighbour:{neighbours[0][0].name_en}"
        else:
            result.category, result.rule = match.category, match.rule_id
            description = match.description
        if with_status:
            codes = tuple(jurisdictions)
            result.status = self.legal.status(std.mol, known, codes, prepared=prepared)
            result.analogue_triage = [
                _neighbour(s, sim)
                for s, sim in self.library.nearest(None, k=3, controlled_only=True, scores=scores)
                if sim >= ANALOGUE_TRIAGE_MIN_SIMILARITY
            ]
        result.explanation = _explain(result, description)
        return result


def _stereo_warning(result: Classification, std: Standardised, known: Substance) -> None:
    """Say when the match ignores stereochemistry: the input is another stereoisomer."""
    if std.smiles == std.flat_smiles:
        code, detail = ChemWarningCode.STEREO_UNSPECIFIED, known.name_en
    else:
        code, detail = ChemWarningCode.STEREOISOMER_OF, f"{known.name_en} ({known.smiles})"
    result.warnings.append({"code": code.value, "detail": detail})


def _neighbour(substance: Substance, similarity: float) -> dict[str, object]:
    return {
        "name": substance.name_en,
        "name_ru": substance.name_ru,
        "category": substance.category,
        "similarity": similarity,
        "smiles": substance.smiles,
    }


def _explain(result: Classification, rule_description: str) -> str:
    parts = []
    if result.known is not None:
        parts.append(
            f"Identified as {result.known.name_en} (exact structure match in the substance library)."
        )
    elif result.rule and result.rule.startswith("library.nearest_neighbour"):
        top = result.nearest[0]
        parts.append(
            f"No family rule matched; category taken from the nearest known substance "
            f"{top['name']} (Tanimoto {top['similarity']})."
        )
    else:
        parts.append(f"Category {result.category} by rule {result.rule}: {rule_description}.")
    derivative = [
        f"{code}: derivative of {value['parent']}"
        for code, value in result.status.items()
        if value.get("status") == "controlled_derivative"
    ]
    if derivative:
        parts.append("Derivative rule: " + "; ".join(derivative) + ".")
    if result.analogue_triage:
        top = result.analogue_triage[0]
        parts.append(
            f"Most similar controlled substance: {top['name']} (Tanimoto {top['similarity']}); "
            "similarity is triage only, not a legal finding."
        )
    return " ".join(parts)


@lru_cache(maxsize=1)
def default_classifier() -> Classifier:
    """The classifier over the shipped library, built once per process."""
    return Classifier.from_data_dir()


def classify(
    text_or_mol: str | Chem.Mol,
    *,
    jurisdictions: Iterable[str] = DEFAULT_JURISDICTIONS,
    **options: Any,
) -> Classification:
    """Classify a SMILES, InChI, MOL block, name or RDKit molecule.

    >>> c = classify("CNC(C)C(=O)c1ccc(C)cc1")
    >>> c.category, c.known.name_en, c.status["international"]["status"]
    ('synthetic_cathinone', 'Mephedrone', 'controlled')
    >>> classify("C1CC((").to_json()["error_code"]
    'invalid_structure'
    """
    return default_classifier().classify(text_or_mol, jurisdictions=jurisdictions, **options)


def to_jsonl(result: Classification) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False)
