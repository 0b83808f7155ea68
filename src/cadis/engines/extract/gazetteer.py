"""Agencies and the countries they belong to.

A built-in gazetteer holds the drug-control agencies of the five countries and
CARICC; the Django layer may pass a larger one built from its reference tables with
`Gazetteer.from_rows`. Generic bodies ("МВД", "Ministry of Internal Affairs",
"customs", "Border Service") get their country from a country named right next to
them ("МВД Кыргызской Республики", "Kyrgyz police", "МВД РК").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from cadis.engines.extract.places import PlaceMention, find_places


@dataclass(frozen=True)
class Agency:
    code: str
    country: str | None
    names: tuple[str, ...]  # full and short names, ru and en; matched with inflections
    abbreviations: tuple[str, ...] = ()  # matched exactly, case-sensitive
    name_en: str = ""


@dataclass(frozen=True)
class AgencyMention:
    start: int
    end: int
    text: str
    code: str | None
    country: str | None
    name_en: str = ""


DEFAULT_AGENCIES: tuple[Agency, ...] = (
    Agency(
        "tj_akn",
        "TJ",
        (
            "Агентство по контролю за наркотиками при Президенте Республики Таджикистан",
            "Агентство по контролю за наркотиками",
            "Drug Control Agency under the President of the Republic of Tajikistan",
            "Drug Control Agency",
        ),
        ("АКН", "DCA"),
        "Drug Control Agency under the President of the Republic of Tajikistan",
    ),
    Agency(
        "kg_sbnon",
        "KG",
        (
            "Служба по борьбе с незаконным оборотом наркотиков МВД Кыргызской Республики",
            "Служба по борьбе с незаконным оборотом наркотиков",
            "Service for Combating Illicit Drug Trafficking",
            "Service for Combating Illegal Drug Trafficking",
        ),
        ("СБНОН МВД КР", "СБНОН МВД", "СБНОН", "SBNON"),
        "Service for Combating Illicit Drug Trafficking of the MVD of the Kyrgyz Republic",
    ),
    Agency(
        "kz_mvd_dpn",
        "KZ",
        (
            "Департамент по противодействию наркопреступности",
            "Департамент по борьбе с наркопреступностью",
            "Комитет по противодействию наркопреступности",
            "Department for Combating Drug Crime",
            "Department for Countering Drug Crime",
            "Counter-Narcotics Department",
            "Committee for Combating Drug Crime",
        ),
        ("ДПН МВД РК", "ДПН"),
        "Department for Combating Drug Crime of the MVD of Kazakhstan",
    ),
    Agency(
        "kz_knb",
        "KZ",
        ("Комитет национальной безопасности", "National Security Committee"),
        ("КНБ РК", "КНБ", "KNB"),
        "National Security Committee of the Republic of Kazakhstan",
    ),
    Agency(
        "uz_ncdc",
        "UZ",
        (
            "Национальный центр по контролю за наркотиками",
            "National Center for Drug Control",
            "National Centre for Drug Control",
        ),
        (),
        "National Center for Drug Control of the Republic of Uzbekistan",
    ),
    Agency(
        "uz_niac",
        "UZ",
        (
            "Национальный информационно-аналитический центр по контролю за наркотиками",
            "National Information and Analytical Center on Drug Control",
            "National Information-Analytical Center on Drug Control",
        ),
        ("НИАЦ", "NIAC"),
        "National Information-Analytical Center on Drug Control (Uzbekistan, until 2024)",
    ),
    Agency(
        "tm_state_commission",
        "TM",
        (
            "Государственная комиссия по борьбе с наркоманией",
            "State Commission for Combating Drug Addiction",
        ),
        (),
        "State Commission for Combating Drug Addiction of Turkmenistan",
    ),
    Agency(
        "tm_mnb",
        "TM",
        ("Министерство национальной безопасности Туркменистана",),
        ("МНБ",),
        "Ministry of National Security of Turkmenistan",
    ),
    Agency(
        "caricc",
        None,
        (
            "Центральноазиатский региональный информационный координационный центр",
            "Central Asian Regional Information and Coordination Centre",
            "Central Asian Regional Information and Coordination Center",
        ),
        ("ЦАРИКЦ", "CARICC"),
        "CARICC",
    ),
)

# Bodies every country has; their country comes from the words around them.
GENERIC_BODIES = (
    r"МВД|ГКНБ|КНБ|СГБ|ГТК|ГТС|ГПС|ФСБ|ОВД|УВД|ГУВД|ДВД",
    r"Министерств\w* внутренних дел|Генеральн\w* [Пп]рокуратур\w*|Прокуратур\w*",
    r"[Тт]аможенн\w* (?:служб|комитет|орган)\w*|[Тт]аможн[яиеюй]\w*|[Пп]ограничн\w* (?:служб|войск|отряд)\w*",
    r"[Пп]ограничник\w*|[Тт]аможенник\w*|[Пп]олици\w*|[Сс]лужб\w* государственной безопасности",
    r"Ministry of (?:Internal Affairs|the Interior|Interior)|Interior Ministry|MVD|MIA",
    r"Prosecutor[- ]General'?s Office|General Prosecutor'?s Office|State Customs (?:Service|Committee)",
    r"[Cc]ustoms(?: (?:Service|Committee|officers|authorities))?|Border (?:Service|Guards?|Troops)",
    r"[Bb]order guards|[Pp]olice|National Security Committee|State Security Service",
)
_COUNTRY_ABBREVIATIONS = {"РК": "KZ", "КР": "KG", "РТ": "TJ", "РУз": "UZ", "РФ": "RU"}


def _name_pattern(name: str) -> str:
    """A name with a flexible tail on each longer word, for Russian inflection."""
    words = []
    for word in name.split():
        if re.fullmatch(r"[А-Яа-яЁё-]+", word) and len(word) >= 5:
            stem = re.sub(r"[аяоеыиуюйьё]{1,2}$", "", word)
            words.append(re.escape(stem) + r"\w{0,4}")
        else:
            words.append(re.escape(word))
    return r"\s+".join(words)


@dataclass
class Gazetteer:
    """Agencies to look for; `find` returns them with their country."""

    agencies: tuple[Agency, ...] = DEFAULT_AGENCIES
    _regexes: list[tuple[re.Pattern[str], Agency]] = field(default_factory=list, repr=False)
    _any: re.Pattern[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        entries: list[tuple[int, re.Pattern[str], Agency, str]] = []
        for agency in self.agencies:
            for name in agency.names:
                inner = _name_pattern(name)
                regex = re.compile(rf"(?<![\w]){inner}(?![\w])", re.IGNORECASE)
                entries.append((len(name), regex, agency, f"(?:{inner})"))
            for abbreviation in agency.abbreviations:
                inner = re.escape(abbreviation)
                regex = re.compile(rf"(?<![\w]){inner}(?![\w])")
                entries.append((len(abbreviation), regex, agency, f"(?-i:{inner})"))
        entries.sort(key=lambda e: -e[0])
        self._regexes = [(regex, agency) for _, regex, agency, _inner in entries]
        # Every name in one alternation: one scan finds where a name starts.
        body = "|".join(inner for *_rest, inner in entries)
        self._any = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE) if body else None

    @classmethod
    def from_rows(
        cls, rows: Iterable[Mapping[str, str]], *, include_defaults: bool = True
    ) -> Gazetteer:
        """Build from reference rows with code, country, name_ru, name_en, abbr_ru, abbr_en."""
        agencies = [
            Agency(
                code=row["code"],
                country=row.get("country") or None,
                names=tuple(n for n in (row.get("name_ru"), row.get("name_en")) if n),
                abbreviations=tuple(a for a in (row.get("abbr_ru"), row.get("abbr_en")) if a),
                name_en=row.get("name_en") or "",
            )
            for row in rows
        ]
        known = {a.code for a in agencies}
        if include_defaults:
            agencies.extend(a for a in DEFAULT_AGENCIES if a.code not in known)
        return cls(tuple(agencies))

    def find(self, text: str, *, places: list[PlaceMention] | None = None) -> list[AgencyMention]:
        """Agencies named in `text`, earliest first, longest wins.

        >>> [(m.code, m.country) for m in Gazetteer().find("СБНОН МВД сообщила")]
        [('kg_sbnon', 'KG')]
        """
        found: list[AgencyMention] = []
        for candidate in self._any.finditer(text) if self._any is not None else ():
            position = candidate.start()
            if found and position < found[-1].end:
                continue
            best: AgencyMention | None = None
            for regex, agency in self._regexes:
                match = regex.match(text, position)
                if match and (best is None or match.end() > best.end):
                    best = AgencyMention(
                        position,
                        match.end(),
                        match.group(0),
                        agency.code,
                        agency.country,
                        agency.name_en,
                    )
            if best is not None:
                found.append(best)
        found.extend(_generic_bodies(text, find_places(text) if places is None else places))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        chosen: list[AgencyMention] = []
        for mention in found:
            if chosen and mention.start < chosen[-1].end:
                continue
            chosen.append(mention)
        return chosen


_GENERIC_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in GENERIC_BODIES) + r")(?![\w])"
)


def _generic_bodies(text: str, places: list[PlaceMention]) -> list[AgencyMention]:
    mentions = []
    for match in _GENERIC_RE.finditer(text):
        start, end = match.start(), match.end()
        country: str | None = None
        following = text[end : end + 40]
        abbreviation = re.match(r"\s+(РК|КР|РТ|РУз|РФ)(?![\w])", following)
        if abbreviation:
            country = _COUNTRY_ABBREVIATIONS[abbreviation.group(1)]
            end += abbreviation.end()
        else:
            for place in places:
                if place.kind != "country":
                    continue
                gap = text[end : place.start] if place.start >= end else text[place.end : start]
                # "МВД Кыргызской Республики", "Ministry of Internal Affairs of Uzbekistan",
                # "Kyrgyz police", "таджикские пограничники".
                if place.start >= end and re.fullmatch(r"\s+(?:of\s+(?:the\s+)?)?", gap):
                    country, end = place.country, place.end
                    break
                if place.end <= start and re.fullmatch(r"\s+", gap):
                    country, start = place.country, place.start
                    break
        mentions.append(AgencyMention(start, end, text[start:end], None, country))
    return mentions


DEFAULT_GAZETTEER = Gazetteer()
