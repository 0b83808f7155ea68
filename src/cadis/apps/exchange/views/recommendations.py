"""Recommendation pages: list, drafting, criteria, lifecycle, implementation and the progress board."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cadis.apps.exchange import choices as c
from cadis.apps.exchange import selectors, services
from cadis.apps.exchange.forms.recommendations import (
    CriteriaForm,
    ImplementationForm,
    RecommendationForm,
)
from cadis.apps.exchange.models import Recommendation
from cadis.apps.knowledge.selectors import documents_visible
from cadis.apps.reference.models import Country
from cadis.platform.scope import can_change, can_create_own_in, can_edit, scope_of
from cadis.platform.views import shown_as_message, shown_on


def recommendations(request):
    qs = selectors.recommendations_visible(request.user)
    filters = {k: request.GET.get(k, "") for k in ("status", "pillar", "country")}
    if filters["status"]:
        qs = qs.filter(status=filters["status"])
    if filters["pillar"]:
        qs = qs.filter(pillar=filters["pillar"])
    if filters["country"]:
        qs = qs.filter(target_countries__code=filters["country"])
    return render(
        request,
        "exchange/recommendations.html",
        {
            "recommendations": qs,
            "filters": filters,
            "statuses": c.RecommendationStatus.choices,
            "pillars": c.Pillar.choices,
            "countries": Country.objects.filter(is_central_asia=True),
            "can_draft": scope_of(request.user).can_write,
        },
    )


def _recommendation(request, pk: int):
    return get_object_or_404(selectors.recommendations_visible(request.user), pk=pk)


def _implementation_countries(user, rec):
    """Target countries whose implementation this user may report."""
    allowed = []
    for country in rec.target_countries.all():
        impl = rec.implementations.filter(country=country).first()
        ok = can_change(user, impl) if impl is not None else can_create_own_in(user, country)
        if ok:
            allowed.append(country.pk)
    return Country.objects.filter(pk__in=allowed)


def recommendation_detail(request, pk: int):
    rec = _recommendation(request, pk)
    editable = can_change(request.user, rec) and rec.status != c.RecommendationStatus.ADOPTED
    context = {
        "rec": rec,
        "editable": editable,
        "criteria": rec.criteria.all(),
        "missing": services.missing_criteria(rec),
        "documents": documents_visible(request.user).filter(pk__in=rec.documents.values("pk")),
        "threads": selectors.threads_about(request.user, rec),
        "implementations": {
            i.country_id: i
            for i in selectors.implementations_visible(request.user).filter(recommendation=rec)
        },
    }
    if rec.status != c.RecommendationStatus.DRAFT:
        first = context["threads"].order_by("id").first()
        context["consultation_id"] = first.pk if first else None
    context["rows"] = [
        (x, context["implementations"].get(x.pk)) for x in rec.target_countries.all()
    ]
    if editable:
        context["criteria_form"] = CriteriaForm(criteria=rec.criteria.all())
    if rec.status == c.RecommendationStatus.ADOPTED:
        countries = _implementation_countries(request.user, rec)
        if countries.exists():
            context["implementation_form"] = ImplementationForm(
                countries=countries, initial={"country": countries.first()}
            )
    return render(request, "exchange/recommendation_detail.html", context)


def _hidden_documents(user, rec) -> list:
    """Linked documents the editor may not see: kept as they are."""
    if rec is None:
        return []
    return list(rec.documents.exclude(pk__in=documents_visible(user).values("pk")))


@login_required
def recommendation_edit(request, pk: int | None = None):
    rec = _recommendation(request, pk) if pk else None
    if not can_edit(request.user, rec):
        raise DjangoPermissionDenied
    initial = {}
    if rec is None and request.GET.get("event"):
        event = selectors.events_visible(request.user).filter(pk=request.GET["event"]).first()
        if event is not None:
            initial = {
                "event": event,
                "target_countries": event.participating_countries.filter(is_central_asia=True),
            }
    form = RecommendationForm(
        request.POST or None,
        instance=Recommendation.objects.get(pk=rec.pk) if rec else None,
        initial=initial,
        events=selectors.events_visible(request.user),
        documents=documents_visible(request.user),
    )
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            rec = services.recommendation_save(
                actor=request.user,
                recommendation=rec,
                data=form.data_for_service(),
                target_countries=list(form.cleaned_data["target_countries"]),
                programmes=list(form.cleaned_data["programmes"]),
                documents=list(form.cleaned_data["documents"])
                + _hidden_documents(request.user, rec),
            )
        if outcome.ok:
            messages.success(request, _("The recommendation is saved."))
            return redirect("exchange:recommendation", pk=rec.pk)
    return render(request, "exchange/recommendation_form.html", {"form": form, "rec": rec})


def _act(request, pk: int, action, success: str):
    rec = _recommendation(request, pk)
    with shown_as_message(request) as outcome:
        action(rec)
    if outcome.ok:
        messages.success(request, success)
    return redirect("exchange:recommendation", pk=rec.pk)


@require_POST
@login_required
def criteria(request, pk: int):
    rec = _recommendation(request, pk)
    form = CriteriaForm(request.POST, criteria=rec.criteria.all())
    form.is_valid()
    return _act(
        request,
        pk,
        lambda r: services.criteria_set(actor=request.user, recommendation=r, values=form.values()),
        _("The criteria checklist is saved."),
    )


@require_POST
@login_required
def open_consultation(request, pk: int):
    return _act(
        request,
        pk,
        lambda r: services.recommendation_open_consultation(actor=request.user, recommendation=r),
        _("The consultation is open."),
    )


@require_POST
@login_required
def adopt(request, pk: int):
    return _act(
        request,
        pk,
        lambda r: services.recommendation_adopt(actor=request.user, recommendation=r),
        _("The recommendation is adopted."),
    )


@require_POST
@login_required
def implementation(request, pk: int):
    rec = _recommendation(request, pk)
    form = ImplementationForm(request.POST, countries=rec.target_countries.all())
    if not form.is_valid():
        messages.error(
            request,
            _("Check the implementation form: %(errors)s") % {"errors": form.errors.as_text()},
        )
        return redirect("exchange:recommendation", pk=rec.pk)
    data = form.cleaned_data
    return _act(
        request,
        pk,
        lambda r: services.implementation_update(
            actor=request.user,
            recommendation=r,
            country=data["country"],
            status=data["status"],
            responsible_body=data["responsible_body"],
            indicator=data["indicator"],
            indicator_value=data["indicator_value"],
            notes=data["notes"],
            milestone=(data["milestone"], data["milestone_due"]) if data["milestone"] else None,
        ),
        _("The implementation status is saved."),
    )


STATUS_COLOURS = {
    "not_started": "#bbbbbb",
    "planned": "#9ecae1",
    "in_progress": "#fdae6b",
    "implemented": "#31a354",
    "stalled": "#de2d26",
}


def board(request):
    pillar = request.GET.get("pillar", "")
    rows, countries, totals = selectors.progress_board(request.user, pillar=pillar)
    labels = [str(label) for _value, label in c.ImplementationStatus.choices]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": "container",
        "height": 200,
        "data": {
            "values": [{"country": name, "status": label, "n": n} for name, label, n in totals]
        },
        "mark": "bar",
        # Countries by name on horizontal bars: full labels fit at any width.
        "encoding": {
            "y": {"field": "country", "type": "nominal", "title": _("Country")},
            "x": {
                "field": "n",
                "type": "quantitative",
                "title": _("Recommendations"),
                "axis": {"tickMinStep": 1, "format": "d"},
            },
            "color": {
                "field": "status",
                "type": "nominal",
                "title": _("Status"),
                "scale": {"domain": labels, "range": list(STATUS_COLOURS.values())},
            },
        },
    }
    chart = {
        "id": "progress-chart",
        "spec_id": "progress-chart-spec",
        "title": _("Implementation by country"),
        "spec": spec,
        "columns": [_("Country"), _("Status"), _("Recommendations")],
        "rows": totals,
    }
    return render(
        request,
        "exchange/board.html",
        {
            "rows": rows,
            "countries": countries,
            "chart": chart,
            "pillar": pillar,
            "pillars": c.Pillar.choices,
        },
    )
