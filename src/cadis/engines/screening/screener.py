"""The screener: one control list compiled into indexes, then many lines screened against it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import ahocorasick

from .cas import CAS_IN_TEXT, canonical_cas, check_cas, split_cas_field
from .data import list_label
from .fuzzy import MIN_LENGTH as MIN_FUZZY_LENGTH
from .fuzzy import TokenCorrector
from .hs import hs6_codes, is_residual
from .lexicon import KNOWN_WORDS
from .matching import (
    CATIONS,
    FUZZY_FACTOR,
    HS_IN_TEXT_RE,
    KIND_SCORES,
    LOCANT_SUFFIX_RE,
    REPORT_THRESHOLD,
    SCORE_CAS,
    SCORE_HS,
    SCORE_HS_RESIDUAL,
    Match,
    Pattern,
    abbreviation_stands,
    combined_score,
    drop_contained,
    drop_weak_against_cas,
    excluded,
    has_cyrillic,
    key_of,
    negated,
    starts_index_of,
    stated_concentration,
    substituted,
    token_starts,
)
from .model import (
    ControlledSubstance,
    ControlList,
    Evidence,
    EvidenceKind,
    Hit,
    LineResult,
    LineWarning,
    WarningCode,
)
from .normalise import Token, token_key, tokenize


class Screener:
    """Screens declaration lines against one :class:`ControlList`.

    >>> from cadis.engines.screening import load_control_list_csv
    >>> screener = Screener.from_control_list(load_control_list_csv())
    >>> [hit.cas for hit in screener.screen_line("Ангидрид уксусной к-ты, 99%")]
    ['108-24-7']
    >>> screener.screen_line("Acetic acid glacial 99.8%")
    []
    """

    def __init__(self, control_list: ControlList, *, fuzzy: bool = True) -> None:
        self.control_list = control_list
        self.version = control_list.version
        self._entries: dict[str, list[ControlledSubstance]] = {}
        self._cas_to_key: dict[str, tuple[str, bool]] = {}
        self._hs_to_keys: dict[str, list[str]] = {}
        self._weak_hs: set[str] = set()
        self._automaton = ahocorasick.Automaton()
        patterns: dict[str, list[Pattern]] = {}
        vocabulary: dict[str, set[str]] = {}

        for entry in control_list.entries:
            group = entry.cas or entry.name
            self._entries.setdefault(group, []).append(entry)
            if entry.cas:
                self._cas_to_key[canonical_cas(entry.cas)] = (group, False)
                for salt in entry.salt_cas:
                    self._cas_to_key.setdefault(canonical_cas(salt), (group, True))
            if entry.hs6:
                if entry.hs_scope != "specific" or is_residual(entry.hs6):
                    self._weak_hs.add(entry.hs6)
                keys = self._hs_to_keys.setdefault(entry.hs6, [])
                if group not in keys:
                    keys.append(group)
            for kind, names in self._names_of(entry):
                for name in names:
                    key = key_of(name)
                    if not key:
                        continue
                    pattern = Pattern(group, kind, name, key.count(" ") + 1)
                    bucket = patterns.setdefault(f" {key} ", [])
                    if all(
                        (p.cas_key, p.kind) != (group, kind) for p in bucket
                    ):  # one pattern per substance and kind is enough
                        bucket.append(pattern)
                    if kind is not None:
                        script = "cyr" if has_cyrillic(name) else "lat"
                        for word in key.split():
                            vocabulary.setdefault(word, set()).update((script, group))

        for key, bucket in patterns.items():
            self._automaton.add_word(key, tuple(bucket))
        self._automaton.make_automaton()
        known = set(vocabulary) | {token_key(word) for word in KNOWN_WORDS}
        self._corrector = TokenCorrector(vocabulary, known) if fuzzy else None

    @classmethod
    def from_control_list(cls, control_list: ControlList, **options: bool) -> Screener:
        return cls(control_list, **options)

    @staticmethod
    def _names_of(
        entry: ControlledSubstance,
    ) -> Iterator[tuple[EvidenceKind | None, Iterable[str]]]:
        names = (entry.name, *entry.names_en, *entry.names_ru, *entry.names_other)
        # Two-word names are also written the other way round in trade lists and declarations
        # ("кислота серная", "Acid, sulphuric", "фосфор красный").
        swapped = [" ".join(reversed(n.split())) for n in names if len(n.split()) == 2]
        yield EvidenceKind.NAME, (*names, *swapped)
        yield EvidenceKind.ABBREVIATION, entry.abbreviations
        salts = [
            f"{first} {second}"
            for anion in entry.salt_names
            for cation in CATIONS
            for first, second in ((cation, anion), (anion, cation))
        ]
        yield EvidenceKind.SALT, salts
        yield None, entry.exclusions

    # ------------------------------------------------------------------ screening
    def screen_line(
        self,
        description: str,
        hs_code: str | None = None,
        cas: str | None = None,
        country: str | None = None,
    ) -> list[Hit]:
        """Hits for one line, best first (empty when the line is clear)."""
        return self.screen(description, hs_code, cas, country).hits

    def screen(
        self,
        description: str,
        hs_code: str | None = None,
        cas: str | None = None,
        country: str | None = None,
        *,
        line_id: str = "",
    ) -> LineResult:
        """Hits and warnings for one line."""
        description = description or ""
        warnings: list[LineWarning] = []
        evidence: dict[str, list[Evidence]] = {}

        tokens = tokenize(description)
        for match in self._name_matches(tokens, description):
            self._add_name_evidence(evidence, match, description, tokens)
        other_cas = self._add_cas_evidence(evidence, warnings, description, cas)
        if other_cas:
            drop_weak_against_cas(evidence)
        self._add_hs_evidence(evidence, warnings, hs_code)
        if not hs_code:
            for m in HS_IN_TEXT_RE.finditer(description):
                self._add_hs_evidence(evidence, warnings, m.group(1))

        hits = self._hits_from_evidence(evidence, description, country, warnings)
        return LineResult(id=line_id, hits=hits, warnings=warnings, list_version=self.version)

    def screen_many(self, records: Iterable[Mapping[str, str | None]]) -> Iterator[LineResult]:
        """Screen records with keys ``id, description, hs_code, cas`` (and optionally ``country``).

        >>> from cadis.engines.screening import load_control_list_csv
        >>> screener = Screener.from_control_list(load_control_list_csv())
        >>> [r.flagged for r in screener.screen_many([{"id": "1", "description": "Toluol"}])]
        [True]
        """
        for number, record in enumerate(records, start=1):
            yield self.screen(
                record.get("description") or "",
                record.get("hs_code"),
                record.get("cas"),
                record.get("country"),
                line_id=str(record.get("id") or number),
            )

    # ------------------------------------------------------------------ names
    def _name_matches(self, tokens: list[Token], description: str) -> list[Match]:
        if not tokens:
            return []
        keys = [token.key for token in tokens]
        similarity: dict[int, float] = {}
        if self._corrector is not None:
            known = self._corrector.known
            for index, key in enumerate(keys):
                if len(key) < MIN_FUZZY_LENGTH or key in known:
                    continue
                script = "cyr" if has_cyrillic(description[tokens[index].start]) else "lat"
                corrected = self._corrector.correct(key, script)
                if corrected is not None:
                    keys[index], similarity[index] = corrected
        text = " " + " ".join(keys) + " "

        found: list[Match] = []
        exclusions: list[Match] = []
        starts: dict[int, int] | None = None  # built only for lines with a match
        for end, bucket in self._automaton.iter(text):
            if starts is None:
                starts = token_starts(keys)
            length = bucket[0].length
            last_token = starts_index_of(starts, end, text)
            first_token = last_token - length + 1
            fuzz = min(
                (similarity.get(i, 1.0) for i in range(first_token, last_token + 1)), default=1.0
            )
            for pattern in bucket:
                match = Match(first_token, last_token + 1, pattern, fuzz)
                (exclusions if pattern.kind is None else found).append(match)
        if exclusions:
            found = [m for m in found if not excluded(m, exclusions)]
        found = [
            m
            for m in found
            if (
                m.pattern.kind is not EvidenceKind.ABBREVIATION
                or abbreviation_stands(m, tokens, description)
            )
            and not negated(m, keys)
            and not substituted(m, keys)
            and not LOCANT_SUFFIX_RE.match(description, tokens[m.end - 1].end)
        ]
        return drop_contained(found)

    def _add_name_evidence(
        self,
        evidence: dict[str, list[Evidence]],
        match: Match,
        description: str,
        tokens: list[Token],
    ) -> None:
        pattern = match.pattern
        assert pattern.kind is not None
        score = KIND_SCORES[pattern.kind]
        kind = pattern.kind
        note = f"{pattern.kind.value} '{pattern.synonym}'"
        if match.fuzzy < 1.0:
            kind = EvidenceKind.FUZZY
            score *= FUZZY_FACTOR * match.fuzzy
            note = f"close to '{pattern.synonym}' (similarity {match.fuzzy:.2f})"
        span = (tokens[match.start].start, tokens[match.end - 1].end)
        evidence.setdefault(pattern.cas_key, []).append(
            Evidence(kind, description[span[0] : span[1]], span, score, note)
        )

    # ------------------------------------------------------------------ codes
    def _add_cas_evidence(
        self,
        evidence: dict[str, list[Evidence]],
        warnings: list[LineWarning],
        description: str,
        cas_field: str | None,
    ) -> bool:
        """Adds CAS evidence; returns whether a valid CAS of an unlisted substance was given."""
        names_other_substance = False
        candidates: list[tuple[str, tuple[int, int] | None, str]] = []
        for raw in split_cas_field(str(cas_field or "")):
            candidates.append((raw, None, "CAS column"))
        for m in CAS_IN_TEXT.finditer(description):
            candidates.append((m.group(0), (m.start(), m.end()), "CAS in description"))
        seen: set[str] = set()
        for raw, span, where in candidates:
            checked = check_cas(raw)
            if checked.value in seen:
                continue
            seen.add(checked.value)
            if not checked.valid:
                code = (
                    WarningCode.CAS_MALFORMED
                    if checked.problem == "malformed"
                    else WarningCode.CAS_CHECK_DIGIT
                )
                problem = (
                    "is not a CAS number"
                    if checked.problem == "malformed"
                    else "has a wrong check digit"
                )
                warnings.append(LineWarning(code, f"{where}: '{raw}' {problem}; not used"))
                continue
            target = self._cas_to_key.get(checked.value)
            if target is None:
                names_other_substance = True
                continue
            group, is_salt = target
            note = f"{where}: CAS {checked.value}" + (" (a salt)" if is_salt else "")
            evidence.setdefault(group, []).append(
                Evidence(EvidenceKind.CAS, checked.value, span, SCORE_CAS, note)
            )
        return names_other_substance

    def _add_hs_evidence(
        self,
        evidence: dict[str, list[Evidence]],
        warnings: list[LineWarning],
        hs_code: str | None,
    ) -> None:
        if not hs_code or not str(hs_code).strip():
            return
        codes = hs6_codes(str(hs_code))
        if not codes:
            warnings.append(
                LineWarning(WarningCode.HS_MALFORMED, f"HS code '{hs_code}' is not 6-10 digits")
            )
        for hs6 in codes:
            self._add_hs6_evidence(evidence, hs6, str(hs_code))

    def _add_hs6_evidence(self, evidence: dict[str, list[Evidence]], hs6: str, raw: str) -> None:
        residual = hs6 in self._weak_hs
        for group in self._hs_to_keys.get(hs6, ()):
            kind = EvidenceKind.HS_RESIDUAL if residual else EvidenceKind.HS
            score = SCORE_HS_RESIDUAL if residual else SCORE_HS
            note = f"HS {hs6}" + (" (a subheading shared with other goods)" if residual else "")
            evidence.setdefault(group, []).append(Evidence(kind, raw, None, score, note))

    # ------------------------------------------------------------------ scoring
    def _hits_from_evidence(
        self,
        evidence: dict[str, list[Evidence]],
        description: str,
        country: str | None,
        warnings: list[LineWarning],
    ) -> list[Hit]:
        hits: list[Hit] = []
        concentration: float | None = None
        concentration_read = False
        wanted_country = (country or "").strip().upper()
        for group, items in evidence.items():
            score = combined_score(items)
            if score < REPORT_THRESHOLD:
                continue
            items = sorted(items, key=lambda e: -e.score)
            for entry in self._entries.get(group, ()):
                if entry.is_national:
                    if entry.country != wanted_country:
                        continue
                    if entry.threshold_percent is not None:
                        if not concentration_read:
                            concentration = stated_concentration(description)
                            concentration_read = True
                        if concentration is not None and concentration < entry.threshold_percent:
                            warnings.append(
                                LineWarning(
                                    WarningCode.BELOW_THRESHOLD,
                                    f"{entry.name}: stated {concentration:g} % is below the "
                                    f"{list_label(entry.list)} threshold of "
                                    f"{entry.threshold_percent:g} %",
                                )
                            )
                            continue
                hits.append(
                    Hit(
                        cas=entry.cas,
                        substance=entry.name,
                        list=entry.list,
                        evidence=items,
                        score=score,
                        explanation=f"{entry.name} ({list_label(entry.list)}): "
                        + "; ".join(item.note for item in items),
                        list_version=self.version,
                    )
                )
        hits.sort(key=lambda hit: -hit.score)
        return hits
