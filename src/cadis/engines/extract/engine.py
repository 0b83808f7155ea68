"""Document text -> facts with evidence spans."""

from __future__ import annotations

import re
from datetime import date

from cadis.engines.extract.analysis import (
    DocumentContext,
    DocumentScan,
    SentenceView,
    build_view,
    inherit_period,
    stated_period,
    update_context,
)
from cadis.engines.extract.confidence import assess, headline_end, lead_event_period
from cadis.engines.extract.gazetteer import DEFAULT_GAZETTEER, Gazetteer
from cadis.engines.extract.language import detect
from cadis.engines.extract.lexicon import fold, regional_pattern
from cadis.engines.extract.mentions import mention_facts
from cadis.engines.extract.merge import (
    absorb_headline_totals,
    absorb_people_parts,
    merge_restatements,
)
from cadis.engines.extract.model import ExtractionResult, Fact
from cadis.engines.extract.rules_counts import group_facts, lab_facts
from cadis.engines.extract.rules_descriptive import (
    concealment_facts,
    nps_facts,
    route_facts,
    trend_facts,
)
from cadis.engines.extract.rules_events import event_facts
from cadis.engines.extract.rules_people import people_facts
from cadis.engines.extract.rules_seizures import (
    find_trigger,
    identified_later,
    seize_trigger,
    seizure_facts,
)
from cadis.engines.extract.text import split_sentences
from cadis.engines.extract.vocabulary import SubstanceVocabulary
from cadis.engines.units import find_periods


def _guess_document_date(text: str) -> date | None:
    # Press releases state their date (or the event's) near the top; relative periods
    # ("since the start of the year") are read against it when the caller gives none.
    for period in find_periods(text[:600]):
        if period.kind in ("day_range",) and period.end is not None:
            return period.end
    match = re.search(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)(?!\d)", text[:600])
    if match:
        try:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            return None
    return None


_BULLET = re.compile(r"\s*(?:[•·▪‣◦*–—-]|\d{1,2}[.)])\s")
_CONTINUATION = (
    r"\s*(?:[•·▪‣◦*–—-]|\d{1,2}[.)]\s|в\s+том\s+числе|из\s+них|из\s+этого\s+(?:количества|объема)|"
    r"в\s+их\s+числе|including|of\s+which|among\s+them|of\s+(?:this|these|that|the\s+total)|"
    r"(?:this|these|which|that)\s+(?:amount\s+|figure\s+|total\s+)?includ\w*)"
)


def _first_nps_mentions(facts: list[Fact]) -> list[Fact]:
    """One NPS mention per substance per document: the first, where the reader meets it."""
    seen: set[str | None] = set()
    kept = []
    for fact in facts:
        if fact.type == "nps_mention":
            if fact.substance_resolved in seen:
                continue
            seen.add(fact.substance_resolved)
        kept.append(fact)
    return kept


def _paragraph_of(views: list[SentenceView], position: int) -> int:
    for view in views:
        if view.sentence.start <= position < view.sentence.end:
            return view.sentence.paragraph
    return -1


def _merge_routes(text: str, views: list[SentenceView], facts: list[Fact]) -> list[Fact]:
    """Join a route told over two sentences ("... из Афганистана. Груз следовал в Казахстан")."""
    merged: list[Fact] = []
    for fact in facts:
        previous = next((f for f in reversed(merged) if f.type == "route"), None)
        if (
            fact.type == "route"
            and previous is not None
            and _paragraph_of(views, previous.span[0]) == _paragraph_of(views, fact.span[0])
            and (
                (
                    previous.origin
                    and not previous.destination
                    and fact.destination
                    and not fact.origin
                )
                or (
                    previous.destination
                    and not previous.origin
                    and fact.origin
                    and not fact.destination
                )
            )
        ):
            previous.origin = previous.origin or fact.origin
            previous.destination = previous.destination or fact.destination
            previous.transit = list(dict.fromkeys(previous.transit + fact.transit))
            previous.span = (previous.span[0], fact.span[1])
            previous.text = text[previous.span[0] : previous.span[1]]
            previous.substance = previous.substance or fact.substance
            previous.substance_resolved = previous.substance_resolved or fact.substance_resolved
            continue
        merged.append(fact)
    return merged


