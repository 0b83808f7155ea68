"""Price and purity records: list (with CSV/XLSX), detail, entry and edit forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cadis.apps.supply.exports import table_response
from cadis.apps.supply.prices import selectors, services
from cadis.apps.supply.prices.forms import PriceRecordForm
from cadis.platform.errors import CadisError, PermissionDenied
from cadis.platform.scope import can_change, can_create_own
from cadis.platform.views import TableExport, scoped_list


def _code(obj) -> str:
    return obj.code if obj is not None else ""


PRICE_EXPORT = TableExport(
    "prices",
    (
        ("id", lambda r: r.pk),
        ("country", lambda r: r.country.code),
        ("drug", lambda r: r.substance.code),
        ("form", lambda r: _code(r.form)),
        ("market level", lambda r: r.market_level),
        ("subdivision", lambda r: _code(r.subdivision)),
        ("place", lambda r: r.place),
        ("period start", lambda r: r.period_start),
        ("period end", lambda r: r.period_end),
        ("year", lambda r: r.year),
        ("currency", lambda r: r.currency),
        ("price unit", lambda r: r.price_unit),
        ("price min", lambda r: r.price_min),
        ("price mean", lambda r: r.price_mean),
        ("price mode", lambda r: r.price_mode),
        ("price max", lambda r: r.price_max),
        ("purchases", lambda r: r.price_sample_size),
        ("purity min %", lambda r: r.purity_min),
        ("purity mean %", lambda r: r.purity_mean),
        ("purity mode %", lambda r: r.purity_mode),
        ("purity max %", lambda r: r.purity_max),
        ("samples", lambda r: r.purity_sample_size),
        ("purity basis", lambda r: r.purity_basis),
        ("source", lambda r: r.source),
        ("confidentiality", lambda r: r.confidentiality),
    ),
    writer=table_response,
)


def _year(text: str | None) -> int | None:
    return int(text) if text and text.isascii() and text.isdigit() and len(text) == 4 else None


def price_list(request):
    qs = selectors.price_list(
        request.user,
        country=(request.GET.get("country") or "").upper() or None,
        year=_year(request.GET.get("year")),
        substance=request.GET.get("substance") or None,
        market_level=request.GET.get("market_level") or None,
    )
    return scoped_list(
        request,
        qs,
        template="supply/price_list.html",
        context={"can_create": can_create_own(request.user)},
        export=PRICE_EXPORT,
    )


def price_detail(request, pk: int):
    record = selectors.price_get(request.user, pk)
    return render(
        request,
        "supply/price_detail.html",
        {"record": record, "can_change": can_change(request.user, record)},
    )


def _country(user):
    return user.organisation.country if user.organisation else None


@login_required
def price_create(request):
    if not can_create_own(request.user):
        raise PermissionDenied("You may not record prices.")
    form = PriceRecordForm(request.POST or None, country=_country(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            record = services.price_record_create(actor=request.user, data=form.service_data())
        except CadisError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The price and purity record was saved."))
            return redirect("supply:price_detail", pk=record.pk)
    return render(
        request, "supply/form.html", {"form": form, "title": _("Record prices and purity")}
    )


@login_required
def price_edit(request, pk: int):
    record = selectors.price_get(request.user, pk)
    if not can_change(request.user, record):
        raise PermissionDenied("You may not change this record.")
    form = PriceRecordForm(
        request.POST or None, instance=selectors.price_get(request.user, pk), country=record.country
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.price_record_update(
                actor=request.user, record=record, data=form.service_data()
            )
        except CadisError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The price and purity record was saved."))
            return redirect("supply:price_detail", pk=pk)
    return render(request, "supply/form.html", {"form": form, "title": str(record)})
