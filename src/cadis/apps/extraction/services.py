"""Writes of document intelligence: ingestion, extraction runs and the review of facts.

Documents are stored by the knowledge library (``knowledge.services.document_create``);
accepted facts become records of the module registered as their receiver (``sinks``).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from cadis.apps.extraction import bridge, checks, duplicates, sinks
from cadis.apps.extraction.models import ExtractionRun, Fact
from cadis.apps.reference.geocoding import GEOCODED_FIELDS, apply_geocode, apply_place
from cadis.engines.extract import ExtractError, detect_language, load_document_bytes
from cadis.engines.extract.loaders import MAX_BYTES
from cadis.platform import audit
from cadis.platform.errors import (
    BadInputFile,
    CadisError,
    Conflict,
    ErrorCode,
    PermissionDenied,
)
from cadis.platform.records import Confidentiality, SourceKind, actor_or_none
from cadis.platform.scope import can_change


class ConfirmationNeeded(CadisError):
    """The record fails plausibility checks the reviewer has not confirmed (``details["checks"]``).

    Not a ``Conflict``: callers that handle a probable duplicate must not take it for one."""

    code, status = ErrorCode.CONFLICT, 409


def _check_reviewer(actor, document) -> None:
    if actor is not None and not can_change(actor, document):
        raise PermissionDenied("You may not review facts of this document.")


def document_ingest(
    *,
    actor,
    file,
    metadata: dict[str, Any] | None = None,
    confidentiality: str = Confidentiality.RESTRICTED,
    country=None,
    organisation=None,
    source_kind: str = SourceKind.FORM,
):
    """Store a file in the library (language detected when not given) and extract its facts.

    Returns ``(document, run)``. Raises ``BadInputFile`` (details: the loader's code).
    """
    from cadis.apps.knowledge.services import document_create

    name = getattr(file, "name", "") or "document"
    if getattr(file, "size", 0) and file.size > MAX_BYTES:
        raise BadInputFile(
            f"The file is larger than {MAX_BYTES // 1048576} MB.",
            details={"code": "too_large", "file": name},
        )
    data = file.read()
    try:
        text, meta = load_document_bytes(data, name)
    except ExtractError as exc:
        raise BadInputFile(exc.message, details={"code": str(exc.code), "file": name}) from exc
    metadata = {k: v for k, v in (metadata or {}).items() if v not in (None, "")}
    metadata.setdefault("language", detect_language(text))
    metadata.setdefault("doc_type", "press_release")
    metadata.setdefault("title", (meta.title or name)[:500])
    if hasattr(file, "seek"):
        file.seek(0)
    document = document_create(
        actor=actor,
        file=file,
        metadata=metadata,
        country=country,
        organisation=organisation,
        confidentiality=confidentiality,
        source_kind=source_kind,
    )
    return document, extraction_start(actor=actor, document=document)


def extraction_start(*, actor, document) -> ExtractionRun:
    """Extract now when the text is short, else in a background job (the run says which)."""
    _check_reviewer(actor, document)
    run = ExtractionRun.objects.create(
        document=document,
        engine_version=bridge.engine_version(),
        created_by=actor_or_none(actor),
    )
    audit.record_create(actor=actor, obj=run, source_detail={"document": document.pk})
    if len(document.text) <= bridge.BACKGROUND_CHARS:
        return extraction_execute(run)
    from cadis.apps.jobs.services import job_start

    job = job_start(
        actor=actor,
        kind="extraction.extract",
        title=f"Extraction: {document.title}",
        params={"run": run.pk},
        country=document.country,
    )
    ExtractionRun.objects.filter(pk=run.pk).update(job=job)
    run.job = job
    return run


def extraction_execute(run: ExtractionRun, progress=None) -> ExtractionRun:
    """Run the engine over the run's document and store its facts, flagging duplicates."""
    document = run.document
    run.move_to(ExtractionRun.Status.RUNNING)
    if progress:
        progress(0, 3, "extracting", force=True)
    try:
        result = bridge.extract_text(
            document.text,
            document_date=document.published_on,
            name=document.title,
            language=document.language,
        )
    except Exception as exc:
        run.move_to(ExtractionRun.Status.FAILED, error=str(exc)[:2000])
        raise
    if progress:
        progress(1, 3, "storing facts", force=True)
    with transaction.atomic():
        facts = Fact.objects.bulk_create(
            _geocoded(Fact(run=run, document=document, **row), document)
            for row in bridge.fact_rows(result)
        )
        if progress:
            progress(2, 3, "looking for duplicates", force=True)
        reviewed = _earlier_reviews(run)
        for fact in facts:
            fact.document = document
            earlier = reviewed.get((fact.type, fact.span_start, fact.span_end, fact.text))
            if earlier is not None:
                _carry_over(earlier, fact)
            else:
                _flag_duplicate(fact, sinks.proposal(fact), run.created_by)
        run.move_to(ExtractionRun.Status.DONE, language=result.language, fact_count=len(facts))
    if progress:
        progress(3, 3, "done", force=True)
    return run


def _geocoded(fact: Fact, document) -> Fact:
    """Where the fact happened: its place as extracted, else its sentence (the geocoder reads
    organisation names as a country only), helped by its country or the document's."""
    payload = fact.payload or {}
    country = payload.get("country") or (document.country.code if document.country_id else None)
    apply_geocode(fact, payload.get("place") or fact.sentence or "", country=country)
    return fact


def _earlier_reviews(run: ExtractionRun) -> dict[tuple, Fact]:
    """Reviewed facts of the document's earlier runs, by type, span and text."""
    earlier = Fact.objects.filter(document_id=run.document_id).exclude(run=run)
    earlier = earlier.exclude(status=Fact.Status.PROPOSED).order_by("reviewed_at")
    return {(f.type, f.span_start, f.span_end, f.text): f for f in earlier}


def _carry_over(earlier: Fact, fact: Fact) -> None:
    """A fact extracted again keeps its review (and record) instead of being proposed twice."""
    for name in (
        "status",
        "edited",
        "reviewer_id",
        "reviewed_at",
        "record_type_id",
        "record_id",
        "duplicate_of_id",
        "duplicate_record_type_id",
        "duplicate_record_id",
        "duplicate_reason",
        "duplicate_override",
    ):
        setattr(fact, name, getattr(earlier, name))
    fact.save()


def _flag_duplicate(fact: Fact, values: dict, user) -> duplicates.Duplicate | None:
    found = duplicates.find_duplicate(fact, values, user) if values else None
    if found is None and not (
        fact.duplicate_reason or fact.duplicate_of_id or fact.duplicate_record_id
    ):
        return None  # nothing flagged before or now: no write
    fact.duplicate_of = found.fact if found else None
    if found and found.record is not None:
        fact.duplicate_record_type = ContentType.objects.get_for_model(found.record)
        fact.duplicate_record_id = found.record.pk
    else:
        fact.duplicate_record_type, fact.duplicate_record_id = None, None
    fact.duplicate_reason = found.reason[:300] if found else ""
    fact.save(
        update_fields=[
            "duplicate_of",
            "duplicate_record_type",
            "duplicate_record_id",
            "duplicate_reason",
        ]
    )
    return found


def fact_accept(
    *,
    actor,
    fact: Fact,
    values: dict[str, Any] | None = None,
    override_duplicate: bool = False,
    confirmed: Collection[str] = (),
    source_kind: str = SourceKind.DOCUMENT,
) -> Fact:
    """Accept a fact; recordable facts create their supply record (``values``: as edited).

    A probable duplicate is flagged on the fact and refused (``Conflict``) unless
    ``override_duplicate``. A record that fails a plausibility check (a date far from the
    document's, a possible year of birth, a number that reads two ways, a quantity far outside
    the usual range) is refused (``ConfirmationNeeded``) unless each failed check's code is in
    ``confirmed``.
    """
    _check_reviewer(actor, fact.document)
    if fact.is_reviewed:
        raise Conflict("This fact has already been reviewed.")
    before = audit.snapshot(fact)
    proposed = sinks.proposal(fact, (values or {}).get("kind"))
    final = {**proposed, **(values or {})} if proposed else {}
    changed = bool(values) and any(str(final.get(k)) != str(proposed.get(k)) for k in final)
    if changed and final.get("substance") != proposed.get("substance"):
        final["substance_resolution"] = "chosen"
    pending = checks.unconfirmed(checks.to_confirm(fact, final, actor), set(confirmed))
    if final and pending:
        raise ConfirmationNeeded(
            "Confirm the checks this record fails before it is written: "
            + "; ".join(check.label for check in pending),
            details={"fact": fact.pk, "checks": [check.code for check in pending]},
        )
    found = _flag_duplicate(fact, final, actor) if final else None
    if found and not override_duplicate:
        raise Conflict(
            "This looks like a figure already recorded from another document.",
            details={"reason": found.reason, "fact": fact.pk},
        )
    with transaction.atomic():
        if final:
            record = sinks.sink_for(fact).record_create(
                actor=actor, fact=fact, values=final, source_kind=source_kind
            )
            fact.record_type = ContentType.objects.get_for_model(record)
            fact.record_id = record.pk
            fact.duplicate_override = bool(found)
        fact.edited = final
        fact.status = Fact.Status.EDITED if changed else Fact.Status.ACCEPTED
        fact.reviewer = actor_or_none(actor)
        fact.reviewed_at = timezone.now()
        fact.save()
        audit.record_update(
            actor=actor,
            obj=fact,
            before=before,
            source_kind=SourceKind.DOCUMENT,
            source_detail={
                "document": fact.document_id,
                "span": list(fact.span),
                **({"confirmed": sorted(confirmed)} if confirmed else {}),
            },
        )
    return fact


@transaction.atomic
def fact_reject(*, actor, fact: Fact) -> Fact:
    _check_reviewer(actor, fact.document)
    if fact.is_reviewed:
        raise Conflict("This fact has already been reviewed.")
    before = audit.snapshot(fact)
    fact.status = Fact.Status.REJECTED
    fact.reviewer = actor_or_none(actor)
    fact.reviewed_at = timezone.now()
    fact.save()
    audit.record_update(
        actor=actor,
        obj=fact,
        before=before,
        source_kind=SourceKind.DOCUMENT,
        source_detail={"document": fact.document_id, "span": list(fact.span)},
    )
    return fact


def fact_place_resolve(*, actor, record: Fact, place) -> Fact:
    """A person's choice of the gazetteer place for an accepted fact the geocoder was unsure of
    (the review queue of fact places); those who may review the document's facts may choose."""
    _check_reviewer(actor, record.document)
    before = audit.snapshot(record)
    with transaction.atomic():
        apply_place(record, place)
        record.save(update_fields=list(GEOCODED_FIELDS))
        audit.record_update(
            actor=actor_or_none(actor),
            obj=record,
            before=before,
            source_kind=SourceKind.FORM,
            source_detail={"review": "place"},
        )
    return record
