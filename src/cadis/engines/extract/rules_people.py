"""People detained, arrested or prosecuted for drug offences.

Counts are written as a number with a noun ("задержаны 5 граждан", "2,150 people were
prosecuted", "3 nafar shaxs qo'lga olindi"), a collective numeral ("задержали троих"), one
person without a number ("задержан 35-летний местный житель", "the driver was detained",
"Күдікті ұсталды") or several of these joined ("организатор и трое его сообщников" = 4,
"9 организаторов и 31 участник" = 40, "5 граждан Узбекистана и 2 гражданина Афганистана" =
7). Arrests for extremism or weapons in the same text are not drug arrests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cadis.engines.extract.analysis import REPORTING_KINDS, SentenceView, stated_period
from cadis.engines.extract.lexicon import NUMBER_WORD_PATTERN as REGIONAL_NUMBER
from cadis.engines.extract.lexicon import number_word_value, regional_pattern, words
from cadis.engines.extract.model import Fact
from cadis.engines.extract.rules_seizures import drug_context, qualifier_before
from cadis.engines.units import parse_number_expression
from cadis.engines.units.quantity import NUMBER_EXPRESSION_PATTERN

_ADJ_RU = r"(?:[а-я-]+(?:ых|их|ой|ей|ая|яя|ую|юю|ые|ие|ого|его|ым|им|ый|ий)\s+){0,3}"
_ADJ_EN = r"(?:(?!and\s|or\s|were\s|was\s)[A-Za-z-]+\s+){0,3}"
_PERSON_PLURAL = (
    r"(?:человек\w{0,2}|людей|чел\.|лиц\w{0,2}|граждан\w*|подозреваем\w*|участник\w*|член\w*|наркокурьер\w*|курьер\w*|"
    r"наркодилер\w*|сбытчик\w*|закладчик\w*|иностран\w*|фигурант\w*|злоумышленник\w*|преступник\w*|"
    r"наркоторговц\w*|организатор\w*|сообщник\w*|соучастник\w*|водител\w*|жител\w*|мужчин\w*|"
    r"женщин\w*|подростк\w*|несовершеннолетн\w*|студент\w*|пассажир\w*|контрабандист\w*|нарушител\w*|"
    r"people|persons?|individuals|suspects?|members|nationals|citizens|couriers|"
    r"dealers|traffickers|foreigners|men|women|offenders|residents|smugglers|drivers|organi[sz]ers|"
    r"accomplices|students|minors|помощник\w*|напарник\w*|подельник\w*|экспедитор\w*|владел\w*|"
    r"хозя\w*|арендатор\w*|покупател\w*|таксист\w*|моряк\w*|helpers|assistants|associates|partners|"
    r"owners|tenants|buyers|sailors|others|других|остальных)(?![\w])"
)
_NUM = rf"(?P<num>{NUMBER_EXPRESSION_PATTERN})"
_COLLECTIVE = (
    r"(?P<collective>двое|двоих|трое|троих|четверо|четверых|пятеро|пятерых|шестеро|шестерых|"
    r"семеро|семерых|восьмеро|восьмерых|девятеро|девятерых|десятеро|десятерых)"
    r"(?:\s+(?:его|ее|её|их)?\s*(?:[а-я]+))?"
)
# One person, no number: nominative or accusative singular.
_SINGLE_RU = (
    r"(?:[а-я0-9-]+(?:ый|ий|ой|ая|яя|ого|его|юю|ую)\s+){0,3}"
    r"(?:жител(?:ь|я)|жительниц[аыу]|граждан(?:ин|ина|ка|ку)|мужчин[аыу]|женщин[аыу]|водител(?:ь|я)|"
    r"подозреваем(?:ый|ого|ая|ую)|задержанн(?:ый|ого)|(?:нарко)?курьер(?:а)?|сбытчик(?:а)?|закладчик(?:а)?|"
    r"наркодилер(?:а)?|иностран(?:ец|ца|ка|ку)|пассажир(?:а|ка|ку)?|студент(?:а|ка|ку)?|уроженец|уроженц[аы]|"
    r"злоумышленник(?:а)?|организатор(?:а)?|фигурант(?:а|ка|ку)?|безработн(?:ый|ого)|подрост(?:ок|ка)|"
    r"юнош[аиу]|девушк[аиу]|пенсионер(?:а|ка|ку)?|молод(?:ой|ого)\s+человек(?:а)?|парн?(?:ень|я)|"
    r"сообщник(?:а)?|соучастник(?:а)?|наркоторговц[аы]|наркоторговец|контрабандист(?:а)?|"
    r"нарушител(?:ь|я)|продав(?:ец|ца)|ранее\s+судим(?:ый|ого)|помощник(?:а)?|напарник(?:а)?|"
    r"подельник(?:а)?|экспедитор(?:а)?|владел(?:ец|ьца|ица|ицу)|хозя(?:ин|ина|йка|йку)|арендатор(?:а)?|"
    r"сожительниц[аыу]|сожител(?:ь|я)|знаком(?:ый|ого|ая|ую)|жен[аыу]|муж(?:а)?|брат(?:а)?|сын(?:а)?|"
    r"покупател(?:ь|я)|таксист(?:а)?|моряк(?:а)?|член\s+экипажа)(?![\w])"
)
_SINGLE_EN = (
    r"(?:(?:a|an|the|one|another|his|her|their)\s+)(?:(?!and\s|or\s|of\s|with\s)[\w'-]+\s+){0,3}?"
    r"(?:man|woman|resident|national|citizen|driver|suspect|courier|passenger|foreigner|dealer|"
    r"student|trafficker|teenager|individual|person|smuggler|organi[sz]er|pensioner|youth|native|"
    r"accomplice|seller|mastermind|ringleader|leader|carrier|girlfriend|boyfriend|wife|husband|"
    r"brother|son|owner|tenant|landlord|helper|assistant|associate|partner|buyer|sailor|crew\s+member|"
    r"forwarder|companion)(?![\w'])"
    r"|(?<![\w])(?:he|she)(?=\s+(?:was|has\s+been|had\s+been)\s)"
)
# Several counted mentions joined: "водитель, 1979 года рождения, и его сообщник".
_JOIN = re.compile(
    r"^\s*(?:(?!задерж|арест|привлеч|осужд|изъя|detain|arrest|prosecut|charged|seiz|were\s|was\s)"
    r"[\w-]+\s*){0,3}?(?:,[^,;()]{0,45},\s*|\([^()]{0,45}\)\s*)?,?\s*"
    r"[-–—]?\s*(?:и|а\s+также|and|as\s+well\s+as|along\s+with|va|ва|және|jane|жана|hamda|ҳамда|bilan|билан|"
    r"ve|we|ӯ)\s+(?:(?:его|ее|её|их|his|her|their|оның|onyn|uning|унинг|анын|вай)\s+)?"
    r"(?:(?!задерж|арест|detain|arrest|were\s|was\s)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_SUBSET_BEFORE = re.compile(
    r"(?:(?:один|одн\w+|двое|one|two)\s+(?:из|of)\s+(?:них|задержанн\w+|подозреваем\w+|them|the\s+\w+)[^.;:]{0,5}|"
    r"из\s+них|из\s+которых|в\s+том\s+числе|среди\s+них|of\s+(?:whom|them)|including|among\s+them|"
    r"shundan|шундан|оның\s+ішінде|анын\s+ичинде)[^.;:]{0,40}$",
    re.IGNORECASE,
)
_MEMBERSHIP_BEFORE = re.compile(
    r"(?:состоявш\w*\s+из|состоящ\w*\s+из|в\s+составе|численностью|comprising|consisting\s+of|made\s+up\s+of|"
    r"из)\s*$",
    re.IGNORECASE,
)
_NOT_DRUGS = re.compile(
    r"экстремист\w*|террор\w*|оружи\w*|оружей|пистолет\w*|боеприпас\w*|патрон\w*|мошеннич\w*|краж\w*|"
    r"грабеж\w*|разбо\w*|убийств\w*|взятк\w*|коррупц\w*|extremis\w*|terror\w*|weapons?|firearms?|guns?|"
    r"ammunition|fraud\w*|theft|robbery|murder\w*|brib\w*|corruption|экстремизм\w*|ekstremist\w*|qurol\w*",
    re.IGNORECASE,
)
_ALL_MEMBERS = re.compile(
    r"(?:все|all(?:\s+the)?|barcha|ҳамма|барлық|бардык)?\s*(?:участник\w*|член\w*|members|a'zolari|"
    r"аъзолари|мүшелері|мүчөлөрү|аъзоёни)",
    re.IGNORECASE,
)

_TRIGGERS: tuple[tuple[str, str, str], ...] = (
    (
        "prosecuted",
        "prosecute",
        r"привлеч[её]н\w*\s+к\s+(?:уголовной\s+)?ответственности|к\s+(?:уголовной\s+)?ответственности\s+"
        r"привлеч\w*|осужд[её]н\w*|осуждено|предъявлен\w*\s+обвинени\w*|вын[её]с\w*\s+приговор|"
        r"приговорил\w*|приговор[её]н\w*|"
        r"prosecut\w*|convicted|charged|sentenced|brought\s+to\s+(?:criminal\s+)?(?:justice|responsibility|liability)",
    ),
    ("arrests", "arrest", r"арестован\w*|арестова\w*|аресту|взят\w*\s+под\s+стражу|arrest\w*"),
    (
        "detained",
        "detain",
        r"задерж(?:ан|ал|ива|ат)\w*|detain\w*|apprehend\w*|caught|taken\s+into\s+custody|"
        r"handed\s+over\s+to\s+(?:the\s+)?(?:police|investigat\w+)",
    ),
)


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    count: int | None  # None: "all the members", resolved from the group
    single: bool


def _person_plural(language: str) -> re.Pattern[str]:
    return regional_pattern("person", _PERSON_PLURAL, language)


def _count(text: str, style: str) -> int | None:
    value = number_word_value(text.strip())
    if value is not None:
        return value
    try:
        parsed = parse_number_expression(text, style=style)[0]  # type: ignore[arg-type]
    except ValueError:
        return None
    return int(parsed) if parsed == int(parsed) and 0 < parsed < 10_000_000 else None


def _mention_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    plural = _PERSON_PLURAL
    regional = language not in ("ru", "en")
    number = (
        f"(?:{NUMBER_EXPRESSION_PATTERN}|{REGIONAL_NUMBER})"
        if regional
        else NUMBER_EXPRESSION_PATTERN
    )
    counter = words("person_counter") if regional else ""
    person = f"(?:{plural}|{words('person')})" if regional else plural
    counted = (
        rf"(?<![\w.,])(?P<num>{number})\s+(?:(?:{counter})\s+)?(?:{_ADJ_RU}|{_ADJ_EN}){person}"
        + (rf"|(?<![\w.,])(?P<num2>{number})\s+(?:{counter})(?![\w])" if regional else "")
        + rf"|(?<![\w]){_COLLECTIVE}(?![\w])"
    )
    single = rf"(?<![\w])(?:{_SINGLE_RU}|{_SINGLE_EN})"
    if regional:
        # Without a number, a person noun without a plural ending is one person.
        single += rf"|(?<![\w'])(?:{words('person')})"
    return (
        re.compile(counted, re.IGNORECASE),
        re.compile(single, re.IGNORECASE),
    )


# "Один из задержанных", "у задержанного", "one of the detainees": people already counted.
_REFERENCE_TO_DETAINED = re.compile(
    r"(?:(?:один|одн\w+|двое|каждого|каждый|one|each|two)\s+(?:из|of)\s+(?:the\s+)?|(?<![\w])(?:у|при|от|of)\s+)$",
    re.IGNORECASE,
)
# "border guards killed one smuggler and detained another": the dead are not detained.
_KILLED_BEFORE = re.compile(
    r"(?:killed|shot\s+dead|shot|убил\w*|убит\w*|застрел\w*|уничтожил\w*|погиб\w*)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_AGE_AFTER_NUMBER = re.compile(
    r"\d+\s*-?\s*(?:жастағы|жастагы|jastagy|jastaghy|жаштагы|yoshli|yoshdagi|yashar|ёшли|ёшдаги|яшар|"
    r"сола|solah|yasly|years?\s+old|year-old|летн\w*|лет)(?![\w])",
    re.IGNORECASE,
)
# Turkic plurals take case endings after them ("шектүүлөр", "a'zolari"); Tajik ones end
# the word ("шаҳрвандон", "гумонбарҳо"), so "гумонбар" is one suspect.
_PLURAL_ENDING = re.compile(
    r"(?:лар|лер|дар|дер|тар|тер|лор|лөр|дор|төр|lar|ler)\w{0,4}$|(?:он|ҳо|ён)$", re.IGNORECASE
)


def _mentions(view: SentenceView) -> list[PersonMention]:
    text = view.text
    style = "en" if view.language == "en" else "ru"
    counted_re, single_re = _mention_patterns(view.language)
    found: list[PersonMention] = []
    for match in counted_re.finditer(text):
        if _AGE_AFTER_NUMBER.match(text[match.start() :]):
            continue  # "24 jastağy tūrğyn": an age, one person
        number = match.group("num") or (match.groupdict().get("num2") or "")
        if not number:
            number = (
                (match.group("collective") or "").split()[0] if match.group("collective") else ""
            )
        if re.fullmatch(r"(?:19|20)\d\d", number.strip()):
            continue
        count = _count(number, style)
        if count is None:
            continue
        found.append(PersonMention(match.start(), match.end(), count, False))
    for match in single_re.finditer(text):
        if any(
            m.start <= match.start() < m.end or match.start() <= m.start < match.end()
            for m in found
        ):
            continue
        if view.language not in ("ru", "en") and _PLURAL_ENDING.search(match.group(0)):
            continue
        found.append(PersonMention(match.start(), match.end(), 1, True))
    for match in _ALL_MEMBERS.finditer(text):
        if view.context.group_members and not any(m.start <= match.start() < m.end for m in found):
            found.append(PersonMention(match.start(), match.end(), None, False))
    found.sort(key=lambda m: m.start)
    return [
        m
        for m in found
        if not _SUBSET_BEFORE.search(text[max(0, m.start - 50) : m.start])
        and not _KILLED_BEFORE.search(text[max(0, m.start - 40) : m.start])
        and not _MEMBERSHIP_BEFORE.search(text[max(0, m.start - 30) : m.start])
        and not view.is_used(m.start, m.end)
    ]


# "Водитель, гражданин 1987 года рождения, задержан": two names for one person.
_APPOSITION = re.compile(r"^\s*(?:[\w-]+\s*){0,2}?(?:,|[-–—]|\()[^;:.]{0,50}$", re.IGNORECASE)
_VERB_OR_CONJUNCTION = re.compile(
    r"(?<![\w])(?:и|and|va|ва|және|жана|ve|we|задерж\w*|арест\w*|detain\w*|arrest\w*|were|was)(?![\w])",
    re.IGNORECASE,
)


def _chains(text: str, mentions: list[PersonMention]) -> list[list[PersonMention]]:
    chains: list[list[PersonMention]] = []
    for mention in mentions:
        gap = text[chains[-1][-1].end : mention.start] if chains else ""
        if chains and _JOIN.match(gap):
            chains[-1].append(mention)
        elif (
            chains
            and chains[-1][-1].single
            and mention.single
            and _APPOSITION.match(gap)
            and not _VERB_OR_CONJUNCTION.search(gap)
        ):
            # The same person named twice: the span grows, the count does not.
            chains[-1].append(PersonMention(mention.start, mention.end, 0, True))
        else:
            chains.append([mention])
    return chains


def _nearest_trigger(view: SentenceView, start: int, end: int) -> tuple[str, re.Match[str]] | None:
    text = view.text
    best: tuple[int, str, re.Match[str]] | None = None
    for fact_type, category, pattern in _TRIGGERS:
        regex = regional_pattern(category, pattern, view.language)
        window_start = max(0, start - 110)
        left = text[window_start:start]
        cut = max(left.rfind(";"), left.rfind(". "))
        window_start = window_start + cut + 1 if cut >= 0 else window_start
        right = text[end : end + 70]
        stop = min([i for i in (right.find(";"), right.find(". ")) if i >= 0] or [len(right)])
        for hit in regex.finditer(text, window_start, end + stop):
            if start <= hit.start() < end or _REFERENCE_TO_DETAINED.search(text[: hit.start()]):
                continue
            distance = min(abs(hit.start() - end), abs(start - hit.end()))
            if best is None or distance < best[0]:
                best = (distance, fact_type, hit)
    return (best[1], best[2]) if best else None


def _about_other_crimes(view: SentenceView, start: int, end: int) -> bool:
    """A clause about weapons or extremism that names no drug."""
    text = view.text
    left = max(text.rfind(mark, 0, start) for mark in ",;:(") + 1
    rights = [i for i in (text.find(mark, end) for mark in ";:)") if i >= 0]
    clause = text[left : min(rights) if rights else len(text)]
    if not _NOT_DRUGS.search(text):
        return False
    if drug_context(view.language).search(clause) or any(
        left <= m.start < (min(rights) if rights else len(text)) for m in view.substances
    ):
        return False
    return bool(_NOT_DRUGS.search(clause)) or not view.context.drug_named


def people_facts(view: SentenceView) -> list[Fact]:
    """Facts of people detained, arrested or prosecuted in one sentence."""
    text = view.text
    if not any(
        view.has(category, regional_pattern(category, pattern, view.language))
        for _type, category, pattern in _TRIGGERS
    ):
        return []
    facts: list[Fact] = []
    for chain in _chains(text, _mentions(view)):
        start, end = chain[0].start, chain[-1].end
        found = _nearest_trigger(view, start, end)
        if found is None:
            continue
        fact_type, hit = found
        if _about_other_crimes(view, min(start, hit.start()), max(end, hit.end())):
            continue
        counts = [m.count if m.count is not None else view.context.group_members for m in chain]
        if any(c is None for c in counts):
            continue
        count = sum(c for c in counts if c is not None)
        reasons = []
        if all(m.single for m in chain):
            reasons.append("single_person")
        if len(chain) > 1:
            reasons.append("counted_together")
        if any(m.count is None for m in chain):
            reasons.append("members_of_group")
        span_start, span_end = min(start, hit.start()), max(end, hit.end())
        if abs(hit.start() - end) > 40 and abs(start - hit.end()) > 40:
            span_start, span_end = start, end
        qualifier, qualifier_text = qualifier_before(text, start)
        period = _nearest_period(view, start)
        fact = view.fact(
            fact_type,
            span_start,
            span_end,
            count=count,
            qualifier=qualifier,
            qualifier_text=qualifier_text,
            period=stated_period(period),
        )
        fact.aggregate = fact.period is not None and fact.period.kind in REPORTING_KINDS
        fact.reasons = reasons
        facts.append(view.locate(fact))
        view.used.append((start, end))
    return facts


def _nearest_period(view: SentenceView, position: int):  # type: ignore[no-untyped-def]
    if not view.periods:
        return view.inherited_period
    before = [p for p in view.periods if p.span[1] <= position]
    if before:
        return before[-1]
    # "6 участникам группы, которые в 2021–2023 годах сбывали ...": the relative clause
    # dates what they did, not when they were detained or sentenced.
    after = [
        p for p in view.periods if not _RELATIVE_CLAUSE.search(view.text[position : p.span[0]])
    ]
    if not after:
        return view.inherited_period
    return min(after, key=lambda p: abs(p.span[0] - position))


_RELATIVE_CLAUSE = re.compile(
    r"(?<![\w])(?:котор\w+|who|which|that|где|when|когда|since|с\s+тех\s+пор)(?![\w])",
    re.IGNORECASE,
)
