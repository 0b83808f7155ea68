"""Screening jobs: upload checks, starting the background job, and the job handler itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cadis.apps.jobs.services import job_start
from cadis.apps.precursors import control_lists
from cadis.apps.precursors.declarations_check import check_declarations, file_issues, summary
from cadis.apps.precursors.models import ScreeningJob, ScreeningResult
from cadis.apps.reference.models import Country
from cadis.engines.screening import LineResult
from cadis.engines.screening.io import ScreeningInputError, read_declarations
from cadis.engines.tables import estimate_rows
from cadis.platform.crud import new_record, save_created
from cadis.platform.errors import BadInputFile, PermissionDenied, ValidationError
from cadis.platform.imports.pipeline import ImportReport
from cadis.platform.records import Confidentiality, SourceKind
from cadis.platform.scope import owner_for

JOB_KIND = "precursors.screen"
DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024
BATCH = 2000
ALLOWED_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
CHECK_AT_UPLOAD = 1000  # lines checked at upload; the job checks the whole file first
MAX_LISTED = 200  # issues listed in a refusal


def max_upload_bytes() -> int:
    """``CADIS_SCREENING_MAX_BYTES`` (default 100 MB), never above ``CADIS_MAX_UPLOAD_BYTES``."""
    limit = int(getattr(settings, "CADIS_SCREENING_MAX_BYTES", DEFAULT_MAX_UPLOAD_BYTES))
    return min(limit, int(getattr(settings, "CADIS_MAX_UPLOAD_BYTES", limit)))


def refuse(report: ImportReport) -> BadInputFile:
    """The check's errors as the refusal: the first error's code and row, every issue listed."""
    first = next(i for i in report.issues if i.severity == "error")
    return BadInputFile(
        summary(report),
        details={
            "code": str(first.code),
            "row": first.row,
            "column": first.column,
            "issues": [problem.public() for problem in report.issues[:MAX_LISTED]],
        },
    )


def check_declarations_file(path: str | Path, file_name: str = "") -> ImportReport:
    """The check of the header and the first lines, so that a bad file is refused at upload
    (the whole file is checked by the job before it screens).

    Raises :class:`BadInputFile` with the platform's stable code when the check finds errors."""
    report = check_declarations(path, file_name=file_name, max_lines=CHECK_AT_UPLOAD)
    if not report.ok:
        raise refuse(report)
    return report


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
    denied = _("You may not run screenings for this organisation.")
    country = country or _user_country(actor)
    if country is None:
        raise PermissionDenied(denied)
    country, organisation = owner_for(actor, country=country, denied=denied)
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
    job = new_record(
        ScreeningJob,
        actor=actor,
        country=country,
        organisation=organisation,
        confidentiality=Confidentiality.CONFIDENTIAL,
        source_kind=SourceKind.FORM,
        source_detail={"file": name},
        denied=denied,
        title=(title or name)[:200],
        file_name=name[:255],
        file_size=upload.size,
        screen_country=screen_country,
        lists_on=lists_on,
    )
    job.file.save(name, upload, save=False)
    try:
        check_declarations_file(job.file.path, name)
    except BadInputFile:
        job.file.delete(save=False)
        raise
    save_created(job, actor=actor, source_kind=SourceKind.FORM, source_detail={"file": name})
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
    """Lines to screen, for the progress bar: the rows below the header, about."""
    rows = estimate_rows(path)
    return None if rows is None else max(rows - 1, 1)


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
    """Check the stored file whole (the dry run), then screen it line by line into
    ScreeningResult rows (replacing earlier ones); a file with errors is not screened."""
    job.move_to(ScreeningJob.Status.RUNNING)
    job.results.all().delete()
    built = control_lists.build(job.lists_on)
    screen = built.screener.screen
    path = Path(job.file.path)
    total = _estimate_lines(path)

    def checked(lines: int) -> None:
        if progress is not None:
            progress(0, max(total or 0, lines), _("%(n)s lines checked") % {"n": lines})

    report = check_declarations(path, file_name=job.file_name, progress=checked)
    if not report.ok:
        refusal = refuse(report)
        job.move_to(
            ScreeningJob.Status.FAILED,
            error_code=refusal.details["code"],
            error=refusal.message,
            list_version=built.version,
        )
        raise refusal
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
    except ScreeningInputError as error:  # the file changed under the job since its check
        job.results.all().delete()
        broken = ImportReport(file=job.file_name, issues=file_issues(error, job.file_name))
        refusal = refuse(broken)
        job.move_to(
            ScreeningJob.Status.FAILED,
            error_code=refusal.details["code"],
            error=refusal.message,
            list_version=built.version,
        )
        raise refusal from None
    if progress is not None:
        progress(lines, lines, _("%(n)s lines screened") % {"n": lines}, force=True)
    job.move_to(
        ScreeningJob.Status.DONE,
        lines=lines,
        flagged=flagged,
        hits=hits,
        warnings=warnings,
        list_version=built.version,
        error="",
        error_code="",
    )
    job.refresh_from_db()
    return job


def result_url(job: ScreeningJob) -> str:
    return reverse("precursors:screening_results", args=[job.pk])
