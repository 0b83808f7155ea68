"""Countries, cities and first-level subdivisions named in Russian and English texts.

Russian names inflect ("Кыргызстан", "в Кыргызстане", "МВД Кыргызской Республики"),
so names are stems with a short inflection tail. Russian names are matched with their
capital letter (so "груз" is never "Грузия"); adjectives ("таджикские пограничники",
"Kyrgyz police") also point to a country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_T = r"\w{0,4}"  # Russian inflection tail

# ISO code -> patterns (case-sensitive names; adjectives get a case-insensitive first letter).
COUNTRY_PATTERNS: dict[str, tuple[str, ...]] = {
    "KZ": (
        rf"Казахстан{_T}",
        rf"Республик{_T} Казахстан",
        r"Kazakhstan",
        r"Republic of Kazakhstan",
        r"РК",
        rf"[Кк]азахстанск{_T}",
        r"Kazakh(?:stani)?",
    ),
    "KG": (
        rf"Кыргызстан{_T}",
        rf"Киргизи{_T}",
        rf"[Кк]ыргызск{_T} Республик{_T}",
        rf"[Кк]иргизск{_T} Республик{_T}",
        r"Kyrgyzstan",
        r"Kyrgyz Republic",
        r"КР",
        r"Kirghizia",
        rf"[Кк]ыргызск{_T}",
        rf"[Кк]ыргызстанск{_T}",
        rf"[Кк]иргизск{_T}",
        r"Kyrgyz",
    ),
    "TJ": (
        rf"Таджикистан{_T}",
        rf"Республик{_T} Таджикистан",
        r"Tajikistan",
        r"Republic of Tajikistan",
        rf"[Тт]аджикск{_T}",
        r"Tajik",
    ),
    "TM": (
        rf"Туркменистан{_T}",
        r"Туркмени[яиюей]",
        r"Turkmenistan",
        rf"[Тт]уркменск{_T}",
        r"Turkmen",
    ),
    "UZ": (
        rf"Узбекистан{_T}",
        rf"Республик{_T} Узбекистан",
        r"Uzbekistan",
        r"Republic of Uzbekistan",
        r"РУз",
        rf"[Уу]збекск{_T}",
        rf"[Уу]збекистанск{_T}",
        r"Uzbek",
    ),
    "AF": (rf"Афганистан{_T}", r"Afghanistan", rf"[Аа]фганск{_T}", r"Afghan"),
    "IR": (rf"Иран{_T}", r"Iran", rf"[Ии]ранск{_T}", r"Iranian"),
    "PK": (rf"Пакистан{_T}", r"Pakistan", rf"[Пп]акистанск{_T}", r"Pakistani"),
    "RU": (
        r"Росси[яиюей]",
        rf"Российск{_T} Федераци{_T}",
        r"РФ",
        r"Russian Federation",
        r"Russia",
        rf"[Рр]оссийск{_T}",
        r"Russian",
    ),
    "CN": (rf"Кита[йяюе]{_T}", r"КНР", r"China", rf"[Кк]итайск{_T}", r"Chinese"),
    "TR": (r"Турци[яиюей]", r"Turkey", r"Türkiye", rf"[Тт]урецк{_T}", r"Turkish"),
    "AZ": (rf"Азербайджан{_T}", r"Azerbaijan"),
    "GE": (r"Грузи[яиюей]", r"Georgia"),
    "BY": (rf"Беларус{_T}", r"Belarus"),
    "UA": (rf"Украин{_T}", r"Ukraine"),
    "IN": (r"Инди[яиюей]", r"India"),
    "AE": (rf"Объединенн{_T} Арабск{_T} Эмират{_T}|ОАЭ", r"United Arab Emirates|UAE"),
    "PL": (r"Польш[аеиуой]", r"Poland"),
    "DE": (r"Германи[яиюей]", r"Germany"),
    "LT": (r"Литв[аеыуой]", r"Lithuania"),
    "ES": (r"Испани[яиюей]", r"Spain"),
    "NL": (rf"Нидерланд{_T}", r"Netherlands"),
    "FR": (r"Франци[яиюей]", r"France"),
    "IT": (r"Итали[яиюей]", r"Italy"),
    "PT": (r"Португали[яиюей]", r"Portugal"),
    "GB": (rf"Великобритани{_T}", r"United Kingdom"),
    "US": (r"США", r"United States"),
    "AT": (r"Австри[яиюей]", r"Austria"),
    "BE": (rf"Бельги{_T}", r"Belgium"),
    "CH": (r"Швейцари[яиюей]", r"Switzerland"),
}

CITY_PATTERNS: dict[str, tuple[str, tuple[str, ...]]] = {
    # city -> (country, patterns)
    "Almaty": ("KZ", (r"Алматы", r"Алма-Ат[аеыу]", r"Almaty")),
    "Astana": ("KZ", (r"Астан[аеыу]", r"Astana")),
    "Shymkent": ("KZ", (rf"Шымкент{_T}", r"Shymkent")),
    "Karaganda": ("KZ", (r"Караганд[аеыу]", r"Karaganda")),
    "Bishkek": ("KG", (rf"Бишкек{_T}", r"Bishkek")),
    "Osh": ("KG", (r"Ош[еау]?(?![\w-])", r"Osh(?![\w-])")),
    "Dushanbe": ("TJ", (r"Душанбе", r"Dushanbe")),
    "Khujand": ("TJ", (rf"Худжанд{_T}", r"Khujand")),
    "Khorog": ("TJ", (rf"Хорог{_T}", r"Khorog")),
    "Tashkent": ("UZ", (rf"Ташкент{_T}", r"Tashkent")),
    "Samarkand": ("UZ", (rf"Самарканд{_T}", r"Samarkand")),
    "Termez": ("UZ", (rf"Термез{_T}", r"Termez")),
    "Ashgabat": ("TM", (rf"Ашхабад{_T}", r"Ashgabat")),
    "Turkmenabat": ("TM", (rf"Туркменабад{_T}", r"Turkmenabat")),
    "Kabul": ("AF", (rf"Кабул{_T}", r"Kabul")),
    "Moscow": ("RU", (r"Москв[аеыу]", r"Moscow")),
    # Where regional meetings and study visits abroad usually take place.
    "Vienna": ("AT", (r"Вен[аеыу]", r"Vienna")),
    "Lisbon": ("PT", (rf"Лиссабон{_T}", r"Lisbon")),
    "Brussels": ("BE", (r"Брюссел[ьяею]", r"Brussels")),
    "Warsaw": ("PL", (r"Варшав[аеыу]", r"Warsaw")),
    "Berlin": ("DE", (rf"Берлин{_T}", r"Berlin")),
    "Madrid": ("ES", (rf"Мадрид{_T}", r"Madrid")),
    "Geneva": ("CH", (r"Женев[аеыу]", r"Geneva")),
    "Istanbul": ("TR", (rf"Стамбул{_T}", r"Istanbul")),
    "Baku": ("AZ", (r"Баку", r"Baku")),
    "Minsk": ("BY", (rf"Минск{_T}", r"Minsk")),
    "Tehran": ("IR", (rf"Тегеран{_T}", r"Tehran")),
    "Islamabad": ("PK", (rf"Исламабад{_T}", r"Islamabad")),
    "Beijing": ("CN", (r"Пекин\w{0,2}", r"Beijing")),
}

# (stem of the Russian adjective, English name, ISO 3166-2 code)
SUBDIVISIONS: tuple[tuple[str, str, str], ...] = (
    ("Чуйск", "Chui|Chuy|Chüy", "KG-C"),
    ("Ошск", "Osh", "KG-O"),
    ("(?:Джалал|Жалал)-Абадск", "Jalal-Abad|Jalalabad", "KG-J"),
    ("Баткенск", "Batken", "KG-B"),
    ("Иссык-Кульск", "Issyk-Kul|Ysyk-Kol", "KG-Y"),
    ("Нарынск", "Naryn", "KG-N"),
    ("Таласск", "Talas", "KG-T"),
    ("Алматинск", "Almaty", "KZ-19"),
    ("Жамбылск", "Zhambyl|Jambyl", "KZ-31"),
    ("Туркестанск", "Turkestan|Turkistan", "KZ-61"),
    ("Карагандинск", "Karaganda|Qaraghandy", "KZ-35"),
    ("Костанайск", "Kostanay|Kostanai", "KZ-39"),
    ("Павлодарск", "Pavlodar", "KZ-55"),
    ("Акмолинск", "Akmola", "KZ-11"),
    ("Актюбинск", "Aktobe|Aktyubinsk", "KZ-15"),
    ("Атырауск", "Atyrau", "KZ-23"),
    ("Мангистауск", "Mangystau|Mangistau", "KZ-47"),
    ("Кызылординск", "Kyzylorda", "KZ-43"),
    ("Восточно-Казахстанск", "East Kazakhstan", "KZ-63"),
    ("Северо-Казахстанск", "North Kazakhstan", "KZ-59"),
    ("Западно-Казахстанск", "West Kazakhstan", "KZ-27"),
    ("Согдийск", "Sughd|Sogd|Soghd", "TJ-SU"),
    ("Хатлонск", "Khatlon", "TJ-KT"),
    ("Горно-Бадахшанск", "Gorno-Badakhshan", "TJ-GB"),
    ("Сурхандарьинск", "Surkhandarya|Surxondaryo", "UZ-SU"),
    ("Ташкентск", "Tashkent", "UZ-TO"),
    ("Самаркандск", "Samarkand", "UZ-SA"),
    ("Ферганск", "Fergana|Ferghana", "UZ-FA"),
    ("Андижанск", "Andijan", "UZ-AN"),
    ("Наманганск", "Namangan", "UZ-NG"),
    ("Кашкадарьинск", "Kashkadarya|Qashqadaryo", "UZ-QA"),
    ("Бухарск", "Bukhara", "UZ-BU"),
    ("Навоийск", "Navoi|Navoiy", "UZ-NW"),
    ("Джизакск", "Jizzakh|Jizzax", "UZ-JI"),
    ("Сырдарьинск", "Syrdarya", "UZ-SI"),
    ("Хорезмск", "Khorezm|Xorazm", "UZ-XO"),
    ("Ахалск", "Ahal|Akhal", "TM-A"),
    ("Балканск", "Balkan", "TM-B"),
    ("Дашогузск", "Dashoguz", "TM-D"),
    ("Лебапск", "Lebap", "TM-L"),
    ("Марыйск", "Mary", "TM-M"),
)


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    country: str
    kind: str  # country, city, subdivision
    name: str = ""
    code: str = ""


def _alternation(patterns: tuple[str, ...]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], tuple[tuple[str, str, str, str], ...]]:
    """One alternation over every place (one scan per text); group i -> entry i.

    At one position the first alternative wins, so subdivisions come before cities and
    countries, and each country's longer names before its shorter ones.
    """
    alternatives: list[str] = []
    entries: list[tuple[str, str, str, str]] = []
    for stem, english, code in SUBDIVISIONS:
        alternatives.append(
            rf"{stem}\w{{0,4}}\s+(?:област\w*|велаят\w*|регион\w*)"
            rf"|(?:{english})\s+(?:region|oblast|province|velayat)"
        )
        entries.append((code[:2], "subdivision", stem, code))
    for name, (country, patterns) in CITY_PATTERNS.items():
        alternatives.append(_alternation(patterns))
        entries.append((country, "city", name, ""))
    for country, patterns in COUNTRY_PATTERNS.items():
        alternatives.append(_alternation(patterns))
        entries.append((country, "country", country, ""))
    body = "|".join(f"(?P<p{index}>{pattern})" for index, pattern in enumerate(alternatives))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])"), tuple(entries)


def find_places(text: str) -> list[PlaceMention]:
    """Countries, cities and subdivisions named in `text`, earliest first.

    >>> [(p.text, p.country) for p in find_places("в Ошской области Кыргызстана")]
    [('Ошской области', 'KG'), ('Кыргызстана', 'KG')]
    """
    regex, entries = _compiled()
    found: list[PlaceMention] = []
    for match in regex.finditer(text):
        index = int(match.lastgroup[1:]) if match.lastgroup else -1
        if index < 0:
            continue
        country, kind, name, code = entries[index]
        found.append(
            PlaceMention(match.start(), match.end(), match.group(0), country, kind, name, code)
        )
    return found
