"""Substance names in text and their resolution to vocabulary codes.

The built-in terms cover what agency releases usually name (drugs, groups such as
"synthetic drugs" or "narcotic substances", street names, common precursors). Codes
follow the reference data's substance codes. The Django layer may pass any object
with `resolve(text) -> code | None` (for example one backed by the substance synonym
table); the built-in terms still find the mentions, the passed vocabulary decides
the code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Protocol

Kind = Literal["drug", "group", "nps", "precursor", "unknown"]


class SubstanceVocabulary(Protocol):
    def resolve(self, text: str) -> str | None: ...


@dataclass(frozen=True)
class SubstanceTerm:
    code: str
    kind: Kind
    pattern: str  # case-insensitive regular expression, inflection tails included
    group: str | None = None  # the drug group a street or umbrella name belongs to


_W = r"\w{0,4}"

BUILTIN_TERMS: tuple[SubstanceTerm, ...] = (
    # Groups first: longer phrases must win over the words inside them.
    SubstanceTerm(
        "synthetic_drugs",
        "group",
        rf"синтетическ{_W}\s+(?:наркотик{_W}|наркотическ{_W}\s+(?:средств|веществ){_W})"
        rf"|синтетик{_W}|synthetic\s+(?:drugs?|narcotics?)|synthetics",
    ),
    SubstanceTerm(
        "synthetic_cannabinoids",
        "nps",
        rf"синтетическ{_W}\s+каннаби(?:н|)оид{_W}|каннаби(?:н|)оид{_W}|synthetic\s+cannabinoids?|cannabinoids|"
        r"spice|спайс\w{0,3}",
        "synthetic_cannabinoids",
    ),
    SubstanceTerm(
        "smoking_mixtures",
        "nps",
        rf"курительн{_W}\s+смес{_W}|[«\"]?микс(?:ы|ов|ами)?[»\"]?|smoking\s+(?:mixtures?|blends?)|herbal\s+mixtures?",
        "synthetic_cannabinoids",
    ),
    SubstanceTerm(
        "synthetic_cathinones",
        "nps",
        rf"синтетическ{_W}\s+катинон{_W}|synthetic\s+cathinones?|bath\s+salts",
    ),
    SubstanceTerm(
        "new_psychoactive_substances",
        "nps",
        rf"нов{_W}\s+психоактивн{_W}\s+веществ{_W}|НПВ|new\s+psychoactive\s+substances?|NPS",
    ),
    SubstanceTerm(
        "psychotropic_substances",
        "group",
        rf"психотропн{_W}\s+(?:веществ|средств|препарат){_W}|psychotropic\s+(?:substances?|drugs)",
    ),
    SubstanceTerm(
        "potent_substances",
        "group",
        rf"сильнодействующ{_W}\s+веществ{_W}|potent\s+substances",
    ),
    SubstanceTerm(
        "psychoactive_substances",
        "group",
        rf"психоактивн{_W}\s+веществ{_W}|ПАВ|psychoactive\s+substances",
    ),
    SubstanceTerm(
        "precursors_generic",
        "precursor",
        rf"прекурсор{_W}|precursors?(?:\s+chemicals?)?",
    ),
    SubstanceTerm(
        "narcotic_drugs",
        "group",
        rf"наркотическ{_W}\s+(?:средств|веществ){_W}|наркосодержащ{_W}\s+\w+|наркотик(?:и|ов|ам|ами|ах|а)?"
        rf"|наркотическ{_W}\s+\w*препарат{_W}|наркопрепарат{_W}|narcotic\s+(?:drugs?|substances?)|controlled\s+substances?|narcotics|drugs",
    ),
    SubstanceTerm(
        "opium_group_drugs",
        "group",
        rf"(?:наркотик{_W}\s+)?опи(?:йн|ат|оидн)\w*(?:\s+групп\w*)?|опиат{_W}|opiates?|opioids?",
    ),
    SubstanceTerm(
        "amphetamine_type_stimulants",
        "group",
        rf"(?:синтетическ{_W}\s+)?стимулятор{_W}(?:\s+амфетаминового\s+ряда)?|(?:synthetic\s+)?stimulants",
    ),
    SubstanceTerm("heroin", "drug", rf"героин{_W}|heroin"),
    SubstanceTerm(
        "hashish", "drug", rf"гашиш{_W}|hashish|hash|cannabis\s+resin|смол{_W}\s+каннабиса"
    ),
    SubstanceTerm("cannabis_herb", "drug", rf"марихуан{_W}|marijuana|marihuana|cannabis\s+herb"),
    SubstanceTerm(
        "cannabis_plants", "drug", rf"(?:дикорастущ{_W}\s+)?конопл{_W}|cannabis\s+plants"
    ),
    SubstanceTerm("cannabis", "drug", rf"каннабис{_W}|cannabis"),
    SubstanceTerm("opium", "drug", rf"опи(?:й|я|ю|ем|ума|ум)(?![\w])|опий-сырец{_W}|opium"),
    SubstanceTerm("poppy_straw", "drug", rf"маков{_W}\s+солом{_W}|poppy\s+straw"),
    SubstanceTerm("cocaine", "drug", rf"кокаин{_W}|cocaine"),
    SubstanceTerm(
        "methamphetamine", "drug", rf"метамфетамин{_W}|methamphetamine|crystal\s+meth|meth"
    ),
    SubstanceTerm("amphetamine", "drug", rf"амфетамин{_W}|amphetamines?"),
    SubstanceTerm("mephedrone", "nps", rf"мефедрон{_W}|[«\"]меф[»\"]|меф(?![\w])|mephedrone"),
    SubstanceTerm(
        "alpha_pvp",
        "nps",
        r"(?:альфа|α|alpha)[- ]?(?:PVP|ПВП)|[«\"]соль[»\"]|[«\"]соли[»\"]|[«\"]скорост\w*[»\"]|alpha-pyrrolidinovalerophenone",
    ),
    SubstanceTerm("mdma", "drug", r"MDMA|МДМА"),
    SubstanceTerm("ecstasy", "drug", r"экстази|ecstasy"),
    SubstanceTerm("lsd", "drug", r"LSD|ЛСД"),
    SubstanceTerm("tramadol", "drug", rf"трамадол{_W}|tramadol"),
    SubstanceTerm(
        "pregabalin", "drug", rf"прегабалин{_W}|[«\"]?лирик[аиу][»\"]?|pregabalin|lyrica"
    ),
    SubstanceTerm("methadone", "drug", rf"метадон{_W}|methadone"),
    SubstanceTerm("fentanyl", "drug", rf"фентанил{_W}|fentanyl"),
    SubstanceTerm("nitazenes", "nps", rf"нитазен{_W}|nitazenes?"),
    SubstanceTerm("ketamine", "drug", rf"кетамин{_W}|ketamine"),
    SubstanceTerm("benzodiazepines", "drug", rf"бензодиазепин{_W}|benzodiazepines?"),
    SubstanceTerm("ephedrine", "precursor", rf"(?<!псевдо)эфедрин{_W}|(?<!pseudo)ephedrine"),
    SubstanceTerm("pseudoephedrine", "precursor", rf"псевдоэфедрин{_W}|pseudoephedrine"),
    SubstanceTerm(
        "acetic_anhydride",
        "precursor",
        rf"уксусн{_W}\s+ангидрид{_W}|ангидрид{_W}\s+уксусн{_W}\s+кислот{_W}|acetic\s+anhydride",
    ),
    SubstanceTerm(
        "phenylacetone",
        "precursor",
        rf"фенилацетон{_W}|фенил-2-пропанон{_W}|P-2-P|BMK|phenylacetone",
    ),
    SubstanceTerm(
        "potassium_permanganate",
        "precursor",
        rf"перманганат{_W}\s+кали{_W}|potassium\s+permanganate",
    ),
    SubstanceTerm("1_4_butanediol", "precursor", r"1,4-бутандиол\w{0,3}|1,4-butanediol"),
    SubstanceTerm("ephedra", "precursor", rf"эфедр(?:а|ы|у|ой)(?![\w])|хвойник{_W}|ephedra"),
    SubstanceTerm("sulphuric_acid", "precursor", rf"серн{_W}\s+кислот{_W}|sulph?uric\s+acid"),
    SubstanceTerm("hydrochloric_acid", "precursor", rf"солян{_W}\s+кислот{_W}|hydrochloric\s+acid"),
    SubstanceTerm("acetone", "precursor", rf"ацетон{_W}|acetone"),
    SubstanceTerm("toluene", "precursor", rf"толуол{_W}|toluene"),
    SubstanceTerm("red_phosphorus", "precursor", rf"красн{_W}\s+фосфор{_W}|red\s+phosphorus"),
    SubstanceTerm("methylamine", "precursor", rf"метиламин{_W}|methylamine"),
    SubstanceTerm("benzaldehyde", "precursor", rf"бензальдегид{_W}|benzaldehyde"),
    SubstanceTerm("nitroethane", "precursor", rf"нитроэтан{_W}|nitroethane"),
    # A substance the release does not name yet ("вещество растительного происхождения",
    # "a brown substance"): a seizure all the same, to be confirmed by the reviewer.
    SubstanceTerm(
        "unidentified_substance",
        "unknown",
        rf"(?:порошкообразн{_W}\s+|кристаллическ{_W}\s+|неизвестн{_W}\s+)?веществ(?:о|а|ом|е)"
        rf"(?:\s+(?:растительного\s+происхождения|(?:\w+\s+)?цвета))?|порош(?:ок|ка|ком)"
        r"|(?:(?:white|brown|beige|gr[ae]y|black|yellow|green|pink|dark|light|crystalline|powdery|"
        r"unknown|unidentified|suspicious|chemical|herbal|resinous|liquid)\s+)?substance"
        r"(?:\s+of\s+plant\s+origin)?|(?:white|brown|beige|gr[ae]y)\s+powder|plant\s+material",
    ),
)
UNIDENTIFIED = "unidentified_substance"

# Street names and abbreviations that only count written as they are (case-sensitive).
_CASE_SENSITIVE = {"new_psychoactive_substances", "psychoactive_substances", "mdma", "lsd"}
TERMS_BY_CODE = {t.code: t for t in BUILTIN_TERMS}


@dataclass(frozen=True)
class SubstanceMention:
    start: int
    end: int
    text: str
    code: str
    kind: Kind


def _regional_terms() -> tuple[SubstanceTerm, ...]:
    """The region's names of the built-in drugs (see lexicon.WORDS)."""
    from cadis.engines.extract.lexicon import words

    terms = []
    for term in BUILTIN_TERMS:
        pattern = words(term.code)
        if pattern:
            terms.append(SubstanceTerm(term.code, term.kind, pattern, term.group))
    return tuple(terms)


