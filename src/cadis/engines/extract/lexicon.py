"""Words of the region's languages that the rules look for: units, drugs, verbs, nouns.

Kazakh, Kyrgyz, Uzbek, Tajik and Turkmen releases say what Russian ones say with their own
words: "5 келі есірткі тәркіленді", "20 kilogramm gashish musodara qilindi", "гумонбар
боздошт шуд". Each category lists stems (regular expressions, suffixes left open because
these languages add case and possessive endings) per language. Latin-script words are
written folded (no diacritics, one apostrophe: see `fold`), as the rules match the folded
text: "tärkılendı", "tárkilendi" and "tarkilendi" are all "tarkilendi".

The rules use `regional_pattern(category)`: the union of every regional language's words
for a category, joined to the Russian/English pattern. Shared stems (Turkic languages
share many) and a detector that confuses Kazakh with Kyrgyz then cost nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cadis.engines.extract.language import REGIONAL
from cadis.engines.extract.regional_words import WORDS

# Same-length replacements, so offsets found in the folded text index the original.
_FOLD = str.maketrans(
    {
        "ё": "е",
        "Ё": "Е",
        "á": "a",
        "Á": "A",
        "ä": "a",
        "Ä": "A",
        "ǵ": "g",
        "Ǵ": "G",
        "ğ": "g",
        "Ğ": "G",
        "ń": "n",
        "Ń": "N",
        "ñ": "n",
        "Ñ": "N",
        "ň": "n",
        "Ň": "N",
        "ó": "o",
        "Ó": "O",
        "ö": "o",
        "Ö": "O",
        "ú": "u",
        "Ú": "U",
        "ū": "u",
        "Ū": "U",
        "ü": "u",
        "Ü": "U",
        "ı": "i",
        "ý": "y",
        "Ý": "Y",
        "ş": "s",
        "Ş": "S",
        "ç": "c",
        "Ç": "C",
        "ž": "z",
        "Ž": "Z",
        "é": "e",
        "í": "i",
        "‘": "'",
        "’": "'",
        "ʻ": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
    }
)


def fold(text: str) -> str:
    """The text the rules match: ё -> е, Latin diacritics dropped, one apostrophe.

    Every character maps to one character, so offsets are kept.

    >>> fold("Qaraǵandy oblysynda 3 kelı geroin tárkilendi; qo‘lga olindi")
    "Qaragandy oblysynda 3 keli geroin tarkilendi; qo'lga olindi"
    """
    return text.translate(_FOLD)


# Small number words (folded), for counts of people, groups and laboratories.
NUMBER_WORDS: dict[str, int] = {}
for _value, _forms in {
    1: "бір bir бир як",
    2: "екі eki ikki икки эки ду iki екеуі ikkala иккала иккови ikkovi",
    3: "үш ush uch уч үч се uc үшеуі uchala учала",
    4: "төрт tort to'rt тўрт чор dort",
    5: "бес bes besh беш панҷ",
    6: "алты alty olti олти шаш",
    7: "жеті zheti jeti yetti етти жети ҳафт yedi",
    8: "сегіз segiz sakkiz саккиз сегиз ҳашт sekiz",
    9: "тоғыз togyz to'qqiz тўққиз тогуз нӯҳ dokuz",
    10: "он on o'n ўн даҳ",
}.items():
    for _form in _forms.split():
        NUMBER_WORDS[_form] = _value
NUMBER_WORD_PATTERN = (
    r"(?<![\w'])(?:"
    + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
    + r")(?![\w'])"
)


def words(category: str) -> str:
    """The alternation of every regional language's words for `category`."""
    # The rules match folded text, so the words are folded too ("тарёк" -> "тарек").
    alternatives = [
        fold(pattern)
        for language in REGIONAL
        for pattern in WORDS.get(category, {}).get(language, ())
    ]
    return "|".join(dict.fromkeys(alternatives))


@lru_cache(maxsize=256)
def regional_pattern(
    category: str, base: str, language: str, flags: int = re.IGNORECASE
) -> re.Pattern[str]:
    """`base` (the Russian/English pattern), joined with the region's words when the
    document is in a language of the region.

    >>> bool(regional_pattern("seize", "изъят\\\\w*", "kk").search("тәркіленді"))
    True
    >>> bool(regional_pattern("seize", "изъят\\\\w*", "ru").search("тәркіленді"))
    False
    """
    if language not in REGIONAL:
        return re.compile(base, flags)
    extra = words(category)
    if not extra:
        return re.compile(base, flags)
    bounded = rf"(?<![\w'])(?:{extra})"
    return re.compile(rf"(?:{base})|{bounded}" if base else bounded, flags)


def number_word_value(word: str) -> int | None:
    """Value of a small regional number word ("екі" -> 2, "uch" -> 3)."""
    return NUMBER_WORDS.get(fold(word).lower())
