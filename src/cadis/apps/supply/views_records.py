"""Seizures, cases and period statistics: lists, details and entry forms."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cadis.apps.accounts.errors import CadisError, NotFound, PermissionDenied
from cadis.apps.accounts.scope import can_change, can_create_in, scope_of, visible
from cadis.apps.supply import analytics, selectors, services
from cadis.apps.supply.exports import table_response
from cadis.apps.supply.forms import CaseForm, PeriodStatisticForm, SeizureForm
from cadis.apps.supply.models import Case

SEIZURE_COLUMNS = (
    "id",
    "date",
    "date precision",
    "country",
    "subdivision",
    "place",
    "agency",
    "substance",
    "substance as written",
    "quantity as written",
    "unit as written",
    "normalised quantity",
    "normalised unit",
    "conversion rule",
    "confidentiality",
    "source",
    "file",
    "row",
)


def cadis_errors(view):
    """NotFound -> 404, PermissionDenied -> 403 for the page views."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotFound:
            raise Http404 from None
        except PermissionDenied:
            raise DjangoPermissionDenied from None

    return wrapped


def _may_create(user) -> bool:
    scope = scope_of(user)
    return scope.can_write and can_create_in(
        user, country_id=scope.country_id, organisation_id=scope.organisation_id
    )


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
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        rows = (
            [
                s.pk,
                s.date,
                s.date_precision,
                s.country.code,
                s.subdivision.code if s.subdivision else "",
                s.place,
                s.agency.code if s.agency else "",
                s.substance.code if s.substance else "",
                s.substance_as_written,
                s.quantity_as_written,
                s.unit_as_written,
                s.normalised_quantity,
                s.normalised_unit,
                s.conversion_rule,
                s.confidentiality,
                s.source_kind,
                s.source_ref.get("file", ""),
                s.source_ref.get("row", ""),
            ]
            for s in qs.iterator(chunk_size=2000)
        )
        return table_response(fmt, "seizures", list(SEIZURE_COLUMNS), rows)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "supply/seizure_list.html",
        {"page": page, "query": filters.as_query(), "can_create": _may_create(request.user)},
    )


@cadis_errors
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
@cadis_errors
def seizure_create(request):
    if not _may_create(request.user):
        raise PermissionDenied("You may not record seizures.")
    country = _owner_country(request.user)
    cases = visible(Case.objects.filter(country=country), request.user)
    form = SeizureForm(request.POST or None, country=country, cases=cases)
    if request.method == "POST" and form.is_valid():
        try:
            seizure = services.seizure_create(actor=request.user, data=form.service_data())
        except CadisError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The seizure was recorded."))
            return redirect("supply:seizure_detail", pk=seizure.pk)
    return render(request, "supply/form.html", {"form": form, "title": _("Record a seizure")})


@login_required
@cadis_errors
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
    page = Paginator(
        selectors.case_list(request.user, country=request.GET.get("country") or None), 50
    )
    return render(
        request,
        "supply/case_list.html",
        {"page": page.get_page(request.GET.get("page")), "can_create": _may_create(request.user)},
    )


@cadis_errors
def case_detail(request, pk: int):
    case = selectors.case_get(request.user, pk)
    return render(
        request,
        "supply/case_detail.html",
        {"case": case, "seizures": selectors.case_seizures(request.user, case)[:200]},
    )


@login_required
@cadis_errors
def case_create(request):
    if not _may_create(request.user):
        raise PermissionDenied("You may not record cases.")
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(actor=request.user, data=form.service_data())
        except CadisError as error:
            form.add_error(None, error.message)
        else:
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
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "supply/statistic_list.html",
        {"page": page, "can_create": _may_create(request.user)},
    )


@login_required
@cadis_errors
def statistic_create(request):
    if not _may_create(request.user):
        raise PermissionDenied("You may not record statistics.")
    form = PeriodStatisticForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.period_statistic_create(actor=request.user, data=dict(form.cleaned_data))
        except CadisError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The period statistic was recorded."))
            return redirect("supply:statistic_list")
    return render(
        request,
        "supply/form.html",
        {"form": form, "title": _("Record an official period statistic")},
    )