@lru_cache(maxsize=2)
def _any_term(regional: bool = False) -> re.Pattern[str]:
    """Every term in one alternation (case-sensitive ones marked so): one scan per text."""
    terms = BUILTIN_TERMS + (_regional_terms() if regional else ())
    body = "|".join(
        f"(?-i:{term.pattern})" if term.code in _CASE_SENSITIVE else f"(?:{term.pattern})"
        for term in terms
    )
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=2)
def _compiled(regional: bool = False) -> tuple[tuple[re.Pattern[str], SubstanceTerm], ...]:
    compiled = []
    terms = BUILTIN_TERMS + (_regional_terms() if regional else ())
    for term in terms:
        flags = 0 if term.code in _CASE_SENSITIVE else re.IGNORECASE
        compiled.append((re.compile(rf"(?<![\w-])(?:{term.pattern})(?![\w])", flags), term))
    return tuple(compiled)


class BuiltinVocabulary:
    """The default vocabulary: resolves a name as written to a code.

    >>> BuiltinVocabulary().resolve("синтетических наркотиков")
    'synthetic_drugs'
    """

    def resolve(self, text: str) -> str | None:
        for regex, term in _compiled():
            match = regex.fullmatch(text.strip())
            if match:
                return term.code
        return None


def find_substances(text: str, language: str = "ru") -> list[SubstanceMention]:
    """Substance names in `text`, earliest first; the longest name wins where they overlap.

    Texts in a language of the region are also searched for its names of the drugs
    (folded text: see lexicon.fold).

    >>> [m.code for m in find_substances("изъято 260 кг синтетических наркотиков")]
    ['synthetic_drugs']
    >>> [m.code for m in find_substances("5 келі есірткі тәркіленді", "kk")]
    ['narcotic_drugs']
    """
    regional = language not in ("ru", "en")
    terms = _compiled(regional)
    chosen: list[SubstanceMention] = []
    # One scan finds where a name starts; there every term is tried and the longest wins.
    # Names starting inside a chosen one are skipped, as the scan itself skips them.
    for candidate in _any_term(regional).finditer(text):
        position = candidate.start()
        if chosen and position < chosen[-1].end:
            continue
        best: SubstanceMention | None = None
        for regex, term in terms:
            match = regex.match(text, position)
            if match and (best is None or match.end() > best.end):
                best = SubstanceMention(position, match.end(), match.group(0), term.code, term.kind)
        if best is not None:
            chosen.append(best)
    return chosen


