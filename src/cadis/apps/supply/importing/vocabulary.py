"""Vocabularies as plain dictionaries, resolved once per import (no per-row queries)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

FUZZY_THRESHOLD = 88.0


def key(text: object) -> str:
    """Comparison key: case-folded, ё as е, quotes dropped, spaces collapsed."""
    cleaned = str(text).casefold().replace("ё", "е")
    cleaned = re.sub(r"[\"'«»“”]", "", cleaned)
    return re.sub(r"\s+", " ", cleaned).strip(" .,;")


@dataclass(frozen=True)
class SubstanceMatch:
    substance_id: int | None
    group_id: int | None
    resolution: str  # exact | synonym | fuzzy | unresolved
    label: str = ""
    score: float = 0.0


@dataclass
class Vocabulary:
    """Lookups keyed by ``key(name)``; values are database ids (with the country where it matters)."""

    countries: dict[str, int] = field(default_factory=dict)
    country_labels: dict[int, str] = field(default_factory=dict)
    subdivisions: dict[str, tuple[int, int]] = field(
        default_factory=dict
    )  # key -> (id, country id)
    agencies: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    forms: dict[str, int] = field(default_factory=dict)
    concealments: dict[str, int] = field(default_factory=dict)
    transports: dict[str, int] = field(default_factory=dict)
    cases: dict[tuple[int, str], int] = field(
        default_factory=dict
    )  # (country id, key(reference)) -> id
    substances: dict[str, tuple[int, int | None, str]] = field(
        default_factory=dict
    )  # -> (id, group, label)
    synonyms: dict[str, tuple[int, int | None, str]] = field(default_factory=dict)
    _fuzzy_cache: dict[str, SubstanceMatch] = field(default_factory=dict, repr=False)
    _fuzzy_choices: list[str] | None = field(default=None, repr=False)

    def substance(self, written: str) -> SubstanceMatch:
        k = key(written)
        cached = self._fuzzy_cache.get(k)
        if cached is not None:
            return cached
        if k in self.substances:
            sid, gid, label = self.substances[k]
            result = SubstanceMatch(sid, gid, "exact", label, 100.0)
        elif k in self.synonyms:
            sid, gid, label = self.synonyms[k]
            result = SubstanceMatch(sid, gid, "synonym", label, 100.0)
        else:
            result = self._fuzzy(k)
        self._fuzzy_cache[k] = result
        return result

    def _fuzzy(self, k: str) -> SubstanceMatch:
        if len(k) < 4:
            return SubstanceMatch(None, None, "unresolved")
        if self._fuzzy_choices is None:
            self._fuzzy_choices = sorted(set(self.substances) | set(self.synonyms))
        best = process.extractOne(
            k, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD
        )
        if best is None:
            return SubstanceMatch(None, None, "unresolved")
        choice, score, _index = best
        sid, gid, label = self.substances.get(choice) or self.synonyms[choice]
        return SubstanceMatch(sid, gid, "fuzzy", label, round(score, 1))
