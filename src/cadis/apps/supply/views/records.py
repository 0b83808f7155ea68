"""Seizures, cases and period statistics: lists, details and entry forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cadis.apps.supply import analytics, selectors, services
from cadis.apps.supply.exports import table_response
from cadis.apps.supply.forms import CaseForm, PeriodStatisticForm, SeizureForm
from cadis.apps.supply.models import Case
from cadis.platform.errors import PermissionDenied
from cadis.platform.scope import can_change, can_create_own, visible
from cadis.platform.views import TableExport, scoped_list, shown_on


def _code(obj) -> str:
    return obj.code if obj is not None else ""


# The seizure list's CSV/XLSX download: one column per (header, value of a seizure).
SEIZURE_EXPORT = TableExport(
    "seizures",
    (
        ("id", lambda s: s.pk),
        ("date", lambda s: s.date),
        ("date precision", lambda s: s.date_precision),
        ("country", lambda s: s.country.code),
        ("subdivision", lambda s: _code(s.subdivision)),
        ("place", lambda s: s.place),
        ("agency", lambda s: _code(s.agency)),
        ("substance", lambda s: _code(s.substance)),
        ("substance as written", lambda s: s.substance_as_written),
        ("quantity as written", lambda s: s.quantity_as_written),
        ("unit as written", lambda s: s.unit_as_written),
        ("normalised quantity", lambda s: s.normalised_quantity),
        ("normalised unit", lambda s: s.normalised_unit),
        ("conversion rule", lambda s: s.conversion_rule),
        ("confidentiality", lambda s: s.confidentiality),
        ("source", lambda s: s.source_kind),
        ("file", lambda s: s.source_ref.get("file", "")),
        ("row", lambda s: s.source_ref.get("row", "")),
    ),
    writer=table_response,
)


def _may_create(user) -> bool:
    return can_create_own(user)


def seizure_list(request):
    filters = analytics.Filters.from_params(request.GET)
    qs = selectors.seizure_list(
        request.user,
        country=filters.country,
        date_from=filters.date_from,
        date_to=filters.date_to,
        substance_group=filters.substance_group,
        agency=filters.agency,
        import_batch=request.GET.get("batch") or None,
    )
    return scoped_list(
        request,
        qs,
        template="supply/seizure_list.html",
        context={"query": filters.as_query(), "can_create": _may_create(request.user)},
        export=SEIZURE_EXPORT,
    )


def seizure_detail(request, pk: int):
    seizure = selectors.seizure_get(request.user, pk)
    similar = selectors.seizure_find_similar(
        request.user,
        country_id=seizure.country_id,
        date=seizure.date,
        normalised_quantity=seizure.normalised_quantity,
        normalised_unit=seizure.normalised_unit,
        substance_id=seizure.substance_id,
        substance_as_written=seizure.substance_as_written,
        exclude_pk=seizure.pk,
    )
    return render(
        request,
        "supply/seizure_detail.html",
        {"seizure": seizure, "similar": similar, "can_change": can_change(request.user, seizure)},
    )


def _owner_country(user):
    organisation = user.organisation
    return organisation.country if organisation else None


@login_required
def seizure_create(request):
    if not _may_create(request.user):
        raise PermissionDenied("You may not record seizures.")
    country = _owner_country(request.user)
    cases = visible(Case.objects.filter(country=country), request.user)
    form = SeizureForm(request.POST or None, country=country, cases=cases)
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            seizure = services.seizure_create(actor=request.user, data=form.service_data())
        if outcome.ok:
            messages.success(request, _("The seizure was recorded."))
            return redirect("supply:seizure_detail", pk=seizure.pk)
    return render(request, "supply/form.html", {"form": form, "title": _("Record a seizure")})


@login_required
def seizure_edit(request, pk: int):
    seizure = selectors.seizure_get(request.user, pk)
    if not can_change(request.user, seizure):
        raise PermissionDenied("You may not change this seizure.")
    cases = visible(Case.objects.filter(country=seizure.country), request.user)
    form = SeizureForm(request.POST or None, instance=seizure, country=seizure.country, cases=cases)
    if request.method == "POST" and form.is_valid():
        services.seizure_update(
            actor=request.user,
            seizure=selectors.seizure_get(request.user, pk),
            data=form.service_data(),
        )
        messages.success(request, _("The seizure was saved."))
        return redirect("supply:seizure_detail", pk=pk)
    return render(request, "supply/form.html", {"form": form, "title": _("Change a seizure")})


def case_list(request):
    return scoped_list(
        request,
        selectors.case_list(request.user, country=request.GET.get("country") or None),
        template="supply/case_list.html",
        context={"can_create": _may_create(request.user)},
    )


def case_detail(request, pk: int):
    case = selectors.case_get(request.user, pk)
    return render(
        request,
        "supply/case_detail.html",
        {"case": case, "seizures": selectors.case_seizures(request.user, case)[:200]},
    )


@login_required
def case_create(request):
    if not _may_create(request.user):
        raise PermissionDenied("You may not record cases.")
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            case = services.case_create(actor=request.user, data=form.service_data())
        if outcome.ok:
            messages.success(request, _("The case was recorded."))
            return redirect("supply:case_detail", pk=case.pk)
    return render(
        request, "supply/form.html", {"form": form, "title": _("Record a case or operation")}
    )


def statistic_list(request):
    filters = analytics.Filters.from_params(request.GET)
    qs = selectors.period_statistic_list(
        request.user, country=filters.country, date_from=filters.date_from, date_to=filters.date_to
    )
    return scoped_list(
        request,
        qs,
        template="supply/statistic_list.html",
        context={"can_create": _may_create(request.user)},
    )


@login_required
def statistic_create(request):
    if not _may_create(request.user):
        raise PermissionDenied("You may not record statistics.")
    form = PeriodStatisticForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            services.period_statistic_create(actor=request.user, data=dict(form.cleaned_data))
        if outcome.ok:
            messages.success(request, _("The period statistic was recorded."))
            return redirect("supply:statistic_list")
    return render(
        request,
        "supply/form.html",
        {"form": form, "title": _("Record an official period statistic")},
    )


@login_required
def place_review(request):
    """Seizures whose place the geocoder was unsure of, for the people who may change them."""
    from django.urls import reverse

    from cadis.apps.reference.geo_review import review_page

    return review_page(
        request,
        records=selectors.seizure_list(request.user).select_related("geo_place"),
        title=_("Seizure places to review"),
        describe=lambda s: f"{s.date:%d.%m.%Y} {s.country.code} {s.substance_as_written}",
        detail_url=lambda s: reverse("supply:seizure_detail", args=[s.pk]),
        resolve=services.seizure_place_resolve,
        nav_template="supply/_nav.html",
    )
