"""Vocabularies of the seizure import, matched through the platform's one matcher
(names, everyday synonyms, abbreviations, the organisation's mappings, fuzzy matches)."""

from __future__ import annotations

from dataclasses import dataclass, field

from cadis.platform.imports.matcher import Match, Matcher, key

__all__ = ["Match", "Matcher", "SubstanceMatch", "Vocabulary", "key"]

# Matcher resolutions as stored on a seizure's ``substance_resolution``.
_SUBSTANCE_RESOLUTION = {"exact": "exact", "synonym": "synonym", "mapped": "synonym"}


@dataclass(frozen=True)
class SubstanceMatch:
    substance_id: int | None
    group_id: int | None
    resolution: str  # exact | synonym | fuzzy | unresolved
    label: str = ""
    score: float = 0.0
    suggestions: tuple[str, ...] = ()


@dataclass
class Vocabulary:
    """Lookups built once per import (no per-row queries)."""

    countries: dict[str, int] = field(default_factory=dict)
    country_labels: dict[int, str] = field(default_factory=dict)
    subdivisions: dict[str, tuple[int, int]] = field(default_factory=dict)  # -> (id, country)
    agencies: Matcher = field(default_factory=lambda: Matcher([]))
    forms: Matcher = field(default_factory=lambda: Matcher([]))
    concealments: Matcher = field(default_factory=lambda: Matcher([]))
    transports: Matcher = field(default_factory=lambda: Matcher([]))
    substances: Matcher = field(default_factory=lambda: Matcher([]))
    substance_groups: dict[int, int | None] = field(default_factory=dict)  # substance -> group
    cases: dict[tuple[int, str], int] = field(default_factory=dict)  # (country, key(ref)) -> id
    _substance_cache: dict[str, SubstanceMatch] = field(default_factory=dict, repr=False)

    def matcher(self, name: str) -> Matcher:
        return {
            "agency": self.agencies,
            "form": self.forms,
            "concealment": self.concealments,
            "transport": self.transports,
            "substance": self.substances,
        }[name]

    def substance(self, written: str) -> SubstanceMatch:
        k = key(written)
        cached = self._substance_cache.get(k)
        if cached is None:
            cached = self._substance_cache[k] = self._substance(written)
        return cached

    def _substance(self, written: str) -> SubstanceMatch:
        match = self.substances.match(written)
        if match.value is None:
            return SubstanceMatch(None, None, "unresolved", suggestions=match.suggestions)
        sid = int(match.value)  # type: ignore[call-overload]
        resolution = _SUBSTANCE_RESOLUTION.get(match.resolution, "fuzzy")
        return SubstanceMatch(
            sid, self.substance_groups.get(sid), resolution, match.label, match.score
        )
