"""Reads for accounts, already limited to what the user may see."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from cadis.apps.accounts.models import AuditEntry
from cadis.platform.scope import visible


def audit_entry_list(
    *,
    actor,
    object_type: str | None = None,
    module: str | None = None,
    object_id: str | None = None,
    user: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AuditEntry]:
    """Administrators see the whole log; a focal point sees entries about their country.

    Filters: the object's type (``supply.seizure``) or module (``supply``) and id, the user
    (name as recorded, contains), and the days from/to (inclusive, server time zone)."""
    entries = visible(AuditEntry.objects.select_related("country"), actor)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if module:
        entries = entries.filter(object_type__startswith=f"{module}.")
    if object_id:
        entries = entries.filter(object_id=object_id)
    if user:
        entries = entries.filter(actor_repr__icontains=user)
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_to:
        entries = entries.filter(at__date__lte=date_to)
    return entries
