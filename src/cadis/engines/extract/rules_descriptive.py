"""Descriptive facts: concealment methods, routes, trends and NPS mentions."""

from __future__ import annotations

import re

from cadis.engines.extract.analysis import SentenceView, stated_period
from cadis.engines.extract.model import Fact
from cadis.engines.extract.rules_seizures import SEIZURE_TRIGGER

# (method label, pattern) — the label is stable English for the review UI and statistics.
CONCEALMENT_METHODS: tuple[tuple[str, str], ...] = (
    (
        "vacuum packaging",
        r"вакуумн\w*\s+(?:\w+\s+){0,2}(?:упаков\w*|аппарат\w*|пакет\w*)|vacuum[- ](?:pack\w*|seal\w*|machines?|bags?|devices?|equipment)",
    ),
    (
        "hidden compartment",
        r"(?:специально\s+оборудованн\w*\s+)?тайник\w*|потайн\w*\s+\w+|(?:hidden|secret|concealed|purpose-built)\s+compartments?|(?:false|double)\s+(?:bottoms?|walls?|floors?)|двойн\w*\s+(?:дн\w*|стенк\w*|пол\w*)",
    ),
    (
        "vehicle parts",
        r"(?:бензобак\w*|топливн\w*\s+бак\w*|запасн\w*\s+колес\w*|бампер\w*|шин\w*\s+автомобил\w*)|(?:fuel\s+tanks?|(?:spare|car)\s+(?:tyres?|tires?|wheels?)|tyres|bumpers?|door\s+panels?|gas\s+tanks?)",
    ),
    (
        "inside the body",
        r"внутриполостн\w*|в\s+(?:желудке|кишечнике|организме)|проглоч\w*|проглот\w*|swallow\w*|body\s+cavit\w*|internally",
    ),
    (
        "among legal cargo",
        r"среди\s+(?:груз\w*|овощ\w*|фрукт\w*|товар\w*|продукт\w*)|под\s+видом\s+\w+|замаскирован\w*\s+под\s+\w+|disguised\s+as\s+\w+|(?:hidden|concealed|mixed)\s+(?:among|with(?:in)?)\s+(?:a\s+)?(?:shipment|consignment|cargo|load)\s+of\s+\w+|(?:among|in)\s+a\s+(?:shipment|consignment)\s+of\s+\w+|(?:under|beneath)\s+a\s+(?:load|cargo)\s+of\s+\w+"
        r"|(?:inside|in|among)\s+(?:packages|boxes|cartons|crates|sacks|bags|containers)\s+of\s+\w+"
        r"|в\s+(?:коробк|упаковк|ящик|мешк|контейнер)\w*\s+(?:с|из-под)\s+\w+"
        r"|среди\s+(?:мешк|ящик|коробк|тюк|упаковок|партии)\w*\s+(?:с|из-под)?\s*\w+",
    ),
    (
        "postal items",
        r"почтов\w*\s+(?:отправлени|посылк)\w*|посылк\w*|postal\s+(?:parcels?|items?|shipments?)|parcels?",
    ),
    (
        "hidden",
        r"(?:спрятан\w*|сокрыт\w*|замаскирован\w*|скрыт\w*)\s+(?:в|внутри|под|среди)\s+(?:\w+\s+){0,3}\w+|(?:concealed|hidden|stashed|packed)\s+(?:in|into|inside|under|within)\s+(?:\w+\s+){0,3}\w+",
    ),
)
_CONCEALMENT_RES = [
    (label, re.compile(rf"(?<![\w])(?:{p})", re.IGNORECASE)) for label, p in CONCEALMENT_METHODS
]
DETECTION_DEFEATED: tuple[tuple[str, str], ...] = (
    (
        "sniffer dogs",
        r"соба\w*[- ]ищейк\w*|служебн\w*\s+соба\w*|кинолог\w*|собак\w*|(?:sniffer|detection|service)\s+dogs?|canines?|K-9",
    ),
    (
        "x-ray scanners",
        r"рентген\w*|сканер\w*|досмотров\w*\s+(?:комплекс|техник)\w*|x-ray\w*|scanners?",
    ),
)
_DEFEAT_HINT = re.compile(
    r"не\s+(?:мо\w+|смог\w*|удает\w*|способн\w*)\s+(?:\w+\s+)?(?:распозна|обнаруж|выяв|учуя|почуя)\w*|невозможн\w*\s+(?:\w+\s+)?обнаруж\w*|"
    r"избежа\w*\s+обнаружени\w*|cannot\s+(?:be\s+)?(?:detect|sniff|smell|pick)\w*|can(?:no|')t\s+\w+|undetect\w*|"
    r"(?:evade|avoid|escape|defeat|fool|mislead)\w*\s+(?:\w+\s+){0,2}(?:detection|dogs|scanners)|unable\s+to\s+(?:detect|smell)",
    re.IGNORECASE,
)


