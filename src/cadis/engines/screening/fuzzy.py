"""Typo tolerance on single tokens, cheap enough for millions of lines.

Only tokens that are neither a synonym word nor a known ordinary chemical word are looked at,
and only against synonym words with the same first and last letter (a swap of the first two
letters is allowed): the ending of a chemical name
carries its class (butanol/butanone), so a typo there is not guessed at. Ordinary chemicals one
letter away from a listed name are in the lexicon of known words. Results are cached per token.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from rapidfuzz.distance import OSA

MIN_LENGTH = 5
SCRIPTS = frozenset({"cyr", "lat"})
_CACHE_LIMIT = 200_000


def allowed_edits(length: int) -> int:
    """One edit (or swap) up to 9 letters, two from 10 letters on."""
    return 1 if length < 10 else 2


_ALKYL_RE = re.compile(r"(?:m|pr?|but?)?etil|propil|butil")


def _only_alkyl_differs(key: str, word: str) -> bool:
    """Methyl/ethyl (and propyl/butyl) one letter apart are different compounds, not typos:
    diethylketone is not dimethylketone."""
    return _ALKYL_RE.sub("R", key) == _ALKYL_RE.sub("R", word)


class TokenCorrector:
    """Maps an unknown token key to the closest synonym word key, or ``None``.

    >>> corrector = TokenCorrector({"permanganat": {"lat"}}, {"permanganat"})
    >>> corrector.correct("permanganta") is None, corrector.correct("permangant")
    (True, ('permanganat', 0.91))
    """

    def __init__(self, vocabulary: Mapping[str, set[str]], known: Iterable[str]) -> None:
        """``vocabulary`` maps a synonym word key to tags: the scripts it was written in
        (``"cyr"``/``"lat"``) and the substances it names, used to break ties between equally
        close words (two spellings of one substance's name are not a real ambiguity)."""
        self.known = frozenset(known)
        self._buckets: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
        for word, scripts in vocabulary.items():
            if len(word) >= MIN_LENGTH and word.isalpha():
                self._buckets[word[-1]].append((word, scripts))
        self._cache: dict[tuple[str, str], tuple[str, float] | None] = {}

    def correct(self, key: str, script: str = "") -> tuple[str, float] | None:
        if len(key) < MIN_LENGTH or key in self.known:
            return None
        try:
            return self._cache[(key, script)]
        except KeyError:
            pass
        result = self._best(key, script)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[(key, script)] = result
        return result

    def _best(self, key: str, script: str) -> tuple[str, float] | None:
        if not key.isalpha():
            return None
        limit = allowed_edits(len(key))
        best_distance = limit + 1
        closest: list[tuple[str, set[str]]] = []
        for word, scripts in self._buckets.get(key[-1], ()):
            if abs(len(word) - len(key)) > limit:
                continue
            # The first letter must agree, unless the first two letters are swapped.
            if word[0] != key[0] and (word[0] != key[1] or word[1] != key[0]):
                continue
            distance = OSA.distance(key, word, score_cutoff=limit)
            if distance > limit or _only_alkyl_differs(key, word):
                continue
            if distance < best_distance:
                best_distance, closest = distance, [(word, scripts)]
            elif distance == best_distance:
                closest.append((word, scripts))
        if len(closest) > 1:
            closest = [(word, tags) for word, tags in closest if script in tags] or closest
        if len(closest) > 1:
            substances = {frozenset(t for t in tags if t not in SCRIPTS) for _, tags in closest}
            if len(substances) == 1:
                closest = closest[:1]
        # Still several equally close synonym words: the typo is ambiguous, so guess nothing.
        if len(closest) != 1:
            return None
        word = closest[0][0]
        return word, round(1.0 - best_distance / max(len(word), len(key)), 2)
