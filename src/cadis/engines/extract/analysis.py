"""What the rules see of one sentence: its mentions (substances, places, agencies,
periods, quantities) with sentence-relative offsets, and the document context."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from cadis.engines.extract.dates import sentence_periods
from cadis.engines.extract.gazetteer import AgencyMention, Gazetteer
from cadis.engines.extract.lexicon import fold
from cadis.engines.extract.model import Fact, StatedPeriod
from cadis.engines.extract.places import PlaceMention, find_places
from cadis.engines.extract.quantities import find_document_quantities
from cadis.engines.extract.text import Sentence
from cadis.engines.extract.vocabulary import (
    SubstanceMention,
    SubstanceVocabulary,
    find_substances,
    group_of,
)
from cadis.engines.units import (
    Period,
    Quantity,
    QuantityMatch,
    UnitsError,
    parse_number_expression,
    unit_from_text,
)
from cadis.engines.units.numbers import NumberStyle
from cadis.engines.units.quantity import NUMBER_EXPRESSION_PATTERN

# A country named after these words is where something comes from or goes to, not where
# the fact happened.
_ROUTE_BEFORE = re.compile(
    r"(?:из|от|через|в\s+сторону|в\s+направлении|транзит\w*(?:\s+через)?|from|via|through|into|to|"
    r"bound\s+for|destined\s+for|en\s+route\s+to|towards?|originat\w*\s+(?:in|from)|"
    r"produced\s+in|made\s+in|границ\w*\s+с|border\s+with|граничащ\w*\s+с|"
    r"граждан\w*|уроженц\w*|подданн\w*|citizens?\s+of|nationals?\s+of|a\s+native\s+of)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


@dataclass
class DocumentContext:
    """What earlier sentences established: the speaking agency and the country."""

    language: str
    document_date: date | None
    gazetteer: Gazetteer
    vocabulary: SubstanceVocabulary | None
    country: str | None = None
    agency: AgencyMention | None = None
    paragraph: int = -1
    period: Period | None = None  # the reporting period stated earlier in the paragraph
    lead_period: Period | None = None  # a reporting period stated in the document's lead
    last_substance: SubstanceMention | None = None  # the one specific drug of the last sentence
    last_group_substance: SubstanceMention | None = None  # "narcotic substances" said lately
    sentences_seen: int = 0
    script: str = "Cyrl"
    drug_named: bool = False  # a drug (or "drugs") has been named in the document so far
    trigger_seen_at: int = -10  # index of the last sentence with a seizure or find verb
    group_members: int | None = None  # members of the last group dismantled ("из 6 человек")
    recent_drug: SubstanceMention | None = None  # the last drug named by name
    recent_drug_at: int = -10  # the index of its sentence


@dataclass
class SentenceView:
    sentence: Sentence
    language: str
    substances: list[SubstanceMention]
    places: list[PlaceMention]
    agencies: list[AgencyMention]
    periods: list[Period]
    quantities: list[QuantityMatch]
    context: DocumentContext
    matching_text: str = ""
    used: list[tuple[int, int]] = field(default_factory=list)
    inherited_period: Period | None = None
    route_places: list[tuple[int, int]] = field(default_factory=list)
    birth_years: list[tuple[int, int]] = field(default_factory=list)
    past_years: list[tuple[int, int]] = field(default_factory=list)
    index: int = 0  # the sentence's position in the document
    _searched: dict[str, bool] = field(default_factory=dict)

    def has(self, key: str, regex: re.Pattern[str]) -> bool:
        """Whether `regex` occurs in the sentence, searched once per sentence and `key`."""
        found = self._searched.get(key)
        if found is None:
            found = self._searched[key] = regex.search(self.matching_text) is not None
        return found

    @property
    def text(self) -> str:
        """The sentence folded (ё as е, Latin diacritics dropped, one apostrophe: see
        `lexicon.fold`), so that patterns need not spell every variant.

        The replacement keeps every offset, so spans found here index the original.
        """
        return self.matching_text

    @property
    def original(self) -> str:
        return self.sentence.text

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        return (self.sentence.start + start, self.sentence.start + end)

    def is_used(self, start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in self.used)

    def fact(self, fact_type: str, start: int, end: int, **fields: Any) -> Fact:
        """A fact whose span is [start, end) of this sentence."""
        resolved = fields.get("substance_resolved")
        if resolved and "substance_group" not in fields:
            fields["substance_group"] = group_of(str(resolved))
        return Fact(
            type=fact_type,
            text=self.original[start:end],
            span=self.doc_span(start, end),
            sentence=self.original,
            **fields,
        )

    def resolve_substance(self, mention: SubstanceMention | None) -> str | None:
        if mention is None:
            return None
        vocabulary = self.context.vocabulary
        if vocabulary is not None:
            resolved = vocabulary.resolve(mention.text)
            if resolved:
                return resolved
        return mention.code

    def local_places(self) -> list[PlaceMention]:
        """Places where things happen: not those after "from", "via", "to"."""
        return [
            p
            for p in self.places
            if not _ROUTE_BEFORE.search(self.text[max(0, p.start - 30) : p.start])
            and (p.start, p.end) not in self.route_places
        ]

    def country(self, span: tuple[int, int] | None = None) -> tuple[str | None, str | None]:
        """The country a fact of this sentence (at `span`) belongs to, and where that came from.

        An agency wins; then a place in the fact's own clause; then one of the five
        countries named in the sentence; then the context of earlier sentences.
        """
        for agency in self.agencies:
            if agency.country:
                return agency.country, "agency"
        local = self.local_places()
        if span is not None:
            start, end = _clause_around(self.text, *span)
            in_clause = [p for p in local if start <= p.start < end]
            for kind in ("subdivision", "city", "country"):
                countries = {p.country for p in in_clause if p.kind == kind}
                if len(countries) == 1:
                    return countries.pop(), "sentence"
        for kind in ("subdivision", "city", "country"):
            countries = {p.country for p in local if p.kind == kind and p.country in CENTRAL_ASIA}
            if len(countries) == 1:
                return countries.pop(), "sentence"
        if self.context.country:
            return self.context.country, "context"
        return None, None

    def subdivision(self) -> str | None:
        for place in self.local_places():
            if place.kind == "subdivision":
                return place.code
        return None

    def agency(self) -> AgencyMention | None:
        for agency in self.agencies:
            if agency.code or agency.country:
                return agency
        if self.agencies:
            return self.agencies[0]
        return self.context.agency

    def locate(self, fact: Fact) -> Fact:
        """Fill country, subdivision and agency of a fact from the sentence and context,
        and say which years of the sentence were set aside as not its date."""
        if self.birth_years:
            fact.reasons.append("birth_year_set_aside")
        if self.past_years:
            fact.reasons.append("past_year_set_aside")
        start, end = fact.span
        offset = self.sentence.start
        fact.country, fact.country_source = self.country((start - offset, end - offset))
        fact.subdivision = self.subdivision()
        agency = self.agency()
        if agency is not None:
            fact.agency = agency.text
            fact.agency_code = agency.code
        return fact


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(mark, 0, start) for mark in ",;:(")
    rights = [i for i in (text.find(mark, end) for mark in ",;:)") if i >= 0]
    return left + 1, min(rights) if rights else len(text)


def stated_period(period: Period | None) -> StatedPeriod | None:
    if period is None:
        return None
    return StatedPeriod(period.text, period.start, period.end, period.kind)


CENTRAL_ASIA = {"KZ", "KG", "TJ", "TM", "UZ"}
# Periods that report a total rather than date one event.
REPORTING_KINDS = {
    "year",
    "years",
    "duration",
    "months_of_year",
    "half",
    "quarter",
    "year_to_date",
    "months",
    "since",
}


def inherit_period(view: SentenceView) -> None:
    """A sentence without its own period reports for the period stated earlier in its
    paragraph, or in the document's first sentences."""
    context = view.context
    known = context.period or context.lead_period
    if known is not None and known.start is not None:
        # "в первом квартале 2024 года ... За три месяца изъято": the same three months.
        view.periods = [
            replace(p, start=known.start, end=known.end)
            if p.kind == "duration"
            and p.duration_months
            and p.duration_months == known.duration_months
            else p
            for p in view.periods
        ]
    if view.periods:
        return
    if context.period is not None and context.paragraph == view.sentence.paragraph:
        view.inherited_period = context.period
    elif context.lead_period is not None:
        # "Итоги работы за 9 месяцев": a period in the lead covers the whole release.
        view.inherited_period = context.lead_period