def concealment_facts(view: SentenceView) -> list[Fact]:
    text = view.text
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for label, regex in _CONCEALMENT_RES:
        for match in regex.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            if label == "postal items" and not (view.substances or SEIZURE_TRIGGER.search(text)):
                continue
            defeats = None
            end = match.end()
            if _DEFEAT_HINT.search(text):
                defeats = "detection"
                for defeated, pattern in DETECTION_DEFEATED:
                    hit = re.search(pattern, text, re.IGNORECASE)
                    if hit:
                        defeats = defeated
                        end = max(end, hit.end())
                        break
            fact = view.fact("concealment", match.start(), end, method=label, defeats=defeats)
            fact.substance = view.substances[0].text if view.substances else None
            fact.substance_resolved = (
                view.resolve_substance(view.substances[0]) if view.substances else None
            )
            facts.append(view.locate(fact))
            taken.append((match.start(), match.end()))
    # "тайник в топливном баке": one cache, told by where it is.
    vehicle = [f for f in facts if f.method == "vehicle parts"]
    return [
        f
        for f in facts
        if not (
            f.method == "hidden compartment"
            and any(
                0 <= v.span[0] - f.span[1] <= 25 or 0 <= f.span[0] - v.span[1] <= 25
                for v in vehicle
            )
        )
    ]


