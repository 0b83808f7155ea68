"""Legal status of a structure per jurisdiction, saying exactly what is known.

Status values (stable codes; labels in `data/labels.csv`):

- ``controlled``: the structure is a catalogue substance listed there (``basis`` is
  ``listing``: the list, schedule, year and source are given; or ``inherited_listing``:
  a national list modelled as implementing the convention schedules, matched by
  structure, never by name);
- ``controlled_derivative``: a derivative of a listed substance under the jurisdiction's
  derivative rule (parent, rule and changed positions are given);
- ``not_found_in_lists_held``: no listing and no derivative parent in the lists cadis holds,
  which are named with their version and date. This is never "not controlled": a list
  cadis does not hold, or a generic clause it does not model, may still control it;
- ``unknown``: cadis holds no verified list for the jurisdiction (an illustrative model
  found nothing), so nothing can be said.

Every answer from an unverified (illustrative) national model carries ``illustrative: true``.
Similarity ("analogue") is reported apart as triage and is never a legal status.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdkit import Chem

from cadis.engines.tables import data_records

from .census import Census
from .derivative import DerivativeIndex
from .library import DEFAULT_DATA_DIR, Library, Substance

CONTROLLED = "controlled"
CONTROLLED_DERIVATIVE = "controlled_derivative"
NOT_FOUND = "not_found_in_lists_held"
UNKNOWN = "unknown"
STATUSES = (CONTROLLED, CONTROLLED_DERIVATIVE, NOT_FOUND, UNKNOWN)
DERIVATIVE_RULE_ID = "derivative.russian_model"
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
    list_version: str = ""
    list_date: str = ""
    list_name_ru: str = ""


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


def load_jurisdictions(data_dir: Path | str | None = None) -> dict[str, Jurisdiction]:
    """Jurisdictions keyed by code, from `jurisdictions.csv`."""
    path = Path(data_dir or DEFAULT_DATA_DIR) / "jurisdictions.csv"
    out: dict[str, Jurisdiction] = {}
    for row in data_records(path):
        out[row["code"]] = Jurisdiction(
            code=row["code"],
            name_en=row["name_en"],
            name_ru=row["name_ru"],
            list_name_en=row["list_name_en"],
            mirrors_international=_flag(row["mirrors_international"]),
            derivative_rule=_flag(row["derivative_rule"]),
            verified=_flag(row["verified"]),
            note=row["note"],
            list_version=row.get("list_version") or "",
            list_date=row.get("list_date") or "",
            list_name_ru=row.get("list_name_ru") or "",
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


def listing_record(substance: Substance, jurisdiction: Jurisdiction) -> dict[str, object] | None:
    """The `controlled` answer for a listed substance (None when it is not listed there)."""
    schedule = listing(substance, jurisdiction)
    if schedule is None:
        return None
    by_name = jurisdiction.code == "international" or jurisdiction.code in substance.national
    record: dict[str, object] = {
        "status": CONTROLLED,
        "substance": substance.name_en,
        "list": schedule,
        "basis": "listing" if by_name else "inherited_listing",
    }
    if substance.international and (jurisdiction.code == "international" or not by_name):
        record["schedule"] = substance.international
        record["since"] = substance.intl_since or None
        record["source"] = substance.intl_source or None
    return record


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
        self._negative = {code: self._negative_answer(j) for code, j in jurisdictions.items()}

    def find_derivative_parents(
        self, mol: Chem.Mol, prepared: Census | None = None
    ) -> Iterator[tuple[Substance, list[Any]]]:
        """Listed substances of which `mol` is a derivative, most specific first (lazy)."""
        for key, changes in self.index.search(mol, prepared):
            yield self._by_key[key], changes

    @staticmethod
    def _negative_answer(jurisdiction: Jurisdiction) -> dict[str, object]:
        if jurisdiction.verified:
            return {
                "status": NOT_FOUND,
                "lists": jurisdiction.list_name_en,
                "list_version": jurisdiction.list_version,
                "list_date": jurisdiction.list_date or None,
            }
        return {
            "status": UNKNOWN,
            "reason": "no verified list held; the illustrative model finds no listing",
            "list_version": jurisdiction.list_version,
        }

    def status(
        self,
        mol: Chem.Mol,
        known: Substance | None,
        jurisdictions: tuple[str, ...],
        *,
        prepared: Census | None = None,
    ) -> dict[str, dict[str, object]]:
        """Status per jurisdiction code, as plain dicts ready for JSON.

        `prepared` is the molecule's atom census if the caller already took it. Worked
        examples are in tests/engines/chem/test_legal.py.
        """
        derivative_codes = [
            c
            for c in jurisdictions
            if c in self.jurisdictions and self.jurisdictions[c].derivative_rule
        ]
        parent_for: dict[str, tuple[Substance, list[Any]]] = {}
        needs_search = [
            c
            for c in derivative_codes
            if known is None or not listing(known, self.jurisdictions[c])
        ]
        if needs_search:
            # Walk the (lazy, most specific first) parents until every jurisdiction that
            # applies the rule has its parent; usually the first hit settles all of them.
            for substance, changes in self.find_derivative_parents(mol, prepared):
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
            record = listing_record(known, jurisdiction) if known is not None else None
            if record is not None:
                out[code] = record
            elif code in parent_for:
                parent, changes = parent_for[code]
                out[code] = {
                    "status": CONTROLLED_DERIVATIVE,
                    "parent": parent.name_en,
                    "list": listing(parent, jurisdiction),
                    "rule": DERIVATIVE_RULE_ID,
                    "changed_positions": [c.as_dict() for c in changes],
                }
            else:
                out[code] = dict(self._negative[code])
            if not jurisdiction.verified:
                out[code]["illustrative"] = True
        return out
