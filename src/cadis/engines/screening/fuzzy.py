"""Typo tolerance on single tokens, cheap enough for millions of lines.

Only tokens that are neither a synonym word nor a known ordinary chemical word are looked at,
and only against synonym words with the same first letter and the same last two letters: the
ending of a chemical name carries its class (butanol/butanone, toluene/toluol), so a typo there
is not guessed at. Results are cached per token.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz.distance import OSA

MIN_LENGTH = 6
_CACHE_LIMIT = 200_000


def allowed_edits(length: int) -> int:
    """One edit (or swap) up to 9 letters, two from 10 letters on."""
    return 1 if length < 10 else 2


class TokenCorrector:
    """Maps an unknown token key to the closest synonym word key, or ``None``.

    >>> corrector = TokenCorrector({"permanganat"}, {"permanganat"})
    >>> corrector.correct("permanganta") is None, corrector.correct("permangant")
    (True, ('permanganat', 0.91))
    """

    def __init__(self, vocabulary: Iterable[str], known: Iterable[str]) -> None:
        self._known = set(known)
        self._buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
        for word in vocabulary:
            if len(word) >= MIN_LENGTH and word.isalpha():
                self._buckets[(word[0], word[-2:])].append(word)
        self._cache: dict[str, tuple[str, float] | None] = {}

    def correct(self, key: str) -> tuple[str, float] | None:
        if len(key) < MIN_LENGTH or key in self._known:
            return None
        try:
            return self._cache[key]
        except KeyError:
            pass
        result = self._best(key)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = result
        return result

    def _best(self, key: str) -> tuple[str, float] | None:
        if not key.isalpha():
            return None
        limit = allowed_edits(len(key))
        best: tuple[str, float] | None = None
        best_distance = limit + 1
        for word in self._buckets.get((key[0], key[-2:]), ()):
            if abs(len(word) - len(key)) > limit:
                continue
            distance = OSA.distance(key, word, score_cutoff=limit)
            if distance < best_distance:
                best_distance = distance
                best = (word, round(1.0 - distance / max(len(word), len(key)), 2))
        return best
