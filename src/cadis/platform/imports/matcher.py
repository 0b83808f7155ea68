"""Matching what people write to vocabulary entries: names, synonyms, abbreviations, the
organisation's remembered mappings, then fuzzy matches.

The order is fixed and is the contract (a property test holds it):

1. an exact name (code, Russian, English or national-language name, abbreviation);
2. an everyday synonym or a derived abbreviation ("МВД" for "МВД КР");
3. a mapping the importer's organisation saved earlier;
4. a fuzzy match (rapidfuzz), applied only when one entry is clearly the best.

At each of steps 1 and 2, entries in the importer's scope (its country) are preferred: "МВД"
written by a Kyrgyz organisation is the Kyrgyz ministry. When several entries remain, the value
is ambiguous and the ranked candidates are returned as suggestions; nothing is guessed. The
organisation's mapping of that very value answers the question when it names one of the
candidates ("мет": methadone or methamphetamine, as this treatment centre writes it).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.utils import translation
from rapidfuzz import fuzz, process

FUZZY_APPLY = 90.0  # a fuzzy candidate at or above this score may be applied ...
FUZZY_MARGIN = 6.0  # ... when the next different entry scores at least this much less
FUZZY_SUGGEST = 60.0  # candidates above this score are offered as suggestions
MAX_SUGGESTIONS = 5
_SUFFIX = re.compile(r"\s+(кр|рк|рт|руз|туркменистана|kr|rk|rt|ruz)$")


_QUOTES = re.compile(r"[\"'«»“”]")
_SPACES = re.compile(r"\s+")


def key(text: object) -> str:
    """Comparison key: case-folded, ё as е, quotes dropped, spaces collapsed."""
    return _key(text if type(text) is str else str(text))


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    # Cached: an import file repeats the same few hundred words in 100,000 rows.
    cleaned = _QUOTES.sub("", text.casefold().replace("ё", "е"))
    return _SPACES.sub(" ", cleaned).strip(" .,;")


@dataclass(frozen=True)
class Entry:
    """One vocabulary entry: its value (a database id or a code), label and the ways to write it."""

    value: Hashable
    label: str
    names: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    scope: Hashable | None = None  # e.g. the country of an agency


@dataclass(frozen=True)
class Match:
    value: Hashable | None
    resolution: str  # exact | synonym | mapped | fuzzy | ambiguous | unknown
    label: str = ""
    suggestions: tuple[str, ...] = ()
    score: float = 0.0

    @property
    def found(self) -> bool:
        return self.value is not None


@dataclass
class Matcher:
    """Lookups over one vocabulary, built once per import (no per-row queries)."""

    entries: list[Entry]
    scope: Hashable | None = None
    mappings: Mapping[str, Hashable] = field(default_factory=dict)
    _names: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _synonyms: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _by_value: dict[Hashable, Entry] = field(default_factory=dict, repr=False)
    _cache: dict[str, Match] = field(default_factory=dict, repr=False)
    _choices: list[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            self._by_value.setdefault(entry.value, entry)
            for name in entry.names:
                if name:
                    _add(self._names, key(name), entry)
            for synonym in entry.synonyms:
                if synonym:
                    _add(self._synonyms, key(synonym), entry)
            for name in entry.names:  # "МВД КР" is also written "МВД"
                short = _SUFFIX.sub("", key(name))
                if short and short != key(name):
                    _add(self._synonyms, short, entry)

    def label(self, value: Hashable) -> str:
        entry = self._by_value.get(value)
        return entry.label if entry else str(value)

    def match(self, text: str) -> Match:
        k = key(text)
        cached = self._cache.get(k)
        if cached is None:
            cached = self._cache[k] = self._match(k)
        return cached

    def _match(self, k: str) -> Match:
        if not k:
            return Match(None, "unknown")
        for index, resolution in ((self._names, "exact"), (self._synonyms, "synonym")):
            found = self._in_scope(index.get(k, []))
            if len(found) == 1:
                return Match(found[0].value, resolution, found[0].label, score=100.0)
            if found:
                # the organisation's answer to this very question picks one of the candidates
                mapped = self.mappings.get(k)
                if mapped is not None and any(entry.value == mapped for entry in found):
                    return Match(mapped, "mapped", self.label(mapped), score=100.0)
                return Match(None, "ambiguous", suggestions=tuple(e.label for e in found))
        if k in self.mappings and self.mappings[k] in self._by_value:
            value = self.mappings[k]
            return Match(value, "mapped", self.label(value), score=100.0)
        return self._fuzzy(k)

    def _in_scope(self, found: list[Entry]) -> list[Entry]:
        unique = list({entry.value: entry for entry in found}.values())
        if len(unique) > 1 and self.scope is not None:
            local = [entry for entry in unique if entry.scope == self.scope]
            if local:
                return local
            unscoped = [entry for entry in unique if entry.scope is None]
            return unscoped or unique
        return unique

    def _fuzzy(self, k: str) -> Match:
        if len(k) < 3:
            return Match(None, "unknown")
        if self._choices is None:
            self._choices = sorted(set(self._names) | set(self._synonyms))
        ranked: list[tuple[Entry, float, str]] = []
        for choice, score, _index in process.extract(
            k, self._choices, scorer=fuzz.WRatio, score_cutoff=FUZZY_SUGGEST, limit=20
        ):
            for entry in self._in_scope(
                self._names.get(choice, []) + self._synonyms.get(choice, [])
            ):
                if all(entry.value != seen.value for seen, _s, _c in ranked):
                    ranked.append((entry, float(score), choice))
        ranked.sort(key=lambda item: (-item[1], item[0].scope != self.scope, item[0].label))
        if not ranked:
            return Match(None, "unknown")
        suggestions = tuple(entry.label for entry, _score, _choice in ranked[:MAX_SUGGESTIONS])
        best, score, choice = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if (
            score >= FUZZY_APPLY
            and score - runner_up >= FUZZY_MARGIN
            and len(k) >= 4
            # Applied only when the whole text is a near spelling of the whole name: a word that
            # is only part of a name ("белый" of "белый китаец", a street name of
            # 3-methylfentanyl) scores high on a partial comparison but is asked, not applied.
            and fuzz.ratio(k, choice) >= FUZZY_APPLY
        ):
            return Match(best.value, "fuzzy", best.label, suggestions, round(score, 1))
        resolution = "ambiguous" if score >= FUZZY_APPLY else "unknown"
        return Match(None, resolution, suggestions=suggestions, score=round(score, 1))

    def value_for_label(self, label: str) -> Hashable | None:
        """The entry a suggestion (its label) stands for, for a user's choice in the page."""
        for entry in self.entries:
            if entry.label == label or key(entry.label) == key(label):
                return entry.value
        found = self._in_scope(self._names.get(key(label), []))
        return found[0].value if len(found) == 1 else None


