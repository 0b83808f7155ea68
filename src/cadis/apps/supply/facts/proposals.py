"""What an accepted document fact becomes in the supply registry, and how it is created.

A *proposal* is the record a fact suggests, as plain values (codes, ISO dates, numbers) so that
it can prefill the edit form and be stored on the fact; ``record_create`` resolves the codes and
calls the supply services.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cadis.apps.reference.models import Agency, Country, Subdivision, Substance
from cadis.apps.supply import services as supply
from cadis.apps.supply.models import Case, Seizure
from cadis.platform.errors import ValidationError
from cadis.platform.records import SourceKind

SEIZURE, STATISTIC, CASE = "seizure", "statistic", "case"
RECORD_KINDS = {
    SEIZURE: _("Seizure (one event)"),
    STATISTIC: _("Period statistic (a total for a period)"),
    CASE: _("Case (dismantled groups, arrests)"),
}
SEIZURE_TYPES = ("seizure", "precursor_seizure")
CASE_TYPES = ("groups_dismantled", "arrests", "detained", "prosecuted", "lab_dismantled")
RECORDABLE_TYPES = SEIZURE_TYPES + CASE_TYPES
# Fact type -> the period-statistic indicator for its totals.
INDICATORS = {
    "seizure": "quantity_seized",
    "precursor_seizure": "quantity_seized",
    "groups_dismantled": "groups_dismantled",
    "arrests": "arrests",
    "detained": "arrests",
    "prosecuted": "offences",
    "lab_dismantled": "labs_dismantled",
}
SYNTHETIC_HINTS = ("synthetic", "mephedrone", "alpha_pvp", "methamphetamine", "amphetamine")


def number_text(value: float) -> str:
    """A number as the supply parser reads it unambiguously (decimal comma, no grouping)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")


def _period(payload: dict) -> tuple[str | None, str | None]:
    period = payload.get("period") or {}
    return period.get("start"), period.get("end")


def _precision(start: str | None, end: str | None) -> str:
    if not start or not end or start == end:
        return "day"
    return "month" if start[:7] == end[:7] else "year"


def default_kind(fact) -> str | None:
    """The record a fact type suggests: seizures for events, statistics for totals, cases."""
    if fact.type in SEIZURE_TYPES:
        return STATISTIC if fact.payload.get("aggregate") else SEIZURE
    if fact.type in CASE_TYPES:
        return CASE
    return None


def proposal(fact, kind: str | None = None) -> dict[str, Any]:
    """Plain values of the record ``fact`` suggests (``kind`` overrides the default)."""
    kind = kind or default_kind(fact)
    if kind is None:
        return {}
    p, document = fact.payload, fact.document
    start, end = _period(p)
    published = document.published_on.isoformat() if document.published_on else None
    substance = p.get("substance_resolved") or p.get("substance_group") or ""
    common = {
        "kind": kind,
        "country": p.get("country") or document.country.code,
        "agency": p.get("agency_code") or "",
        "substance": substance,
    }
    if kind == SEIZURE:
        quantity = p.get("quantity")
        if quantity is None:
            quantity = p.get("count")
        return common | {
            "date": end or start or published or timezone.localdate().isoformat(),
            "date_precision": _precision(start, end),
            "subdivision": p.get("subdivision") or "",
            "substance_as_written": p.get("substance") or "",
            "quantity_as_written": number_text(quantity) if quantity is not None else "",
            "unit_as_written": p.get("unit") or ("unit" if p.get("count") else ""),
            # The engine resolved the name through the reference synonyms.
            "substance_resolution": "synonym" if substance else "",
        }
    if kind == STATISTIC:
        if p.get("quantity_kg") is not None and fact.type in SEIZURE_TYPES:
            value, unit = p["quantity_kg"], "kg"
        else:
            value, unit = p.get("count"), "count"
        return common | {
            "indicator": INDICATORS.get(fact.type, "quantity_seized"),
            "value": value,
            "unit": unit,
            "period_start": start or "",
            "period_end": end or "",
            "source_text": fact.sentence or fact.text,
        }
    count = p.get("count") or 0
    return common | {
        "reference": f"DOC-{document.pk}-{fact.span_start}",
        "date_start": start or published or "",
        "date_end": end or start or published or "",
        "groups_dismantled": count if fact.type == "groups_dismantled" else 0,
        "group_members": p.get("members") or 0,
        "persons_arrested": count if fact.type in ("arrests", "detained") else 0,
        "persons_prosecuted": count if fact.type == "prosecuted" else 0,
        "labs": count if fact.type == "lab_dismantled" else 0,
        "summary": fact.sentence or fact.text,
    }


