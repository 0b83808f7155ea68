"""The stored import of seizure files on the platform's one flow: the upload kept as a batch,
the dry run (``check_bytes``: the platform report and the valid rows), the commit
(``commit_checked``: ``commit_rows`` over them). Large files run as background jobs with a
progress bar; the batch keeps the report for the page and its error file."""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction

from cadis.apps.supply.importing.commit import (
    check_bytes,
    commit_checked,
    import_context,
    issues_report,
)
from cadis.apps.supply.models import ImportBatch
from cadis.platform import audit
from cadis.platform.errors import Conflict, NotFound, ValidationError
from cadis.platform.records import Confidentiality, SourceKind, actor_or_none
from cadis.platform.scope import visible

# Files above this size are checked and committed by a background job with a progress bar.
BACKGROUND_BYTES = 256 * 1024


def _organisation(actor, organisation):
    organisation = organisation or getattr(actor, "organisation", None)
    if organisation is None:
        raise ValidationError("Choose the organisation that owns the imported records.")
    return organisation


def import_upload(
    *,
    actor,
    data: bytes,
    file_name: str,
    organisation=None,
    confidentiality: str = Confidentiality.RESTRICTED,
) -> ImportBatch:
    """Store an uploaded file for checking; refuses users who may not import for the organisation."""
    organisation = _organisation(actor, organisation)
    context = import_context(actor, organisation, confidentiality)
    if confidentiality not in Confidentiality.values:
        raise ValidationError("Unknown confidentiality level.")
    batch = ImportBatch(
        organisation=organisation,
        country_id=context.default_country_id,
        confidentiality=confidentiality,
        file_name=file_name[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        created_by=actor_or_none(actor),
    )
    batch.file.save(file_name[-100:] or "upload.csv", ContentFile(data), save=False)
    batch.save()
    return batch


def import_check(*, actor, batch: ImportBatch, data: bytes | None = None) -> ImportBatch:
    """The dry run: every row's issues are stored on the batch; nothing else is written."""
    context = import_context(actor, batch.organisation, batch.confidentiality)
    if data is None:
        with batch.file.open("rb") as handle:
            data = handle.read()
    checked = check_bytes(data, batch.file_name, context)
    report = checked.report
    errors = [i for i in report.issues if i.severity == "error"]
    warnings = [i for i in report.issues if i.severity != "error"]
    batch.row_count = report.rows
    batch.error_count, batch.warning_count = len(errors), len(warnings)
    batch.report = {
        "issues": issues_report(errors + warnings),
        "valid_rows": len(checked.planned),
        "preview": report.preview,
    }
    batch.move_to(
        ImportBatch.Status.REJECTED if errors or not checked.planned else ImportBatch.Status.CHECKED,
        row_count=batch.row_count,
        error_count=batch.error_count,
        warning_count=batch.warning_count,
        report=batch.report,
    )
    return batch


def import_commit(
    *, actor, batch: ImportBatch, data: bytes | None = None, progress=None
) -> ImportBatch:
    """Write every row or none. Rows already imported (same fingerprint) are left unchanged."""
    context = import_context(actor, batch.organisation, batch.confidentiality)
    if batch.status == ImportBatch.Status.COMMITTED:
        raise Conflict("This file has already been imported.")
    if data is None:
        with batch.file.open("rb") as handle:
            data = handle.read()
    checked = check_bytes(data, batch.file_name, context, dry_run=False)
    if not checked.report.ok or not checked.planned:
        errors = [i for i in checked.report.issues if i.severity == "error"]
        raise ValidationError(
            "The file has errors; nothing was imported. Fix them and upload it again.",
            details={"errors": issues_report(errors, 100)},
        )
    with transaction.atomic():
        report = commit_checked(
            checked, actor=actor, organisation=batch.organisation, batch=batch, progress=progress
        )
        created, unchanged = report.created, report.unchanged
        batch.move_to(
            ImportBatch.Status.COMMITTED, created_count=created, unchanged_count=unchanged
        )
        audit.record(
            actor=actor,
            action="create",
            obj=batch,
            after={
                "file": batch.file_name,
                "created": created,
                "unchanged": unchanged,
                "sha256": batch.sha256,
            },
            source_kind=SourceKind.IMPORT,
            source_detail={"file": batch.file_name},
        )
    return batch


def import_start(*, actor, batch: ImportBatch, action: str):
    """Queue the check or the commit of a batch as a background job; returns the job."""
    from cadis.apps.jobs.services import job_start

    if action not in ("check", "commit"):
        raise ValidationError("Unknown import action.")
    import_context(actor, batch.organisation, batch.confidentiality)
    job = job_start(
        actor=actor,
        kind=f"supply.import_{action}",
        title=f"{action}: {batch.file_name}",
        params={"batch": batch.pk},
        organisation=batch.organisation,
        country=batch.country,
    )
    batch.move_to(
        ImportBatch.Status.CHECKING if action == "check" else ImportBatch.Status.COMMITTING, job=job
    )
    return job


def visible_batches(user):
    return visible(ImportBatch.objects.select_related("organisation", "country"), user)


def batch_for(user, pk: int) -> ImportBatch:
    batch = visible_batches(user).filter(pk=pk).first()
    if batch is None:
        raise NotFound("No such import.")
    return batch