def without_yo(text: str) -> str:
    """ё -> е (same length, so offsets are kept)."""
    return text.replace("ё", "е").replace("Ё", "Е")


_COUNT_UNIT_AFTER = re.compile(
    r"^\s+(?:tablets?|pills?|capsules?|doses?|ampoules?|blotters?|таблет\w*|капсул\w*|доз\w*|ампул\w*)(?![\w])",
    re.IGNORECASE,
)
_NUMBER_BEFORE = re.compile(rf"(?:{NUMBER_EXPRESSION_PATTERN})\s+$", re.IGNORECASE)


def _with_named_counts(
    text: str,
    quantities: list[QuantityMatch],
    substances: list[SubstanceMention],
    style: NumberStyle,
) -> list[QuantityMatch]:
    """Add counts written around the drug's name: "18,000 tramadol tablets"."""
    added = list(quantities)
    for mention in substances:
        unit = _COUNT_UNIT_AFTER.match(text[mention.end :])
        number = _NUMBER_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
        if not unit or not number:
            continue
        start = mention.start - (
            len(text[max(0, mention.start - 40) : mention.start]) - number.start()
        )
        end = mention.end + unit.end()
        if any(q.start < end and start < q.end for q in added):
            continue
        unit_def = unit_from_text(unit.group(0).strip())
        try:
            value, ambiguous, alternative, reason = parse_number_expression(
                number.group(0), style=style
            )
        except UnitsError:
            continue
        if unit_def is None:
            continue
        quantity = Quantity(
            value,
            unit_def.code,
            text[start:end],
            ambiguous,
            alternative,
            reason,
            ((value, unit_def.code),),
        )
        added.append(QuantityMatch(start, end, quantity))
    return sorted(added, key=lambda q: q.start)


