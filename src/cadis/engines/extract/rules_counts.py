"""Counted outcomes: dismantled groups (with members), arrests, detentions, prosecutions,
dismantled laboratories.

"в 2024 было ликвидировано 16 преступных группировок состоявших из 74 человек" ->
groups_dismantled(count 16, members 74, period "в 2024").
"""

from __future__ import annotations

import re
from functools import lru_cache

from cadis.engines.extract.analysis import REPORTING_KINDS, SentenceView, stated_period
from cadis.engines.extract.language import REGIONAL
from cadis.engines.extract.lexicon import NUMBER_WORD_PATTERN as REGIONAL_NUMBER
from cadis.engines.extract.lexicon import number_word_value, regional_pattern, words
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
    r"преступн|нарко|ОП[ГС]|криминал|группировк|межрегиональн|транснациональн|criminal|drug|traffick|"
    r"gang|cartel|syndicate|organi[sz]ed",
    re.IGNORECASE,
)
_GROUP_TRIGGER = re.compile(
    r"ликвидир\w*|ликвидаци\w*|пресечен\w*|пресек\w*|обезвре\w*|нейтрализ\w*|раскрыт\w*|разоблач\w*|"
    r"задокумент\w*|выявлен\w*|разгромл\w*|разгром|прекращен\w*|dismantl\w*|disrupt\w*|neutrali[sz]\w*|"
    r"broke(?:n)?\s+up|bust(?:ed|s)?|uncovered|eliminated|liquidat\w*|smashed|taken\s+down|took\s+down|"
    r"put\s+an\s+end|crack(?:ed)?\s+down|exposed",
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
_LAB_NOUN = re.compile(
    r"(?:нарко)?лаборатори\w*|нарколаб\w*|подпольн\w*\s+(?:цех|производств)\w*|"
    r"(?:нелегальн|кустарн|нарко)\w*\s+(?:цех|производств)\w*|laborator(?:y|ies)|(?<![\w])labs?(?![\w])",
    re.IGNORECASE,
)
# "laboratory equipment", "a laboratory examination", "the forensic laboratory": not a lab
# that made drugs.
_NOT_A_LAB_AFTER = re.compile(
    r"^\s+(?:equipment|glassware|examination|tests?|testing|analys[ie]s|expert\w*|results?|study|"
    r"studies|research|findings|report|confirmed|established|showed|оборудовани\w*|посуд\w*|исследовани\w*|"
    r"анализ\w*|экспертиз\w*|МВД|Минздрава|ДПН)",
    re.IGNORECASE,
)
_NOT_A_LAB_BEFORE = re.compile(
    r"(?:forensic|criminalistic|expert|central|chemical|судебн\w*|экспертн\w*|криминалистическ\w*|"
    r"химическ\w*|центральн\w*|таможенн\w*|customs)\s+$",
    re.IGNORECASE,
)
_LAB_TRIGGER = re.compile(
    r"ликвидир\w*|выявлен\w*|выявил\w*|обнаруж\w*|пресечен\w*|пресек\w*|раскрыт\w*|уничтожен\w*|demontir\w*|"
    r"dismantl\w*|uncover\w*|discover\w*|detect\w*|shut\s+down|raided|destroy\w*|seiz\w*|identified|"
    r"busted|eliminated|liquidated|found",
    re.IGNORECASE,
)
_SINGULAR = re.compile(r"^(?:a|an|one|одн\w*)\s+", re.IGNORECASE)


def _count(text: str, style: str) -> int | None:
    regional = number_word_value(text.strip())
    if regional is not None:
        return regional
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


_GROUP_HINT = (
    r"(?<![\w])(?:(?:нарко)?групп|ОП[ГСТ]|сообществ|(?:нарко)?синдикат|(?:нарко)?сет[ьи](?![\w])|ячейк|"
    r"формировани|groups?(?![\w])|gangs?(?![\w])|networks?(?![\w])|rings?(?![\w])|syndicates?(?![\w])|"
    r"cartels?(?![\w])|cells?(?![\w])|organi[sz]ations?(?![\w])|community(?![\w]))"
)


def _group_hint(language: str) -> re.Pattern[str]:
    """A cheap test that a sentence may name a group before the full pattern runs."""
    return regional_pattern("group", _GROUP_HINT, language)


def _group_pattern(language: str) -> re.Pattern[str]:
    return _group_regex(language in REGIONAL)


@lru_cache(maxsize=2)
def _group_regex(regional: bool) -> re.Pattern[str]:
    noun = _GROUP_NOUN
    number = NUMBER_EXPRESSION_PATTERN
    extra = ""
    if regional:
        noun = rf"(?:{_GROUP_NOUN}|{words('group')})"
        number = rf"(?:{NUMBER_EXPRESSION_PATTERN}|{REGIONAL_NUMBER})"
        # "14 ұйымдасқан қылмыстық топ", "56 ta jinoiy guruh", "жиноий гуруҳ"
        extra = (
            rf"|(?<![\w])(?:(?P<rnum>{number})\s+(?:ta\s+|та\s+)?)?(?P<rphrase>(?:(?:{words('criminal')})\s+)+"
            rf"(?:\w+\s+)?(?:{words('group')}))(?![\w])"
        )
    return re.compile(
        rf"(?<![\w])(?P<num>{number})\s+(?P<phrase>(?:{_ADJ_RU}|{_ADJ_EN}){noun})(?![\w])"
        rf"|(?P<single>(?:a|an|one|одн\w*)\s+)?(?P<sphrase>"
        # "в ходе ликвидации межрегиональной группировки": one group named by a noun.
        rf"(?:(?:организованн|транснациональн|международн|межрегиональн|региональн|межгосударственн|"
        rf"этническ|наркотическ|наркоторгов|преступн|устойчив|вооруженн)\w*\s+){{1,3}}"
        rf"(?:групп[аыуеой]|группировк[аиуеой]\w*|сообществ[оаеуом]|сет[ьи]|ячейк[аиу])|"
        rf"наркогруппировк[аиуеой]\w*|наркосиндикат\w*|наркосет[ьи]|ОПГ|ОПС|ОПТГ|"
        rf"(?:an?\s+|one\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?:organi[sz]ed\s+|transnational\s+|international\s+|"
        rf"interregional\s+|inter-regional\s+|regional\s+|synthetic\s+)?(?:criminal|drug[- ]trafficking|"
        rf"drug|narcotics?|smuggling|trafficking)\s+(?:group|gang|network|ring|syndicate|cell|cartel|"
        rf"organi[sz]ation|community))(?![\w]){extra}",
        re.IGNORECASE,
    )


# "6 нафар аъзодан иборат жиноий гуруҳ": the members counted before the group noun.
_MEMBERS_BEFORE = re.compile(
    rf"(?P<num>{NUMBER_EXPRESSION_PATTERN}|{REGIONAL_NUMBER})\s+(?:нафар|nafar|адам|kishi|киши)?\s*"
    r"[\w']+\s+(?:иборат|iborat|тұратын|turatyn|турган|иборат\s+бўлган)\s+[^.;]{0,40}$",
    re.IGNORECASE,
)


def group_facts(view: SentenceView) -> list[Fact]:
    """Groups dismantled: counted ("ликвидировано 12 ОПГ") or one named by a noun."""
    text = view.text
    if not _group_hint(view.language).search(text):
        return []
    facts: list[Fact] = []
    criminal = regional_pattern("criminal", _CRIMINAL.pattern, view.language)
    trigger_re = regional_pattern("dismantle", _GROUP_TRIGGER.pattern, view.language)
    for match in _group_pattern(view.language).finditer(text):
        phrase = (
            match.group("phrase")
            or match.group("sphrase")
            or match.groupdict().get("rphrase")
            or ""
        )
        # "57 гурӯҳи ҷиноятӣ": the adjective may follow the noun (Tajik, Persian order).
        if not (
            criminal.search(phrase)
            or (
                match.group("num") and criminal.match(text[match.end() : match.end() + 30].lstrip())
            )
        ) or view.is_used(match.start(), match.end()):
            continue
        trigger = _clause_has(trigger_re, text, match.start(), match.end(), before=110, after=80)
        if trigger is None:
            continue
        number = match.group("num") or match.groupdict().get("rnum")
        count = _count(number, _style(view)) if number else 1
        if count is None or (number and re.fullmatch(r"(?:19|20)\d\d", number.strip())):
            continue
        members_match = _MEMBERS.match(text[match.end() :])
        members = None
        end = match.end()
        if members_match:
            members = _count(members_match.group("num"), _style(view))
            end = match.end() + members_match.end()
        else:
            before = _MEMBERS_BEFORE.search(text[max(0, match.start() - 80) : match.start()])
            if before:
                members = _count(before.group("num"), _style(view))
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
        if not number:
            fact.reasons.append("group_named_by_noun")
        if members:
            view.context.group_members = members
        facts.append(view.locate(fact))
        view.used.append((match.start(), end))
    return facts


def lab_facts(view: SentenceView) -> list[Fact]:
    """Laboratories dismantled; one fact per sentence (later nouns repeat the same labs)."""
    text = view.text
    noun_re = regional_pattern("lab", _LAB_NOUN.pattern, view.language)
    trigger_re = regional_pattern(
        "dismantle",
        _LAB_TRIGGER.pattern,
        view.language,
    )
    found_re = regional_pattern("find", "", view.language) if view.language in REGIONAL else None
    number_pattern = (
        rf"(?:{NUMBER_EXPRESSION_PATTERN}|{REGIONAL_NUMBER})"
        if view.language in REGIONAL
        else NUMBER_EXPRESSION_PATTERN
    )
    for noun in noun_re.finditer(text):
        if _NOT_A_LAB_AFTER.match(text[noun.end() :]) or _NOT_A_LAB_BEFORE.search(
            text[max(0, noun.start() - 30) : noun.start()]
        ):
            continue
        trigger = _clause_has(trigger_re, text, noun.start(), noun.end(), before=80, after=60)
        if trigger is None and found_re is not None:
            trigger = _clause_has(found_re, text, noun.start(), noun.end(), before=80, after=60)
        if trigger is None:
            continue
        before = text[max(0, noun.start() - 60) : noun.start()]
        between = r"(?:[\w']+\s+){0,2}" if view.language in REGIONAL else rf"{_ADJ_RU}{_ADJ_EN}"
        number = re.search(
            rf"(?<![\w])(?P<num>{number_pattern})\s+(?:ta\s+|та\s+)?{between}$",
            before,
            re.IGNORECASE,
        )
        start = noun.start()
        if number and not re.fullmatch(r"(?:19|20)\d\d", number.group("num").strip()):
            count = _count(number.group("num"), _style(view))
            start = noun.start() - len(before) + number.start()
        elif (
            _SINGULAR.search(before[-40:])
            or re.fullmatch(
                r"(?:нарко)?лаборатори[яюи]|laboratory|lab|зертхана\w*|zerthana\w*|(?:narko)?laboratoriya\w*|"
                r"озмоишгоҳ\w*|подпольн\w*\s+(?:цех|производств)\w*|(?:нелегальн|кустарн|нарко)\w*\s+"
                r"(?:цех|производств)\w*",
                noun.group(0),
                re.IGNORECASE,
            )
            # "деятельность нарколаборатории, где производился ...": one laboratory
            or re.search(r"(?:деятельност\w*|работ[ауы])\s+$", before)
            or re.match(r"\s*,?\s*(?:где|котор(?:ая|ой|ую))\s", text[noun.end() :])
        ):
            count = 1
        elif view.language in REGIONAL and not re.search(
            r"(?:лар|лер|дар|дер|тар|тер|lar|ler|ҳо)\w{0,4}$", noun.group(0), re.IGNORECASE
        ):
            count = 1  # a noun without a plural ending: one laboratory
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
        facts = [view.locate(fact)]
        return facts
    return []


def _nearest_period(view: SentenceView, position: int):  # type: ignore[no-untyped-def]
    if not view.periods:
        return view.inherited_period
    before = [p for p in view.periods if p.span[1] <= position]
    if before:
        return before[-1]
    return min(view.periods, key=lambda p: abs(p.span[0] - position))
