"""Pages: landing with quick identification, detections, substance profiles."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cadis.apps.ews import charts, evidence, selectors, services, spectral
from cadis.apps.ews.choices import Category
from cadis.apps.ews.forms import DetectionForm, IdentifyForm
from cadis.apps.ews.identify import classification_json, identify
from cadis.apps.ews.library import classifier
from cadis.apps.ews.models import SubstanceProfile
from cadis.apps.reference.models import CENTRAL_ASIA, Country
from cadis.engines.chem import draw_svg
from cadis.platform import scope
from cadis.platform.views import page_of, shown_on


def home(request):
    form = IdentifyForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        with shown_on(form, field="structure"):
            result = classification_json(identify(form.cleaned_data["structure"]))
    return render(
        request,
        "ews/home.html",
        {
            "form": form,
            "result": result,
            "alerts": selectors.alert_list(user=request.user, status="issued")[:5],
            "drafts": selectors.alert_list(user=request.user, status="draft")[:5]
            if scope.scope_of(request.user).authenticated
            else [],
            "can_report": scope.scope_of(request.user).can_write,
            "latency": selectors.alert_latency(user=request.user),
        },
    )


def detection_list(request):
    country = request.GET.get("country") or None
    category = request.GET.get("category") or None
    qs = selectors.detection_list(user=request.user, country=country, category=category)
    page = page_of(request, qs, 50)
    return render(
        request,
        "ews/detection_list.html",
        {
            "page": page,
            "countries": Country.objects.filter(code__in=CENTRAL_ASIA),
            "categories": Category.choices,
            "country": country,
            "category": category,
        },
    )


@login_required
def detection_new(request):
    organisation = request.user.organisation
    country = organisation.country if organisation and organisation.country_id else None
    if country is None or not scope.can_create_in(
        request.user, country_id=country.pk, organisation_id=organisation.pk
    ):
        raise PermissionDenied(_("Your account may not report detections."))
    form = DetectionForm(request.POST or None, country=country)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "quantity_unit": form.cleaned_data.get("quantity_unit") or ""}
        # What the service refuses once the form is valid is the structure (or the name) it
        # cannot identify: the error goes by the structure box.
        with shown_on(form, field="structure_input") as outcome:
            detection, alert = services.detection_create(
                actor=request.user, country=country, organisation=organisation, data=data
            )
        if outcome.ok:
            messages.success(
                request,
                _("The detection was recorded and identified as %(name)s.")
                % {"name": detection.profile.name},
            )
            if alert is not None:
                messages.info(
                    request,
                    _("A draft alert was created: %(title)s") % {"title": alert.display_title},
                )
            return redirect("ews:detection_detail", pk=detection.pk)
    return render(request, "ews/detection_form.html", {"form": form, "country": country})


def detection_detail(request, pk: int):
    detection = selectors.detection_get(user=request.user, pk=pk)
    if detection is None:
        raise Http404
    return render(
        request,
        "ews/detection_detail.html",
        {
            "detection": detection,
            "result": detection.classification,
            "seizure": detection.seizure(),
            "evidence": evidence.evidence_of(detection),
            "may_add_evidence": scope.can_change(request.user, detection),
            "spectra": [
                {"record": s, "matches": evidence.matches_for(user=request.user, record=s)}
                for s in detection.spectra.all()
            ],
            "alerts": selectors.alert_list(user=request.user).filter(detections=detection),
        },
    )


def profile_list(request):
    search = (request.GET.get("q") or "").strip() or None
    category = request.GET.get("category") or None
    qs = selectors.profile_list(search=search, category=category)
    page = page_of(request, qs, 60)
    return render(
        request,
        "ews/profile_list.html",
        {"page": page, "q": search or "", "category": category, "categories": Category.choices},
    )


def profile_detail(request, pk: int):
    profile = get_object_or_404(SubstanceProfile, pk=pk)
    result = classification_json(classifier().classify(profile.smiles, use_opsin=False))
    try:
        svg = mark_safe(draw_svg(profile.smiles, 360, 260))  # noqa: S308 - RDKit output
    except ValueError:
        svg = ""
    series = selectors.profile_detection_series(user=request.user, profile=profile)
    return render(
        request,
        "ews/profile_detail.html",
        {
            "profile": profile,
            "result": result,
            "svg": svg,
            "chart_time": charts.detections_over_time(series["by_month"]),
            "chart_country": charts.detections_by_country(series["by_country"]),
            "detections": selectors.detection_list(user=request.user, profile=profile)[:20],
            "alerts": selectors.alert_list(user=request.user).filter(profile=profile)[:10],
            "reference_count": spectral.reference_spectra(
                user=request.user, profile=profile
            ).count(),
        },
    )
