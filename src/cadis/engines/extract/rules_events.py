"""Events: conferences, meetings, seminars — name, place, dates and participating countries.

"27-28 ноября 2024 г. в Ашхабаде (Туркменистан) прошла Международная конференция «...»"
-> event(name, place Ashgabat, country TM, 2024-11-27..2024-11-28); the participating
countries come from a following sentence about delegations or participants.
"""

from __future__ import annotations

import re
from datetime import date

from cadis.engines.extract.analysis import SentenceView, stated_period
from cadis.engines.extract.model import Fact, StatedPeriod
from cadis.engines.units import DateFormatError, parse_date
from cadis.engines.units.dates import MONTH_PATTERN, month_number

_EVENT_NOUN = re.compile(
    r"конференци\w*|совещани\w*|семинар\w*|форум\w*|тренинг\w*|круглы\w*\s+стол\w*|заседани\w*|саммит\w*|"
    r"симпозиум\w*|учени[йяе]\w*|мероприяти\w*|conference|meeting|seminar|workshop|forum|round[- ]table|"
    r"summit|symposium|training\s+course|training\s+session|training|session|study\s+(?:visit|tour)|"
    r"учебн\w*\s+(?:визит|поездк)\w*|ознакомительн\w*\s+(?:визит|поездк)\w*|стажировк\w*",
    re.IGNORECASE,
)
_HELD = re.compile(
    r"прош(?:ла|[её]л|ло|ли)|прошедш\w*|состоял\w*|проходи\w*|провед\w*|организова\w*|открыл\w*|"
    r"собрал\w*|заверши\w*|стартова\w*|начал\w*\s+работу|"
    r"was\s+held|were\s+held|took\s+place|held|hosted|organi[sz]ed|convened|opened|gathered|"
    r"concluded|ended|kicked\s+off|started",
    re.IGNORECASE,
)
_PARTICIPATION = re.compile(
    r"участ\w*|делегаци\w*|представител\w*|собрал\w*|participa\w*|delegat\w*|representatives?|attended|"
    r"brought\s+together|gathered|experts?\s+from|specialists?\s+from|officials?\s+from|officers\s+from|"
    r"эксперт\w*\s+из|специалист\w*\s+из|сотрудник\w*\s+из",
    re.IGNORECASE,
)
_ALL_FIVE = re.compile(
    r"(?:пят[иь]|всех|5)\s+(?:государств|стран)\w*\s+Центральной\s+Азии|"
    r"(?:all\s+)?(?:five|5)\s+Central\s+Asian\s+(?:countries|states|republics)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"«([^»]{5,300})»|\"([^\"]{5,300})\"|“([^”]{5,300})”")
_DATED_KINDS = {"day_range", "month"}


def _single_day(text: str, reference: date | None) -> StatedPeriod | None:
    for match in _DAY_RE.finditer(text):
        try:
            day, _ = parse_date(match.group(0))
        except DateFormatError:
            continue
        return StatedPeriod(match.group(0), day, day, "day")
    if reference is not None:
        # "26 июня" without a year: the year of the document.
        for match in _DAY_NO_YEAR_RE.finditer(text):
            month = month_number(match.group("month"))
            try:
                day = date(reference.year, month or 0, int(match.group("day")))
            except ValueError:
                continue
            return StatedPeriod(match.group(0), day, day, "day")
    return None


_DAY_NO_YEAR_RE = re.compile(
    rf"(?<![\w.])(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_PATTERN})", re.IGNORECASE
)


_DAY_RE = re.compile(
    rf"(?<![\w.])\d{{1,2}}\s+{MONTH_PATTERN}\s*,?\s*(?:19|20)\d\d|{MONTH_PATTERN}\s+\d{{1,2}},\s*(?:19|20)\d\d|"
    r"(?<![\w.])\d{1,2}\.\d{1,2}\.(?:19|20)\d\d",
    re.IGNORECASE,
)


def event_facts(views: list[SentenceView], index: int) -> list[Fact]:
    """An event stated in sentence `index`, with participants from the next sentences."""
    view = views[index]
    text = view.text
    noun = _EVENT_NOUN.search(text)
    if noun is None or not _HELD.search(text):
        return []
    period = next((p for p in view.periods if p.kind in _DATED_KINDS), None)
    day = _single_day(text, view.context.document_date)
    cities = [p for p in view.places if p.kind == "city"]
    if period is None and day is None and not cities:
        return []
    name = None
    quoted = _QUOTED.search(text, noun.start())
    if quoted and quoted.start() - noun.end() < 40:
        group = next(i for i, g in enumerate(quoted.groups(), start=1) if g)
        name = view.original[quoted.start(group) : quoted.end(group)]
    place = cities[0] if cities else None
    countries: list[str] = []
    for following in views[index : index + 4]:
        if following.sentence.paragraph > view.sentence.paragraph + 1:
            break
        if _PARTICIPATION.search(following.text):
            listed = [p.country for p in following.places if p.kind == "country"]
            if len(set(listed)) >= 2:
                countries = list(dict.fromkeys(listed))
                break
            if _ALL_FIVE.search(following.text):
                countries = ["KZ", "KG", "TJ", "TM", "UZ"]
                break
    end = quoted.end() if quoted and name else noun.end()
    start = min(
        noun.start(),
        period.span[0] if period else noun.start(),
        place.start if place else noun.start(),
    )
    fact = view.fact(
        "event",
        start,
        end,
        name=name or text[noun.start() : noun.end()],
        place=place.name if place else None,
        countries=countries,
        period=stated_period(period) if period else day,
    )
    fact.country = place.country if place else None
    fact.country_source = "sentence" if place else None
    return [fact]
