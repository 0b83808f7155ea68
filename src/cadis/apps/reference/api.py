"""Read-only reference endpoints."""

from __future__ import annotations

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from cadis.apps.reference import models as ref
from cadis.platform.api import LimitOffset, ScopedRecordOut, responses

router = Router(tags=["reference"])


class CountryOut(Schema):
    code: str
    alpha3: str
    name_ru: str
    name_en: str
    is_central_asia: bool


class SubdivisionOut(ScopedRecordOut):
    code: str
    country: str
    name_ru: str
    name_en: str
    kind: str


class AgencyOut(ScopedRecordOut):
    code: str
    country: str | None
    name_ru: str
    name_en: str
    abbr_ru: str
    abbr_en: str
    kind: str


class SubstanceOut(Schema):
    code: str
    kind: str
    name_ru: str
    name_en: str
    group: str | None
    nps_category: str | None
    tdi_code: str | None
    default_unit: str
    cas: str
    synonyms: list[str]

    @staticmethod
    def resolve_group(obj) -> str | None:
        return obj.group.code if obj.group_id else None

    @staticmethod
    def resolve_nps_category(obj) -> str | None:
        return obj.nps_category.code if obj.nps_category_id else None

    @staticmethod
    def resolve_tdi_code(obj) -> str | None:
        return obj.tdi_code.code if obj.tdi_code_id else None

    @staticmethod
    def resolve_synonyms(obj) -> list[str]:
        return [s.synonym for s in obj.synonyms.all()]


class VocabularyOut(Schema):
    code: str
    name_ru: str
    name_en: str


class HierarchyOut(VocabularyOut):
    parent: str | None

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.code if obj.parent_id else None


class UnitOut(VocabularyOut):
    dimension: str
    factor_to_base: float
    base: str
    aliases: list[str]

    @staticmethod
    def resolve_aliases(obj) -> list[str]:
        return [a for a in obj.aliases.split("|") if a]


class ControlListEntryOut(Schema):
    name_en: str
    name_ru: str
    cas: str
    hs6: str
    threshold_percent: float | None


class ControlListOut(ScopedRecordOut):
    id: int
    kind: str
    country: str | None
    name: str
    version: str
    effective_from: str
    entries: list[ControlListEntryOut]

    @staticmethod
    def resolve_effective_from(obj) -> str:
        return obj.effective_from.isoformat()


@router.get("/countries", response=responses(list[CountryOut]), summary="Countries (ISO 3166-1)")
@paginate(LimitOffset)
def countries(request, central_asia: bool = False):
    qs = ref.Country.objects.all()
    return qs.filter(is_central_asia=True) if central_asia else qs


@router.get(
    "/subdivisions", response=responses(list[SubdivisionOut]), summary="Subdivisions of the five countries"
)
@paginate(LimitOffset)
def subdivisions(request, country: str | None = None):
    qs = ref.Subdivision.objects.select_related("country")
    return qs.filter(country__code=country.upper()) if country else qs


@router.get("/agencies", response=responses(list[AgencyOut]), summary="National agencies and regional bodies")
@paginate(LimitOffset)
def agencies(request, country: str | None = None):
    qs = ref.Agency.objects.select_related("country")
    return qs.filter(country__code=country.upper()) if country else qs


@router.get(
    "/substances", response=responses(list[SubstanceOut]), summary="Substance vocabulary with synonyms"
)
@paginate(LimitOffset)
def substances(request, q: str | None = None, kind: str | None = None):
    qs = ref.Substance.objects.select_related("group", "nps_category", "tdi_code").prefetch_related(
        "synonyms"
    )
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(
            Q(name_en__icontains=q) | Q(name_ru__icontains=q) | Q(synonyms__synonym__icontains=q)
        ).distinct()
    return qs


@router.get("/substances/{code}", response=responses(SubstanceOut, 404), summary="One substance")
def substance(request, code: str):
    return get_object_or_404(ref.Substance.objects.prefetch_related("synonyms"), code=code)


def _vocabulary(path: str, model, schema, summary: str):
    @router.get(
        path,
        response=responses(list[schema]),
        summary=summary,
        operation_id=f"reference_{path.strip('/').replace('-', '_')}",
    )
    @paginate(LimitOffset)
    def endpoint(request):
        qs = model.objects.all()
        # A hierarchy answers its parent's code: read the parents in the same query.
        has_parent = any(f.name == "parent" for f in model._meta.get_fields())
        return qs.select_related("parent") if has_parent else qs

    return endpoint


_vocabulary(
    "/substance-groups", ref.SubstanceGroup, HierarchyOut, "UNODC drug groups and subgroups"
)
_vocabulary("/nps-categories", ref.NpsCategory, VocabularyOut, "NPS categories")
_vocabulary("/tdi-drugs", ref.TdiDrug, HierarchyOut, "TDI 3.0 primary-drug codes")
_vocabulary("/units", ref.Unit, UnitOut, "Units with conversions")
_vocabulary("/concealment-methods", ref.ConcealmentMethod, VocabularyOut, "Concealment methods")
_vocabulary("/transport-modes", ref.TransportMode, VocabularyOut, "Transport modes")
_vocabulary("/drug-forms", ref.DrugForm, VocabularyOut, "Drug forms")


@router.get(
    "/control-lists", response=responses(list[ControlListOut]), summary="Precursor control lists (versioned)"
)
@paginate(LimitOffset)
def control_lists(request, kind: str | None = None, country: str | None = None):
    qs = ref.ControlList.objects.select_related("country").prefetch_related("entries")
    if kind:
        qs = qs.filter(kind=kind)
    if country:
        qs = qs.filter(country__code=country.upper())
    return qs