_TRAFFIC_CONTEXT = re.compile(
    r"контрабанд\w*|канал\w*|маршрут\w*|транзит\w*|поставк\w*|ввез\w*|ввоз\w*|вывез\w*|перевоз\w*|переправ\w*|"
    r"доставк\w*|направлял\w*|следова\w*|направля\w*|партия|груз\w*|наркотрафик\w*|путь|"
    r"smuggl\w*|traffick\w*|route\w*|transit\w*|shipment\w*|consignment\w*|bound\s+for|destined\s+for|"
    r"en\s+route|transport\w*|originat\w*|flow\w*|corridor\w*|delivered|carried|arriv\w*|"
    r"прибыв\w*|поступ\w*",
    re.IGNORECASE,
)
# "delegations from Kazakhstan", "эксперты из Узбекистана": where people come from.
_PEOPLE_FROM = re.compile(
    r"(?:participants?|delegat\w*|representatives?|experts?|officers?|officials?|specialists?|guests?|"
    r"участник\w*|делегаци\w*|представител\w*|эксперт\w*|специалист\w*|гост\w*|сотрудник\w*|коллег\w*)"
    r"\s+(?:\w+\s+)?(?:from|из)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_ORIGIN_BEFORE = re.compile(
    r"(?:из|от|from|originat\w*\s+(?:in|from)|produced\s+in|made\s+in)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_TRANSIT_BEFORE = re.compile(
    r"(?:через|транзит\w*(?:\s+через)?|via|through|transit(?:ing|ed)?\s+(?:through|via)?)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_DESTINATION_BEFORE = re.compile(
    r"(?:в(?:о)?|на|в\s+сторону|в\s+направлении|to|into|for|towards?|bound\s+for|destined\s+for|en\s+route\s+to|"
    r"destination\s+(?:was\s+)?)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def route_facts(view: SentenceView) -> list[Fact]:
    text = view.text
    if not _TRAFFIC_CONTEXT.search(text) or len(view.places) < 1:
        return []
    origin: list[str] = []
    transit: list[str] = []
    destination: list[str] = []
    span: list[int] = []
    bucket: list[str] | None = None
    previous_end = -1
    adjective_origins = 0
    for place in view.places:
        before = text[max(0, place.start - 30) : place.start]
        code = place.country
        if place.kind == "country" and any(s.start - place.end in (0, 1) for s in view.substances):
            # "Afghan opiates", "афганского героина": the adjective names the source.
            bucket = origin
            adjective_origins += 1
        elif bucket is not None and re.fullmatch(
            r"\s*(?:,|и|and|or|или)\s*", text[previous_end : place.start]
        ):
            pass  # "из Афганистана и Пакистана": the list continues the same role
        elif _ORIGIN_BEFORE.search(before) and not _PEOPLE_FROM.search(before):
            bucket = origin
        elif _TRANSIT_BEFORE.search(before):
            bucket = transit
        elif _DESTINATION_BEFORE.search(before) and (
            origin
            or re.search(
                r"ввез|ввоз|переправ|направля|следова|доставить|транзит|smuggl|traffick|bound|destined|en\s+route|transport|ship",
                text,
                re.IGNORECASE,
            )
        ):
            # "в Казахстане" is where, "в Россию" after a route word is where to.
            if view.language == "ru" and re.search(r"(?:е|и)$", place.text) and not origin:
                bucket = None
                continue
            bucket = destination
        else:
            bucket = None
            continue
        previous_end = place.end
        if code not in bucket:
            bucket.append(code)
        span.extend((place.start, place.end))
        view.route_places.append((place.start, place.end))
    if not origin and not destination:
        return []
    if adjective_origins == len(origin) and not transit and not destination:
        return []  # "afghan opiates" alone says where drugs come from, not a route
    start, end = min(span), max(span)
    leading = text[max(0, start - 20) : start]
    lead_match = re.search(
        r"(?:из|from|originating\s+(?:in|from))\s+(?:\w+\s+)?$", leading, re.IGNORECASE
    )
    if lead_match:
        start = start - len(leading) + lead_match.start()
    fact = view.fact("route", start, end, origin=origin, transit=transit, destination=destination)
    if view.substances:
        fact.substance = view.substances[0].text
        fact.substance_resolved = view.resolve_substance(view.substances[0])
    return [view.locate(fact)]


_TREND_UP = (
    r"увеличил\w*|увеличени\w*|увеличива\w*|рост(?:а|е|ом)?(?![\w])|выросл\w*|вырос(?![\w])|возрос\w*|растет|растёт|"
    r"растущ\w*|расти|повысил\w*|повышени\w*|усилил\w*|расшир\w*|набира\w*\s+популярность|"
    r"increas\w*|grew|grow\w*|rise|rising|rose|risen|surg\w*|upward|spik\w*|expan\w*|doubled|tripled|more\s+popular|"
    r"gain(?:ed|ing|s)?\s+ground|набира\w*\s+оборот\w*"
)
_TREND_DOWN = (
    r"снизил\w*|снижени\w*|снижа\w*|сократил\w*|сокращени\w*|уменьшил\w*|уменьшени\w*|спад\w*|падени\w*|"
    r"упал\w*|минимизаци\w*|decreas\w*|declin\w*|fell|fall(?:ing|en)?|dropped|dropping|a\s+drop\s+in|"
    r"reduc\w*|downward|halved|less\s+popular"
)
# "что на 12% больше, чем годом ранее", "30 per cent more than in 2022"
_TREND_UP += (
    r"|на\s+\d[\d,.]*\s*(?:%|процент\w*)\s+(?:больше|выше)|в\s+\d+(?:[.,]\d+)?\s+раз\w*\s+(?:больше|выше)"
    r"|\d[\d,.]*\s*(?:%|per\s*cent|percent)\s+(?:more|higher)"
)
_TREND_DOWN += (
    r"|на\s+\d[\d,.]*\s*(?:%|процент\w*)\s+(?:меньше|ниже)|в\s+\d+(?:[.,]\d+)?\s+раз\w*\s+(?:меньше|ниже)"
    r"|\d[\d,.]*\s*(?:%|per\s*cent|percent)\s+(?:less|lower|fewer)"
)
_TREND_RE = re.compile(rf"(?<![\w])(?:(?P<up>{_TREND_UP})|(?P<down>{_TREND_DOWN}))", re.IGNORECASE)
_TREND_TOPIC = re.compile(
    r"нарко\w*|употреблен\w*|потреблен\w*|зависим\w*|оборот\w*|изъят\w*|преступлен\w*|популярн\w*|"
    r"смес\w*|вещест\w*|спрос\w*|предложени\w*|контрабанд\w*|закладк\w*|закладчик\w*|наркопреступ\w*|"
    r"drug\w*|narcot\w*|use|users|consumption|addict\w*|trafficking|seizures?|crime\w*|popularity|demand|"
    r"supply|substances?|smuggling|mixtures?|prevalence|share|доля|долю|доли",
    re.IGNORECASE,
)
# Trend words that mean the measures, not the situation ("reducing supply" is a policy name).
_GOAL_BEFORE = re.compile(
    r"цел\w*|направленн\w*|способствова\w*|меры\s+по|мер\s+по|стратеги\w*|задач\w*|позволя\w*\s+бы|"
    r"aim\w*|goals?|objectives?|in\s+order\s+to|measures\s+to|strateg\w*|designed\s+to|would\s+help",
    re.IGNORECASE,
)
_POLICY_NOUN_BEFORE = re.compile(r"(?:demand|supply|harm|risk)\s+$", re.IGNORECASE)


def _inside_quotes(text: str, position: int) -> bool:
    before = text[:position]
    if before.count("«") > before.count("»"):
        return True
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


_POLICY_NOUN_AFTER = re.compile(
    r"^\s*(?:предложени|спрос|вред|употреблени|demand|supply|harm)\w*", re.IGNORECASE
)


_CLAUSE_BREAK = re.compile(r"[;:()—]|,(?!\d)")


# The subject of a trend verb starts after "that", "which", "as", "while", "but" ...
_SUBJECT_MARKER = re.compile(
    r"(?<![\w])(?:that|что|which|который|которая|которые|as|while|whereas|but|но|тогда\s+как)(?![\w])",
    re.IGNORECASE,
)


def _clause_bounds(text: str, position: int) -> tuple[int, int]:
    # A comma between digits ("12,3%") is a decimal mark, not a clause break.
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, position)), default=0)
    right = _CLAUSE_BREAK.search(text, position)
    return left, right.start() if right else len(text)


