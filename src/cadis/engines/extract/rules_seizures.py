"""Seizures and precursor seizures: a quantity, what was seized, and its circumstances.

"За 3 года и 10 месяцев было изъято 260 кг синтетических наркотиков" ->
seizure(substance "синтетических наркотиков" -> synthetic_drugs, 260 kg, aggregate,
period "За 3 года и 10 месяцев").
"""

from __future__ import annotations

import re

from cadis.engines.extract.analysis import REPORTING_KINDS, SentenceView, stated_period
from cadis.engines.extract.model import Fact
from cadis.engines.extract.vocabulary import SubstanceMention
from cadis.engines.units import Period, QuantityMatch, normalise

SEIZURE_TRIGGER = re.compile(
    r"изъят\w*|изъял\w*|изымал\w*|изъяти\w*|конфиск\w*|выведен\w*\s+из\s+(?:незаконного\s+)?оборота|"
    r"перехвачен\w*|обнаружен\w*\s+и\s+изъят\w*|задержан\w*\s+(?:партия|груз)\w*|"
    r"seiz\w*|confiscat\w*|intercept\w*|impound\w*|removed\s+from\s+(?:illicit|illegal)\s+\w+|"
    r"recovered|taken\s+out\s+of\s+(?:illicit|illegal)\s+\w+|found\s+and\s+seized|"
    r"пресечен\w*\s+(?:\w+\s+){0,3}(?:контрабанд|перемещени|ввоз|провоз|вывоз|сбыт)\w*|"
    r"prevent\w*\s+(?:\w+\s+){0,4}(?:smuggl|traffick)\w*|removed\b.{0,80}?from\s+(?:the\s+)?(?:illicit|illegal)",
    re.IGNORECASE,
)
# Weaker verbs count only when a substance is named next to the quantity.
WEAK_SEIZURE_TRIGGER = re.compile(
    r"задерж\w*|выявл\w*|выявил\w*|обнаруж\w*|нашли|пытал\w*\s+(?:\w+\s+)?(?:перевез|перенес|провез|ввез|вывез|сбыть)\w*|"
    r"detain\w*|arrest\w*|caught|found|discover\w*|uncover\w*|detect\w*|stopped|attempt\w*\s+to\s+smuggle",
    re.IGNORECASE,
)
_BASELINE = re.compile(
    r"(?:(?:down|up)\s+from|compared\s+(?:to|with)|against|против|по\s+сравнению\s+с|"
    r"с\s+\d[\d\s.,]*\s*\w+\s+до)\s*(?:more\s+than\s+|about\s+|около\s+|более\s+)?$",
    re.IGNORECASE,
)
_ERADICATION = re.compile(r"уничтож\w*|eradicat\w*|destroy\w*", re.IGNORECASE)
_DRUG_CONTEXT = re.compile(
    r"нарк\w*|drug\w*|narcot\w*|психотроп\w*|прекурсор\w*|precursor\w*", re.IGNORECASE
)

QUALIFIERS: tuple[tuple[str, str], ...] = (
    (
        r"более\s+чем|не\s+более|чуть\s+более|более|свыше|больше|over|more\s+than|in\s+excess\s+of|upwards\s+of|exceeding",
        "more_than",
    ),
    (r"не\s+менее|at\s+least|a\s+minimum\s+of", "at_least"),
    (
        r"около|порядка|примерно|приблизительно|ориентировочно|about|around|approximately|approx\.|some|roughly|circa|an\s+estimated",
        "about",
    ),
    (r"почти|чуть\s+менее|nearly|almost|close\s+to|just\s+under", "almost"),
    (r"до|up\s+to", "up_to"),
    (r"менее|меньше|less\s+than|under|below", "less_than"),
)
_QUALIFIER_RES = [
    (re.compile(rf"(?<![\w])({p})\s*$", re.IGNORECASE), code) for p, code in QUALIFIERS
]

AGGREGATE_CUES = re.compile(
    r"всего|в\s+общей\s+сложности|итого|суммарн\w*|в\s+целом|за\s+отчетный\s+период|"
    r"in\s+total|a\s+total\s+of|total(?:ling|ing)?|overall|altogether|in\s+all|cumulative\w*|statistic\w*",
    re.IGNORECASE,
)
EVENT_CUES = re.compile(
    r"в\s+ходе\s+(?:досмотр|обыск|операци|рейд|провер|спецоперац)\w*|при\s+досмотре|при\s+попытке|"
    r"гражданин\w*|жител\w*|водител\w*|автомашин\w*|автомобил\w*|грузовик\w*|багаж\w*|"
    r"в\s+квартире|в\s+доме|\d+-летн\w*|подозреваем\w*|"
    r"during\s+(?:a|an|the)\s+(?:search|inspection|raid|check|operation)|from\s+(?:a|the)\s+"
    r"(?:car|vehicle|truck|lorry|suspect|resident|citizen|man|woman|driver|passenger)|"
    r"a\s+resident\s+of|a\s+citizen\s+of|\d+-year-old|suspect\w*|apartment|passenger\w*|luggage|"
    r"at\s+the\s+\w+\s+(?:checkpoint|border\s+crossing)|на\s+(?:посту|КПП|таможенном\s+посту)",
    re.IGNORECASE,
)


def qualifier_before(text: str, start: int) -> tuple[str | None, str | None]:
    """The qualifier ("более", "about") written right before position `start`."""
    code, written, _ = qualifier_with_start(text, start)
    return code, written


