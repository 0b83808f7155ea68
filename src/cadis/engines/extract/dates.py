"""Dates a fact can carry, read against the document's date.

On top of the units engine's periods this module
- drops years that are not when anything happened: a year of birth ("1987 года рождения",
  "born in 1987", "1985 жылы туған", "1990-yilda tug'ilgan");
- reads "с 2018 года" / "since 2018" as an open period up to the document's date (kind
  `since`), which dates a total but never one event;
- resolves relative dates against the document's date: "вчера", "накануне", "на прошлой
  неделе", "в прошлом месяце", "yesterday", "last week", "last month", and the region's
  "кеше", "kecha", "дирӯз", "düýn", "o'tgan hafta";
- dates "16 мая", "on May 16", "16 мамыр" without a year in the document's year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from cadis.engines.extract.lexicon import number_word_value, words
from cadis.engines.units import Period, find_periods
from cadis.engines.units.dates import MONTH_PATTERN, month_number

_BIRTH_AFTER = re.compile(
    r"^\s*(?:-?(?:го|м)\s*)?(?:года?\s+рождения|г\.?\s*р\.|гг?\.\s*рожд|рождения)"
    rf"|^\s*(?:-?\s*)?(?:{words('born')})",
    re.IGNORECASE,
)
_BIRTH_BEFORE = re.compile(
    r"(?:born(?:\s+in)?|рождения|родивш\w+(?:\s+в)?|b\.|year\s+of\s+birth|г\.\s*р\.)\s*$",
    re.IGNORECASE,
)
_CONVICTED_BEFORE = re.compile(
    r"(?:судим\w*|осужд[её]н\w*|осужденн\w*|отбывал\w*|освобожд[её]н\w*|convicted|sentenced|jailed|"
    r"released|served)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SINCE_BEFORE = re.compile(
    r"(?:(?<![\w])с|начиная\s+с|since|from|starting\s+in|as\s+early\s+as)\s+$", re.IGNORECASE
)
_SINCE_AFTER = re.compile(
    r"^\s*(?:-?(?:го|м))?\s*(?:\w+\s+)?(?:бер[іi]|beri|бери|буён|buyon|bari|бәрі)", re.IGNORECASE
)

_REGIONAL_MONTHS = {
    1: r"қаңтар\w*|qantar\w*|yanvar\w*|январ\w*|yanwar\w*",
    2: r"ақпан\w*|aqpan\w*|fevral\w*|феврал\w*|fewral\w*",
    3: r"наурыз\w*|nauryz\w*|mart\w*|март\w*",
    4: r"сәуір\w*|sauir\w*|aprel\w*|апрел\w*",
    5: r"мамыр\w*|mamyr\w*|may(?:da|ning)?|май\w*|may",
    6: r"маусым\w*|mausym\w*|iyun\w*|июн\w*|ийун\w*",
    7: r"шілде\w*|shilde\w*|iyul\w*|июл\w*|ийул\w*",
    8: r"тамыз\w*|tamyz\w*|avgust\w*|август\w*|awgust\w*",
    9: r"қыркүйек\w*|qyrkuiek\w*|sentabr\w*|сентябр\w*|sentyabr\w*",
    10: r"қазан\w*|qazan\w*|oktabr\w*|октябр\w*|oktyabr\w*",
    11: r"қараша\w*|qarasha\w*|noyabr\w*|ноябр\w*",
    12: r"желтоқсан\w*|zheltoqsan\w*|dekabr\w*|декабр\w*",
}
_ANY_MONTH = "|".join([MONTH_PATTERN, *_REGIONAL_MONTHS.values()])


def _day_month(months: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.])(?P<d1>\d{{1,2}})(?:-|\s)?(?:\s*(?P<m1>{months}))(?![\w])"
        rf"|(?<![\w])(?P<m2>{MONTH_PATTERN})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\w])",
        re.IGNORECASE,
    )


_DAY_MONTH = _day_month(MONTH_PATTERN)
_DAY_MONTH_REGIONAL = _day_month(_ANY_MONTH)
_RELATIVE: tuple[tuple[str, str], ...] = (
    (r"позавчера|the\s+day\s+before\s+yesterday", "day-2"),
    (r"вчера|накануне|yesterday|кеше|keshe|kecha|кеча|кечээ|дирӯз|duyn", "day-1"),
    (r"сегодня|today|бүгін|bugun|bugin|бугун|бүгүн|имрӯз", "day-0"),
    (
        r"на\s+(?:прошлой|минувшей|прошедшей)\s+неделе|last\s+week|the\s+previous\s+week|"
        r"өткен\s+аптада|otken\s+aptada|o'tgan\s+hafta\w*|ўтган\s+ҳафта\w*|өткөн\s+аптада|"
        r"ҳафтаи\s+гузашта|gecen\s+hepde\w*",
        "last_week",
    ),
    (r"на\s+(?:этой|текущей)\s+неделе|(?:earlier\s+)?this\s+week", "this_week"),
    (
        r"в\s+(?:прошлом|минувшем|прошедшем)\s+месяце|last\s+month|the\s+previous\s+month|"
        r"өткен\s+айда|otken\s+aida|o'tgan\s+oy\w*|ўтган\s+ой\w*|өткөн\s+айда|моҳи\s+гузашта|"
        r"gecen\s+ay\w*",
        "last_month",
    ),
    (r"в\s+(?:этом|текущем)\s+месяце|(?:earlier\s+)?this\s+month", "this_month"),
    (
        r"в\s+(?:минувшие|прошедшие|прошлые)\s+выходные|на\s+выходных|(?:last|over\s+the)\s+weekend",
        "last_weekend",
    ),
)
_RELATIVE_RE = re.compile(
    "(?<![\\w])(?:"
    + "|".join(f"(?P<r{i}>{p})" for i, (p, _k) in enumerate(_RELATIVE))
    + ")(?![\\w])",
    re.IGNORECASE,
)


# "2024 жылы", "2024-yilda", "2024 йилда", "соли 2024", "2024-nji ýylda"; "өткен жылы".
_REGIONAL_YEAR = re.compile(
    r"(?<![\w])(?:(?P<year>(?:19|20)\d\d)\s*-?\s*(?:жылы|жылғы|жылдың|jyly|jylgy|yil(?:da|i|ning)?|"
    r"йил(?:да|и|нинг)?|жылдын|nji\s+yyl\w*|yyl\w*)|соли\s+(?P<year2>(?:19|20)\d\d))(?![\w])",
    re.IGNORECASE,
)
# "2024-yilning besh oyida", "2024 жылдың 9 айында", "2024-nji ýylyň 9 aýynda": the
# first months of a year.
_REGIONAL_MONTHS_OF_YEAR = re.compile(
    r"(?<![\w])(?P<year>(?:19|20)\d\d)\s*-?\s*(?:yil(?:ning|i)?|йил(?:нинг|и)?|жылдың|жылғы|жылдын|jyldyn|"
    r"jylgy|nji\s+yylyn|yylyn)\s+(?:birinchi\s+)?(?P<n>\d{1,2}|\w+)\s*(?:-\s*)?(?:oy\w*|ой\w*|ай\w*|ai\w*|"
    r"ay\w*|моҳ\w*)(?![\w])",
    re.IGNORECASE,
)
_REGIONAL_LAST_YEAR = re.compile(
    r"(?<![\w])(?:өткен\s+жыл\w*|otken\s+jyl\w*|o'tgan\s+yil\w*|ўтган\s+йил\w*|өткөн\s+жыл\w*|"
    r"соли\s+гузашта|gecen\s+yyl\w*)(?![\w])",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")


@dataclass
class DocumentDates:
    """A sentence's periods, and what was set aside (birth years) for the reasons."""

    periods: list[Period]
    birth_years: list[tuple[int, int]]
    past_years: list[tuple[int, int]] = field(default_factory=list)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _relative_period(kind: str, text: str, span: tuple[int, int], ref: date) -> Period:
    if kind.startswith("day-"):
        day = ref - timedelta(days=int(kind[4:]))
        return Period(text, day, day, "day", None, True, span)
    if kind == "last_week":
        monday = ref - timedelta(days=ref.weekday() + 7)
        return Period(text, monday, monday + timedelta(days=6), "week", None, True, span)
    if kind == "this_week":
        return Period(text, ref - timedelta(days=ref.weekday()), ref, "week", None, True, span)
    if kind == "last_weekend":
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7 or 7)
        return Period(text, saturday, saturday + timedelta(days=1), "week", None, True, span)
    first = ref.replace(day=1)
    if kind == "this_month":
        return Period(text, first, ref, "month", 1, True, span)
    previous = first - timedelta(days=1)
    return Period(text, previous.replace(day=1), previous, "month", 1, True, span)


