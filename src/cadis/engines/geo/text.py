"""Text keys for place names: normalising, a script-blind skeleton, and inflection candidates.

A place is written in Russian, English, Kazakh, Kyrgyz, Tajik, Turkmen or Uzbek, in Cyrillic or
Latin letters, and inflected ("в Ошской области", "Toshkent viloyatida", "Алматы облысында").
Names and mentions are compared through keys:

- `normalise` folds case, quotes, dashes and apostrophes (idempotent);
- `skeleton` transliterates to a coarse Latin key where Кара-Суу, Kara-Suu, Karasuu and
  Қарасу meet ("karasu");
- `token_candidates` gives the nominative forms a word may stand for: Russian case endings
  stripped, adjectives reduced to their stem, Turkic case suffixes stripped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "ʻʼ‘’`´′ʹ"
_DASHES = "‐‑‒–—―−"
_QUOTES = '«»"“”„‟‹›'
_FOLD = str.maketrans(
    {
        **{c: "'" for c in _APOSTROPHES},
        **{c: "-" for c in _DASHES},
        **{c: " " for c in _QUOTES},
        "ё": "е",
        "Ё": "Е",
        "_": " ",
    }
)
_JUNK = re.compile(r"[^\w'\- ]+")
_LOOSE_MARKS = re.compile(r"(?<![\w])['-]+|['-]+(?![\w])")
_SPACES = re.compile(r"\s+")


def _normalise_once(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    text = unicodedata.normalize("NFKC", text.casefold()).translate(_FOLD)
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("M"))
    text = _JUNK.sub(" ", text)
    text = _LOOSE_MARKS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


# Text made only of these (ASCII, Russian and Central Asian Cyrillic letters without combining
# marks, common punctuation) settles in one pass: the fast path for nearly every mention.
_SIMPLE = re.compile(
    r"[\x20-\x7e\u00a0\u0400-\u0482\u048a-\u04ff\u2010-\u2015\u2018-\u201f\u00ab\u00bb\u2116\t\n]*"
)


def normalise_keep_case(text: str) -> str:
    """`normalise` without case folding (to tell proper nouns from common words)."""
    if _SIMPLE.fullmatch(text):
        text = text.translate(_FOLD)
    else:
        text = unicodedata.normalize("NFKC", text).translate(_FOLD)
        text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("M"))
    text = _LOOSE_MARKS.sub(" ", _JUNK.sub(" ", text))
    return _SPACES.sub(" ", text).strip()


def normalise(text: str) -> str:
    """Lower case, one kind of dash and apostrophe, no punctuation, single spaces.

    >>> normalise("  на КПП «Достук» — Ош ")
    'на кпп достук ош'
    """
    if _SIMPLE.fullmatch(text):
        text = _JUNK.sub(" ", text.translate(_FOLD).casefold())
        return _SPACES.sub(" ", _LOOSE_MARKS.sub(" ", text)).strip()
    # A few exotic code points (combining marks, compatibility forms) settle only after a
    # second pass; looping to the fixed point makes normalising twice change nothing.
    for _ in range(4):
        folded = _normalise_once(text)
        if folded == text:
            break
        text = folded
    return text


_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "i",
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
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "",
    "ы": "i",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "і": "i",
    "ӣ": "i",
    "ӯ": "u",
    "ҳ": "h",
    "ҷ": "j",
    "ў": "o",
    "ї": "i",
    "є": "e",
    "ґ": "g",
    "ј": "j",
    "ӊ": "n",
    "ӈ": "n",
}
_LATIN_SPECIAL = {
    "ş": "sh",
    "ç": "ch",
    "ž": "zh",
    "ğ": "g",
    "ı": "i",
    "ə": "a",
    "ä": "a",
    "ö": "o",
    "ü": "u",
    "ň": "n",
    "ý": "y",
    "š": "sh",
    "č": "ch",
    "ŭ": "u",
    "ō": "o",
    "ḩ": "h",
}
_DIGRAPHS = (
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("x", "h"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
    ("'", ""),
    ("-", ""),
)
_DOUBLES = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def skeleton_raw(token: str) -> str:
    """One normalised token in coarse Latin letters, doubles kept (see `skeleton`)."""
    out = []
    for ch in token:
        if ch in _CYRILLIC:
            out.append(_CYRILLIC[ch])
        elif ch in _LATIN_SPECIAL:
            out.append(_LATIN_SPECIAL[ch])
        else:
            out.append(ch)
    text = unicodedata.normalize("NFKD", "".join(out))
    text = "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch in "'-~#"))
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    return text


@lru_cache(maxsize=200_000)
def collapse(raw: str) -> str:
    """Doubled letters once: "Issyk" and "Isyk", "Suu" and "Su" meet."""
    return _DOUBLES.sub(r"\1", raw)


def skeleton(name: str) -> str:
    """A script-blind key of a name (spaces and hyphens dropped).

    >>> skeleton("Кара-Суу") == skeleton("Kara Suu") == skeleton("Қарасу")
    True
    """
    return collapse("".join(skeleton_raw(t) for t in normalise(name).split()))


# --- Russian inflection ---------------------------------------------------------------------
_ADJECTIVE = re.compile(
    r"^(.{2,}?(?:ск|цк|н|ов|ев|ин|ий|ый|ш|ж|ч|щ|к|г|х|т))"
    r"(ая|яя|ую|юю|ой|ей|ого|его|ому|ему|ом|ем|ые|ие|ых|их|ым|им|ыми|ими|ий|ый|ое|ее)$"
)
_NOUN_ENDINGS = (
    "ами",
    "ями",
    "ом",
    "ем",
    "ой",
    "ей",
    "ою",
    "ью",
    "ах",
    "ях",
    "ам",
    "ям",
    "ов",
    "ев",
    "е",
    "у",
    "ю",
    "ы",
    "и",
    "а",
    "я",
    "о",
)
_NOUN_RESTORE = ("", "а", "я", "ь", "й", "о")

# Kazakh, Kyrgyz, Uzbek, Turkmen and Tajik case suffixes (locative, genitive, ablative, dative).
_TURKIC_SUFFIXES = tuple(
    sorted(
        {
            "дағы",
            "дегі",
            "тағы",
            "тегі",
            "даги",
            "деги",
            "dagi",
            "degi",
            "dan",
            "ning",
            "нинг",
            "ның",
            "нің",
            "дың",
            "дің",
            "тың",
            "тің",
            "нын",
            "нин",
            "нун",
            "нүн",
            "дан",
            "ден",
            "тан",
            "тен",
            "нан",
            "нен",
            "дон",
            "тон",
            "дөн",
            "төн",
            "den",
            "да",
            "де",
            "та",
            "те",
            "до",
            "то",
            "дө",
            "тө",
            "da",
            "de",
            "ta",
            "te",
            "ga",
            "ka",
            "ge",
            "ke",
            "ға",
            "ге",
            "қа",
            "ке",
            "га",
            "ка",
            "го",
            "ко",
            "гө",
            "кө",
            "na",
            "ni",
            "ни",
            "ын",
            "ин",
            "нда",
            "нде",
            "ында",
            "инде",
            "ynda",
            "inde",
        },
        key=len,
        reverse=True,
    )
)

_CYRILLIC_LETTERS = re.compile(r"[а-яәғқңөұүһіӣӯҳҷў]")


def is_cyrillic(token: str) -> bool:
    return bool(_CYRILLIC_LETTERS.search(token))


def adjective_stem(token: str) -> str | None:
    """The stem of a Russian adjective ("ошской" -> "ошск"), or None.

    >>> adjective_stem("сурхандарьинской")
    'сурхандарьинск'
    """
    match = _ADJECTIVE.match(token)
    return match.group(1) if match and is_cyrillic(token) else None


ADJECTIVE_MARK = "~"


@lru_cache(maxsize=200_000)
def token_candidates(token: str) -> tuple[str, ...]:
    """Forms a normalised token may stand for, most literal first (nominative guesses).

    Adjectives are given as their stem plus `ADJECTIVE_MARK` so that every gender and case
    meets ("Ошская", "Ошской" -> "ошск~").

    >>> "ош" in token_candidates("оше") and "ошск~" in token_candidates("ошской")
    True
    """
    forms: list[str] = [token]
    if token.endswith("'s") and len(token) > 4:  # English possessive: "Kazakhstan's"
        forms.append(token[:-2])
    if is_cyrillic(token):
        stem = adjective_stem(token)
        if stem:
            forms.append(stem + ADJECTIVE_MARK)
        if token.endswith("ии") or token.endswith("ие") or token.endswith("ию"):
            forms.append(token[:-2] + "ия")
        for ending in _NOUN_ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= 2:
                base = token[: -len(ending)]
                forms.extend(base + restore for restore in _NOUN_RESTORE)
                break
        else:
            forms.extend(token + restore for restore in ("а", "ь"))
    for suffix in _TURKIC_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            forms.append(token[: -len(suffix)])
    seen: dict[str, None] = {}
    for form in forms:
        seen.setdefault(form, None)
    return tuple(seen)


def index_candidates(token: str) -> tuple[str, ...]:
    """Forms under which a name's (nominative) token is indexed: itself, and its adjective stem."""
    stem = adjective_stem(token)
    return (token, stem + ADJECTIVE_MARK) if stem else (token,)


def stem_key(text: str) -> str:
    """A short key for comparing a district adjective's stem with a town name.

    >>> stem_key("кара-суй") == stem_key("Кара-Суу")
    True
    """
    key = skeleton(text)
    return key.rstrip("aeiou")