def qualifier_with_start(text: str, start: int) -> tuple[str | None, str | None, int]:
    """The qualifier before `start`, as a code and as written, and where it begins."""
    window_start = max(0, start - 30)
    before = text[window_start:start]
    for regex, code in _QUALIFIER_RES:
        match = regex.search(before)
        if match:
            return code, match.group(1), window_start + match.start(1)
    return None, None, start


def _substance_for(view: SentenceView, quantity: QuantityMatch) -> SubstanceMention | None:
    text = view.text
    others = [q for q in view.quantities if q is not quantity]
    best: tuple[int, SubstanceMention] | None = None
    for mention in view.substances:
        if quantity.start <= mention.start and mention.end <= quantity.end:
            return mention  # "18,000 tramadol tablets": the name sits inside the quantity
        if mention.start >= quantity.end:
            gap = text[quantity.end : mention.start]
            distance = len(gap)
            if distance > 45 or re.search(r"[;.,()]|\s(?:и|and)\s+\d", gap):
                continue
        elif mention.end <= quantity.start:
            gap = text[mention.end : quantity.start]
            distance = len(gap) + 15  # the substance usually follows the quantity
            if distance > 75 or re.search(r"[;]", gap):
                continue
        else:
            continue
        if any(
            min(mention.end, quantity.end) <= o.start < max(mention.start, quantity.start)
            for o in others
        ):
            continue
        if best is None or distance < best[0]:
            best = (distance, mention)
    if best is None:
        return None
    chosen = best[1]
    # "наркотических средств и психотропных веществ общим весом 5 кг", "drugs and
    # psychotropic substances ... 612 kg": the pair is named by its first member.
    for mention in view.substances:
        if mention.end <= chosen.start and re.fullmatch(
            r"\s*(?:и|and|или|or|,)\s*", text[mention.end : chosen.start]
        ):
            if chosen.start < quantity.start:
                chosen = mention
    return chosen


def _period_for(view: SentenceView, quantity: QuantityMatch) -> Period | None:
    if not view.periods:
        return view.inherited_period
    before = [p for p in view.periods if p.span[1] <= quantity.start]
    if before:
        return before[-1]
    return min(view.periods, key=lambda p: abs(p.span[0] - quantity.end))


def _is_aggregate(view: SentenceView, period: Period | None) -> bool:
    if AGGREGATE_CUES.search(view.text):
        return True
    if period is not None and period.kind in REPORTING_KINDS:
        return not EVENT_CUES.search(view.text)
    return False


def _eradicated(text: str, position: int, strong: bool) -> bool:
    """True when the verb governing the quantity destroys rather than seizes."""
    if not strong:
        return bool(_ERADICATION.search(text))
    before = text[:position]
    eradication = [m.end() for m in _ERADICATION.finditer(before)]
    seizure = [m.end() for m in SEIZURE_TRIGGER.finditer(before)]
    return bool(eradication) and (not seizure or max(eradication) > max(seizure))


def _has_trigger(view: SentenceView, previous_had_trigger: bool) -> bool:
    return bool(SEIZURE_TRIGGER.search(view.text)) or previous_had_trigger


def seizure_facts(view: SentenceView, *, previous_had_trigger: bool = False) -> list[Fact]:
    """Seizure facts of one sentence."""
    if not view.quantities:
        return []
    strong = _has_trigger(view, previous_had_trigger)
    if not strong and not WEAK_SEIZURE_TRIGGER.search(view.text):
        return []
    facts: list[Fact] = []
    for quantity in view.quantities:
        if _BASELINE.search(view.text[max(0, quantity.start - 30) : quantity.start]):
            continue  # "down from 9.1 tons a year earlier" is a comparison, not a seizure
        mention = _substance_for(view, quantity)
        if mention is None and strong and view.context.last_substance is not None:
            # "...нарколаборатория, где производился метамфетамин. Изъято 11 кг готового
            # продукта": the product is the one the previous sentence named.
            if not view.substances and not _DRUG_CONTEXT.search(view.text):
                mention = view.context.last_substance
        if mention is None and (not strong or not _DRUG_CONTEXT.search(view.text)):
            continue
        if _eradicated(view.text, quantity.start, strong):
            continue  # "обнаружено и уничтожено 3 400 кустов" is eradication, not a seizure
        read = quantity.quantity
        normalised = normalise(read.value, read.unit)
        fact_type = (
            "precursor_seizure"
            if mention is not None and mention.kind == "precursor"
            else "seizure"
        )
        qualifier, qualifier_text, start = qualifier_with_start(view.text, quantity.start)
        period = _period_for(view, quantity)
        end = quantity.end
        if mention is not None:
            start, end = min(start, mention.start), max(end, mention.end)
        ambiguity = None
        if read.ambiguous:
            ambiguity = f"{read.reason}; other reading: {read.alternative:g} {read.unit}"
        fact = view.fact(
            fact_type,
            start,
            end,
            substance=mention.text if mention else None,
            substance_resolved=view.resolve_substance(mention),
            quantity=read.value,
            unit=read.unit,
            quantity_kg=normalised.quantity if normalised.unit == "kg" else None,
            count=int(normalised.quantity) if normalised.unit == "count" else None,
            conversion_rule=normalised.rule,
            qualifier=qualifier,
            qualifier_text=qualifier_text,
            aggregate=_is_aggregate(view, period),
            period=stated_period(period),
            ambiguity=ambiguity,
        )
        facts.append(view.locate(fact))
        view.used.append((quantity.start, quantity.end))
    return facts
