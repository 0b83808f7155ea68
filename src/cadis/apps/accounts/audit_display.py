"""The audit log as people read it: object by name with a link, before → after, source in words.

Entries store ``object_type`` (``"supply.seizure"``), snapshots of field values and a source
dict; this turns them into labels in the active language. The detail page of a type comes
from the module registry (``detail_pages``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from cadis.apps.accounts.models import AuditEntry
from cadis.platform import modules

MAX_CHANGES = 8
HIDDEN = {"id", "created_at", "updated_at", "created_by_id", "search_vector"}


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class EntryView:
    entry: AuditEntry
    type_label: str
    url: str | None
    source: str
    changes: list[Change] = field(default_factory=list)


def model_of(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def type_label(object_type: str) -> str:
    model = model_of(object_type)
    return str(model._meta.verbose_name) if model else object_type


def type_choices(entries) -> list[tuple[str, str]]:
    """Object types of ``entries`` (the log the user may read), as (value, label), for the filter."""
    types = entries.order_by().values_list("object_type", flat=True).distinct()
    return sorted(((t, type_label(t)) for t in types), key=lambda c: c[1].lower())


def module_choices() -> list[tuple[str, str]]:
    return [(c.label, str(c.verbose_name)) for c in modules.app_configs()]


def _field(model, name: str):
    try:
        return model._meta.get_field(name[:-3] if name.endswith("_id") else name)
    except FieldDoesNotExist:
        return None


def _value(model_field, value: Any, related: dict) -> str:
    if value is None or value == "":
        return "—"
    if model_field is not None and model_field.is_relation and model_field.related_model:
        return related.get((model_field.related_model, value), f"№ {value}")
    if model_field is not None and getattr(model_field, "choices", None):
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str) and value.startswith("sha256:"):
        return _("(not shown)")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def _source(entry: AuditEntry) -> str:
    words = [entry.get_source_kind_display()]
    detail = entry.source_detail or {}
    if detail.get("file"):
        words.append(_("file %(name)s") % {"name": detail["file"]})
    if detail.get("row"):
        words.append(_("row %(number)s") % {"number": detail["row"]})
    return ", ".join(words)


def _url(entry: AuditEntry) -> str | None:
    name = modules.detail_page(entry.object_type)
    if not name or entry.action == "delete" or not str(entry.object_id).isdigit():
        return None
    try:
        return reverse(name, args=[int(entry.object_id)])
    except NoReverseMatch:
        return None


def display(entries: list[AuditEntry]) -> list[EntryView]:
    """Entries of one page, with the related objects named in a few queries."""
    wanted: dict[type[models.Model], set[Any]] = {}
    plans = []
    for entry in entries:
        model = model_of(entry.object_type)
        names = (
            [n for n in entry.changed_fields if n not in HIDDEN][:MAX_CHANGES]
            if entry.action == "update"
            else []
        )
        fields = [(n, _field(model, n) if model else None) for n in names]
        for name, model_field in fields:
            if model_field is not None and model_field.is_relation and model_field.related_model:
                for value in ((entry.before or {}).get(name), (entry.after or {}).get(name)):
                    if value is not None:
                        wanted.setdefault(model_field.related_model, set()).add(value)
        plans.append((entry, fields))
    related = {
        (model, pk): str(obj)
        for model, pks in wanted.items()
        for pk, obj in model._default_manager.in_bulk(list(pks)).items()
    }
    views = []
    for entry, fields in plans:
        changes = [
            Change(
                str(model_field.verbose_name) if model_field is not None else name,
                _value(model_field, (entry.before or {}).get(name), related),
                _value(model_field, (entry.after or {}).get(name), related),
            )
            for name, model_field in fields
        ]
        views.append(
            EntryView(entry, type_label(entry.object_type), _url(entry), _source(entry), changes)
        )
    return views


def parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "").strip())
    except ValueError:
        return None