_DATELINE_BEFORE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ\s.-]*,?\s*$|^\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\(\w+\)\s*)?[–—-]\s")


@dataclass
class DocumentScan:
    """Names found once in the whole (folded) document, handed to each sentence: one
    scan per pattern instead of one per pattern and sentence."""

    substances: list[SubstanceMention]
    places: list[PlaceMention]
    agencies: list[AgencyMention]

    @classmethod
    def of(cls, folded: str, context: DocumentContext) -> DocumentScan:
        places = find_places(folded)
        return cls(
            find_substances(folded, context.language),
            places,
            context.gazetteer.find(folded, places=places),
        )


_Mention = Any


def _within(mentions: list[_Mention], sentence: Sentence) -> list[_Mention]:
    """The mentions inside `sentence`, with offsets relative to it."""
    start, end = sentence.start, sentence.end
    return [
        replace(m, start=m.start - start, end=m.end - start)
        for m in mentions
        if start <= m.start and m.end <= end
    ]


def build_view(
    sentence: Sentence,
    context: DocumentContext,
    index: int = 0,
    scan: DocumentScan | None = None,
) -> SentenceView:
    style: NumberStyle = "en" if context.language == "en" else "ru"
    text = fold(sentence.text)
    if scan is None:
        places = find_places(text)
        substances = find_substances(text, context.language)
        agencies = context.gazetteer.find(text, places=places)
    else:
        places = _within(scan.places, sentence)
        substances = _within(scan.substances, sentence)
        agencies = _within(scan.agencies, sentence)
    dates = sentence_periods(text, context.document_date, context.language)
    # "DUSHANBE, 3 April 2024 – Officers ...": the dateline dates the release, not the event.
    dateline = [
        p
        for p in dates.periods
        if _DATELINE_BEFORE.match(text[: p.span[0]]) and _DATELINE_AFTER.match(text[p.span[1] :])
    ]
    if dateline:
        dates.periods = [p for p in dates.periods if p not in dateline]
    return SentenceView(
        sentence=sentence,
        language=context.language,
        substances=substances,
        places=places,
        agencies=agencies,
        periods=dates.periods,
        quantities=_with_named_counts(
            text,
            find_document_quantities(text, language=context.language, style=style),
            substances,
            style,
        ),
        context=context,
        matching_text=text,
        birth_years=dates.birth_years,
        past_years=dates.past_years,
        index=index,
    )


def update_context(view: SentenceView) -> None:
    """Carry the speaking agency and country forward to the following sentences.

    A sentence naming one agency (or exactly one country where things happen) sets the
    context; a sentence naming several countries clears the country, since it no longer
    says whose figures follow.
    """
    context = view.context
    if view.substances:
        context.drug_named = True
    named = [m for m in view.substances if m.kind in ("drug", "nps", "precursor")]
    if named:
        context.recent_drug, context.recent_drug_at = named[-1], view.index
    groups = [m for m in view.substances if m.kind == "group"]
    if groups:
        context.last_group_substance = groups[0]
    # "since 2018" dates a total in its own sentence, never the sentences after it.
    reporting = [p for p in view.periods if p.kind in REPORTING_KINDS and p.kind != "since"]
    if reporting:
        context.period, context.paragraph = reporting[0], view.sentence.paragraph
        if context.sentences_seen < 4 and context.lead_period is None:
            context.lead_period = reporting[0]
    context.sentences_seen += 1
    specific = {m.code for m in view.substances if m.kind != "group"}
    context.last_substance = (
        next(m for m in view.substances if m.kind != "group") if len(specific) == 1 else None
    )
    with_country = [a for a in view.agencies if a.country]
    if with_country:
        context.agency = with_country[0]
        context.country = with_country[0].country
        return
    if view.agencies:
        context.agency = view.agencies[0]
    # Foreign countries are origins, destinations or guests far more often than the
    # subject of the figures that follow; only the five countries set the context.
    local = [p for p in view.local_places() if p.country in CENTRAL_ASIA]
    # A region names one country more surely than the cities of a road ("Шымкент – Ташкент").
    for kind in ("subdivision", "city", "country"):
        if any(p.kind == kind for p in local):
            local = [p for p in local if p.kind == kind]
            break
    countries = {p.country for p in local}
    if len(countries) == 1:
        context.country = countries.pop()
    elif len(countries) > 1:
        context.country = None
        context.agency = None
