"""Screening jobs: upload checks, starting the background job, and the job handler itself."""

from __future__ import annotations

import datetime as dt
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cadis.apps.accounts import audit
from cadis.apps.accounts.errors import BadInputFile, PermissionDenied, ValidationError
from cadis.apps.accounts.models import Confidentiality, SourceKind
from cadis.apps.accounts.scope import can_create_in
from cadis.apps.jobs.services import job_start
from cadis.apps.precursors import control_lists
from cadis.apps.precursors.models import ScreeningJob, ScreeningResult
from cadis.apps.reference.models import Country
from cadis.engines.screening import LineResult
from cadis.engines.screening.io import ScreeningInputError, read_declarations

JOB_KIND = "precursors.screen"
DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024
BATCH = 2000
ALLOWED_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")


def max_upload_bytes() -> int:
    """``CADIS_SCREENING_MAX_BYTES`` (default 100 MB), never above ``CADIS_MAX_UPLOAD_BYTES``."""
    limit = int(getattr(settings, "CADIS_SCREENING_MAX_BYTES", DEFAULT_MAX_UPLOAD_BYTES))
    return min(limit, int(getattr(settings, "CADIS_MAX_UPLOAD_BYTES", limit)))


def check_declarations_file(path: str | Path) -> None:
    """Read the header and the first line now, so that a bad file is refused at upload.

    Raises :class:`BadInputFile` with the reader's stable code and a plain message."""
    try:
        for _row in islice(read_declarations(path), 1):
            pass
    except ScreeningInputError as error:
        raise BadInputFile(
            error.message, details={"code": error.code.value, "row": error.row}
        ) from None


def _user_country(actor) -> Country | None:
    return actor.organisation.country if getattr(actor, "organisation_id", None) else None


@transaction.atomic
def screening_start(
    *,
    actor,
    upload: UploadedFile,
    title: str = "",
    screen_country: str = "",
    lists_on: dt.date | None = None,
    country: Country | None = None,
) -> ScreeningJob:
    """Store the upload, check it, record a confidential ScreeningJob and queue its job."""
    country = country or _user_country(actor)
    organisation = getattr(actor, "organisation", None)
    if (
        country is None
        or organisation is None
        or not can_create_in(actor, country_id=country.pk, organisation_id=organisation.pk)
    ):
        raise PermissionDenied(_("You may not run screenings for this organisation."))
    name = Path(upload.name or "declarations.csv").name
    if Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise BadInputFile(
            _("Unsupported file type: use CSV or XLSX."), details={"code": "unsupported_format"}
        )
    if upload.size == 0:
        raise BadInputFile(_("The file is empty."), details={"code": "empty_file"})
    limit = max_upload_bytes()
    if upload.size > limit:
        raise BadInputFile(
            _("The file is too large: %(size)s MB; the limit is %(limit)s MB.")
            % {"size": round(upload.size / 1048576, 1), "limit": round(limit / 1048576, 1)},
            details={"code": "file_too_large"},
        )
    screen_country = (screen_country or "").upper()
    if screen_country and not Country.objects.filter(code=screen_country).exists():
        raise ValidationError(_("Unknown country code %(code)s.") % {"code": screen_country})
    lists_on = lists_on or timezone.localdate()
    if not control_lists.lists_in_force(lists_on):
        raise ValidationError(
            _("No control list is in force on %(date)s.") % {"date": lists_on.isoformat()}
        )
    job = ScreeningJob(
        country=country,
        organisation=organisation,
        confidentiality=Confidentiality.CONFIDENTIAL,
        source_kind=SourceKind.FORM,
        source_ref={"file": name},
        created_by=actor,
        title=(title or name)[:200],
        file_name=name[:255],
        file_size=upload.size,
        screen_country=screen_country,
        lists_on=lists_on,
    )
    job.file.save(name, upload, save=False)
    try:
        check_declarations_file(job.file.path)
    except BadInputFile:
        job.file.delete(save=False)
        raise
    job.save()
    audit.record_create(
        actor=actor, obj=job, source_kind=SourceKind.FORM, source_detail={"file": name}
    )
    job.job = job_start(
        actor=actor,
        kind=JOB_KIND,
        title=_("Screening: %(title)s") % {"title": job.title},
        params={"screening_job": job.pk},
        organisation=organisation,
        country=country,
    )
    job.save(update_fields=["job"])
    return job


