"""Audit entries for every create, update and delete made through a service."""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import uuid
from functools import cache
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

from cadis.platform.records import SourceKind, actor_or_none

# The audit log's model stays in the accounts app, where its migration is; the platform
# reaches it by name so that it never imports a module.
AUDIT_MODEL = "accounts.AuditEntry"
SYSTEM_ACTOR = "system"  # the actor_repr of an entry the system wrote (no person acted)


class Action(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("updated")
    DELETE = "delete", _("deleted")


# Fields whose values never go into the audit log (secrets and derived noise).
_SKIPPED_FIELDS = {"password", "key_hash", "updated_at", "created_at"}


_PLAIN_JSON = (str, int, float, bool, type(None))


def _json_value(value: Any) -> Any:
    if type(value) in _PLAIN_JSON:  # most values; checked first for 100,000-row imports
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, bytes | memoryview):
        return f"<{len(value)} bytes>"
    if value is None or isinstance(value, str | int | float | bool | dict):
        return value
    return str(value)  # anything else JSON cannot hold (geometry, custom types) as its text


@cache
def _snapshot_fields(
    model: type[models.Model], excluded: tuple[str, ...]
) -> tuple[tuple[str, bool], ...]:
    """(attribute name, logged as a digest only) of the fields a snapshot of ``model`` holds;
    worked out once per model and exclusion (imports snapshot 100,000 records)."""
    return tuple(
        (field.attname, field.name in excluded)
        for field in model._meta.concrete_fields
        if field.name not in _SKIPPED_FIELDS
    )


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The concrete field values of a record, JSON-ready (foreign keys as ids).

    A model lists bulky or derived fields (a document's full text, search tokens) in
    ``audit_exclude``; the log then records only that they changed, by a digest.
    """
    data: dict[str, Any] = {}
    excluded = tuple(getattr(obj, "audit_exclude", ()))
    values = obj.__dict__  # where a field's value lives; its descriptor would cost a call
    for attname, digest_only in _snapshot_fields(type(obj), excluded):
        value = values[attname] if attname in values else getattr(obj, attname)
        if digest_only:
            data[attname] = (
                f"sha256:{hashlib.sha256(str(value).encode()).hexdigest()[:16]}" if value else value
            )
        else:
            data[attname] = value if type(value) in _PLAIN_JSON else _json_value(value)
    if obj.pk is not None:
        for field in obj._meta.many_to_many:
            data[field.name] = sorted(
                _json_value(v) for v in getattr(obj, field.name).values_list("pk", flat=True)
            )
    return data


def record(
    *,
    actor: Any,
    action: str,
    obj: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    source_kind: str = SourceKind.FORM,
    source_detail: dict[str, Any] | None = None,
) -> models.Model:
    actor_obj = actor_or_none(actor)
    entry: models.Model = apps.get_model(AUDIT_MODEL).objects.create(
        actor=actor_obj,
        actor_repr=actor_obj.get_username() if actor_obj else SYSTEM_ACTOR,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        country_id=getattr(obj, "country_id", None),
        before=before,
        after=after,
        source_kind=source_kind,
        source_detail=source_detail or {},
    )
    return entry


def record_create(
    *,
    actor: Any,
    obj: models.Model,
    source_kind: str = SourceKind.FORM,
    source_detail: dict[str, Any] | None = None,
) -> models.Model:
    return record(
        actor=actor,
        action=Action.CREATE,
        obj=obj,
        after=snapshot(obj),
        source_kind=source_kind,
        source_detail=source_detail,
    )


def record_update(
    *,
    actor: Any,
    obj: models.Model,
    before: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict[str, Any] | None = None,
) -> models.Model | None:
    after = snapshot(obj)
    if after == before:
        return None
    return record(
        actor=actor,
        action=Action.UPDATE,
        obj=obj,
        before=before,
        after=after,
        source_kind=source_kind,
        source_detail=source_detail,
    )


def record_delete(
    *,
    actor: Any,
    obj: models.Model,
    before: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict[str, Any] | None = None,
) -> models.Model:
    return record(
        actor=actor,
        action=Action.DELETE,
        obj=obj,
        before=before,
        source_kind=source_kind,
        source_detail=source_detail,
    )
