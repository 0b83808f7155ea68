"""Seizures and precursor seizures: a quantity, what was seized, and its circumstances.

"За 3 года и 10 месяцев было изъято 260 кг синтетических наркотиков" ->
seizure(substance "синтетических наркотиков" -> synthetic_drugs, 260 kg, aggregate,
period "За 3 года и 10 месяцев").
"""

from __future__ import annotations

import re

from cadis.engines.extract.analysis import REPORTING_KINDS, SentenceView, stated_period
from cadis.engines.extract.language import REGIONAL
from cadis.engines.extract.lexicon import regional_pattern
from cadis.engines.extract.model import Fact
from cadis.engines.extract.seizure_filters import not_a_seizure
from cadis.engines.extract.vocabulary import UNIDENTIFIED, SubstanceMention
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
# "гашиш массой 512 граммов", "a substance weighing 296 grams": a seizure told without its
# verb when the story's verb came in the sentences before.
_WEIGHING = re.compile(
    r"(?:(?:общ\w+\s+)?(?:массой|весом|масса|вес)|weighing|(?:total\s+|net\s+)?weight\s+of|"
    r"салмағы|og'irligi|огирлиги|оғирлиги|салмагы|вазни|agramy)\s*(?:около\s+|более\s+|about\s+|over\s+|almost\s+)?$",
    re.IGNORECASE,
)
_ERADICATION = re.compile(
    r"уничтож\w*|сожж\w*|сожг\w*|сжечь|сжига\w*|eradicat\w*|destroy\w*|burn(?:ed|t|ing|s)?|incinerat\w*",
    re.IGNORECASE,
)
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
    r"в\s+квартире|в\s+доме|\d+-летн\w*|подозреваем\w*|мужчин\w*|женщин\w*|у\s+него|у\s+нее|при\s+н[её]м|"
    r"при\s+ней|(?<![\w])(?:man|woman)(?![\w])|from\s+(?:him|her)|"
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


def _substance_for(
    view: SentenceView, quantity: QuantityMatch, candidates: list[QuantityMatch] | None = None
) -> SubstanceMention | None:
    text = view.text
    # Figures that are not seizures ("выросли на 300 кг") do not stand between a drug and
    # the seizure figure.
    others = [
        q for q in (view.quantities if candidates is None else candidates) if q is not quantity
    ]
    best: tuple[int, SubstanceMention] | None = None
    for mention in view.substances:
        if quantity.start <= mention.start and mention.end <= quantity.end:
            return mention  # "18,000 tramadol tablets": the name sits inside the quantity
        if mention.start >= quantity.end:
            gap = text[quantity.end : mention.start]
            distance = len(gap)
            if distance > 45 or re.search(
                r"[;.,()]|\s(?:и|and|va|ва|және|жана|we)\s+\d", gap, re.IGNORECASE
            ):
                continue
        elif mention.end <= quantity.start:
            gap = text[mention.end : quantity.start]
            distance = len(gap) + 15  # the substance usually follows the quantity
            if distance > 75 or re.search(r"[;]", gap):
                continue
            # "4 кг мефедрона и 50 литров реагента": the drug before "и" is the previous item's.
            if re.fullmatch(
                r"\s*(?:,|и|and|va|ва|және|жана|ve|we|ҳамда|hamda)\s*", gap, re.IGNORECASE
            ):
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
    if view.has("aggregate_cue", AGGREGATE_CUES):
        return True
    if period is not None and period.kind in REPORTING_KINDS:
        return not view.has("event_cue", EVENT_CUES)
    return False


def _eradicated(
    text: str, position: int, strong: bool, destroy: re.Pattern[str], language: str = "ru"
) -> bool:
    """True when the verb governing the quantity destroys rather than seizes.

    Russian and English put the verb before the figure; the region's languages after it
    ("600 туп наша ўсимлиги йўқ қилинди ва 12 килограмм марихуана олиб қўйилди").
    """
    if not strong:
        return bool(destroy.search(text))
    if language in REGIONAL:
        after_destroy = destroy.search(text, position)
        after_seize = seize_trigger(language).search(text, position)
        if after_destroy or after_seize:
            return after_destroy is not None and (
                after_seize is None or after_destroy.start() < after_seize.start()
            )
    before = text[:position]
    eradication = [m.end() for m in destroy.finditer(before)]
    seizure = [m.end() for m in SEIZURE_TRIGGER.finditer(before)]
    return bool(eradication) and (not seizure or max(eradication) > max(seizure))


