"""Counted outcomes: dismantled groups (with members), arrests, detentions, prosecutions,
dismantled laboratories.

"в 2024 было ликвидировано 16 преступных группировок состоявших из 74 человек" ->
groups_dismantled(count 16, members 74, period "в 2024").
"""

from __future__ import annotations

import re

from cadis.engines.extract.analysis import REPORTING_KINDS, SentenceView, stated_period
from cadis.engines.extract.model import Fact
from cadis.engines.extract.rules_seizures import qualifier_before
from cadis.engines.units import parse_number_expression
from cadis.engines.units.quantity import NUMBER_EXPRESSION_PATTERN

_NUM = rf"(?P<num>{NUMBER_EXPRESSION_PATTERN})"
_ADJ_RU = r"(?:[а-яё-]+(?:ых|их|ой|ей|ая|яя|ую|юю|ые|ие|ого|его|ым|им)\s+){0,3}"
_ADJ_EN = r"(?:[A-Za-z-]+\s+){0,3}"

_GROUP_NOUN = (
    r"(?:наркогруппиров\w*|наркосиндикат\w*|ОПГ|ОПС|ОПТГ|"
    r"(?:групп|группиров|сообществ|формировани|синдикат|ячейк|сет)\w*|"
    r"groups?|gangs?|networks?|rings?|syndicates?|cartels?|cells?|organi[sz]ations?)"
)
_CRIMINAL = re.compile(
    r"преступн|нарко|ОП[ГС]|криминал|criminal|drug|traffick|gang|cartel|syndicate|organi[sz]ed",
    re.IGNORECASE,
)
_GROUP_TRIGGER = re.compile(
    r"ликвидир\w*|пресечен\w*|пресек\w*|обезвре\w*|нейтрализ\w*|раскрыт\w*|разоблач\w*|задокумент\w*|"
    r"выявлен\w*|разгромл\w*|dismantl\w*|disrupt\w*|neutrali[sz]\w*|broke(?:n)?\s+up|busted|uncovered|"
    r"eliminated|liquidated|smashed|taken\s+down",
    re.IGNORECASE,
)
_PERSON = (
    r"(?:человек|чел\.|лиц|граждан\w*|подозреваем\w*|участник\w*|член\w*|наркокурьер\w*|курьер\w*|"
    r"наркодилер\w*|сбытчик\w*|закладчик\w*|иностран\w*|фигурант\w*|злоумышленник\w*|преступник\w*|"
    r"наркоторговц\w*|организатор\w*|сообщник\w*|соучастник\w*|водител\w*|жител\w*|мужчин\w*|"
    r"женщин\w*|подростк\w*|несовершеннолетн\w*|студент\w*|пассажир\w*|контрабандист\w*|нарушител\w*|"
    r"people|persons?|individuals|suspects?|members|nationals|citizens|couriers|"
    r"dealers|traffickers|foreigners|men|women|offenders|residents|smugglers|drivers|organi[sz]ers|"
    r"accomplices|students|minors)(?![\w])"
)
_MEMBERS = re.compile(
    rf"^[\s,(]*(?:[-–—]\s*)?(?:которые\s+)?(?:в\s+состав\s+котор\w+\s+входил\w*|в\s+которые\s+входил\w*|состоявш\w*\s+из|состоящ\w*\s+из|в\s+составе|численностью|насчитывающ\w*|"
    rf"объединявш\w*|включавш\w*|из|comprising|consisting\s+of|made\s+up\s+of|with(?:\s+a\s+total\s+of)?|"
    rf"numbering|including|involving|of)?\s*"
    rf"(?:(?:котор\w+|было|состояло|находилось|входило|there\s+were|a\s+total\s+of)\s+){{0,2}}"
    rf"(?:более|свыше|около|over|about|more\s+than)?\s*{_NUM}\s+"
    rf"{_ADJ_RU}{_ADJ_EN}?{_PERSON}",
    re.IGNORECASE,
)
_PERSON_COUNT = re.compile(
    rf"(?<![\w]){_NUM}\s+(?:{_ADJ_RU}|{_ADJ_EN}){_PERSON}"
    # A collective numeral always counts people, whatever the noun: "четверо нарушителей".
    rf"|(?<![\w])(?P<collective>(?:двое|трое|четверо|пятеро|шестеро|семеро|восьмеро|девятеро|десятеро)"
    rf"(?:\s+[а-яё]+)?)(?![\w])",
    re.IGNORECASE,
)
_SUBSET_BEFORE = re.compile(
    r"(?:из\s+них|из\s+которых|в\s+том\s+числе|среди\s+них|of\s+(?:whom|them)|including|among\s+them)"
    r"[^.;:]{0,40}$",
    re.IGNORECASE,
)
_PEOPLE_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "prosecuted",
        re.compile(
            r"привлеч[её]н\w*\s+к\s+(?:уголовной\s+)?ответственности|к\s+(?:уголовной\s+)?ответственности\s+привлеч\w*|осужд[её]н\w*|осуждено|предъявлен\w*\s+обвинени\w*|"
            r"prosecut\w*|convicted|charged|sentenced|brought\s+to\s+(?:criminal\s+)?(?:justice|responsibility|liability)",
            re.IGNORECASE,
        ),
    ),
    (
        "arrests",
        re.compile(
            r"арестован\w*|арестова\w*|аресту|взят\w*\s+под\s+стражу|arrest\w*", re.IGNORECASE
        ),
    ),
    (
        "detained",
        re.compile(
            r"задержа\w*|detain\w*|apprehend\w*|caught|taken\s+into\s+custody", re.IGNORECASE
        ),
    ),
)
_LAB_NOUN = re.compile(
    r"(?:нарко)?лаборатор\w*|нарколаб\w*|подпольн\w*\s+(?:цех|производств)\w*|laborator(?:y|ies)|labs?(?![\w])",
    re.IGNORECASE,
)
_LAB_TRIGGER = re.compile(
    r"ликвидир\w*|выявлен\w*|выявил\w*|обнаруж\w*|пресечен\w*|раскрыт\w*|уничтожен\w*|demontir\w*|"
    r"dismantl\w*|uncover\w*|discover\w*|detect\w*|shut\s+down|raided|destroy\w*|seiz\w*|identified|"
    r"busted|eliminated|liquidated|found",
    re.IGNORECASE,
)
_SINGULAR = re.compile(r"^(?:a|an|one|одн\w*)\s+", re.IGNORECASE)


