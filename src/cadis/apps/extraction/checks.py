"""Why a fact is as sure as it is, in words, and what a reviewer must confirm before recording it.

The engine gives each fact stable reason codes, a confidence and the plausibility codes a
reviewer must confirm (``payload["reasons"]``, ``["confidence"]``, ``["plausibility"]``); the
receiving module adds its own checks on the values about to be written (a date far from the
document's, a quantity far outside what is recorded for that substance). Accepting a fact that
fails any of them needs the reviewer's explicit confirmation of each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from cadis.apps.extraction import sinks
from cadis.apps.extraction.substance_words import substance_words
from cadis.engines.extract.confidence import MUST_CONFIRM as ENGINE_MUST_CONFIRM

REASON_LABELS = {
    "headline_only": _("found only in the headline"),
    "no_drug_named": _("no drug is named"),
    "weak_seizure_verb": _("the verb does not clearly say «seized»"),
    "no_seizure_verb": _("no «seized» verb"),
    "substance_from_context": _("the substance is taken from a neighbouring sentence"),
    "substance_identified_later": _("the substance is named later in the text"),
    "ambiguous_number": _("the number reads two ways (thousands or decimals)"),
    "date_far_from_document": _("the date is more than a year before the document"),
    "possible_birth_year": _("the year may be a person's year of birth"),
    "date_after_document": _("the date is after the document's date"),
    "period_before_document": _("the period ends well before the document"),
    "date_from_lead": _("the date is the one the lead states"),
    "birth_year_set_aside": _("a year of birth was set aside"),
    "past_year_set_aside": _("an earlier year was set aside"),
    "context_country": _("the country is taken from the context"),
    "regional_language": _("read from a text in a language of the region"),
    "single_person": _("one person"),
    "counted_together": _("persons counted together"),
    "members_of_group": _("members of a group"),
    "group_named_by_noun": _("the group is named by a noun only"),
    "implausible_quantity": _("the quantity is too large for one event"),
    "quantity_outside_usual_range": _(
        "the quantity is far larger than any recorded seizure of this substance"
    ),
    "restated": _("restated elsewhere in the text"),
    "rounded_restatement": _("a rounded figure restates it"),
    "sum_in_headline": _("the headline gives a sum"),
}
# Codes that must be confirmed one by one before a record is written: the engine's, and the
# receiving module's check of the values about to be written.
MUST_CONFIRM = frozenset(ENGINE_MUST_CONFIRM) | {"quantity_outside_usual_range"}


@dataclass(frozen=True)
class Check:
    code: str
    label: str


def reason_label(code: str) -> str:
    return str(REASON_LABELS.get(code, code.replace("_", " ")))


def confidence(fact: Any) -> float:
    value = (fact.payload or {}).get("confidence")
    return float(value) if isinstance(value, (int, float)) else 0.5


def reasons(fact: Any) -> list[str]:
    return [reason_label(code) for code in (fact.payload or {}).get("reasons") or []]


def to_confirm(
    fact: Any, values: dict[str, Any], user: Any, cache: dict | None = None
) -> list[Check]:
    """The checks the reviewer must confirm before ``values`` become a record."""
    codes = list((fact.payload or {}).get("plausibility") or [])
    codes += sinks.receiver_checks(fact, values, user, cache)
    return [
        Check(code, reason_label(code)) for code in dict.fromkeys(codes) if code in MUST_CONFIRM
    ]


def unconfirmed(checks: list[Check], confirmed: set[str] | frozenset[str]) -> list[Check]:
    return [check for check in checks if check.code not in confirmed]


def by_confidence(facts: list[Any]) -> list[Any]:
    """Facts waiting for review first, the surest first; then the reviewed ones in text order."""
    return sorted(
        facts,
        key=lambda f: (f.is_reviewed, -confidence(f) if not f.is_reviewed else 0, f.span_start),
    )


def annotate(facts: list[Any], user: Any) -> None:
    """Give each fact waiting for review what the page shows: confidence, reasons in words,
    the record it would create and the checks to confirm."""
    cache: dict = {}
    for fact in facts:
        fact.confidence_value = confidence(fact)
        fact.reason_labels = reasons(fact)
        fact.substance_words = substance_words((fact.payload or {}).get("substance_resolved"))
        fact.preview_rows, fact.checks_to_confirm = [], []
        if fact.is_reviewed:
            continue
        values = sinks.proposal(fact)
        fact.preview_rows = sinks.preview(fact, values, cache)
        fact.checks_to_confirm = to_confirm(fact, values, user, cache) if values else []
