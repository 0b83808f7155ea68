"""Writes for supply reduction: seizures, cases and period statistics. Each is checked and audited.

Forms, the API and document extraction (accepted facts) all create records through these.
``data`` holds model instances (or None) under the model's field names.
"""

from __future__ import annotations

import hashlib
import json
import math
import uuid
from types import SimpleNamespace
from typing import Any

from django.db import IntegrityError, transaction

from cadis.apps.reference.geocoding import apply_place, subdivision_for
from cadis.apps.supply import rollup
from cadis.apps.supply.geocoding import geocode_seizure
from cadis.apps.supply.importing.loading import top_group_ids
from cadis.apps.supply.importing.rows import canonical_unit
from cadis.apps.supply.importing.vocabulary import key
from cadis.apps.supply.models import Case, LabDismantled, PeriodStatistic, Resolution, Seizure
from cadis.engines.units import UnitsError, normalise, parse_number, parse_quantity
from cadis.platform.api import MAX_QUANTITY
from cadis.platform.crud import apply_fields, new_record, save_created, scoped_update
from cadis.platform.errors import Conflict, ValidationError
from cadis.platform.records import SourceKind

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
    if not math.isfinite(value) or value > MAX_QUANTITY:
        raise ValidationError(
            f"The quantity must not exceed {MAX_QUANTITY:,}.",
            details={"field": "quantity_as_written"},
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
    previous_place = seizure.place
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
    geocode_seizure(seizure, previous_place=previous_place)


SEIZURE_MANY = ("concealment_methods", "transit_countries")
OWNER_MISSING = "A record needs a country and an owning organisation."


@transaction.atomic
def seizure_create(
    *,
    actor,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> Seizure:
    seizure = new_record(
        Seizure,
        actor=actor,
        country=data.get("country"),
        organisation=data.get("organisation"),
        source_kind=source_kind,
        source_detail=source_detail,
        missing=OWNER_MISSING,
    )
    _apply_seizure(seizure, data)
    seizure.fingerprint = _fingerprint(seizure, source_detail)
    try:
        return save_created(
            seizure,
            actor=actor,
            data=data,
            many=SEIZURE_MANY,
            after_save=lambda record: rollup.refresh_for([record]),
            source_kind=source_kind,
            source_detail=source_detail,
        )
    except IntegrityError:
        raise Conflict("This seizure has already been recorded from the same source.") from None


@transaction.atomic
def seizure_update(
    *,
    actor,
    seizure: Seizure,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> Seizure:
    old_bucket = SimpleNamespace(country_id=seizure.country_id, date=seizure.date)
    return scoped_update(
        seizure,
        actor=actor,
        data=data,
        fields=(),
        many=SEIZURE_MANY,
        prepare=lambda record: _apply_seizure(record, data),
        after_save=lambda record: _refresh_buckets(old_bucket, record),
        source_kind=source_kind,
        source_detail=source_detail,
        denied="You may not change this seizure.",
    )


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
    case = new_record(
        Case,
        actor=actor,
        country=data.get("country"),
        organisation=data.get("organisation"),
        source_kind=source_kind,
        source_detail=source_detail,
        missing=OWNER_MISSING,
    )
    if not (data.get("reference") or "").strip():
        raise ValidationError("A case needs a reference.", details={"field": "reference"})
    if data.get("date_start") and data.get("date_end") and data["date_end"] < data["date_start"]:
        raise ValidationError("The case ends before it starts.", details={"field": "date_end"})
    if Case.objects.filter(country=case.country, reference=data["reference"].strip()).exists():
        raise Conflict("A case with this reference already exists in this country.")
    apply_fields(case, data, CASE_FIELDS, skip_none=True)
    case.reference = case.reference.strip()
    return save_created(
        case,
        actor=actor,
        data={"agencies": data.get("agencies")},
        many=("agencies",),
        after_save=lambda record: _add_labs(record, data.get("labs") or []),
        source_kind=source_kind,
        source_detail=source_detail,
    )


def _refresh_buckets(*seizures) -> None:
    """Each bucket on its own: a moved seizure leaves one month and country for another."""
    for seizure in seizures:
        rollup.refresh_for([seizure])


def _add_labs(case: Case, labs: list[dict[str, Any]]) -> None:
    for lab in labs:
        LabDismantled.objects.create(
            case=case,
            kind=lab["kind"],
            products=lab.get("products", ""),
            substance=lab.get("substance"),
        )


@transaction.atomic
def period_statistic_create(
    *,
    actor,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> PeriodStatistic:
    stat = new_record(
        PeriodStatistic,
        actor=actor,
        country=data.get("country"),
        organisation=data.get("organisation"),
        source_kind=source_kind,
        source_detail=source_detail,
        missing=OWNER_MISSING,
    )
    if data.get("indicator") not in PeriodStatistic.Indicator.values:
        raise ValidationError("Unknown indicator.", details={"field": "indicator"})
    if data["period_end"] < data["period_start"]:
        raise ValidationError("The period ends before it starts.", details={"field": "period_end"})
    if data.get("value") is None or data["value"] < 0:
        raise ValidationError("The value must be zero or more.", details={"field": "value"})
    apply_fields(stat, data, STAT_FIELDS, skip_none=True)
    return save_created(stat, actor=actor, source_kind=source_kind, source_detail=source_detail)


@transaction.atomic
def seizure_place_resolve(*, actor, record: Seizure, place) -> Seizure:
    """A person's choice of the gazetteer place for a seizure the geocoder was unsure of."""

    def choose(seizure: Seizure) -> None:
        apply_place(seizure, place)
        if seizure.subdivision_id is None:
            seizure.subdivision = subdivision_for(seizure)

    old_bucket = SimpleNamespace(country_id=record.country_id, date=record.date)
    return scoped_update(
        record,
        actor=actor,
        data={},
        fields=(),
        prepare=choose,
        after_save=lambda saved: _refresh_buckets(old_bucket, saved),
        denied="You may not change this seizure.",
    )