def _date(value, field: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(
            f"'{value}' is not a date (YYYY-MM-DD).", details={"field": field}
        ) from None


def _coded(model, code, field: str):
    if not code:
        return None
    obj = model.objects.filter(code=code).first()
    if obj is None:
        raise ValidationError(f"Unknown {field}: {code}.", details={"field": field})
    return obj


def _owner(values: dict, document, actor) -> dict:
    country = _coded(Country, values.get("country"), "country")
    if country is None:
        raise ValidationError(
            "Say which country the record is about.", details={"field": "country"}
        )
    # The document's owner keeps the record when it is about the owner's country.
    if document.country_id == country.pk:
        organisation = document.organisation
    else:
        organisation = getattr(actor, "organisation", None)
    return {
        "country": country,
        "organisation": organisation,
        "confidentiality": document.confidentiality,
        "agency": _coded(Agency, values.get("agency"), "agency"),
    }


def service_data(values: dict, document, actor) -> dict[str, Any]:
    """Model instances under the supply services' field names, from plain values."""
    kind = values["kind"]
    data = _owner(values, document, actor)
    substance = _coded(Substance, values.get("substance"), "substance")
    if kind == SEIZURE:
        date = _date(values.get("date"), "date")
        if date is None:
            raise ValidationError("A seizure needs a date.", details={"field": "date"})
        return data | {
            "date": date,
            "date_precision": values.get("date_precision") or "day",
            "subdivision": _coded(Subdivision, values.get("subdivision"), "subdivision"),
            "substance": substance,
            "substance_as_written": values.get("substance_as_written") or "",
            "quantity_as_written": str(values.get("quantity_as_written") or ""),
            "unit_as_written": values.get("unit_as_written") or "",
            "substance_resolution": values.get("substance_resolution") or None,
            # The sentence it was read from, as written; where it was read (document and
            # characters) is the record's provenance, shown in the reader's language.
            "notes": values.get("quote") or "",
        }
    if kind == STATISTIC:
        start = _date(values.get("period_start"), "period_start")
        end = _date(values.get("period_end"), "period_end")
        if start is None or end is None:
            raise ValidationError(
                "A period statistic needs the period's start and end; edit the fact.",
                details={"field": "period_start"},
            )
        value = values.get("value")
        return data | {
            "indicator": values.get("indicator"),
            "substance": substance,
            "value": float(value) if value not in (None, "") else None,
            "unit": values.get("unit") or "count",
            "period_start": start,
            "period_end": end,
            "source_text": values.get("source_text") or "",
        }
    labs = int(values.get("labs") or 0)
    kind_of_lab = (
        "synthetic"
        if any(h in (values.get("substance") or "") for h in SYNTHETIC_HINTS)
        else "other"
    )
    return data | {
        "reference": values.get("reference") or "",
        "date_start": _date(values.get("date_start"), "date_start"),
        "date_end": _date(values.get("date_end"), "date_end"),
        "groups_dismantled": int(values.get("groups_dismantled") or 0),
        "group_members": int(values.get("group_members") or 0),
        "persons_arrested": int(values.get("persons_arrested") or 0),
        "persons_prosecuted": int(values.get("persons_prosecuted") or 0),
        "summary": values.get("summary") or "",
        "agencies": [data["agency"]] if data["agency"] else [],
        "labs": [{"kind": kind_of_lab, "products": "", "substance": substance}] * labs,
    }


def record_create(*, actor, fact, values: dict, source_kind: str = SourceKind.DOCUMENT):
    """Create the supply record through the supply services, linked to document and span."""
    detail = {
        "document": fact.document_id,
        "span": [fact.span_start, fact.span_end],
        "fact": fact.pk,
    }
    data = service_data(values | {"quote": fact.sentence or fact.text}, fact.document, actor)
    create = {
        SEIZURE: supply.seizure_create,
        STATISTIC: supply.period_statistic_create,
        CASE: supply.case_create,
    }[values["kind"]]
    if values["kind"] != CASE:
        data.pop("agencies", None)
    return create(actor=actor, data=data, source_kind=source_kind, source_detail=detail)


def record_link(record_type, record_id) -> tuple[str, str] | None:
    """(label, url) of the supply record a fact became."""
    if record_id is None or record_type is None:
        return None
    model = record_type.model_class()
    if model is Seizure:
        return f"{gettext('seizure')} #{record_id}", reverse(
            "supply:seizure_detail", args=[record_id]
        )
    if model is Case:
        return f"{gettext('case')} #{record_id}", reverse("supply:case_detail", args=[record_id])
    return f"{gettext('period statistic')} #{record_id}", reverse("supply:statistic_list")
