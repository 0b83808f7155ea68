"""Name normalisation: raw goods descriptions -> matching keys.

Every token (a run of letters or a run of digits) is turned into a *key* that is the same for
Russian, English-ish transliteration and most spelling variants of a chemical name:

1. case folding, ``ё`` -> ``е``, Greek letters spelled out (``γ`` -> ``gamma``);
2. Latin/Cyrillic look-alike letters inside one token are moved to the token's majority script
   (``киcлота`` written with a Latin ``c`` is still ``кислота``);
3. Cyrillic is transliterated to Latin, then Latin spellings are reduced to one phonetic form
   (``kh``/``ch``/``х`` -> ``h``, ``ts``/``ц`` -> ``c``, ``ph`` -> ``f``, ``th`` -> ``t``,
   ``y``/``j`` -> ``i``, ``x`` -> ``ks``, doubled letters collapsed), so that ``atsetona``,
   ``ацетона`` and ``acetone`` share the key ``aceton``;
4. a light ending stripper removes Russian case endings and final vowels (``кислоты``,
   ``кислота`` -> ``kislot``), applied identically to synonyms and text.

Abbreviations that split into several tokens (``к-та``, ``р-р``) are merged back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")

_GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ω": "omega",
}

_CYR_TO_LAT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Kazakh, Kyrgyz, Tajik, Uzbek and Turkmen Cyrillic letters seen in declarations.
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
    "ҳ": "h",
    "ҷ": "zh",
    "ӣ": "i",
    "ӯ": "u",
    "ў": "u",
}
_CYR_TABLE = str.maketrans(_CYR_TO_LAT)

# Letters that look the same in both scripts (lower case, after folding).
_LAT_LOOKALIKE_TO_CYR = str.maketrans(
    {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "k": "к", "m": "м"}
)
_CYR_LOOKALIKE_TO_LAT = str.maketrans(
    {"а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "к": "k", "м": "m"}
)

# Order matters: longer digraphs first, ``ch`` after ``shch``.
_LATIN_REDUCTIONS = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("kh", "h"),
    ("ch", "h"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("ts", "c"),
    ("tz", "c"),
    ("ye", "e"),
    ("x", "ks"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
)
_DOUBLE_RE = re.compile(r"([a-z])\1+")

# Endings in key space (after transliteration and reduction), longest first.
_ENDINGS = (
    "iami",
    "ami",
    "ogo",
    "ego",
    "omu",
    "emu",
    "aia",
    "uiu",
    "oi",
    "ei",
    "ie",
    "oe",
    "ih",
    "im",
    "om",
    "em",
    "ov",
    "ev",
    "am",
    "ah",
    "ia",
    "iu",
    "um",
    "a",
    "i",
    "u",
    "e",
    "o",
)
_MIN_STEM = 4

# Multi-token abbreviations, by the keys of their two parts (so "к-та", "k-ta" and "К-ТЫ"
# are all seen): (first key, second key) -> replacement word.
_SPLIT_ABBREVIATIONS = {
    ("k", "ta"): "кислота",
    ("k", "ti"): "кислоты",
    ("k", "te"): "кислоте",
    ("k", "tu"): "кислоту",
    ("k", "toi"): "кислотой",
    ("r", "r"): "раствор",
    ("r", "ra"): "раствора",
}
_WORD_ABBREVIATIONS = {
    "кисл": "кислота",
    "conc": "concentrated",
    "конц": "концентрированная",
}

_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 300_000


class Token(NamedTuple):
    """A token of the original text with its character span and matching key.

    A named tuple rather than a dataclass: millions are made per file, and tuples are cheaper.
    """

    key: str
    start: int
    end: int


def _fix_lookalikes(word: str) -> str:
    cyr = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
    if cyr == 0 or cyr == len(word):
        return word
    if cyr * 2 >= len(word):
        return word.translate(_LAT_LOOKALIKE_TO_CYR)
    return word.translate(_CYR_LOOKALIKE_TO_LAT)


def _stem(key: str) -> str:
    # Repeated until nothing changes, so that keys are fixed points (idempotence).
    changed = True
    while changed:
        changed = False
        for ending in _ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
                key = key[: -len(ending)]
                changed = True
                break
    return key


def _compute_key(word: str) -> str:
    key = _reduce(word)
    # A second pass only changes anything for odd letter sequences created by the first one.
    again = _reduce(key)
    while again != key:
        key, again = again, _reduce(again)
    return key


def _reduce(word: str) -> str:
    lowered = word.lower()
    if lowered.isdigit():
        return lowered
    lowered = _WORD_ABBREVIATIONS.get(lowered, lowered)
    for greek, spelled in _GREEK.items():
        if greek in lowered:
            lowered = lowered.replace(greek, spelled)
    lowered = _fix_lookalikes(lowered).translate(_CYR_TABLE)
    if not lowered.isascii():
        # Accented Latin letters (acétone, Säure, Uzbek oʻ) lose their marks; done after the
        # Cyrillic table, which already turned й and ё into plain letters.
        lowered = "".join(
            ch
            for ch in unicodedata.normalize("NFKD", lowered)
            if ch.isalpha() and not unicodedata.combining(ch)
        )
    for source, target in _LATIN_REDUCTIONS:
        if source in lowered:
            lowered = lowered.replace(source, target)
    lowered = _DOUBLE_RE.sub(r"\1", lowered)
    # Characters outside both alphabets (accents, other scripts) are kept as they are;
    # they simply never match a synonym.
    return _stem(lowered)


def token_key(word: str) -> str:
    """The matching key of one word.

    >>> token_key("Ацетона"), token_key("atsetona"), token_key("acetone")
    ('aceton', 'aceton', 'aceton')
    """
    key = _CACHE.get(word)
    if key is None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        key = _compute_key(word)
        _CACHE[word] = key
    return key


# tuple.__new__ is a C call; Token(...) goes through a Python-level __new__.
_new_token = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into keyed tokens, keeping each token's span in ``text``.

    >>> [t.key for t in tokenize("Уксусной к-ты ангидрид, 99%")]
    ['uksusn', 'kislot', 'angidrid', '99']
    """
    tokens: list[Token] = []
    cache = _CACHE
    single: Token | None = None  # the previous token, when it was a single letter
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        key = cache.get(word)
        if key is None:
            key = token_key(word)
        start, end = match.span()
        if single is not None:
            merged = _SPLIT_ABBREVIATIONS.get((single.key, key))
            if merged is not None and start == single.end + 1 and text[single.end] == "-":
                tokens[-1] = Token(token_key(merged), single.start, end)
                single = None
                continue
        if not key:  # hard and soft signs alone have no letters left
            single = None
            continue
        token = _new_token(Token, (key, start, end))
        single = token if len(word) == 1 else None
        tokens.append(token)
    return tokens


def iter_keys(text: str) -> Iterator[str]:
    for token in tokenize(text):
        yield token.key


def normalise(text: str) -> str:
    """The whole text as one space-separated key string.

    Idempotent: ``normalise(normalise(x)) == normalise(x)``.

    >>> normalise("Кислота  СЕРНАЯ")
    'kislot sern'
    """
    return " ".join(iter_keys(text))
