"""Writes of the reports app: the editable text sections (audited)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cadis.apps.reports.models import ReportText
from cadis.platform import audit
from cadis.platform.errors import PermissionDenied, ValidationError
from cadis.platform.records import SourceKind, actor_or_none
from cadis.platform.scope import speaks_for

MAX_TEXT = 20_000


def can_edit_texts(user, country) -> bool:
    """A country's focal point edits its profile; regional analysts the regional overview."""
    return speaks_for(user, country)


@transaction.atomic
def report_text_save(
    *, actor, country, section: str, language: str, text: str, source_kind: str = SourceKind.FORM
) -> ReportText:
    if not can_edit_texts(actor, country):
        raise PermissionDenied(_("You may not edit the texts of this report."))
    if section not in ReportText.Section.values:
        raise ValidationError(_("Unknown report section."))
    if len(text) > MAX_TEXT:
        raise ValidationError(_("The text is too long."))
    record = ReportText.objects.filter(country=country, section=section, language=language).first()
    user = actor_or_none(actor)
    if record is None:
        record = ReportText.objects.create(
            country=country, section=section, language=language, text=text.strip(), updated_by=user
        )
        audit.record_create(actor=actor, obj=record, source_kind=source_kind)
        return record
    before = audit.snapshot(record)
    record.text, record.updated_by = text.strip(), user
    record.save()
    audit.record_update(actor=actor, obj=record, before=before, source_kind=source_kind)
    return record
