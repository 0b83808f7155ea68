"""Which language a document is written in: Russian, English or a language of the region.

CLD2 (pycld2, offline, C++) gives the first guess; letters that only the region's alphabets
have (Kazakh ә ғ қ ң ө ұ ү һ і, Uzbek ў ҳ and o‘/g‘, Tajik ҷ ӣ ӯ, Turkmen ň ý ş) and a few
frequent words check it. A text is called Russian or English only when neither the
letters nor the words say otherwise: taking a Kazakh release for a Russian one would run
the wrong rules over it without anyone noticing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

REGIONAL = ("kk", "ky", "uz", "tg", "tk")
SUPPORTED = ("ru", "en", *REGIONAL)

_CYRILLIC = re.compile(r"[а-яёәғқңөұүһіўҳҷӣӯ]", re.IGNORECASE)
_LATIN = re.compile(r"[a-zäçğıñöşüūýžňáéíóúǵń]", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_APOSTROPHE_O_G = re.compile(r"(?<![\w])\w*[og][‘’ʻʼ'`]\w", re.IGNORECASE)

# Letters each alphabet has and Russian has not.
_LETTERS: dict[str, str] = {
    "kk": "әғқңөұүһі",
    "ky": "ңөү",
    "uz": "ўқғҳ",
    "tg": "ҷӣӯҳқғ",
}
_LATIN_LETTERS: dict[str, str] = {
    "kk": "äğıñöūüáǵńóúý",
    "tk": "äňöüşýžç",
    "uz": "",
}
_SPECIAL = re.compile("[әғқңөұүһіўҳҷӣӯ]")
_LETTER_RES = {lang: re.compile(f"[{letters}]") for lang, letters in _LETTERS.items()}
# Frequent words of press releases, written in the script they appear in.
_WORDS: dict[str, tuple[str, ...]] = {
    "kk": (
        "және",
        "бойынша",
        "облысы",
        "жылы",
        "есірткі",
        "қызметкерлері",
        "ұсталды",
        "тәркіленді",
        "jäne",
        "jane",
        "boiynsha",
        "boyınşa",
        "oblysy",
        "jyly",
        "esirtki",
        "esırtkı",
        "qyzmetkerleri",
        "qyzmetkerlerı",
        "ustaldy",
        "ūstaldy",
        "tárkilendi",
        "tärkılendı",
    ),
    "ky": ("жана", "боюнча", "облусунун", "шаарында", "кармалды", "баңгизат", "кызматкерлери"),
    "uz": (
        "va",
        "bilan",
        "tomonidan",
        "viloyati",
        "yilda",
        "qilindi",
        "olindi",
        "giyohvand",
        "ҳамда",
        "томонидан",
        "вилояти",
        "қилинди",
        "олинди",
        "гиёҳванд",
    ),
    "tg": ("ва", "дар", "шуд", "карда", "шаҳрванд", "мухаддир", "нашъаовар", "ҷумҳурии"),
    "tk": ("bilen", "boýunça", "edildi", "neşe", "serişdeleri", "welaýatynda", "ýyl"),
}


@dataclass(frozen=True)
class LanguageGuess:
    """The language (ISO 639-1), the script and how the guess was made."""

    language: str
    script: str  # Cyrl, Latn
    source: str  # cld2, letters, words, script


def _cld2(text: str) -> list[tuple[str, int]]:
    try:
        import pycld2
    except ImportError:  # pragma: no cover - a dependency; the letters still decide
        return []
    cleaned = _CONTROL.sub(" ", text)
    try:
        _reliable, _bytes, details = pycld2.detect(cleaned, bestEffort=True)
    except (pycld2.error, ValueError):
        return []
    return [(code, percent) for _name, code, percent, _score in details if code != "un"]


# Short words Russian writes in almost every sentence and the region's languages never.
_RUSSIAN_WORDS = frozenset(
    "в во и на с со по из у к от за что при для не как был была было были года году г гг "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
)


def _russian_words(words: Counter[str]) -> int:
    return sum(count for word, count in words.items() if word in _RUSSIAN_WORDS)


def _word_votes(words: Counter[str]) -> dict[str, int]:
    return {language: sum(words[w] for w in vocabulary) for language, vocabulary in _WORDS.items()}


_QUOTED_OR_NAME = re.compile(
    r"«[^»]{0,60}»|\"[^\"]{0,60}\"|“[^”]{0,60}”|(?<![\w])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІЎҲҶӢӮ][\w-]*"
)


def _regional_by_letters(sample: str, cyrillic: bool) -> str | None:
    # Letters in names and quotations («Қора кўкнори», "Қонаев") do not make the text
    # Kazakh or Uzbek; the region's letters in its ordinary words do.
    if cyrillic:
        sample = _QUOTED_OR_NAME.sub(" ", sample)
    lowered = sample.lower()
    if cyrillic:
        counts = {lang: len(_LETTER_RES[lang].findall(lowered)) for lang in _LETTERS}
        letters = len(_CYRILLIC.findall(lowered))
        if not letters or max(counts.values()) < max(2, letters * 0.004):
            return None
        if "ҷ" in lowered or "ӣ" in lowered or "ӯ" in lowered:
            return "tg"
        if "ў" in lowered:
            return "uz"
        if any(ch in lowered for ch in "әұіһ"):
            return "kk"
        if "ҳ" in lowered:
            return "uz" if "қ" in lowered else "tg"
        if "қ" in lowered or "ғ" in lowered:
            return "kk"
        return "ky"
    apostrophes = len(_APOSTROPHE_O_G.findall(sample))
    turkmen = sum(lowered.count(ch) for ch in "ňýşž")
    kazakh = sum(lowered.count(ch) for ch in "ıūǵńúá")
    if turkmen >= 2 and turkmen >= kazakh:
        return "tk"
    if kazakh >= 2:
        return "kk"
    if apostrophes >= 2:
        return "uz"
    return None


def detect(text: str) -> LanguageGuess:
    """Guess the language and script of `text`.

    >>> detect("Алматы облысында 5 келі есірткі тәркіленді").language
    'kk'
    >>> detect("Police seized 5 kg of heroin.").language
    'en'
    """
    sample = text[:20000]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    is_cyrillic = cyrillic >= latin * 0.5 and cyrillic > 0
    script = "Cyrl" if is_cyrillic else "Latn"
    words = Counter(w.lower() for w in re.findall(r"[\w‘’ʻʼ']+", sample))
    by_letters = _regional_by_letters(sample, is_cyrillic)
    votes = _word_votes(words)
    guesses = _cld2(sample)
    top = guesses[0][0] if guesses else None
    regional_guess = next((c for c, p in guesses if c in REGIONAL and p >= 20), None)
    special_share = len(_SPECIAL.findall(sample.lower())) / max(1, cyrillic)
    top_percent = guesses[0][1] if guesses else 0
    if (
        by_letters is not None
        and is_cyrillic
        and top == "ru"
        and top_percent >= 90
        and special_share < 0.015
    ):
        # A Russian text quoting a name («Қора кўкнори»): a few letters, not the language.
        by_letters = None
    if by_letters is not None:
        # The letters say "not Russian/English"; CLD2 picks among the region's languages
        # when it agrees on the script, except Kazakh Latin, which it does not know.
        if regional_guess and not (by_letters == "kk" and not is_cyrillic):
            if is_cyrillic or regional_guess in ("uz", "tk", "kk"):
                return LanguageGuess(regional_guess, script, "cld2")
        if by_letters == "ky" and votes["kk"] > votes["ky"]:
            by_letters = "kk"
        return LanguageGuess(by_letters, script, "letters")
    best_regional = max(REGIONAL, key=lambda lang: votes.get(lang, 0))
    regional_votes = votes.get(best_regional, 0)
    total_words = sum(words.values()) or 1
    if regional_votes >= 3 and regional_votes / total_words > 0.02:
        if best_regional in ("tg", "ky") and not is_cyrillic:
            best_regional = "uz"
        return LanguageGuess(best_regional, script, "words")
    if regional_guess and not is_cyrillic and regional_guess in ("uz", "tk") and top != "en":
        # Latin Uzbek and Turkmen need no special letter in a short text; CLD2 knows them.
        return LanguageGuess(regional_guess, script, "cld2")
    special = len(_SPECIAL.findall(sample.lower()))
    if (
        regional_guess
        and is_cyrillic
        and (special or votes.get(regional_guess, 0) or not _russian_words(words))
    ):
        # A headline: one regional letter or word agreeing with CLD2 is enough, or no
        # Russian word at all ("Ду нафар гумонбар боздошт шуданд").
        return LanguageGuess(regional_guess, script, "cld2")
    # Without a regional letter, Cyrillic text is Russian; CLD2 calls short Russian
    # headlines ("В Душанбе изъято ...") Tajik or Uzbek.
    if is_cyrillic:
        return LanguageGuess("ru", script, "cld2" if top == "ru" else "script")
    return LanguageGuess("en", script, "cld2" if top == "en" else "script")


def detect_language(text: str) -> str:
    """The language code of `text`: ru, en, kk, ky, uz, tg or tk.

    >>> detect_language("Изъято 5 кг героина")
    'ru'
    >>> detect_language("Undan 20 kilogramm gashish musodara qilindi va fuqaro qo‘lga olindi.")
    'uz'
    """
    return detect(text).language