def extract(
    text: str,
    *,
    document_date: date | None = None,
    vocabulary: SubstanceVocabulary | None = None,
    gazetteer: Gazetteer | None = None,
    document: str | None = None,
    language: str | None = None,
    mentions: bool = True,
) -> ExtractionResult:
    """Read a press release or report and return its facts.

    Russian and English get every rule; Kazakh, Kyrgyz, Uzbek, Tajik and Turkmen
    (detected offline, see language.py) get seizures, people, groups and laboratories.

    `document_date` anchors relative periods ("за 3 года", "since the start of the
    year"); without it a date near the top of the text is used when there is one.
    `vocabulary` resolves substance names to codes; `gazetteer` knows the agencies.
    `mentions=False` skips organisation/country mention facts (and the NER model).

    >>> result = extract("В 2024 году изъято более 1.300 кг наркотических средств.")
    >>> fact = result.of_type("seizure")[0]
    >>> (fact.quantity_kg, fact.qualifier, fact.aggregate)
    (1300.0, 'more_than', True)
    """
    if not text or not text.strip():
        return ExtractionResult(language or "ru", [], document)
    guess = detect(text)
    language = language or guess.language
    continuation = regional_pattern("continuation", _CONTINUATION, language)
    strong_trigger, weak_trigger = seize_trigger(language), find_trigger(language)
    context = DocumentContext(
        language=language,
        document_date=document_date or _guess_document_date(text),
        gazetteer=gazetteer or DEFAULT_GAZETTEER,
        vocabulary=vocabulary,
        script=guess.script,
    )
    scan = DocumentScan.of(fold(text), context)
    views = [
        build_view(sentence, context, index, scan)
        for index, sentence in enumerate(split_sentences(text))
    ]
    facts: list[Fact] = []
    previous: SentenceView | None = None
    list_open = False
    for index, view in enumerate(views):
        continues = bool(continuation.match(view.text))
        previous_had_trigger = continues and (
            list_open
            or (
                previous is not None
                # "... were seized in 2024.\n\nThis included 2.41 kilograms of heroin":
                # a list may open the next paragraph.
                and view.sentence.paragraph - previous.sentence.paragraph <= 1
                and previous.has("strong", strong_trigger)
            )
        )
        # "Изъято:" followed by bullet lines: every bullet belongs to the seizure list.
        list_open = (
            (view.has("strong", strong_trigger) and view.text.rstrip().endswith(":"))
            or (previous_had_trigger and bool(_BULLET.match(view.text)))
            or (list_open and continues and bool(_BULLET.match(view.text)))
        )
        inherit_period(view)
        facts.extend(event_facts(views, index))
        facts.extend(route_facts(view))  # first: route places are not where the facts happened
        facts.extend(group_facts(view))
        following = views[index + 1] if index + 1 < len(views) else None
        verb_next = (
            following is not None
            and following.sentence.paragraph - view.sentence.paragraph <= 1
            and following.has("strong", strong_trigger)
        )
        facts.extend(
            seizure_facts(view, previous_had_trigger=previous_had_trigger, verb_next=verb_next)
        )
        facts.extend(people_facts(view))
        facts.extend(lab_facts(view))
        facts.extend(concealment_facts(view))
        facts.extend(trend_facts(view))
        facts.extend(nps_facts(view))
        if view.has("strong", strong_trigger) or view.has("weak", weak_trigger):
            context.trigger_seen_at = index
        update_context(view)
        previous = view
    facts = _merge_routes(text, views, _first_nps_mentions(facts))
    identified_later(views, facts)
    facts = absorb_headline_totals(
        absorb_people_parts(merge_restatements(facts)), headline_end(text)
    )
    lead = lead_event_period(
        [
            (view.sentence.start, period)
            for view in views
            if view.sentence.paragraph <= 2
            for p in view.periods
            if (period := stated_period(p)) is not None
        ],
        context.document_date,
    )
    assess(facts, text=text, language=language, document_date=context.document_date, lead=lead)
    if mentions:
        facts.extend(mention_facts(text, language, context.gazetteer, views))
        for fact in facts:
            fact.language = fact.language or language
            fact.spans = fact.spans or [fact.span]
            if fact.confidence is None:
                fact.confidence = 0.7
    facts.sort(key=lambda f: (f.span[0], f.type))
    return ExtractionResult(language, facts, document, guess.script)