def _count(text: str, style: str) -> int | None:
    try:
        value = parse_number_expression(text, style=style)[0]  # type: ignore[arg-type]
    except ValueError:
        return None
    return int(value) if value == int(value) and 0 < value < 10_000_000 else None


def _style(view: SentenceView) -> str:
    return "ru" if view.language == "ru" else "en"


def _clause_has(
    regex: re.Pattern[str], text: str, start: int, end: int, before: int = 90, after: int = 60
) -> re.Match[str] | None:
    """A trigger near [start, end) without crossing a sentence-internal clause break."""
    window_start = max(0, start - before)
    left = text[window_start:start]
    cut = max(left.rfind(";"), left.rfind(". "))
    window_start = window_start + cut + 1 if cut >= 0 else window_start
    right = text[end : end + after]
    stop = min([i for i in (right.find(";"), right.find(". ")) if i >= 0] or [len(right)])
    candidates = list(regex.finditer(text, window_start, end + stop))
    if not candidates:
        return None
    return min(candidates, key=lambda m: min(abs(m.start() - end), abs(start - m.end())))


def group_facts(view: SentenceView) -> list[Fact]:
    text = view.text
    facts: list[Fact] = []
    pattern = re.compile(
        rf"(?<![\w]){_NUM}\s+(?P<phrase>(?:{_ADJ_RU}|{_ADJ_EN}){_GROUP_NOUN})(?![\w])"
        rf"|(?P<single>(?:a|an|one|одн\w*)\s+)?(?P<sphrase>(?:организованн\w*\s+|транснациональн\w*\s+)?"
        rf"преступн\w*\s+(?:групп[аыу]|группировк[аиу]|сообществ[оа])|ОПГ|"
        rf"(?:an?\s+|one\s+)(?:organi[sz]ed\s+|transnational\s+|international\s+)?(?:criminal|drug[- ]trafficking|"
        rf"drug)\s+(?:group|gang|network|ring|syndicate))(?![\w])",
        re.IGNORECASE,
    )
    for match in pattern.finditer(text):
        phrase = match.group("phrase") or match.group("sphrase") or ""
        if not _CRIMINAL.search(phrase) or view.is_used(match.start(), match.end()):
            continue
        trigger = _clause_has(_GROUP_TRIGGER, text, match.start(), match.end())
        if trigger is None:
            continue
        count = _count(match.group("num"), _style(view)) if match.group("num") else 1
        if count is None:
            continue
        members_match = _MEMBERS.match(text[match.end() :])
        members = None
        end = match.end()
        if members_match:
            members = _count(members_match.group("num"), _style(view))
            end = match.end() + members_match.end()
        start = min(match.start(), trigger.start())
        end = (
            max(end, trigger.end())
            if trigger.start() > match.end() and trigger.start() - end < 30
            else end
        )
        qualifier, qualifier_text = qualifier_before(text, match.start())
        fact = view.fact(
            "groups_dismantled",
            start,
            end,
            count=count,
            members=members,
            qualifier=qualifier,
            qualifier_text=qualifier_text,
            period=stated_period(_nearest_period(view, match.start())),
        )
        fact.aggregate = fact.period is not None and fact.period.kind in REPORTING_KINDS
        facts.append(view.locate(fact))
        view.used.append((match.start(), end))
    return facts


