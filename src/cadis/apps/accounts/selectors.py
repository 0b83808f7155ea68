"""Reads for accounts, already limited to what the user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.accounts.scope import scope_of


def audit_entry_list(*, actor, object_type: str | None = None) -> QuerySet[AuditEntry]:
    """Administrators see the whole log; a focal point sees entries about their country."""
    scope = scope_of(actor)
    entries = AuditEntry.objects.select_related("country")
    if scope.is_admin:
        pass
    elif scope.is_focal_point and scope.country_id:
        entries = entries.filter(country_id=scope.country_id)
    else:
        return entries.none()
    if object_type:
        entries = entries.filter(object_type=object_type)
    return entries
