"""Writes for supply reduction: seizures, cases and period statistics. Each is checked and audited.

Forms, the API and document extraction (accepted facts) all create records through these.
``data`` holds model instances (or None) under the model's field names.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from types import SimpleNamespace
from typing import Any

from django.db import IntegrityError, transaction

from cadis.apps.accounts import audit
from cadis.apps.accounts.errors import Conflict, PermissionDenied, ValidationError
from cadis.apps.accounts.models import SourceKind
from cadis.apps.accounts.scope import can_change, can_create_in
from cadis.apps.supply import rollup
from cadis.apps.supply.importing.loading import top_group_ids
from cadis.apps.supply.importing.rows import canonical_unit
from cadis.apps.supply.importing.vocabulary import key
from cadis.apps.supply.models import Case, LabDismantled, PeriodStatistic, Resolution, Seizure
from cadis.engines.units import UnitsError, normalise, parse_number, parse_quantity

SEIZURE_FIELDS = (
    "date",
    "date_precision",
    "subdivision",
    "place",
    "agency",
    "substance",
    "substance_as_written",
    "form",
    "quantity_as_written",
    "unit_as_written",
    "purity",
    "transport_mode",
    "departure_country",
    "destination_country",
    "producing_country",
    "case",
    "confidentiality",
    "notes",
)
CASE_FIELDS = (
    "reference",
    "date_start",
    "date_end",
    "operation_name",
    "groups_dismantled",
    "group_members",
    "persons_arrested",
    "persons_prosecuted",
    "women",
    "minors",
    "foreigners",
    "summary",
    "confidentiality",
)
_TEXT_FIELDS = ("place", "notes", "unit_as_written", "substance_as_written", "quantity_as_written")
STAT_FIELDS = (
    "indicator",
    "substance",
    "substance_group",
    "value",
    "unit",
    "period_start",
    "period_end",
    "agency",
    "source_text",
    "confidentiality",
)


def _owner(actor, data: dict[str, Any]) -> tuple[Any, Any]:
    organisation = data.get("organisation") or getattr(actor, "organisation", None)
    country = data.get("country") or (organisation.country if organisation else None)
    if organisation is None or country is None:
        raise ValidationError("A record needs a country and an owning organisation.")
    if not can_create_in(actor, country_id=country.pk, organisation_id=organisation.pk):
        raise PermissionDenied("You may not create records for this country or organisation.")
    return country, organisation


def normalise_quantity(quantity_text: str, unit_text: str = "") -> dict[str, Any]:
    """Quantity fields of a seizure from the quantity (and unit) as written."""
    try:
        if unit_text.strip():
            number = parse_number(quantity_text)
            value, unit, ambiguous = number.value, unit_text.strip(), number.ambiguous
            alternative = number.alternative
        else:
            quantity = parse_quantity(quantity_text)
            value, unit, ambiguous = quantity.value, quantity.unit, quantity.ambiguous
            alternative = quantity.alternative
        result = normalise(value, unit)
    except UnitsError as error:
        raise ValidationError(
            error.message, details={"field": "quantity_as_written", "code": str(error.code)}
        ) from None
    if ambiguous:
        raise ValidationError(
            f"'{quantity_text}' is ambiguous: {value:g} or {alternative:g}; write it with a decimal comma.",
            details={"field": "quantity_as_written", "code": "ambiguous_number"},
        )
    if value < 0:
        raise ValidationError(
            "The quantity must not be negative.", details={"field": "quantity_as_written"}
        )
    return {
        "quantity_value": value,
        "quantity_unit": canonical_unit(unit),
        "normalised_quantity": result.quantity,
        "normalised_unit": result.unit,
        "conversion_rule": result.rule,
    }


def _fingerprint(seizure: Seizure, source_detail: dict | None) -> str:
    natural = "|".join(
        str(v)
        for v in (
            seizure.country_id,
            seizure.date,
            seizure.date_precision,
            key(seizure.substance_as_written),
            repr(round(seizure.normalised_quantity, 9)),
            seizure.normalised_unit,
            key(seizure.place),
            seizure.agency_id,
            seizure.subdivision_id,
        )
    )
    # The same document fact accepted twice is the same record; form entries are always new.
    salt = (
        json.dumps(source_detail, sort_keys=True, default=str)
        if source_detail
        else uuid.uuid4().hex
    )
    return hashlib.sha256(f"{natural}|{salt}".encode()).hexdigest()


def _apply_seizure(seizure: Seizure, data: dict[str, Any]) -> None:
    for name in SEIZURE_FIELDS:
        if name in data:
            value = data[name]
            if value is None and name in _TEXT_FIELDS:
                value = ""
            setattr(seizure, name, value)
    if not seizure.substance_as_written and seizure.substance_id:
        seizure.substance_as_written = seizure.substance.name
    if seizure.substance_id:
        group_id = seizure.substance.group_id
        seizure.substance_group_id = top_group_ids().get(group_id) if group_id else None
        if data.get("substance_resolution") is None and "substance" in data:
            seizure.substance_resolution = Resolution.CHOSEN
    else:
        seizure.substance_group_id = None
        seizure.substance_resolution = Resolution.UNRESOLVED
    if "substance_resolution" in data and data["substance_resolution"]:
        seizure.substance_resolution = data["substance_resolution"]
    for name, value in normalise_quantity(
        seizure.quantity_as_written, seizure.unit_as_written or ""
    ).items():
        setattr(seizure, name, value)
    if seizure.purity is not None and not 0 <= seizure.purity <= 100:
        raise ValidationError("Purity must be between 0 and 100 %.", details={"field": "purity"})
    if seizure.subdivision_id and seizure.subdivision.country_id != seizure.country_id:
        raise ValidationError(
            "The subdivision is not in the seizure's country.", details={"field": "subdivision"}
        )
    if not seizure.substance_as_written:
        raise ValidationError(
            "Give the substance as written or choose one.", details={"field": "substance"}
        )


def _set_many(seizure: Seizure, data: dict[str, Any]) -> None:
    if "concealment_methods" in data:
        seizure.concealment_methods.set(data["concealment_methods"] or [])
    if "transit_countries" in data:
        seizure.transit_countries.set(data["transit_countries"] or [])


@transaction.atomic
def seizure_create(
    *,
    actor,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> Seizure:
    country, organisation = _owner(actor, data)
    seizure = Seizure(
        country=country,
        organisation=organisation,
        source_kind=source_kind,
        source_ref=source_detail or {},
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _apply_seizure(seizure, data)
    seizure.fingerprint = _fingerprint(seizure, source_detail)
    try:
        with transaction.atomic():
            seizure.save()
    except IntegrityError:
        raise Conflict("This seizure has already been recorded from the same source.") from None
    _set_many(seizure, data)
    rollup.refresh_for([seizure])
    audit.record_create(
        actor=actor, obj=seizure, source_kind=source_kind, source_detail=source_detail
    )
    return seizure


@transaction.atomic
def seizure_update(
    *,
    actor,
    seizure: Seizure,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> Seizure:
    if not can_change(actor, seizure):
        raise PermissionDenied("You may not change this seizure.")
    before = audit.snapshot(seizure)
    old_bucket = SimpleNamespace(country_id=seizure.country_id, date=seizure.date)
    _apply_seizure(seizure, data)
    seizure.save()
    _set_many(seizure, data)
    rollup.refresh_for([old_bucket])
    rollup.refresh_for([seizure])
    audit.record_update(
        actor=actor,
        obj=seizure,
        before=before,
        source_kind=source_kind,
        source_detail=source_detail,
    )
    return seizure


@transaction.atomic
def case_create(
    *,
    actor,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> Case:
    """A case; ``data["agencies"]`` may name agencies of several countries (joint operations);
    ``data["labs"]`` is a list of ``{"kind", "products", "substance"}``."""
    country, organisation = _owner(actor, data)
    if not (data.get("reference") or "").strip():
        raise ValidationError("A case needs a reference.", details={"field": "reference"})
    if data.get("date_start") and data.get("date_end") and data["date_end"] < data["date_start"]:
        raise ValidationError("The case ends before it starts.", details={"field": "date_end"})
    if Case.objects.filter(country=country, reference=data["reference"].strip()).exists():
        raise Conflict("A case with this reference already exists in this country.")
    case = Case(
        country=country,
        organisation=organisation,
        source_kind=source_kind,
        source_ref=source_detail or {},
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    for name in CASE_FIELDS:
        if data.get(name) is not None:
            setattr(case, name, data[name])
    case.reference = case.reference.strip()
    case.save()
    case.agencies.set(data.get("agencies") or [])
    for lab in data.get("labs") or []:
        LabDismantled.objects.create(
            case=case,
            kind=lab["kind"],
            products=lab.get("products", ""),
            substance=lab.get("substance"),
        )
    audit.record_create(actor=actor, obj=case, source_kind=source_kind, source_detail=source_detail)
    return case


@transaction.atomic
def period_statistic_create(
    *,
    actor,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> PeriodStatistic:
    country, organisation = _owner(actor, data)
    if data.get("indicator") not in PeriodStatistic.Indicator.values:
        raise ValidationError("Unknown indicator.", details={"field": "indicator"})
    if data["period_end"] < data["period_start"]:
        raise ValidationError("The period ends before it starts.", details={"field": "period_end"})
    if data.get("value") is None or data["value"] < 0:
        raise ValidationError("The value must be zero or more.", details={"field": "value"})
    stat = PeriodStatistic(
        country=country,
        organisation=organisation,
        source_kind=source_kind,
        source_ref=source_detail or {},
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    for name in STAT_FIELDS:
        if data.get(name) is not None:
            setattr(stat, name, data[name])
    stat.save()
    audit.record_create(actor=actor, obj=stat, source_kind=source_kind, source_detail=source_detail)
    return stat