def people_facts(view: SentenceView) -> list[Fact]:
    text = view.text
    facts: list[Fact] = []
    for match in _PERSON_COUNT.finditer(text):
        if view.is_used(match.start(), match.end()):
            continue
        # "из них 12 женщин", "including 38 foreigners": a part of a count already made.
        if _SUBSET_BEFORE.search(text[max(0, match.start() - 50) : match.start()]):
            continue
        # "из 74 человек" after a group is its membership, counted with the group.
        if re.search(
            r"(?:состоявш\w*\s+из|в\s+составе|численностью|comprising|consisting\s+of)\s*$",
            text[: match.start()],
        ):
            continue
        found: tuple[int, str, re.Match[str]] | None = None
        for fact_type, trigger in _PEOPLE_TRIGGERS:
            hit = _clause_has(trigger, text, match.start(), match.end(), before=110, after=50)
            if hit is None:
                continue
            distance = min(abs(hit.start() - match.end()), abs(match.start() - hit.end()))
            if found is None or distance < found[0]:
                found = (distance, fact_type, hit)
        if found is None:
            continue
        number = match.group("num") or next(iter((match.group("collective") or "").split()), "")
        count = _count(number, _style(view))
        if count is None:
            continue
        _, fact_type, hit = found
        start, end = min(match.start(), hit.start()), max(match.end(), hit.end())
        qualifier, qualifier_text = qualifier_before(text, match.start())
        fact = view.fact(
            fact_type,
            start,
            end,
            count=count,
            qualifier=qualifier,
            qualifier_text=qualifier_text,
            period=stated_period(_nearest_period(view, match.start())),
        )
        fact.aggregate = fact.period is not None and fact.period.kind in REPORTING_KINDS
        facts.append(view.locate(fact))
        view.used.append((match.start(), match.end()))
    return facts


def lab_facts(view: SentenceView) -> list[Fact]:
    text = view.text
    facts: list[Fact] = []
    for noun in _LAB_NOUN.finditer(text):
        trigger = _clause_has(_LAB_TRIGGER, text, noun.start(), noun.end(), before=80, after=60)
        if trigger is None:
            continue
        before = text[max(0, noun.start() - 60) : noun.start()]
        number = re.search(rf"(?<![\w]){_NUM}\s+{_ADJ_RU}{_ADJ_EN}$", before, re.IGNORECASE)
        start = noun.start()
        if number and not re.fullmatch(r"(?:19|20)\d\d", number.group("num").strip()):
            count = _count(number.group("num"), _style(view))
            start = noun.start() - len(before) + number.start()
        elif (
            _SINGULAR.search(before[-40:])
            or re.fullmatch(
                r"(?:нарко)?лаборатори[яю]|laboratory|lab", noun.group(0), re.IGNORECASE
            )
            # "деятельность нарколаборатории, где производился ...": one laboratory
            or re.search(r"(?:деятельност\w*|работ[уы])\s+$", before)
            or re.match(r"\s*,?\s*(?:где|котор(?:ая|ой|ую))\s", text[noun.end() :])
        ):
            count = 1
        else:
            count = None
        substance = None
        for mention in view.substances:
            if noun.end() <= mention.start <= noun.end() + 60:
                substance = mention
                break
        end = substance.end if substance else noun.end()
        start = min(start, trigger.start())
        end = (
            max(end, trigger.end())
            if trigger.start() >= noun.end() and trigger.start() - end < 30
            else end
        )
        fact = view.fact(
            "lab_dismantled",
            start,
            end,
            count=count,
            substance=substance.text if substance else None,
            substance_resolved=view.resolve_substance(substance),
            period=stated_period(_nearest_period(view, noun.start())),
        )
        facts.append(view.locate(fact))
        break  # one laboratory fact per sentence: later nouns repeat the same labs
    return facts


def _nearest_period(view: SentenceView, position: int):  # type: ignore[no-untyped-def]
    if not view.periods:
        return view.inherited_period
    before = [p for p in view.periods if p.span[1] <= position]
    if before:
        return before[-1]
    return min(view.periods, key=lambda p: abs(p.span[0] - position))