def trend_facts(view: SentenceView) -> list[Fact]:
    text = view.text
    facts: list[Fact] = []
    clauses_done: set[tuple[int, int, str]] = set()
    for match in _TREND_RE.finditer(text):
        if match.group("down") and (
            _POLICY_NOUN_AFTER.match(text[match.end() :])
            or _POLICY_NOUN_BEFORE.search(text[max(0, match.start() - 20) : match.start()])
        ):
            continue
        if _GOAL_BEFORE.search(text[max(0, match.start() - 120) : match.start()]):
            continue  # aims and measures ("меры по снижению", "aimed at reducing") are not trends
        if _inside_quotes(text, match.start()):
            continue  # a title such as «Сокращение предложения ...» states no trend
        clause_start, clause_end = _clause_bounds(text, match.start())
        direction = "up" if match.group("up") else "down"
        if (clause_start, clause_end, direction) in clauses_done:
            continue
        clause = text[clause_start:clause_end]
        # A short appositive ("a 30 per cent decrease from 2021") is about the main clause.
        scope = (clause_start, clause_end) if len(clause.split()) >= 8 else (0, len(text))
        if not _TREND_TOPIC.search(text, *scope) and not any(
            scope[0] <= s.start < scope[1] for s in view.substances
        ):
            continue
        after = text[match.end() : clause_end].strip()
        # The subject before the verb starts after a reporting verb's "that"/"что".
        subject_start = clause_start
        if re.match(r"\s*(?:are|is|was|were|has|have|had)\s", text[clause_start : match.start()]):
            # "X, especially Y, are increasingly common": the subject precedes the appositive.
            subject_start = 0
        markers = list(_SUBJECT_MARKER.finditer(text, subject_start, match.start()))
        if markers:
            subject_start = markers[-1].end()
        before = text[subject_start : match.start()].strip()
        # Russian puts the subject after a sentence-initial verb ("увеличилась популярность
        # курительных смесей"); English mostly before ("the popularity of X has grown").
        subject_after = len(before.split()) < 2 and len(after) >= 3
        words = after if subject_after else before
        words = re.sub(r"^(?:of|in|the|в|на|of\s+the|in\s+the)\s+", "", words, flags=re.IGNORECASE)
        words = re.sub(r"\s+(?:has|have|had|is|are|was|were|been)$", "", words)
        subject = " ".join(words.split()[:10]).rstrip(" .;:!?") or None
        if subject_after:
            in_subject = [s for s in view.substances if match.end() <= s.start < clause_end]
            substance = in_subject[0] if in_subject else None
        else:
            in_subject = [
                s for s in view.substances if subject_start <= s.start and s.end <= match.start()
            ]
            substance = in_subject[0] if in_subject else None  # the head comes first
        if substance is None:
            in_clause = [s for s in view.substances if clause_start <= s.start < clause_end]
            earlier = [s for s in view.substances if s.end <= clause_start]
            pronoun = re.match(
                r"(?:(?:but|and|но|а|и)\s+)?(?:its|their|его|её|их)\s", before, re.IGNORECASE
            )
            if not subject_after and earlier and pronoun:
                substance = earlier[-1]  # "cannabis ..., but its share has fallen"
            elif in_clause:
                substance = in_clause[0]
            elif scope != (clause_start, clause_end) and earlier:
                substance = earlier[-1]  # the appositive's subject is in the main clause
        fact = view.fact(
            "trend",
            clause_start
            + (len(text[clause_start:clause_end]) - len(text[clause_start:clause_end].lstrip())),
            clause_end,
            subject=subject,
            direction=direction,
            substance=substance.text if substance else None,
            substance_resolved=view.resolve_substance(substance),
            period=stated_period(view.periods[0]) if view.periods else None,
        )
        facts.append(view.locate(fact))
        # One trend per clause and direction; the clause is the evidence.
        clauses_done.add((clause_start, clause_end, direction))
    return facts


def nps_facts(view: SentenceView) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[str] = set()
    for mention in view.substances:
        if mention.kind != "nps" or mention.code in seen:
            continue
        seen.add(mention.code)
        fact = view.fact(
            "nps_mention",
            mention.start,
            mention.end,
            substance=mention.text,
            substance_resolved=view.resolve_substance(mention),
        )
        facts.append(view.locate(fact))
    return facts
