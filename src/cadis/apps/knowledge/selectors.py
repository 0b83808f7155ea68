"""Reads of the knowledge module, always through the country scope."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from cadis.apps.knowledge import choices as c
from cadis.apps.knowledge import search
from cadis.apps.knowledge.models import (
    Document,
    Programme,
    ProgrammeImplementation,
    TreatmentService,
)
from cadis.platform.scope import visible

# facet key -> (label, choices)
PROGRAMME_FACETS = {
    "area": (lambda: _("Area"), c.Area),
    "level": (lambda: _("Prevention level"), c.Level),
    "setting": (lambda: _("Setting"), c.Setting),
    "stage": (lambda: _("Life stage"), c.LifeStage),
    "evidence": (lambda: _("Evidence rating"), c.Evidence),
    "standard": (lambda: _("International standard"), c.Standard),
}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    key: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


def programmes_visible(user) -> QuerySet:
    """Catalogue programmes with the implementations the user may see."""
    impls = visible(ProgrammeImplementation.objects.select_related("country", "organisation"), user)
    return Programme.objects.prefetch_related(
        Prefetch("implementations", queryset=impls), "substances"
    )


def programme_search(
    user,
    *,
    text: str = "",
    selected: dict[str, list[str]] | None = None,
    gender: bool = False,
    country: str = "",
) -> tuple[list[Programme], list[Facet]]:
    """Programmes matching the text and every selected facet (values of one facet are OR-ed).

    Facet counts are computed over the programmes matching the other facets, so a count says
    how many results choosing that value would give.
    """
    selected = {k: v for k, v in (selected or {}).items() if k in PROGRAMME_FACETS and v}
    base = programmes_visible(user)
    if text:
        words = [w for w in text.split() if w][:8]
        for word in words:
            base = base.filter(
                Q(title_ru__icontains=word)
                | Q(title_en__icontains=word)
                | Q(summary_ru__icontains=word)
                | Q(summary_en__icontains=word)
                | Q(code__icontains=word)
            )
    if gender:
        base = base.filter(gender_responsive=True)
    if country:
        impl_ids = visible(ProgrammeImplementation.objects.filter(country__code=country), user)
        base = base.filter(pk__in=impl_ids.values("programme_id"))

    def with_facets(qs: QuerySet, skip: str | None = None) -> QuerySet:
        for key, values in selected.items():
            if key == skip:
                continue
            q = Q()
            for value in values:
                q |= Q(facet_keys__contains=f"|{key}:{value}|")
            qs = qs.filter(q)
        return qs

    results = list(with_facets(base))
    facets: list[Facet] = []
    for key, (label, choice_cls) in PROGRAMME_FACETS.items():
        counts: Counter[str] = Counter()
        for keys in with_facets(base, skip=key).values_list("facet_keys", flat=True):
            counts.update(
                part.split(":", 1)[1]
                for part in keys.strip("|").split("|")
                if part.startswith(f"{key}:")
            )
        facet = Facet(key=key, label=label())
        for value, value_label in choice_cls.choices:
            if counts[value] or value in selected.get(key, []):
                facet.values.append(
                    FacetValue(
                        value, str(value_label), counts[value], value in selected.get(key, [])
                    )
                )
        facets.append(facet)
    return results, facets


def programmes_by_codes(user, codes: list[str]) -> list[Programme]:
    by_code = {p.code: p for p in programmes_visible(user).filter(code__in=codes)}
    return [by_code[code] for code in codes if code in by_code]


def services_visible(user) -> QuerySet:
    return visible(
        TreatmentService.objects.select_related("country", "subdivision", "organisation"), user
    )


def service_search(
    user,
    *,
    country: str = "",
    subdivision: str = "",
    modality: str = "",
    women: bool = False,
    young: bool = False,
) -> QuerySet:
    qs = services_visible(user)
    if country:
        qs = qs.filter(country__code=country)
    if subdivision:
        qs = qs.filter(subdivision__code=subdivision)
    if modality:
        qs = qs.filter(facet_keys__contains=f"|modality:{modality}|")
    if women:
        qs = qs.filter(serves_women=True)
    if young:
        qs = qs.filter(serves_young_people=True)
    return qs


def documents_visible(user) -> QuerySet:
    return visible(
        Document.objects.select_related("country", "organisation").prefetch_related("countries"),
        user,
    ).defer("text", "search_tokens", "search_vector")


def document_search(
    user,
    *,
    query: str = "",
    doc_type: str = "",
    language: str = "",
    country: str = "",
    topic: str = "",
) -> QuerySet:
    """Documents the user may read, matching the full-text query and the metadata filters."""
    qs = documents_visible(user)
    if doc_type:
        qs = qs.filter(doc_type=doc_type)
    if language:
        qs = qs.filter(language=language)
    if country:
        concerned = Document.countries.through.objects.filter(country__code=country)
        qs = qs.filter(pk__in=concerned.values("document_id"))
    if topic:
        qs = qs.filter(topics__icontains=f'"{topic}"')
    if query.strip():
        qs = search.search(qs, query)
    return qs


def home_figures(user) -> list[dict]:
    return [
        {
            "label": _("Evidence-rated programmes"),
            "value": Programme.objects.count(),
            "url": reverse("knowledge:programmes"),
        },
        {
            "label": _("Treatment services"),
            "value": services_visible(user).count(),
            "url": reverse("knowledge:services"),
        },
        {
            "label": _("Library documents"),
            "value": documents_visible(user).count(),
            "url": reverse("knowledge:documents"),
        },
    ]
