"""Legal status of a structure per jurisdiction: by name, as a derivative, or not listed.

Data-driven: which substances each jurisdiction lists comes from the library, which
jurisdictions apply the derivative rule comes from `jurisdictions.csv`. "Analogue"
similarity is reported separately as triage and is never a legal answer.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdkit import Chem

from .derivative import DerivativeIndex
from .library import DEFAULT_DATA_DIR, Library, Substance

CONTROLLED = "controlled"
CONTROLLED_DERIVATIVE = "controlled_derivative"
NOT_LISTED = "not_listed"
DEFAULT_JURISDICTIONS = ("international", "KZ", "KG", "TJ", "TM", "UZ")


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    code: str
    name_en: str
    name_ru: str
    list_name_en: str
    mirrors_international: bool
    derivative_rule: bool
    verified: bool
    note: str


def load_jurisdictions(data_dir: Path | str | None = None) -> dict[str, Jurisdiction]:
    """Jurisdictions keyed by code, from `jurisdictions.csv`."""
    path = Path(data_dir or DEFAULT_DATA_DIR) / "jurisdictions.csv"
    out: dict[str, Jurisdiction] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out[row["code"]] = Jurisdiction(
                code=row["code"],
                name_en=row["name_en"],
                name_ru=row["name_ru"],
                list_name_en=row["list_name_en"],
                mirrors_international=row["mirrors_international"].strip().lower() == "true",
                derivative_rule=row["derivative_rule"].strip().lower() == "true",
                verified=row["verified"].strip().lower() == "true",
                note=row["note"],
            )
    return out


def listing(substance: Substance, jurisdiction: Jurisdiction) -> str | None:
    """The list a substance is on in a jurisdiction, or None."""
    if jurisdiction.code == "international":
        return substance.international or None
    if jurisdiction.code in substance.national:
        return jurisdiction.list_name_en
    if jurisdiction.mirrors_international and substance.international:
        return f"{jurisdiction.list_name_en} (implements {substance.international})"
    return None


class LegalModel:
    """Listings of every jurisdiction, with derivative parents prepared once."""

    def __init__(self, library: Library, jurisdictions: dict[str, Jurisdiction]) -> None:
        self.library = library
        self.jurisdictions = jurisdictions
        controlled = [
            s for s in library.substances if any(listing(s, j) for j in jurisdictions.values())
        ]
        self._by_key = {s.inchikey: s for s in controlled}
        self.index = DerivativeIndex([(s.inchikey, s.molecule()) for s in controlled])

    def find_derivative_parents(self, mol: Chem.Mol) -> Iterator[tuple[Substance, list]]:
        """Listed substances of which `mol` is a derivative, most specific first (lazy)."""
        for key, changes in self.index.search(mol):
            yield self._by_key[key], changes

    def status(
        self, mol: Chem.Mol, known: Substance | None, jurisdictions: tuple[str, ...]
    ) -> dict[str, dict[str, object]]:
        """Status per jurisdiction code, as plain dicts ready for JSON.

        Worked examples are in tests/engines/chem/test_legal.py.
        """
        derivative_codes = [
            c
            for c in jurisdictions
            if c in self.jurisdictions and self.jurisdictions[c].derivative_rule
        ]
        parent_for: dict[str, tuple[Substance, list]] = {}
        needs_search = [
            c
            for c in derivative_codes
            if known is None or not listing(known, self.jurisdictions[c])
        ]
        if needs_search:
            # Walk the (lazy, most specific first) parents until every jurisdiction that
            # applies the rule has its parent; usually the first hit settles all of them.
            for substance, changes in self.find_derivative_parents(mol):
                for code in needs_search:
                    if code not in parent_for and listing(substance, self.jurisdictions[code]):
                        parent_for[code] = (substance, changes)
                if len(parent_for) == len(needs_search):
                    break
        out: dict[str, dict[str, object]] = {}
        for code in jurisdictions:
            jurisdiction = self.jurisdictions.get(code)
            if jurisdiction is None:
                out[code] = {"status": "unknown_jurisdiction"}
                continue
            if known is not None and (schedule := listing(known, jurisdiction)):
                out[code] = {"status": CONTROLLED, "substance": known.name_en, "list": schedule}
            elif code in parent_for:
                parent, changes = parent_for[code]
                out[code] = {
                    "status": CONTROLLED_DERIVATIVE,
                    "parent": parent.name_en,
                    "list": listing(parent, jurisdiction),
                    "changed_positions": [c.as_dict() for c in changes],
                }
            else:
                out[code] = {"status": NOT_LISTED}
        for code, value in out.items():
            jurisdiction = self.jurisdictions.get(code)
            if jurisdiction is not None and not jurisdiction.verified:
                value["illustrative"] = True
        return out