def _add(index: dict[str, list[Entry]], k: str, entry: Entry) -> None:
    index.setdefault(k, []).append(entry)


def entries_from_rows(
    rows: Iterable[Mapping[str, object]],
    *,
    names: tuple[str, ...],
    label: str,
    synonyms: Mapping[str, tuple[str, ...]] | None = None,
    scope: str | None = None,
) -> list[Entry]:
    """Entries from ``values()`` rows: every field in ``names`` is a way to write the entry;
    ``synonyms`` maps an entry's ``code`` to its everyday words."""
    synonyms = synonyms or {}
    out = []
    for row in rows:
        out.append(
            Entry(
                value=row["id"],
                label=str(row[label]),
                names=tuple(str(row[name]) for name in names if row.get(name)),
                synonyms=tuple(synonyms.get(str(row.get("code", "")), ())),
                scope=row.get(scope) if scope else None,
            )
        )
    return out


def choice_matcher(
    choices: Any,
    mappings: Mapping[str, Hashable] | None = None,
    synonyms: Mapping[str, tuple[str, ...]] | None = None,
) -> Matcher:
    """A matcher over a choices class (or ``(value, label)`` pairs): each code, its English and
    Russian labels (entries named ``(code, English, Russian)``, labelled in English), the
    everyday words of ``cadis.apps.reference.everyday`` and the organisation's mappings."""
    entries = []
    for value, label in getattr(choices, "choices", choices):
        names = [str(value)]
        for lang in ("en", "ru"):
            with translation.override(lang):
                names.append(str(label))
        entries.append(
            Entry(value, names[1], names=tuple(names), synonyms=(synonyms or {}).get(value, ()))
        )
    return Matcher(entries, mappings=mappings or {})
