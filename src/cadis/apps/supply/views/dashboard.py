"""Dashboards (regional and country) and their CSV/XLSX downloads."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cadis.apps.reference import models as ref
from cadis.apps.supply import analytics, charts, selectors
from cadis.apps.supply.exports import table_response
from cadis.platform.scope import scope_of

DASHBOARD_TABLES = (
    # dimension, title, label column title, limit
    ("period", gettext_noop("Quantity seized by period"), gettext_noop("Period"), None),
    ("substance_group", gettext_noop("By substance group"), gettext_noop("Substance group"), None),
    ("substance", gettext_noop("By substance (top 15)"), gettext_noop("Substance"), 15),
    ("country", gettext_noop("By country"), gettext_noop("Country"), None),
    ("subdivision", gettext_noop("By subdivision (top 15)"), gettext_noop("Subdivision"), 15),
    ("agency", gettext_noop("By agency (top 10)"), gettext_noop("Agency"), 10),
    (
        "concealment",
        gettext_noop("Top concealment methods"),
        gettext_noop("Concealment method"),
        10,
    ),
    ("transport", gettext_noop("Top transport modes"), gettext_noop("Transport mode"), 10),
    ("route", gettext_noop("Top routes (departure → destination)"), gettext_noop("Route"), 10),
)


def _titles(dimension: str) -> tuple[str, str, int | None]:
    for dim, title, label, limit in DASHBOARD_TABLES:
        if dim == dimension:
            return _(title), _(label), limit
    raise Http404


def _filter_choices() -> dict:
    return {
        "countries": ref.Country.objects.filter(is_central_asia=True).order_by("code"),
        "groups": ref.SubstanceGroup.objects.filter(parent__isnull=True).order_by("code"),
        "agencies": ref.Agency.objects.filter(country__is_central_asia=True).order_by(
            "country__code", "code"
        ),
        "grains": [("year", _("year")), ("quarter", _("quarter")), ("month", _("month"))],
    }


def _dashboard(request, filters: analytics.Filters, country=None):
    query = filters.as_query()
    user = request.user
    chart_list = []
    for dimension, _title, _label, limit in DASHBOARD_TABLES:
        if dimension == "country" and country is not None:
            continue
        if dimension == "subdivision" and country is None:
            continue
        title, label, limit = _titles(dimension)
        rows = analytics.by_dimension(user, filters, dimension, limit)
        chart_list.append(
            charts.chart(dimension, title, label, rows, query, line=dimension == "period")
        )
        if dimension == "period":
            chart_list.append(
                charts.chart(
                    dimension,
                    _("Number of seizures by period"),
                    label,
                    rows,
                    query,
                    measure="seizures",
                    line=True,
                )
            )
    statistics = selectors.period_statistic_list(
        user,
        country=filters.country,
        date_from=filters.date_from,
        date_to=filters.date_to,
        substance_group=filters.substance_group,
        agency=filters.agency,
    )[:100]
    scope = scope_of(user)
    context = {
        "filters": filters,
        "query": query,
        "country": country,
        "charts": chart_list,
        "totals": analytics.totals(user, filters),
        "change": analytics.change(user, filters),
        "cases": analytics.case_totals(user, filters),
        "statistics": statistics,
        "synthetic": analytics.seizures(user, filters).filter(source_kind="demo").exists(),
        "can_write": scope.can_write,
        "public_only": not scope.authenticated,
        **_filter_choices(),
    }
    return render(request, "supply/dashboard.html", context)


def dashboard(request):
    return _dashboard(request, analytics.Filters.from_params(request.GET))


def country_dashboard(request, code: str):
    country = get_object_or_404(ref.Country, code=code.upper())
    params = request.GET.copy()
    params["country"] = country.code
    return _dashboard(request, analytics.Filters.from_params(params), country=country)


def data_download(request, dimension: str, fmt: str):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    filters = analytics.Filters.from_params(request.GET)
    title, label, limit = _titles(dimension)
    rows = analytics.by_dimension(request.user, filters, dimension, limit)
    suffix = "-".join(v for k, v in sorted(filters.as_query().items()) if k != "grain") or "all"
    return table_response(
        fmt,
        f"seizures-by-{dimension}-{suffix}",
        charts.table_columns(label),
        charts.table_rows(rows),
    )


def seizure_maps(request):
    """Seizures as points, routes as flows, hotspots per subdivision (what the user may see)."""
    from cadis.apps.reference.models import GAZETTEER_CREDITS
    from cadis.apps.supply import maps

    filters = analytics.Filters.from_params(request.GET)
    context = {
        "filters": filters,
        "query": filters.as_query(),
        "maps": maps.seizure_maps(request.user, filters),
        "credits": GAZETTEER_CREDITS,
        "public_only": not scope_of(request.user).authenticated,
        **_filter_choices(),
    }
    return render(request, "supply/maps.html", context)