def seize_trigger(language: str) -> re.Pattern[str]:
    """The strong seizure verbs of `language` (Russian and English ones always included)."""
    return regional_pattern("seize", SEIZURE_TRIGGER.pattern, language)


def find_trigger(language: str) -> re.Pattern[str]:
    return regional_pattern("find", WEAK_SEIZURE_TRIGGER.pattern, language)


def drug_context(language: str) -> re.Pattern[str]:
    return regional_pattern("narcotic_drugs", _DRUG_CONTEXT.pattern, language)


def _has_trigger(view: SentenceView, previous_had_trigger: bool) -> bool:
    return view.has("strong", seize_trigger(view.language)) or previous_had_trigger


def _weighed(view: SentenceView, quantity: QuantityMatch) -> bool:
    return bool(_WEIGHING.search(view.text[max(0, quantity.start - 30) : quantity.start]))


def seizure_facts(
    view: SentenceView, *, previous_had_trigger: bool = False, verb_next: bool = False
) -> list[Fact]:
    """Seizure facts of one sentence.

    `verb_next`: the next sentence has a seizure verb ("Ular 48 kilogramm marixuanani olib
    kelgan. Giyohvand modda musodara qilindi.").
    """
    if not view.quantities:
        return []
    strong = _has_trigger(view, previous_had_trigger)
    weak = view.has("weak", find_trigger(view.language))
    # The verb of the story may sit in the sentences just before ("обнаружен пакет с
    # веществом. Экспертиза установила, что это гашиш массой 512 граммов").
    story_verb = view.index - view.context.trigger_seen_at <= 2 or verb_next
    if not strong and not weak and not story_verb:
        return []
    facts: list[Fact] = []
    # Not seizures: a comparison, an earlier year, the cargo, what could have been made.
    candidates = [q for q in view.quantities if not_a_seizure(view, q) is None]
    for quantity in candidates:
        mention = _substance_for(view, quantity, candidates)
        reasons: list[str] = []
        if not strong and not weak:
            if mention is None or not (
                _weighed(view, quantity) or _named_at(view, mention, quantity)
            ):
                continue
            reasons.append("no_seizure_verb")
        if mention is None and strong and view.context.last_substance is not None:
            # "...нарколаборатория, где производился метамфетамин. Изъято 11 кг готового
            # продукта": the product is the one the previous sentence named.
            if not view.substances and not drug_context(view.language).search(view.text):
                mention = view.context.last_substance
                reasons.append("substance_from_context")
        referent = _referent(view, mention, quantity)
        if referent is not None:
            # "Еще 150 граммов наркотика", "1.2 kilograms of the substance": the drug named
            # just before.
            mention = referent
            reasons.append("substance_from_context")
        if mention is None:
            if not strong:
                continue  # a weak verb needs the drug named at the quantity
            if not drug_context(view.language).search(view.text):
                if not read_is_mass(quantity) or not (
                    view.context.drug_named or _BARE_FIGURE.match(view.text[quantity.end :])
                ):
                    continue  # "seized 2 tonnes of cigarettes": not a figure of drugs
                # "The Interior Ministry accounted for 1,612.3 kilograms, the rest was
                # seized by customs": the drugs of the story, not named again.
                mention = view.context.last_group_substance
                if mention is not None:
                    reasons.append("substance_from_context")
        destroy = regional_pattern("destroy", _ERADICATION.pattern, view.language)
        if view.has("eradication", destroy) and _eradicated(
            view.text, quantity.start, strong, destroy, view.language
        ):
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
        if mention is not None and _in_sentence(view, mention):
            start, end = min(start, mention.start), max(end, mention.end)
        ambiguity = None
        if read.ambiguous:
            ambiguity = f"{read.reason}; other reading: {read.alternative:g} {read.unit}"
        unidentified = mention is not None and mention.code == UNIDENTIFIED
        if unidentified or mention is None:
            reasons.append("no_drug_named")
        if not strong and weak:
            reasons.append("weak_seizure_verb")
        fact = view.fact(
            fact_type,
            start,
            end,
            substance=mention.text if mention else None,
            substance_resolved=None if unidentified else view.resolve_substance(mention),
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
        fact.reasons = list(dict.fromkeys(reasons))
        facts.append(view.locate(fact))
        view.used.append((quantity.start, quantity.end))
    return facts


_ANAPHORIC = re.compile(
    r"наркотик(?:а|ом|у)?|вещества?|веществом|(?:the|this|that)\s+(?:\w+\s+)?(?:substance|drug|powder)|"
    r"drug|ushbu\s+\w+|мазкур\s+\w+|бұл\s+\w+",
    re.IGNORECASE,
)


def _referent(
    view: SentenceView, mention: SubstanceMention | None, quantity: QuantityMatch
) -> SubstanceMention | None:
    """The drug a word like "наркотика" or "the substance" at the quantity refers to."""
    if mention is not None:
        if mention.code not in ("narcotic_drugs", UNIDENTIFIED):
            return None
        before = view.text[max(0, mention.start - 12) : mention.start]
        anaphoric = bool(
            re.fullmatch(r"наркотик(?:а|ом|у)?|вещества?|веществом", mention.text, re.IGNORECASE)
            or re.search(r"(?:the|this|that|этого|данного|указанного)\s+$", before, re.IGNORECASE)
        )
    else:
        after = view.text[quantity.end : quantity.end + 30]
        anaphoric = bool(_ANAPHORIC.match(re.sub(r"^\s+(?:of\s+)?", "", after)))
    if not anaphoric:
        return None
    earlier = [
        m
        for m in view.substances
        if m.kind in ("drug", "nps", "precursor") and m.end <= quantity.start
    ]
    if earlier:
        return earlier[-1]
    if any(m.kind in ("drug", "nps", "precursor") for m in view.substances):
        return None  # the drug named after the quantity is its own
    if view.index - view.context.recent_drug_at > 3:
        return None
    return view.context.recent_drug


_IDENTIFIED = re.compile(
    r"(?:substance|powder|вещество|порошок|зат|modda|модда)\w*\s+(?:\w+\s+){0,3}?"
    r"(?:is|was|are|were|turned\s+out\s+to\s+be|identified\s+as|является|являются|оказал\w*|"
    r"признан\w*|екені\s+анықталды|ekanligi\s+aniqlandi)\s*",
    re.IGNORECASE,
)


def identified_later(views: list[SentenceView], facts: list[Fact]) -> None:
    """ "A brown powder ... was found. An expert examination showed that the powder is
    heroin": the seizure found before takes the drug named afterwards."""
    for view in views:
        hit = _IDENTIFIED.search(view.text)
        if hit is None:
            continue
        named = [
            m for m in view.substances if m.kind in ("drug", "nps") and m.start >= hit.end() - 1
        ]
        if not named:
            continue
        drug = named[0]
        for fact in facts:
            if (
                fact.type == "seizure"
                and fact.span[0] < view.sentence.start
                and (fact.substance_resolved is None or "no_drug_named" in fact.reasons)
            ):
                fact.substance_resolved = view.resolve_substance(drug)
                fact.substance = drug.text
                fact.reasons = [r for r in fact.reasons if r != "no_drug_named"]
                fact.reasons.append("substance_identified_later")


def _named_at(view: SentenceView, mention: SubstanceMention, quantity: QuantityMatch) -> bool:
    """A drug named by its name right after the figure ("48 kilogramm 620 gramm marixuanani")."""
    return mention.kind in ("drug", "nps", "precursor") and 0 <= mention.start - quantity.end <= 4


def _in_sentence(view: SentenceView, mention: SubstanceMention) -> bool:
    return any(m is mention for m in view.substances)


# "612.3 kilograms were seized by the Interior Ministry": a figure that names nothing else.
_BARE_FIGURE = re.compile(
    r"\s*(?:[,.;:()]|$|(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:seized|confiscated)|"
    r"изъят\w*|конфискова\w*)",
    re.IGNORECASE,
)


def read_is_mass(quantity: QuantityMatch) -> bool:
    return quantity.quantity.unit in ("kg", "g", "t", "mg")
