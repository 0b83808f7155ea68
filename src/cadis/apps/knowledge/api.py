"""Knowledge API: programmes, treatment services and the document library."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from cadis.apps.accounts.auth import write_auth
from cadis.apps.knowledge import choices as c
from cadis.apps.knowledge import selectors, services
from cadis.apps.knowledge.models import Document
from cadis.platform.api import ID_IN_PATH, LimitOffset, ScopedRecordOut, responses
from cadis.platform.errors import NotFound
from cadis.platform.records import Confidentiality
from cadis.platform.scope import can_view

router = Router(tags=["knowledge"])


class ProgrammeImplementationOut(ScopedRecordOut):
    country: str
    organisation: str
    status: str
    since: int | None
    contact: str


class ProgrammeOut(Schema):
    code: str
    title_ru: str
    title_en: str
    summary_ru: str
    summary_en: str
    area: str
    level: str
    settings: list[str]
    target_group_ru: str
    target_group_en: str
    life_stages: list[str]
    substances: list[str]
    standard: str
    standard_section: str
    evidence: str
    evidence_basis_ru: str
    evidence_basis_en: str
    references: list[dict]
    gender_responsive: bool
    materials: list[dict]
    implementations: list[ProgrammeImplementationOut]

    @staticmethod
    def resolve_substances(obj) -> list[str]:
        return [s.code for s in obj.substances.all()]

    @staticmethod
    def resolve_implementations(obj) -> list:
        return list(obj.implementations.all())


@router.get(
    "/programmes", response=responses(list[ProgrammeOut]), summary="Programme registry (faceted search)"
)
@paginate(LimitOffset)
def programme_list(
    request,
    q: str = "",
    area: str = "",
    level: str = "",
    setting: str = "",
    stage: str = "",
    evidence: str = "",
    standard: str = "",
    country: str = "",
    gender: bool = False,
):
    selected = {
        "area": [area],
        "level": [level],
        "setting": [setting],
        "stage": [stage],
        "evidence": [evidence],
        "standard": [standard],
    }
    selected = {k: v for k, v in selected.items() if v[0]}
    results, _facets = selectors.programme_search(
        request.user, text=q, selected=selected, gender=gender, country=country
    )
    return results


@router.get("/programmes/{code}", response=responses(ProgrammeOut, 404), summary="One programme")
def programme_detail(request, code: str):
    return get_object_or_404(selectors.programmes_visible(request.user), code=code)


class ServiceOut(ScopedRecordOut):
    id: int
    name_ru: str
    name_en: str
    country: str
    subdivision: str | None
    city: str
    address: str
    modalities: list[str]
    capacity: int | None
    serves_women: bool
    serves_young_people: bool
    phone: str
    email: str
    website: str
    confidentiality: str

    @staticmethod
    def resolve_subdivision(obj) -> str | None:
        return obj.subdivision.code if obj.subdivision_id else None


@router.get("/services", response=responses(list[ServiceOut]), summary="Treatment services directory")
@paginate(LimitOffset)
def service_list(
    request,
    country: str = "",
    subdivision: str = "",
    modality: str = "",
    women: bool = False,
    young: bool = False,
):
    return selectors.service_search(
        request.user,
        country=country,
        subdivision=subdivision,
        modality=modality,
        women=women,
        young=young,
    )


class DocumentOut(Schema):
    id: int
    title: str
    doc_type: str
    language: str
    countries: list[str]
    topics: list[str]
    published_on: dt.date | None
    publisher: str
    url: str
    file_name: str
    media_type: str
    size: int
    owner_country: str
    confidentiality: str

    @staticmethod
    def resolve_countries(obj) -> list[str]:
        return [x.code for x in obj.countries.all()]

    @staticmethod
    def resolve_owner_country(obj) -> str:
        return obj.country.code


class DocumentDetailOut(DocumentOut):
    text: str


@router.get("/documents", response=responses(list[DocumentOut]), summary="Document library (full-text search)")
@paginate(LimitOffset)
def document_list(
    request,
    query: str = "",
    doc_type: str = "",
    language: str = "",
    country: str = "",
    topic: str = "",
):
    return selectors.document_search(
        request.user,
        query=query[:200],
        doc_type=doc_type,
        language=language,
        country=country,
        topic=topic,
    )


def _document(request, document_id: int) -> Document:
    document = Document.objects.select_related("country").filter(pk=document_id).first()
    if document is None or not can_view(request.user, document):
        raise NotFound("There is no such document.")
    return document


@router.get(
    "/documents/{document_id}", response=responses(DocumentDetailOut, 404), summary="One document with its text"
)
def document_detail(request, document_id: int = ID_IN_PATH):
    return _document(request, document_id)


class DocumentIn(Schema):
    title: str = ""
    doc_type: c.DocumentType = c.DocumentType.OTHER
    language: c.Language = c.Language.RU
    countries: list[str] = []
    topics: list[str] = []
    published_on: dt.date | None = None
    publisher: str = ""
    url: str = ""
    confidentiality: Confidentiality = Confidentiality.RESTRICTED


@router.post(
    "/documents", response=responses(DocumentOut, 403, 409, status=201), auth=write_auth, summary="Upload a document"
)
def document_upload(request, meta: Form[DocumentIn], file: File[UploadedFile] = None):
    data = meta.dict()
    confidentiality = data.pop("confidentiality")
    document = services.document_create(
        actor=request.user,
        file=file,
        metadata=data,
        confidentiality=confidentiality,
        source_kind="api",
    )
    return Status(201, document)
