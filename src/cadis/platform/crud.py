"""Scoped create, update and delete: what every module's write service does, written once.

A service keeps its domain checks (a case needs a reference, a period must not end before it
starts) and hands the rest to these helpers:

- owner resolution and the permission check (``scope.owner_for`` / ``scope.can_change``);
- the fields it lists, copied from ``data`` (model instances under the model's field names);
- the many-to-many fields, set after the save;
- provenance (``source_kind``, ``source_ref``, ``created_by``) and the audit entry.

    seizure = scoped_create(
        Seizure, actor=actor, data=data, fields=SEIZURE_FIELDS, many=("concealment_methods",),
        prepare=_check_seizure, source_kind=source_kind, source_detail=source_detail,
    )

``prepare(record)`` runs after the fields are applied and before the save: it derives fields
and raises ``ValidationError`` for what the domain forbids. ``after_save(record)`` runs after
the save and the many-to-many fields, before the audit entry (derived rows, links, rollups).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from django.db import models, transaction

from cadis.platform import audit
from cadis.platform.errors import PermissionDenied
from cadis.platform.records import SourceKind, actor_or_none
from cadis.platform.scope import can_change, owner_for

M = TypeVar("M", bound=models.Model)
Prepare = Callable[[Any], None]
AfterSave = Callable[[Any], None]


def apply_fields(
    record: models.Model, data: Mapping[str, Any], fields: Iterable[str], *, skip_none: bool = False
) -> None:
    """Copy the listed fields present in ``data`` onto the record (``skip_none``: keep the
    record's value where ``data`` holds None)."""
    for name in fields:
        if name in data and not (skip_none and data[name] is None):
            setattr(record, name, data[name])


def set_many(record: models.Model, data: Mapping[str, Any], names: Iterable[str]) -> None:
    """Set the listed many-to-many fields present in ``data`` (None clears them)."""
    for name in names:
        if name in data:
            getattr(record, name).set(data[name] or [])


def new_record(
    model: type[M],
    *,
    actor: Any,
    country: Any = None,
    organisation: Any = None,
    regional_country: Any = None,
    source_kind: str = SourceKind.FORM,
    source_detail: Mapping[str, Any] | None = None,
    missing: str = "Say which country and organisation own this record.",
    denied: str = "You may not create records for this country or organisation.",
    **values: Any,
) -> M:
    """An unsaved record owned where the actor may create it, with its provenance."""
    country, organisation = owner_for(
        actor,
        country=country,
        organisation=organisation,
        regional_country=regional_country,
        missing=missing,
        denied=denied,
    )
    return model(
        country=country,
        organisation=organisation,
        source_kind=source_kind,
        source_ref=dict(source_detail or {}),
        created_by=actor_or_none(actor),
        **values,
    )


@transaction.atomic
def save_created(
    record: M,
    *,
    actor: Any,
    data: Mapping[str, Any] | None = None,
    many: Iterable[str] = (),
    after_save: AfterSave | None = None,
    source_kind: str = SourceKind.FORM,
    source_detail: Mapping[str, Any] | None = None,
) -> M:
    """Save a new record, set its many-to-many fields and write the audit entry."""
    record.save()
    set_many(record, data or {}, many)
    if after_save is not None:
        after_save(record)
    audit.record_create(
        actor=actor, obj=record, source_kind=source_kind, source_detail=_detail(source_detail)
    )
    return record


@transaction.atomic
def scoped_create(
    model: type[M],
    *,
    actor: Any,
    data: Mapping[str, Any],
    fields: Iterable[str],
    many: Iterable[str] = (),
    prepare: Prepare | None = None,
    after_save: AfterSave | None = None,
    country: Any = None,
    organisation: Any = None,
    regional_country: Any = None,
    skip_none: bool = False,
    source_kind: str = SourceKind.FORM,
    source_detail: Mapping[str, Any] | None = None,
    missing: str = "Say which country and organisation own this record.",
    denied: str = "You may not create records for this country or organisation.",
    **values: Any,
) -> M:
    """Create a record owned where the actor may create it; audited, with provenance."""
    record = new_record(
        model,
        actor=actor,
        country=country,
        organisation=organisation,
        regional_country=regional_country,
        source_kind=source_kind,
        source_detail=source_detail,
        missing=missing,
        denied=denied,
        **values,
    )
    apply_fields(record, data, fields, skip_none=skip_none)
    if prepare is not None:
        prepare(record)
    return save_created(
        record,
        actor=actor,
        data=data,
        many=many,
        after_save=after_save,
        source_kind=source_kind,
        source_detail=source_detail,
    )


def check_change(
    actor: Any, record: models.Model, denied: str = "You may not change this record."
) -> None:
    if not can_change(actor, record):
        raise PermissionDenied(denied)


@transaction.atomic
def scoped_update(
    record: M,
    *,
    actor: Any,
    data: Mapping[str, Any],
    fields: Iterable[str],
    many: Iterable[str] = (),
    prepare: Prepare | None = None,
    after_save: AfterSave | None = None,
    skip_none: bool = False,
    source_kind: str = SourceKind.FORM,
    source_detail: Mapping[str, Any] | None = None,
    denied: str = "You may not change this record.",
) -> M:
    """Change a record the actor may change; the audit entry holds before and after."""
    check_change(actor, record, denied)
    before = audit.snapshot(record)
    apply_fields(record, data, fields, skip_none=skip_none)
    if prepare is not None:
        prepare(record)
    return save_updated(
        record,
        actor=actor,
        before=before,
        data=data,
        many=many,
        after_save=after_save,
        source_kind=source_kind,
        source_detail=source_detail,
    )


@transaction.atomic
def save_updated(
    record: M,
    *,
    actor: Any,
    before: dict[str, Any],
    data: Mapping[str, Any] | None = None,
    many: Iterable[str] = (),
    after_save: AfterSave | None = None,
    source_kind: str = SourceKind.FORM,
    source_detail: Mapping[str, Any] | None = None,
) -> M:
    """Save a changed record (``before`` is its ``audit.snapshot`` from before the change)."""
    record.save()
    set_many(record, data or {}, many)
    if after_save is not None:
        after_save(record)
    audit.record_update(
        actor=actor,
        obj=record,
        before=before,
        source_kind=source_kind,
        source_detail=_detail(source_detail),
    )
    return record


@transaction.atomic
def scoped_delete(
    record: models.Model,
    *,
    actor: Any,
    source_kind: str = SourceKind.FORM,
    source_detail: Mapping[str, Any] | None = None,
    denied: str = "You may not delete this record.",
    after_delete: Callable[[], None] | None = None,
) -> None:
    """Delete a record the actor may change; the audit entry keeps what it held."""
    check_change(actor, record, denied)
    before = audit.snapshot(record)
    audit.record_delete(
        actor=actor,
        obj=record,
        before=before,
        source_kind=source_kind,
        source_detail=_detail(source_detail),
    )
    record.delete()
    if after_delete is not None:
        after_delete()


def _detail(source_detail: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return dict(source_detail) if source_detail is not None else None
