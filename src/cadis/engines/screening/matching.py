"""What the screener matches and the rules that keep or drop a match (scores, windows, words).

The :class:`~cadis.engines.screening.screener.Screener` compiles a control list into patterns
and asks these rules about every match it finds in a declaration line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Evidence, EvidenceKind
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

PERCENT_RE = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|процент|percent|mass)", re.IGNORECASE)

# An HS code written in the description counts only after a label ("HS", "код ТН ВЭД"): bare
# six-digit numbers in declarations are mostly batch numbers and dates.
HS_IN_TEXT_RE = re.compile(
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
LOCANT_SUFFIX_RE = re.compile(r"-\d+(?:,\d+)*-[^\W\d_]{2}")

KIND_SCORES = {
    EvidenceKind.NAME: SCORE_NAME,
    EvidenceKind.ABBREVIATION: SCORE_ABBREVIATION,
    EvidenceKind.SALT: SCORE_SALT,
}


@dataclass(frozen=True, slots=True)
class Pattern:
    cas_key: str  # grouping key: the CAS, or the display name for entries without CAS
    kind: EvidenceKind | None  # None for exclusion phrases
    synonym: str
    length: int  # in tokens


@dataclass(slots=True)
class Match:
    start: int  # token index
    end: int  # exclusive
    pattern: Pattern
    fuzzy: float = 1.0  # similarity of the corrected tokens, 1.0 when exact


def key_of(text: str) -> str:
    return " ".join(token.key for token in tokenize(text))


def stated_concentration(description: str) -> float | None:
    """The highest percentage stated in a description, if any.

    >>> stated_concentration("Кислота серная, не менее 92,5 %")
    92.5
    """
    values = [float(m.group(1).replace(",", ".")) for m in PERCENT_RE.finditer(description)]
    values = [v for v in values if 0 < v <= 100]
    return max(values) if values else None


WEAK_KINDS = frozenset({EvidenceKind.FUZZY, EvidenceKind.ABBREVIATION, EvidenceKind.HS_RESIDUAL})


def drop_weak_against_cas(evidence: dict[str, list[Evidence]]) -> None:
    """A valid CAS number of an unlisted substance outweighs a guess: substances suspected only
    through a typo-tolerant match or an abbreviation are dropped (exact names stay)."""
    for group in [g for g, items in evidence.items() if all(e.kind in WEAK_KINDS for e in items)]:
        del evidence[group]


def negated(match: Match, keys: list[str]) -> bool:
    """ "без ацетона", "acetone-free", "non-toluene" describe goods without the substance."""
    before = keys[match.start - 1] if match.start > 0 else ""
    after = keys[match.end] if match.end < len(keys) else ""
    return before in NEGATION_BEFORE or after in NEGATION_AFTER


def substituted(match: Match, keys: list[str]) -> bool:
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


def abbreviation_stands(match: Match, tokens: list[Token], description: str) -> bool:
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


def has_cyrillic(text: str) -> bool:
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


def token_starts(keys: list[str]) -> dict[int, int]:
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


def excluded(match: Match, exclusions: list[Match]) -> bool:
    for other in exclusions:
        if other.pattern.cas_key != match.pattern.cas_key:
            continue
        if (
            match.start - EXCLUSION_WINDOW_BEFORE <= other.end
            and other.start <= match.end + EXCLUSION_WINDOW_AFTER - 1
        ):
            return True
    return False


def drop_contained(matches: list[Match]) -> list[Match]:
    """A match inside a longer match of another substance is part of that name.

    "pseudo ephedrine" is not also ephedrine; "BMK methyl glycidate" is not also BMK.
    """
    if len(matches) < 2:
        return matches
    kept: list[Match] = []
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
