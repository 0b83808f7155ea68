"""The screener: one control list compiled into indexes, then many lines screened against it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import ahocorasick

from .cas import CAS_IN_TEXT, canonical_cas, check_cas, split_cas_field
from .data import list_label
from .fuzzy import MIN_LENGTH as MIN_FUZZY_LENGTH
from .fuzzy import TokenCorrector
from .hs import hs6_codes, is_residual
from .lexicon import KNOWN_WORDS
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

# Evidence weights; combined as 1 - prod(1 - w), see docs/screening.md.
SCORE_CAS = 0.95
SCORE_NAME = 0.9
SCORE_ABBREVIATION = 0.7
SCORE_SALT = 0.85
SCORE_HS = 0.6
SCORE_HS_RESIDUAL = 0.2
FUZZY_FACTOR = 0.9
REPORT_THRESHOLD = 0.5
# An exclusion phrase cancels a name match when it starts at most this many tokens after the
# match (or ends right before it): "этиловый эфир 4-нитробензойной кислоты" is an ester.
EXCLUSION_WINDOW_AFTER = 3
# Salts of hydrochloric and sulphuric acid are not controlled, and "HCl"/"H2SO4" after a name
# mean a salt ("ephedrine HCl", "drotaverine HCl"): their formulae count only as the first word.
SALT_FORMER_CAS = frozenset({"7647-01-0", "7664-93-9"})
EXCLUSION_WINDOW_BEFORE = 1

CATIONS = (
    "sodium",
    "potassium",
    "calcium",
    "ammonium",
    "lithium",
    "magnesium",
    "barium",
    "zinc",
    "натрия",
    "калия",
    "кальция",
    "аммония",
    "лития",
    "магния",
    "бария",
    "цинка",
)

_PERCENT_RE = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|процент|percent|mass)", re.IGNORECASE)

# An HS code written in the description counts only after a label ("HS", "код ТН ВЭД"): bare
# six-digit numbers in declarations are mostly batch numbers and dates.
_HS_IN_TEXT_RE = re.compile(
    r"(?:\bhs|тн\s*вэд|tn\s*ved|\bкод)\b[^\d\n]{0,12}(\d{4}[\s.]?\d{2}(?:[\s.]?\d{2}){0,2})(?!\d)",
    re.IGNORECASE,
)

NEGATION_BEFORE = frozenset(token_key(w) for w in ("без", "non", "not", "bez", "free of"))
NEGATION_AFTER = frozenset(token_key(w) for w in ("free", "free-"))

# Words ending in "-il" in key space that are not alkyl/aryl substituents.
NOT_SUBSTITUENTS = frozenset(token_key(w) for w in ("brazil", "april", "until", "oil", "soil"))

HALOGEN_AND_NITRO_PREFIXES = frozenset(
    token_key(w) for w in ("chloro", "bromo", "fluoro", "iodo", "nitro", "хлор", "бром", "нитро")
)
# A name followed by a locant and a suffix ("piperidine-4-carboxylic acid",
# "толуол-2,4-диизоцианат") names a derivative; "бутандиол-1,4" and "бутанон-2 технический"
# (no hyphenated suffix) do not.
_LOCANT_SUFFIX_RE = re.compile(r"-\d+(?:,\d+)*-[^\W\d_]{2}")

_KIND_SCORES = {
    EvidenceKind.NAME: SCORE_NAME,
    EvidenceKind.ABBREVIATION: SCORE_ABBREVIATION,
    EvidenceKind.SALT: SCORE_SALT,
}


@dataclass(frozen=True, slots=True)
class _Pattern:
    cas_key: str  # grouping key: the CAS, or the display name for entries without CAS
    kind: EvidenceKind | None  # None for exclusion phrases
    synonym: str
    length: int  # in tokens


@dataclass(slots=True)
class _Match:
    start: int  # token index
    end: int  # exclusive
    pattern: _Pattern
    fuzzy: float = 1.0  # similarity of the corrected tokens, 1.0 when exact


def _key_of(text: str) -> str:
    return " ".join(token.key for token in tokenize(text))


def stated_concentration(description: str) -> float | None:
    """The highest percentage stated in a description, if any.

    >>> stated_concentration("Кислота серная, не менее 92,5 %")
    92.5
    """
    values = [float(m.group(1).replace(",", ".")) for m in _PERCENT_RE.finditer(description)]
    values = [v for v in values if 0 < v <= 100]
    return max(values) if values else None


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
        patterns: dict[str, list[_Pattern]] = {}
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
                    key = _key_of(name)
                    if not key:
                        continue
                    pattern = _Pattern(group, kind, name, key.count(" ") + 1)
                    bucket = patterns.setdefault(f" {key} ", [])
                    if all(
                        (p.cas_key, p.kind) != (group, kind) for p in bucket
                    ):  # one pattern per substance and kind is enough
                        bucket.append(pattern)
                    if kind is not None:
                        script = "cyr" if _has_cyrillic(name) else "lat"
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
            _drop_weak_against_cas(evidence)
        self._add_hs_evidence(evidence, warnings, hs_code)
        if not hs_code:
            for m in _HS_IN_TEXT_RE.finditer(description):
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
    def _name_matches(self, tokens: list[Token], description: str) -> list[_Match]:
        if not tokens:
            return []
        keys = [token.key for token in tokens]
        similarity: dict[int, float] = {}
        if self._corrector is not None:
            known = self._corrector.known
            for index, key in enumerate(keys):
                if len(key) < MIN_FUZZY_LENGTH or key in known:
                    continue
                script = "cyr" if _has_cyrillic(description[tokens[index].start]) else "lat"
                corrected = self._corrector.correct(key, script)
                if corrected is not None:
                    keys[index], similarity[index] = corrected
        text = " " + " ".join(keys) + " "

        found: list[_Match] = []
        exclusions: list[_Match] = []
        starts: dict[int, int] | None = None  # built only for lines with a match
        for end, bucket in self._automaton.iter(text):
            if starts is None:
                starts = _token_starts(keys)
            length = bucket[0].length
            last_token = starts_index_of(starts, end, text)
            first_token = last_token - length + 1
            fuzz = min(
                (similarity.get(i, 1.0) for i in range(first_token, last_token + 1)), default=1.0
            )
            for pattern in bucket:
                match = _Match(first_token, last_token + 1, pattern, fuzz)
                (exclusions if pattern.kind is None else found).append(match)
        if exclusions:
            found = [m for m in found if not _excluded(m, exclusions)]
        found = [
            m
            for m in found
            if (
                m.pattern.kind is not EvidenceKind.ABBREVIATION
                or _abbreviation_stands(m, tokens, description)
            )
            and not _negated(m, keys)
            and not _substituted(m, keys)
            and not _LOCANT_SUFFIX_RE.match(description, tokens[m.end - 1].end)
        ]
        return _drop_contained(found)

    def _add_name_evidence(
        self,
        evidence: dict[str, list[Evidence]],
        match: _Match,
        description: str,
        tokens: list[Token],
    ) -> None:
        pattern = match.pattern
        assert pattern.kind is not None
        score = _KIND_SCORES[pattern.kind]
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


WEAK_KINDS = frozenset({EvidenceKind.FUZZY, EvidenceKind.ABBREVIATION, EvidenceKind.HS_RESIDUAL})


def _drop_weak_against_cas(evidence: dict[str, list[Evidence]]) -> None:
    """A valid CAS number of an unlisted substance outweighs a guess: substances suspected only
    through a typo-tolerant match or an abbreviation are dropped (exact names stay)."""
    for group in [g for g, items in evidence.items() if all(e.kind in WEAK_KINDS for e in items)]:
        del evidence[group]


def _negated(match: _Match, keys: list[str]) -> bool:
    """ "без ацетона", "acetone-free", "non-toluene" describe goods without the substance."""
    before = keys[match.start - 1] if match.start > 0 else ""
    after = keys[match.end] if match.end < len(keys) else ""
    return before in NEGATION_BEFORE or after in NEGATION_AFTER


def _substituted(match: _Match, keys: list[str]) -> bool:
    """A name right after a substituent word is part of another compound's name:
    "benzyl acetone", "N-methyl ephedrine", "N-benzyl-4-piperidone", "methyl ethyl ether",
    "4-methoxy phenylacetic acid", "chloro acetone".
    Names that really start with such a word ("ethyl ether") are matched as a whole instead."""
    if match.start == 0 or match.pattern.kind is EvidenceKind.SALT:
        return False
    before = keys[match.start - 1]
    if before in NOT_SUBSTITUENTS:
        return False
    return (
        len(before) >= 4 and before.endswith(("il", "oks"))
    ) or before in HALOGEN_AND_NITRO_PREFIXES


def _abbreviation_stands(match: _Match, tokens: list[Token], description: str) -> bool:
    """Abbreviations are short and collide with ordinary words ("MAPA", "Mek"), so in a
    description written in mixed case they must keep their own capitalisation."""
    if match.pattern.cas_key in SALT_FORMER_CAS and match.start != 0:
        return False
    if description.islower() or description.isupper():
        return True
    written = description[tokens[match.start].start : tokens[match.end - 1].end]
    return [c.isupper() for c in written if c.isalpha()] == [
        c.isupper() for c in match.pattern.synonym if c.isalpha()
    ]


def _has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def combined_score(items: Iterable[Evidence]) -> float:
    """Noisy-OR over evidence kinds; several items of one kind count once (the best).

    >>> round(combined_score([Evidence(EvidenceKind.NAME, "x", None, 0.9)] * 2), 2)
    0.9
    """
    best: dict[EvidenceKind, float] = {}
    for item in items:
        kind = EvidenceKind.NAME if item.kind is EvidenceKind.FUZZY else item.kind
        best[kind] = max(best.get(kind, 0.0), item.score)
    remaining = 1.0
    for score in best.values():
        remaining *= 1.0 - score
    return 1.0 - remaining


def _token_starts(keys: list[str]) -> dict[int, int]:
    """Offset of each key in the space-joined key string -> token index."""
    starts: dict[int, int] = {}
    position = 0
    for index, key in enumerate(keys):
        starts[position] = index
        position += len(key) + 1
    return starts


def starts_index_of(starts: dict[int, int], end: int, text: str) -> int:
    """Index of the token that ends right before the trailing space at ``text[end]``."""
    position = text.rfind(" ", 0, end)  # the space before the last token of the match
    return starts[position]


def _excluded(match: _Match, exclusions: list[_Match]) -> bool:
    for other in exclusions:
        if other.pattern.cas_key != match.pattern.cas_key:
            continue
        if (
            match.start - EXCLUSION_WINDOW_BEFORE <= other.end
            and other.start <= match.end + EXCLUSION_WINDOW_AFTER - 1
        ):
            return True
    return False


def _drop_contained(matches: list[_Match]) -> list[_Match]:
    """A match inside a longer match of another substance is part of that name.

    "pseudo ephedrine" is not also ephedrine; "BMK methyl glycidate" is not also BMK.
    """
    if len(matches) < 2:
        return matches
    kept: list[_Match] = []
    for index, match in enumerate(matches):
        inside = False
        for other_index, other in enumerate(matches):
            if other_index == index or not (other.start <= match.start and match.end <= other.end):
                continue
            longer = (other.end - other.start) > (match.end - match.start)
            same = other.pattern.cas_key == match.pattern.cas_key
            # Same substance, same span: keep the first (or the exact one of two).
            if longer or (same and other_index < index):
                inside = True
                break
        if not inside:
            kept.append(match)
    return kept