def _estimate_lines(path: Path) -> int | None:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl

            workbook = openpyxl.load_workbook(path, read_only=True)
            try:
                rows = workbook.worksheets[0].max_row
            finally:
                workbook.close()
            return max(rows - 1, 0) if rows else None
        except Exception:  # an estimate only; the reader reports real problems
            return None
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
    return max(count - 1, 1)


def result_row(
    job: ScreeningJob, row_number: int, values: dict[str, str], result: LineResult
) -> ScreeningResult:
    hits = [hit.as_dict() for hit in result.hits]
    return ScreeningResult(
        job=job,
        row=row_number,
        line_id=values.get("id", "")[:100],
        description=values.get("description", ""),
        hs_code=values.get("hs_code", "")[:100],
        cas=values.get("cas", "")[:100],
        quantity=values.get("quantity", "")[:50],
        unit=values.get("unit", "")[:30],
        origin=values.get("origin", "")[:100],
        destination=values.get("destination", "")[:100],
        hits=hits,
        warnings=[w.as_dict() for w in result.warnings],
        score=max((hit.score for hit in result.hits), default=0.0),
        flagged=bool(result.hits),
        lists=("|" + "|".join(sorted({h.list for h in result.hits})) + "|") if result.hits else "",
        substances=("|" + "|".join(sorted({h.substance for h in result.hits})) + "|")[:1000]
        if result.hits
        else "",
    )


def run_screening_job(job: ScreeningJob, progress=None) -> ScreeningJob:
    """Screen the stored file line by line into ScreeningResult rows (replacing earlier ones)."""
    ScreeningJob.objects.filter(pk=job.pk).update(status=ScreeningJob.Status.RUNNING)
    job.results.all().delete()
    built = control_lists.build(job.lists_on)
    screen = built.screener.screen
    path = Path(job.file.path)
    total = _estimate_lines(path)
    country = job.screen_country or None
    batch: list[ScreeningResult] = []
    lines = flagged = hits = warnings = 0
    try:
        for row in read_declarations(path):
            values = row.values
            result = screen(
                values.get("description", ""),
                values.get("hs_code"),
                values.get("cas"),
                country,
                line_id=values["id"],
            )
            batch.append(result_row(job, row.row, values, result))
            lines += 1
            flagged += bool(result.hits)
            hits += len(result.hits)
            warnings += len(result.warnings)
            if len(batch) >= BATCH:
                ScreeningResult.objects.bulk_create(batch)
                batch.clear()
                if progress is not None:
                    progress(
                        lines, max(total or 0, lines), _("%(n)s lines screened") % {"n": lines}
                    )
        ScreeningResult.objects.bulk_create(batch)
    except ScreeningInputError as error:
        job.results.all().delete()
        ScreeningJob.objects.filter(pk=job.pk).update(
            status=ScreeningJob.Status.FAILED,
            error_code=error.code.value,
            error=error.message,
            list_version=built.version,
            finished_at=timezone.now(),
        )
        raise BadInputFile(error.message, details={"code": error.code.value}) from None
    if progress is not None:
        progress(lines, lines, _("%(n)s lines screened") % {"n": lines}, force=True)
    ScreeningJob.objects.filter(pk=job.pk).update(
        status=ScreeningJob.Status.DONE,
        lines=lines,
        flagged=flagged,
        hits=hits,
        warnings=warnings,
        list_version=built.version,
        error="",
        error_code="",
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def result_url(job: ScreeningJob) -> str:
    return reverse("precursors:screening_results", args=[job.pk])
