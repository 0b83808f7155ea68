"""Periods as stated in reports: "за 3 года и 10 месяцев", "в 2024 году", "first half of 2012",
"since the start of the year", "за 9 месяцев 2023 года", "в первом квартале".

Each form is a regular expression with a small function that turns the match into start
and end dates. Forms that count back from "now" need the document's date; without it
the period keeps its text and kind but has no dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from cadis.engines.units.dates import MONTH_PATTERN, month_number
from cadis.engines.units.errors import DateFormatError, UnitsErrorCode
from cadis.engines.units.words import NUMBER_WORD_PATTERN, word_value


@dataclass(frozen=True)
class Period:
    """A period as stated, with its dates when they can be derived."""

    text: str
    start: date | None
    end: date | None
    kind: str
    duration_months: int | None = None
    relative: bool = False
    span: tuple[int, int] = (0, 0)

    def __iter__(self) -> Iterator[date | None]:
        yield self.start
        yield self.end


_Y = r"(?:19|20)\d\d"
_YEAR_WORD = r"(?:\s*-?(?:м|ом)?\s*(?:года|году|год|гг?\.|г(?![\w])))?"
_N = rf"(?:\d{{1,3}}|{NUMBER_WORD_PATTERN})"
_CURRENT_YEAR = r"(?:текущего|этого|нынешнего|сего)\s+года|(?:this|the\s+current)\s+year|the\s+year"
_ORDINALS = {
    1: r"перв\w*|1-?(?:[йм]|ом|ое|ый|го)?|i|first|1st",
    2: r"втор\w*|2-?(?:[йм]|ом|ое|ой|го)?|ii|second|2nd",
    3: r"трет\w*|3-?(?:[йм]|ем|ье|ий|го)?|iii|third|3rd",
    4: r"четв[её]рт\w*|4-?(?:[йм]|ом|ое|ый|го)?|iv|fourth|4th",
}
_ORD = "(?:" + "|".join(_ORDINALS.values()) + ")"


def _ordinal(text: str) -> int:
    for number, pattern in _ORDINALS.items():
        if re.fullmatch(pattern, text.strip(), re.IGNORECASE):
            return number
    return 1


def _count(text: str) -> int:
    text = text.strip()
    return int(text) if text.isdigit() else int(word_value(text) or 1)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _year_of(match: re.Match[str], reference: date | None) -> int | None:
    year = match.groupdict().get("year")
    if year:
        return int(year)
    return reference.year if reference else None


Handler = Callable[
    [re.Match[str], date | None], tuple[date | None, date | None, str, int | None, bool]
]


def _day_range(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    month = month_number(m["m1"]) or 1
    year = int(m["year"]) if m["year"] else (ref.year if ref else None)
    if year is None:
        return None, None, "day_range", None, True
    month1 = month_number(m["m0"]) if m["m0"] else month
    return (
        date(year, month1 or month, int(m["d1"])),
        date(year, month, int(m["d2"])),
        "day_range",
        None,
        not m["year"],
    )


def _day(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    month = int(m["mnum"]) if m["mnum"] else month_number(m["m1"]) or 0
    day = date(int(m["year"]), month, int(m["d1"]))
    return day, day, "day", None, False


def _year_range(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    first, last = int(m["y1"]), int(m["y2"])
    return date(first, 1, 1), date(last, 12, 31), "years", None, False


def _months_of_year(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    year = _year_of(m, ref)
    months = min(_count(m["n"]), 12)
    if year is None:
        return None, None, "months_of_year", months, True
    return date(year, 1, 1), _month_end(year, months), "months_of_year", months, not m["year"]


def _half(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    year = _year_of(m, ref)
    half = _ordinal(m["o"])
    if year is None:
        return None, None, "half", 6, True
    first_month = 1 if half == 1 else 7
    return date(year, first_month, 1), _month_end(year, first_month + 5), "half", 6, not m["year"]


def _quarter(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    year = _year_of(m, ref)
    quarter = _ordinal(m["o"])
    if year is None:
        return None, None, "quarter", 3, True
    first_month = 3 * (quarter - 1) + 1
    return (
        date(year, first_month, 1),
        _month_end(year, first_month + 2),
        "quarter",
        3,
        not m["year"],
    )


def _year_to_date(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    year = _year_of(m, ref)
    if year is None:
        return None, None, "year_to_date", None, True
    end = ref if ref and ref.year == year else date(year, 12, 31)
    return date(year, 1, 1), end, "year_to_date", None, True


def _since_month(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    year = _year_of(m, ref)
    month = month_number(m["m1"]) or 1
    if year is None:
        return None, None, "year_to_date", None, True
    end = ref if ref and ref >= date(year, month, 1) else _month_end(year, 12)
    return date(year, month, 1), end, "year_to_date", None, True


def _month_range(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    year = _year_of(m, ref)
    first, last = month_number(m["m1"]) or 1, month_number(m["m2"]) or 12
    if year is None:
        return None, None, "months", None, True
    return date(year, first, 1), _month_end(year, last), "months", last - first + 1, not m["year"]


def _month(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    month = month_number(m["m1"]) or 1
    year = int(m["year"])
    return date(year, month, 1), _month_end(year, month), "month", 1, False


def _year(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    year = int(m["year"])
    return date(year, 1, 1), date(year, 12, 31), "year", 12, False


def _relative_year(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    word = m.group(0).lower()
    back = (
        2
        if "позапрошл" in word
        else 1
        if re.search(r"прошл|прошедш|минувш|last|previous|past", word)
        else 0
    )
    if ref is None:
        return None, None, "year", 12, True
    year = ref.year - back
    end = ref if back == 0 else date(year, 12, 31)
    return date(year, 1, 1), end, "year", 12, True


_UNIT_MONTHS = (
    (r"год\w*|лет|years?", 12),
    (r"месяц\w*|months?", 1),
    (r"недел\w*|weeks?", 0),
    (r"дн\w*|день|days?", 0),
)


def _duration(m: re.Match[str], ref: date | None):  # type: ignore[no-untyped-def]
    months, days = 0, 0
    for number, unit in re.findall(rf"({_N})?\s*({_DURATION_UNIT})", m.group(0), re.IGNORECASE):
        count = _count(number) if number else 1
        for pattern, factor in _UNIT_MONTHS:
            if re.fullmatch(pattern, unit, re.IGNORECASE):
                if factor:
                    months += count * factor
                else:
                    days += count * (7 if unit.lower().startswith(("недел", "week")) else 1)
                break
    if ref is None:
        return None, None, "duration", months or None, True
    start = _shift_months(ref, months) - timedelta(days=days) + timedelta(days=1)
    return start, ref, "duration", months or None, True


_DURATION_UNIT = r"(?:год(?:а|у)?|лет|years?|месяц(?:а|ев)?|months?|недел[юиь]|weeks?|дн(?:я|ей)|день|days?)(?![\w])"
_ONE_DURATION = rf"(?:{_N}\s+)?{_DURATION_UNIT}"

_FORMS: tuple[tuple[str, Handler], ...] = (
    (
        rf"(?:с\s+|from\s+)?(?P<d1>\d{{1,2}})(?:\s+(?P<m0>{MONTH_PATTERN}))?\s*(?:-|–|—|по|to|until|and)\s*"
        rf"(?P<d2>\d{{1,2}})\s+(?P<m1>{MONTH_PATTERN})(?:\s*,?\s*(?P<year>{_Y}){_YEAR_WORD})?",
        _day_range,
    ),
    (
        rf"(?:(?:on|в|на)\s+)?(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_PATTERN})\s*,?\s*(?P<year>{_Y}){_YEAR_WORD}"
        rf"|(?P<m1b>{MONTH_PATTERN})\s+(?P<d1b>\d{{1,2}}),\s*(?P<yearb>{_Y})"
        rf"|(?P<d1c>\d{{1,2}})\.(?P<mnum>\d{{1,2}})\.(?P<yearc>{_Y})(?!\d))",
        _day,
    ),
    (
        rf"(?:(?:с|from|between)\s+)?(?P<y1>{_Y})\s*(?:-|–|—|по|to|and|until)\s*(?P<y2>{_Y})"
        rf"(?:\s*(?:год(?:ы|ах|ов|а)?|гг\.?|г\.|years))?",
        _year_range,
    ),
    (
        rf"(?:(?:за|в\s+течение|in|for|over|during)\s+)?(?:(?:the\s+)?first\s+)?(?P<n>{_N})\s+"
        rf"(?:месяц(?:а|ев)|months)\s+(?:of\s+)?(?:(?P<year>{_Y}){_YEAR_WORD}|{_CURRENT_YEAR})",
        _months_of_year,
    ),
    (
        rf"(?:(?:в|за|in|during|for)\s+)?(?:the\s+)?(?P<o>{_ORD})\s+(?:полугоди\w*|half(?:\s+of)?)"
        rf"(?:\s+(?P<year>{_Y}){_YEAR_WORD}|\s+(?:{_CURRENT_YEAR}))?",
        _half,
    ),
    (
        rf"(?:(?:в|за|in|during|for)\s+)?(?:the\s+)?(?P<o>{_ORD})\s+(?:квартал\w*|quarter(?:\s+of)?)"
        rf"(?:\s+(?P<year>{_Y}){_YEAR_WORD}|\s+(?:{_CURRENT_YEAR}))?",
        _quarter,
    ),
    (rf"(?:h(?P<o>[12]))\s+(?P<year>{_Y})", _half),
    (rf"(?:q(?P<o>[1-4]))\s+(?P<year>{_Y})", _quarter),
    (
        rf"с\s+начала\s+(?:(?:текущего|этого|нынешнего|сего)\s+)?(?:(?P<year>{_Y})\s+)?года"
        rf"|since\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+|the\s+current\s+)?(?:year|(?P<year2>{_Y}))"
        r"|year\s+to\s+date",
        _year_to_date,
    ),
    (
        rf"(?:с\s+(?:начала\s+)?|since\s+(?:the\s+(?:start|beginning)\s+of\s+|early\s+)?)(?P<m1>{MONTH_PATTERN})"
        rf"(?:\s*,?\s*(?P<year>{_Y}){_YEAR_WORD})?(?!\s*(?:-|–|—|по|to|through|until)\s*\w)",
        _since_month,
    ),
    (
        rf"(?:(?:в|за|с|in|during|for|from)\s+)?(?P<m1>{MONTH_PATTERN})\s*(?:-|–|—|по|to|through)\s*"
        rf"(?P<m2>{MONTH_PATTERN})(?:\s*,?\s*(?P<year>{_Y}){_YEAR_WORD})?",
        _month_range,
    ),
    (
        rf"(?:(?:в|за|in|during|for)\s+)?(?P<m1>{MONTH_PATTERN})\s*,?\s*(?P<year>{_Y}){_YEAR_WORD}",
        _month,
    ),
    (
        rf"(?:(?:в|за|in|during|for|throughout|of)\s+)(?P<year>{_Y})(?![\d.,]\d){_YEAR_WORD}"
        rf"|(?P<year_b>{_Y})\s*-?(?:м|ом)?\s*(?:года|году|год|г\.)(?![\w])",
        _year,
    ),
    (
        r"(?:в|за)\s+(?:прошл|позапрошл|прошедш|минувш|текущ|эт|нынешн|уходящ)\w*\s+год\w*"
        r"|(?:last|this|the\s+current|the\s+previous|the\s+past)\s+year(?![\w])",
        _relative_year,
    ),
    (
        rf"(?:за|в\s+течение|на\s+протяжении|over|in|during|for|within)\s+(?:the\s+)?"
        rf"(?:последн\w+|прошедш\w+|минувш\w+|past|last|previous)?\s*{_ONE_DURATION}"
        rf"(?:\s*(?:,|и|and)\s*{_ONE_DURATION})*",
        _duration,
    ),
)
_COMPILED = tuple((re.compile(rf"(?<![\w])(?:{p})", re.IGNORECASE), h) for p, h in _FORMS)


def _apply(match: re.Match[str], handler: Handler, ref: date | None) -> Period | None:
    groups = match.groupdict()
    # Alternative spellings of the same group ("year_b", "year2") feed the handler's "year".
    proxy = _MatchProxy(
        match,
        {
            "year": groups.get("year")
            or groups.get("year_b")
            or groups.get("year2")
            or groups.get("yearb")
            or groups.get("yearc"),
            "d1": groups.get("d1") or groups.get("d1b") or groups.get("d1c"),
            "m1": groups.get("m1") or groups.get("m1b"),
        },
    )
    try:
        start, end, kind, months, relative = handler(proxy, ref)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None
    text = match.group(0).strip()
    return Period(text, start, end, kind, months, relative, (match.start(), match.end()))


class _MatchProxy:
    """A match whose group lookup can be overridden (several spellings of one group)."""

    def __init__(self, match: re.Match[str], overrides: dict[str, str | None]) -> None:
        self._match = match
        self._overrides = overrides

    def __getitem__(self, key: str) -> str | None:
        if key in self._overrides:
            return self._overrides[key]
        return self._match.groupdict().get(key)

    def groupdict(self) -> dict[str, str | None]:
        return {**self._match.groupdict(), **self._overrides}

    def group(self, index: int = 0) -> str:
        return self._match.group(index)


def find_periods(text: str, *, reference_date: date | None = None) -> list[Period]:
    """Every period stated in `text`, earliest first, without overlaps (longest wins).

    >>> [p.kind for p in find_periods("За 3 года и 10 месяцев, в 2024 году")]
    ['duration', 'year']
    """
    candidates: list[Period] = []
    for regex, handler in _COMPILED:
        for match in regex.finditer(text):
            period = _apply(match, handler, reference_date)
            if period is not None and period.text:
                candidates.append(period)
    candidates.sort(key=lambda p: (p.span[0], -(p.span[1] - p.span[0])))
    chosen: list[Period] = []
    for period in candidates:
        if chosen and period.span[0] < chosen[-1].span[1]:
            continue
        chosen.append(period)
    return chosen


def parse_period(text: str, *, reference_date: date | None = None) -> Period:
    """Read the (first) period stated in `text`.

    The result unpacks as (start, end); relative periods need `reference_date`.

    >>> start, end = parse_period("в 2024 году")
    >>> (start.isoformat(), end.isoformat())
    ('2024-01-01', '2024-12-31')
    """
    if not isinstance(text, str) or not text.strip():
        raise DateFormatError(UnitsErrorCode.EMPTY, "The period is empty.")
    periods = find_periods(text, reference_date=reference_date)
    if not periods:
        raise DateFormatError(UnitsErrorCode.NOT_A_PERIOD, f"'{text.strip()}' is not a period.")
    return periods[0]
