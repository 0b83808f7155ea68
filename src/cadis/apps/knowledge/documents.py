"""Writes of the document library: upload with metadata, text extraction, search index."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import get_valid_filename

from cadis.apps.knowledge import choices as c
from cadis.apps.knowledge import search
from cadis.apps.knowledge.models import Document
from cadis.apps.knowledge.validation import check_choices
from cadis.apps.reference.models import Country
from cadis.engines.extract.errors import ExtractError
from cadis.engines.extract.loaders import MAX_BYTES, load_document_bytes
from cadis.platform.crud import apply_fields, new_record, save_created
from cadis.platform.errors import BadInputFile, ValidationError
from cadis.platform.records import Confidentiality, SourceKind
from cadis.platform.uploads import unguessable_name

DOCUMENT_META = (
    "title",
    "doc_type",
    "language",
    "countries",
    "topics",
    "published_on",
    "publisher",
    "url",
)


def _clean_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(metadata) - set(DOCUMENT_META) - {"text"})
    if unknown:
        raise ValidationError(
            f"Unknown document fields: {', '.join(unknown)}.", details={"fields": unknown}
        )
    meta = dict(metadata)
    check_choices(meta.get("doc_type", c.DocumentType.OTHER), c.DocumentType.values, "doc_type")
    check_choices(meta.get("language", c.Language.RU), c.Language.values, "language")
    check_choices(meta.get("topics", []), c.Topic.values, "topics", many=True)
    codes = [getattr(x, "code", x) for x in meta.get("countries", [])]
    countries = list(Country.objects.filter(code__in=codes))
    missing = sorted(set(codes) - {x.code for x in countries})
    if missing:
        raise ValidationError(
            f"Unknown countries: {', '.join(missing)}.", details={"countries": missing}
        )
    meta["countries"] = countries
    published = meta.get("published_on")
    if isinstance(published, str) and published:
        try:
            meta["published_on"] = dt.date.fromisoformat(published)
        except ValueError as exc:
            raise ValidationError(
                "The date must be YYYY-MM-DD.", details={"field": "published_on"}
            ) from exc
    return meta


@transaction.atomic
def document_create(
    *,
    actor,
    file=None,
    metadata: dict[str, Any],
    country: Country | None = None,
    organisation=None,
    confidentiality: str = Confidentiality.RESTRICTED,
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> Document:
    """Store an uploaded file (or a text/URL-only record) with its metadata and searchable text.

    ``file`` is an uploaded or Django ``File`` object; its text is extracted from .txt, .html,
    .pdf or .docx. Raises ``BadInputFile`` (details: the loader's error code) for files that
    cannot be read, ``ValidationError`` for bad metadata, ``PermissionDenied``.
    """
    check_choices(confidentiality, Confidentiality.values, "confidentiality")
    document = new_record(
        Document,
        actor=actor,
        country=country,
        organisation=organisation,
        confidentiality=confidentiality,
        source_kind=source_kind,
        source_detail=source_detail,
        missing="Say which country and organisation the record belongs to.",
        denied="You may not add records for this country or organisation.",
    )
    meta = _clean_metadata(metadata)
    text = meta.pop("text", "") or ""
    countries = meta.pop("countries")
    apply_fields(document, meta, meta)
    if file is not None:
        name = get_valid_filename(getattr(file, "name", "") or "document") or "document"
        name = name.rsplit("/", 1)[-1]
        if getattr(file, "size", 0) and file.size > MAX_BYTES:
            raise BadInputFile(
                f"The file is larger than {MAX_BYTES // 1048576} MB.", details={"code": "too_large"}
            )
        data = file.read()
        try:
            text, file_meta = load_document_bytes(data, name)
        except ExtractError as exc:
            raise BadInputFile(exc.message, details={"code": str(exc.code), "file": name}) from exc
        document.file_name, document.media_type, document.size = (
            name,
            file_meta.media_type,
            len(data),
        )
        if not document.title:
            document.title = (file_meta.title or name)[:500]
        document.file_path = default_storage.save(unguessable_name("knowledge/documents", name), ContentFile(data))
    if not document.title.strip():
        raise ValidationError("A document needs a title.", details={"field": "title"})
    if file is None and not text and not document.url:
        raise ValidationError(
            "Upload a file, paste its text or give its URL.", details={"field": "file"}
        )
    document.text = text
    return save_created(
        document,
        actor=actor,
        data={"countries": countries},
        many=("countries",),
        after_save=search.refresh_index,
        source_kind=source_kind,
        source_detail={**(source_detail or {}), "file": document.file_name},
    )
