"""Saving, listing and applying an organisation's import mappings (audited)."""

from __future__ import annotations

from collections.abc import Hashable

from django.db import transaction
from django.utils.translation import gettext as _

from cadis.apps.reference.models import ImportMapping
from cadis.platform import audit
from cadis.platform.errors import NotFound, PermissionDenied, ValidationError
from cadis.platform.imports.matcher import key
from cadis.platform.records import actor_or_none
from cadis.platform.scope import can_change, can_create_in, visible

DECIMAL = ImportMapping.DECIMAL


def decimal_choices() -> list[tuple[str, str]]:
    """The two answers to "1.300": how the organisation's files write numbers."""
    return [
        ("thousands", _("the dot separates thousands (1.300 = 1300)")),
        ("decimal", _("the dot is the decimal mark (1.300 = 1.3)")),
    ]
CONVENTIONS = {"decimal": "dot_decimal", "thousands": "comma_decimal"}


def _target(text: str) -> Hashable:
    return int(text) if text.isdigit() else text


def mappings_for(organisation, kind: str) -> dict[str, dict[str, Hashable]]:
    """vocabulary -> key(value as written) -> entry id (or code) of the organisation."""
    out: dict[str, dict[str, Hashable]] = {}
    if organisation is None or organisation.pk is None:
        return out
    rows = ImportMapping.objects.filter(organisation=organisation, kind=kind)
    for vocabulary, source, target in rows.values_list("vocabulary", "source", "target"):
        out.setdefault(vocabulary, {})[source] = _target(target)
    return out


def decimal_convention(mappings: dict[str, dict[str, Hashable]], column: str) -> str | None:
    """The saved answer to "is the dot in '1.300' decimal?" for a column, as a convention."""
    answer = mappings.get(DECIMAL, {}).get(column)
    return CONVENTIONS.get(str(answer)) if answer else None


@transaction.atomic
def mapping_save(
    *,
    actor,
    organisation,
    kind: str,
    vocabulary: str,
    source: str,
    target: Hashable,
    target_label: str = "",
) -> ImportMapping:
    """Create or change the organisation's mapping of ``source`` (audited)."""
    if not can_create_in(
        actor, country_id=organisation.country_id, organisation_id=organisation.pk
    ):
        raise PermissionDenied("You may not change the import mappings of this organisation.")
    source_key = key(source)
    if not source_key or target in (None, ""):
        raise ValidationError("Say which value is mapped to what.")
    if vocabulary == DECIMAL and str(target) not in CONVENTIONS:
        raise ValidationError("A number is read with a decimal dot or a thousands dot.")
    mapping = ImportMapping.objects.filter(
        organisation=organisation, kind=kind, vocabulary=vocabulary, source=source_key
    ).first()
    before = audit.snapshot(mapping) if mapping else None
    if mapping is None:
        mapping = ImportMapping(
            organisation=organisation,
            country_id=organisation.country_id,
            kind=kind,
            vocabulary=vocabulary,
            source=source_key[:300],
            created_by=actor_or_none(actor),
        )
    mapping.target, mapping.target_label = str(target)[:60], target_label[:300]
    mapping.save()
    audit.record(
        actor=actor,
        action="update" if before else "create",
        obj=mapping,
        before=before,
        after=audit.snapshot(mapping),
    )
    return mapping


def visible_mappings(user):
    return visible(ImportMapping.objects.select_related("organisation"), user)


@transaction.atomic
def mapping_delete(*, actor, pk: int) -> None:
    mapping = visible_mappings(actor).filter(pk=pk).first()
    if mapping is None:
        raise NotFound("No such mapping.")
    if not can_change(actor, mapping):
        raise PermissionDenied("You may not change this mapping.")
    audit.record(actor=actor, action="delete", obj=mapping, before=audit.snapshot(mapping))
    mapping.delete()
