"""Pages of the knowledge module: thin, reading through selectors and writing through services."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cadis.apps.knowledge import choices as c
from cadis.apps.knowledge import selectors, services
from cadis.apps.knowledge.forms import DocumentUploadForm, ServiceForm
from cadis.apps.knowledge.models import Document, TreatmentService
from cadis.apps.reference.models import Country, Subdivision
from cadis.platform.scope import can_change, can_edit, can_view, home_country_id, scope_of
from cadis.platform.views import page_of, shown_on


def _central_asia():
    return Country.objects.filter(is_central_asia=True)


def evidence_chart() -> dict:
    counts = Counter(selectors.Programme.objects.values_list("area", "evidence"))
    rows = [
        (str(c.Area(a).label), str(c.Evidence(e).label), n) for (a, e), n in sorted(counts.items())
    ]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": "container",
        "height": 220,
        "data": {"values": [{"area": a, "evidence": e, "n": n} for a, e, n in rows]},
        "mark": "bar",
        "encoding": {
            "y": {"field": "area", "type": "nominal", "title": _("Area")},
            "x": {"field": "n", "type": "quantitative", "title": _("Programmes")},
            "color": {"field": "evidence", "type": "nominal", "title": _("Evidence rating")},
        },
    }
    return {
        "id": "evidence-chart",
        "spec_id": "evidence-chart-spec",
        "title": _("Programmes by area and evidence"),
        "spec": spec,
        "columns": [_("Area"), _("Evidence rating"), _("Programmes")],
        "rows": rows,
    }


def home(request):
    return render(
        request,
        "knowledge/home.html",
        {"figures": selectors.home_figures(request.user), "chart": evidence_chart()},
    )


def programmes(request):
    selected = {key: request.GET.getlist(key) for key in selectors.PROGRAMME_FACETS}
    results, facets = selectors.programme_search(
        request.user,
        text=request.GET.get("q", "").strip(),
        selected=selected,
        gender=request.GET.get("gender") == "1",
        country=request.GET.get("country", ""),
    )
    return render(
        request,
        "knowledge/programmes.html",
        {
            "programmes": results,
            "facets": facets,
            "q": request.GET.get("q", ""),
            "gender": request.GET.get("gender") == "1",
            "country": request.GET.get("country", ""),
            "countries": _central_asia(),
        },
    )


def programme_detail(request, code: str):
    programme = get_object_or_404(selectors.programmes_visible(request.user), code=code)
    return render(request, "knowledge/programme_detail.html", {"programme": programme})


COMPARE_ROWS = (
    ("area", lambda p: p.get_area_display()),
    ("level", lambda p: p.get_level_display() or "—"),
    ("settings", lambda p: ", ".join(p.setting_labels()) or "—"),
    ("target", lambda p: p.target_group),
    ("stages", lambda p: ", ".join(p.life_stage_labels()) or "—"),
    ("substances", lambda p: ", ".join(s.name for s in p.substances.all()) or "—"),
    ("standard", lambda p: p.get_standard_display()),
    ("evidence", lambda p: p.get_evidence_display()),
    ("basis", lambda p: p.evidence_basis),
    ("gender", lambda p: _("yes") if p.gender_responsive else _("no")),
    (
        "countries",
        lambda p: (
            ", ".join(
                f"{i.country.name}: {i.get_status_display()}" for i in p.implementations.all()
            )
            or "—"
        ),
    ),
)


def compare(request):
    codes = [code for code in request.GET.getlist("p") if code][:4]
    chosen = selectors.programmes_by_codes(request.user, codes)
    labels = {
        "area": _("Area"),
        "level": _("Prevention level"),
        "settings": _("Settings"),
        "target": _("Target group"),
        "stages": _("Life stages"),
        "substances": _("Substances"),
        "standard": _("International standard"),
        "evidence": _("Evidence rating"),
        "basis": _("Evidence basis"),
        "gender": _("Gender-responsive"),
        "countries": _("Implemented in"),
    }
    rows = [(labels[key], [get(p) for p in chosen]) for key, get in COMPARE_ROWS]
    return render(
        request,
        "knowledge/compare.html",
        {"programmes": chosen, "rows": rows, "too_few": len(chosen) < 2},
    )


def services_list(request):
    country = request.GET.get("country", "")
    filters = {
        "country": country,
        "subdivision": request.GET.get("subdivision", ""),
        "modality": request.GET.get("modality", ""),
        "women": request.GET.get("women") == "1",
        "young": request.GET.get("young") == "1",
    }
    qs = selectors.service_search(request.user, **filters)
    page = page_of(request, qs, 50)
    subdivisions = (
        Subdivision.objects.filter(country__code=country) if country else Subdivision.objects.none()
    )
    return render(
        request,
        "knowledge/services.html",
        {
            "page": page,
            "filters": filters,
            "countries": _central_asia(),
            "subdivisions": subdivisions,
            "modalities": c.Modality.choices,
            "total": qs.count(),
            "can_add": scope_of(request.user).can_write,
            "editable": {x.pk for x in page if can_change(request.user, x)},
        },
    )


def documents(request):
    filters = {
        key: request.GET.get(key, "")
        for key in ("query", "doc_type", "language", "country", "topic")
    }
    filters["query"] = filters["query"].strip()[:200]
    qs = selectors.document_search(request.user, **filters)
    page = page_of(request, qs, 25)
    return render(
        request,
        "knowledge/documents.html",
        {
            "page": page,
            "filters": filters,
            "countries": _central_asia(),
            "types": c.DocumentType.choices,
            "languages": c.Language.choices,
            "topics": c.Topic.choices,
            "can_upload": scope_of(request.user).can_write,
        },
    )


@login_required
def document_upload(request):
    if not scope_of(request.user).can_write:
        raise DjangoPermissionDenied
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            document = services.document_create(
                actor=request.user,
                file=form.cleaned_data["file"],
                metadata=form.metadata(),
                confidentiality=form.cleaned_data["confidentiality"],
            )
        if outcome.ok:
            messages.success(request, _("The document is in the library."))
            return redirect("knowledge:document", pk=document.pk)
    return render(request, "knowledge/document_upload.html", {"form": form})


def _document_or_404(request, pk: int) -> Document:
    document = get_object_or_404(Document.objects.select_related("country", "organisation"), pk=pk)
    if not can_view(request.user, document):
        raise Http404
    return document


def document_detail(request, pk: int):
    document = _document_or_404(request, pk)
    return render(request, "knowledge/document_detail.html", {"document": document})


def document_file(request, pk: int):
    document = _document_or_404(request, pk)
    if not document.file_path or not default_storage.exists(document.file_path):
        raise Http404
    return FileResponse(
        default_storage.open(document.file_path, "rb"),
        as_attachment=True,
        filename=document.file_name or None,
    )


@login_required
def service_edit(request, pk: int | None = None):
    service = get_object_or_404(selectors.services_visible(request.user), pk=pk) if pk else None
    if not can_edit(request.user, service):
        raise DjangoPermissionDenied
    country_id = service.country_id if service else home_country_id(request.user)
    # The form works on its own copy: the service snapshots the record before changing it.
    copy = TreatmentService.objects.get(pk=service.pk) if service else None
    form = ServiceForm(request.POST or None, instance=copy, country_id=country_id)
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            service = services.service_save(
                actor=request.user, service=service, data=form.cleaned_data
            )
        if outcome.ok:
            messages.success(request, _("The treatment service is saved."))
            return redirect("knowledge:services")
    return render(request, "knowledge/service_form.html", {"form": form, "service": service})