def kind_of(code: str | None) -> Kind | None:
    term = TERMS_BY_CODE.get(code or "")
    return term.kind if term else None


def group_of(code: str | None) -> str | None:
    """The group a built-in term belongs to ("smoking_mixtures" -> "synthetic_cannabinoids")."""
    term = TERMS_BY_CODE.get(code or "")
    return term.group if term else None


_QUOTES = str.maketrans({"«": " ", "»": " ", '"': " ", "“": " ", "”": " ", "ё": "е", "Ё": "Е"})
_RU_ENDING = re.compile(
    r"(?:ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ий|ый|ая|яя|ое|ее|ые|ие|ых|их|ым|им|ам|ям|ах|ях|ом|ем|ов|ев|"
    r"ую|юю|а|я|о|е|ы|и|у|ю|й|ь)$"
)


def _normalise(text: str) -> str:
    return " ".join(text.translate(_QUOTES).lower().split())


def _stem_key(text: str) -> str:
    words = []
    for word in _normalise(text).split():
        if re.fullmatch(r"[а-я-]+", word) and len(word) > 4:
            word = _RU_ENDING.sub("", word)
        elif re.fullmatch(r"[a-z-]+", word) and len(word) > 4 and word.endswith("s"):
            word = word[:-1]
        words.append(word)
    return " ".join(words)


