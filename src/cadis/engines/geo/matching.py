"""Finding the gazetteer's names in a mention: words, their nominative forms, the longest runs.

`NameMatcher.matches` looks every run of up to `NameIndex.max_tokens` words up in the name
index under every form each word may stand for (see `text.token_candidates`; pymorphy2's
lemmas when no rule form is known), prunes runs that start no name, and keeps the longest
non-overlapping runs. A one-word match must be a proper noun (capitalised) unless the whole
mention has no capitals, so "груз" is not the village "Груз".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cadis.engines.geo.index import KEY_MARKERS, IndexedName, NameIndex, marker
from cadis.engines.geo.morphology import lemmas
from cadis.engines.geo.text import (
    ADJECTIVE_MARK,
    collapse,
    is_cyrillic,
    normalise,
    normalise_keep_case,
    skeleton_raw,
    token_candidates,
)

_COMPOUND_ADJECTIVE = re.compile(r"^([а-я]+[сц]к)о-([а-я]+)$")
# "Turkmen-Afghan border", "Kazakh-Chinese": English adjectives of nationality joined by a hyphen.
_ENGLISH_COMPOUND = re.compile(
    r"^(kazakh|kyrgyz|tajik|turkmen|uzbek|afghan|chinese|russian|iranian|pakistani)-([a-z]+)$"
)


@dataclass(frozen=True)
class Word:
    text: str  # normalised
    capitalised: bool
    marker: str | None


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    names: tuple[IndexedName, ...]
    literal: str = ""  # the run's words as written (uncollapsed key), for exact-spelling bonus


def split_words(text: str) -> list[Word]:
    cased = normalise_keep_case(text).split()
    words = normalise(text).split()
    if len(cased) != len(words):
        cased = [w.capitalize() for w in words]
    out: list[Word] = []
    for word, original in zip(words, cased, strict=True):
        english = _ENGLISH_COMPOUND.match(word)
        if english:
            out.append(Word(english.group(1), original[:1].isupper(), None))
            out.append(Word(english.group(2), original[:1].isupper(), None))
            continue
        compound = _COMPOUND_ADJECTIVE.match(word)
        if compound:  # "таджикско-афганской" -> "таджикский", "афганской"
            out.append(Word(compound.group(1) + "ий", original[:1].isupper(), None))
            out.append(Word(compound.group(2), False, None))
            continue
        out.append(Word(word, original[:1].isupper() or original[:1].isdigit(), marker(word)))
    return out


def _raw_keys(forms: list[str]) -> tuple[str, ...]:
    keys: dict[str, None] = {}
    for form in forms:
        key = (
            (skeleton_raw(form[:-1]) + ADJECTIVE_MARK)
            if form.endswith(ADJECTIVE_MARK)
            else skeleton_raw(form)
        )
        if key:
            keys.setdefault(key, None)
    return tuple(keys)


class NameMatcher:
    """Runs of words that are names in the index (see the module docstring)."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self._word_key_cache: dict[str, tuple[str, ...]] = {}

    def word_keys(self, word: str) -> tuple[str, ...]:
        """Raw skeleton forms of a word: rule candidates, and pymorphy2's lemmas when none is known."""
        cached = self._word_key_cache.get(word)
        if cached is not None:
            return cached
        keys = _raw_keys(list(token_candidates(word)))
        if (
            is_cyrillic(word)
            and len(word) >= 4
            and not any(
                collapse(k) in self.index.keys or collapse(k) in self.index.prefixes for k in keys
            )
        ):
            keys = keys + tuple(k for k in _raw_keys(list(lemmas(word))) if k not in keys)
        if len(self._word_key_cache) < 500_000:
            self._word_key_cache[word] = keys
        return keys

    def word_options(self, word: Word) -> tuple[str, ...]:
        if word.marker in KEY_MARKERS:
            return (word.marker,)
        if word.marker:
            return ()
        return self.word_keys(word.text)

    def matches(self, words: list[Word]) -> list[Match]:
        found: list[Match] = []
        options = [self.word_options(w) for w in words]
        for start in range(len(words)):
            frontier = [""]
            for end in range(start, min(len(words), start + self.index.max_tokens)):
                if not options[end]:
                    break
                next_frontier = []
                for prefix in frontier:
                    for option in options[end]:
                        raw = prefix + option
                        key = collapse(raw)
                        names = self.index.keys.get(key)
                        if names and self._acceptable(words, start, end + 1, key):
                            literal = "".join(o[0] for o in options[start : end + 1])
                            found.append(Match(start, end + 1, tuple(names), literal))
                        if key in self.index.prefixes:
                            next_frontier.append(raw)
                frontier = next_frontier
                if not frontier:
                    break
        return self._longest_first(found)

    @staticmethod
    def _acceptable(words: list[Word], start: int, end: int, key: str) -> bool:
        """A one-word match must be a proper noun (capitalised) unless the input has no capitals."""
        if end - start > 1 or key.startswith("#"):
            return True
        word = words[start]
        return word.capitalised or not any(w.capitalised for w in words) or ADJECTIVE_MARK in key

    @staticmethod
    def _longest_first(found: list[Match]) -> list[Match]:
        """Non-overlapping runs, longest first; the names of one run under several keys merged."""
        by_span: dict[tuple[int, int], dict[int, IndexedName]] = {}
        literals: dict[tuple[int, int], str] = {}
        for match in found:
            literals[(match.start, match.end)] = match.literal
            names = by_span.setdefault((match.start, match.end), {})
            for name in match.names:
                if name.entry not in names or (name.primary and not names[name.entry].primary):
                    names[name.entry] = name
        taken: set[int] = set()
        chosen: list[Match] = []
        for (start, end), names in sorted(
            by_span.items(), key=lambda item: (item[0][0] - item[0][1], item[0][0])
        ):
            span = set(range(start, end))
            if span & taken:
                continue
            taken |= span
            chosen.append(Match(start, end, tuple(names.values()), literals[(start, end)]))
        chosen.sort(key=lambda m: m.start)
        return chosen
