"""How sure the rules are of each fact, why, and what a reviewer must confirm.

Every fact gets
- `reasons`: stable codes for what weakens or supports it (`headline_only`,
  `no_drug_named`, `weak_seizure_verb`, `no_seizure_verb`, `substance_from_context`,
  `restated`, `rounded_restatement`, `date_far_from_document`, `possible_birth_year`,
  `date_after_document`, `period_before_document`, `date_from_lead`, `ambiguous_number`,
  `context_country`, `regional_language`, `single_person`, `counted_together`,
  `members_of_group`, `group_named_by_noun`, `implausible_quantity`);
- `confidence` between 0 and 1, from a base per fact type and a weight per reason;
- `plausibility`: the reasons a reviewer must confirm before the fact becomes a record
  (a date far from the document's, a year that may be a birth year, a number that reads
  two ways, a quantity too large for one event).

Dates are checked here too: one event cannot be dated years before the document unless
the text states a period for a total ("в 2023 году изъято ..."); such an event date is
dropped, and an event without a date of its own takes the day the lead states ("Вчера",
"16 мая").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from cadis.engines.extract.language import REGIONAL
from cadis.engines.extract.model import Fact, StatedPeriod

BASE = {
    "seizure": 0.85,
    "precursor_seizure": 0.85,
    "detained": 0.8,
    "arrests": 0.8,
    "prosecuted": 0.8,
    "groups_dismantled": 0.8,
    "lab_dismantled": 0.8,
}
WEIGHTS = {
    "headline_only": -0.2,
    "no_drug_named": -0.2,
    "weak_seizure_verb": -0.1,
    "no_seizure_verb": -0.15,
    "substance_from_context": -0.1,
    "ambiguous_number": -0.15,
    "date_far_from_document": -0.2,
    "possible_birth_year": -0.25,
    "date_after_document": -0.2,
    "period_before_document": -0.1,
    "context_country": -0.05,
    "regional_language": -0.05,
    "single_person": -0.05,
    "members_of_group": -0.1,
    "group_named_by_noun": -0.05,
    "implausible_quantity": -0.3,
    "restated": 0.05,
    "rounded_restatement": 0.0,
    "counted_together": 0.0,
    "date_from_lead": 0.0,
    "birth_year_set_aside": 0.0,
    "past_year_set_aside": 0.0,
    "substance_identified_later": -0.05,
    "sum_in_headline": 0.0,
}
MUST_CONFIRM = (
    "date_far_from_document",
    "possible_birth_year",
    "date_after_document",
    "period_before_document",
    "ambiguous_number",
    "implausible_quantity",
)
SCORED = tuple(BASE)
_EVENT_KINDS = ("day", "day_range", "week", "month")
# One event of more than this is rare enough to be confirmed (the largest single seizures
# reported in the region are tens of tonnes of hashish or cannabis).
IMPLAUSIBLE_SINGLE_KG = 50_000.0


def headline_end(text: str) -> int:
    """End of the title line when the document opens with one (no final full stop)."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    line = stripped.split("\n", 1)[0]
    if "\n" not in stripped or len(line) > 250 or line.rstrip().endswith((".", "!", "?", ":")):
        return 0
    return offset + len(line)


def lead_event_period(facts_periods: list[tuple[int, StatedPeriod]], document_date: date | None):  # type: ignore[no-untyped-def]
    """The day (or week) the lead states for the story: "Вчера ...", "16 мая ...".

    `facts_periods` are (position, period) pairs of the document's sentences, in order.
    """
    for _position, period in facts_periods:
        if period.kind not in _EVENT_KINDS or period.start is None:
            continue
        if document_date is not None and not (
            document_date - timedelta(days=62) <= period.start <= document_date + timedelta(days=1)
        ):
            continue
        return period
    return None


def _check_dates(fact: Fact, document_date: date | None, lead: StatedPeriod | None) -> None:
    period = fact.period
    if period is not None and period.kind == "since" and not fact.aggregate:
        fact.period = period = None  # "since 2018" dates a total, not one event
    if document_date is None:
        return
    if period is not None and period.start is not None:
        end = period.end or period.start
        if period.start > document_date + timedelta(days=1):
            fact.reasons.append("date_after_document")
        elif period.kind == "year" and period.start.year <= document_date.year - 15:
            fact.reasons.append("possible_birth_year")
            if not fact.aggregate:
                fact.period = None
        elif end < document_date - timedelta(days=366):
            if fact.aggregate:
                if end < date(document_date.year - 1, 1, 1):
                    fact.reasons.append("period_before_document")
            else:
                fact.reasons.append("date_far_from_document")
                fact.period = None
    if fact.period is None and not fact.aggregate and lead is not None:
        fact.period = replace(lead)
        fact.reasons.append("date_from_lead")


def assess(
    facts: list[Fact],
    *,
    text: str,
    language: str,
    document_date: date | None,
    lead: StatedPeriod | None,
) -> None:
    """Fill `language`, `reasons`, `confidence` and `plausibility` of every fact."""
    title_end = headline_end(text)
    for fact in facts:
        fact.language = language
        if not fact.spans:
            fact.spans = [fact.span]
        if fact.type not in SCORED:
            fact.confidence = 0.7
            continue
        _check_dates(fact, document_date, lead)
        reasons = fact.reasons
        if title_end and all(end <= title_end for _start, end in fact.spans):
            reasons.append("headline_only")
        if fact.ambiguity:
            reasons.append("ambiguous_number")
        if fact.country_source == "context":
            reasons.append("context_country")
        if language in REGIONAL:
            reasons.append("regional_language")
        if (
            fact.type in ("seizure", "precursor_seizure")
            and not fact.aggregate
            and (fact.quantity_kg or 0) > IMPLAUSIBLE_SINGLE_KG
        ):
            reasons.append("implausible_quantity")
        fact.reasons = list(dict.fromkeys(reasons))
        score = BASE[fact.type] + sum(WEIGHTS.get(code, 0.0) for code in fact.reasons)
        if len(fact.spans) > 2:
            score += 0.03
        fact.confidence = round(min(0.99, max(0.05, score)), 2)
        fact.plausibility = [code for code in fact.reasons if code in MUST_CONFIRM]