class SynonymVocabulary:
    """A vocabulary built from (synonym, code) pairs, e.g. the reference substance synonyms.

    Resolves an exact name (case, quotes and ё ignored), then the same words with their
    Russian case endings or English plural removed, then — optionally — the closest name
    by edit distance (RapidFuzz ratio >= `fuzzy_cutoff`).

    >>> SynonymVocabulary({"гашиш": "hashish"}).resolve("«Гашиша»")
    'hashish'
    """

    def __init__(self, synonyms: dict[str, str], *, fuzzy_cutoff: float | None = 90.0) -> None:
        self._exact = {_normalise(name): code for name, code in synonyms.items()}
        self._stems = {_stem_key(name): code for name, code in synonyms.items()}
        self._fuzzy_cutoff = fuzzy_cutoff

    def resolve(self, text: str) -> str | None:
        key = _normalise(text)
        if not key:
            return None
        if key in self._exact:
            return self._exact[key]
        stem = _stem_key(text)
        if stem in self._stems:
            return self._stems[stem]
        if self._fuzzy_cutoff is None or len(stem) < 5:
            return None
        from rapidfuzz import fuzz, process

        best = process.extractOne(
            stem, list(self._stems), scorer=fuzz.ratio, score_cutoff=self._fuzzy_cutoff
        )
        return self._stems[best[0]] if best else None