def _month_of(name: str) -> int | None:
    number = month_number(name)
    if number:
        return number
    for value, pattern in _REGIONAL_MONTHS.items():
        if re.fullmatch(pattern, name, re.IGNORECASE):
            return value
    return None


def _day_without_year(match: re.Match[str], ref: date) -> Period | None:
    day = int(match.group("d1") or match.group("d2"))
    month = _month_of(match.group("m1") or match.group("m2") or "")
    if not month:
        return None
    try:
        stated = date(ref.year, month, day)
        if stated > ref + timedelta(days=7):
            stated = date(ref.year - 1, month, day)
    except ValueError:
        return None
    return Period(match.group(0), stated, stated, "day", None, True, (match.start(), match.end()))


def sentence_periods(text: str, reference_date: date | None, language: str = "ru") -> DocumentDates:
    """The periods of one sentence that can date a fact, earliest first.

    >>> found = sentence_periods("Задержан житель 1987 года рождения", date(2024, 5, 2))
    >>> (found.periods, found.birth_years)
    ([], [(16, 26)])
    >>> [p.start for p in sentence_periods("Вчера изъято 5 кг", date(2024, 5, 2)).periods]
    [datetime.date(2024, 5, 1)]
    """
    periods: list[Period] = []
    birth: list[tuple[int, int]] = []
    past: list[tuple[int, int]] = []
    for period in find_periods(text, reference_date=reference_date):
        start, end = period.span
        if _BIRTH_AFTER.match(text[end:]) or _BIRTH_BEFORE.search(text[max(0, start - 25) : start]):
            birth.append(period.span)
            continue
        if _CONVICTED_BEFORE.search(text[max(0, start - 30) : start]):
            past.append(period.span)  # "судимого в 2009 году": a past sentence, not this event
            continue
        if period.kind == "year" and (
            _SINCE_BEFORE.search(text[max(0, start - 25) : start]) or _SINCE_AFTER.match(text[end:])
        ):
            period = replace(period, kind="since", end=reference_date, relative=True)
        periods.append(period)
    # Years the units engine did not take as periods ("1985 жылы туған", "since 2018").
    for match in _YEAR_ONLY.finditer(text):
        if any(s <= match.start() < e for s, e in birth):
            continue
        if _BIRTH_AFTER.match(text[match.end() :]):
            birth.append(match.span())
            periods = [p for p in periods if not (p.span[0] <= match.start() < p.span[1])]
        elif not any(p.span[0] <= match.start() < p.span[1] for p in periods) and (
            _SINCE_BEFORE.search(text[max(0, match.start() - 25) : match.start()])
            or _SINCE_AFTER.match(text[match.end() :])
        ):
            year = int(match.group(1))
            periods.append(
                Period(
                    match.group(0),
                    date(year, 1, 1),
                    reference_date,
                    "since",
                    None,
                    True,
                    match.span(),
                )
            )
    regional = language not in ("ru", "en")
    for match in _REGIONAL_MONTHS_OF_YEAR.finditer(text) if regional else ():
        number = match.group("n")
        months = int(number) if number.isdigit() else number_word_value(number)
        if not months or not 1 <= months <= 12:
            continue
        year = int(match.group("year"))
        last_day = date(year, months, calendar.monthrange(year, months)[1])
        periods.append(
            Period(
                match.group(0),
                date(year, 1, 1),
                last_day,
                "months_of_year",
                months,
                False,
                match.span(),
            )
        )
    for match in _REGIONAL_YEAR.finditer(text) if regional else ():
        if any(s < match.end() and match.start() < e for s, e in [p.span for p in periods] + birth):
            continue
        if _BIRTH_AFTER.match(text[match.end() :]) or re.match(
            r"\s*(?:туған|tug'ilgan|туғилган|туулган|tugan)", text[match.end() :], re.IGNORECASE
        ):
            birth.append(match.span())
            continue
        year = int(match.group("year") or match.group("year2"))
        kind = "since" if _SINCE_AFTER.match(text[match.end() :]) else "year"
        until = reference_date if kind == "since" else date(year, 12, 31)
        periods.append(
            Period(match.group(0), date(year, 1, 1), until, kind, 12, kind == "since", match.span())
        )
    if reference_date is not None:
        for match in _REGIONAL_LAST_YEAR.finditer(text) if regional else ():
            year = reference_date.year - 1
            periods.append(
                Period(
                    match.group(0),
                    date(year, 1, 1),
                    date(year, 12, 31),
                    "year",
                    12,
                    True,
                    match.span(),
                )
            )
        taken = [p.span for p in periods] + birth
        for match in _RELATIVE_RE.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            kind = next(
                _RELATIVE[int(name[1:])][1] for name, value in match.groupdict().items() if value
            )
            periods.append(_relative_period(kind, match.group(0), match.span(), reference_date))
        day_month = _DAY_MONTH_REGIONAL if regional else _DAY_MONTH
        for match in day_month.finditer(text) if _DIGIT.search(text) else ():
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if re.match(r"\s*(?:,\s*)?(?:19|20)\d\d", text[match.end() :]):
                continue  # a full date the units engine did not read; leave it
            day = _day_without_year(match, reference_date)
            if day is not None:
                periods.append(day)
    periods.sort(key=lambda p: p.span)
    return DocumentDates(periods, birth, past)
