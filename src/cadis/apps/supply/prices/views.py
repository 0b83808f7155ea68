"""Price and purity records: list (with CSV/XLSX), detail, entry and edit forms, and the import
page (upload, dry run with preview and questions, commit) with its XLSX template."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadis.apps.reference import everyday, import_pages
from cadis.apps.reference import models as ref
from cadis.apps.reference.import_pages import PageKind
from cadis.apps.supply.exports import table_response
from cadis.apps.supply.prices import importing, selectors, services
from cadis.apps.supply.prices.forms import PriceRecordForm
from cadis.platform.errors import PermissionDenied
from cadis.platform.records import Confidentiality
from cadis.platform.scope import can_change, can_create_own
from cadis.platform.views import TableExport, scoped_list, shown_on


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
        context={
            "can_create": can_create_own(request.user),
            "can_import": import_pages.may_import(request.user),
        },
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
        with shown_on(form) as outcome:
            record = services.price_record_create(actor=request.user, data=form.service_data())
        if outcome.ok:
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
        with shown_on(form) as outcome:
            services.price_record_update(
                actor=request.user, record=record, data=form.service_data()
            )
        if outcome.ok:
            messages.success(request, _("The price and purity record was saved."))
            return redirect("supply:price_detail", pk=pk)
    return render(request, "supply/form.html", {"form": form, "title": str(record)})


def _drug_names(lang: str) -> list[str]:
    drugs = ref.Substance.objects.filter(kind__in=(ref.Substance.Kind.DRUG, ref.Substance.Kind.NPS))
    names = drugs.values_list("name_ru" if lang == "ru" else "name_en", flat=True)
    return sorted({name for name in names if name})


def _central_asia(lang: str) -> list[str]:
    return sorted(ref.Country.objects.filter(is_central_asia=True).values_list("code", flat=True))


def _subdivision_names(lang: str) -> list[str]:
    field = "name_ru" if lang == "ru" else "name_en"
    rows = ref.Subdivision.objects.filter(country__is_central_asia=True)
    return sorted(set(rows.values_list(field, flat=True)))


PAGE = PageKind(
    importing.KIND,
    importing.SPEC,
    importing.lookups_for,
    title=gettext_lazy("Prices and purity"),
    help={
        "substance": gettext_lazy("The drug as written (героин, гашиш, гера, марихуана ...)."),
        "market_level": gettext_lazy("retail or wholesale (розница, уличный, опт ...)."),
        "country": gettext_lazy("Empty: your organisation's country."),
        "period_start": gettext_lazy("A day, a month or a year: DD.MM.YYYY, MM.YYYY, YYYY."),
        "period_end": gettext_lazy("A day, a month or a year: the last day is meant."),
        "period": gettext_lazy("Instead of start and end: I квартал 2024, I полугодие 2024."),
        "year": gettext_lazy("Alone: the whole calendar year."),
        "currency": gettext_lazy("KGS, KZT, TJS, UZS, TMT, USD or сом, тенге, сомони, сум ..."),
        "price_unit": gettext_lazy("g, kg, unit, l (за грамм, кг, шт, таблетка ...)."),
        "purity_min": gettext_lazy("Per cent, 0 to 100."),
        "purity_basis": gettext_lazy("base, salt or not_known (основание, соль)."),
    },
    notes=(
        gettext_lazy(
            "One row per drug, market level, place and period. Required columns are marked with *."
        ),
        gettext_lazy(
            "Give the period as start and end, as a period (I квартал 2024) or as a year alone."
        ),
        gettext_lazy(
            "Numbers: 1 300 or 1300,50; a price needs its currency and unit; purity in per cent."
        ),
        gettext_lazy("Minimum ≤ mean and mode ≤ maximum, for prices and for purity."),
    ),
    coded=("form",),
    lists={
        "substance": _drug_names,
        "country": _central_asia,
        "subdivision": _subdivision_names,
        "currency": lambda _lang: list(everyday.CURRENCY),
    },
)


@login_required
def price_import(request):
    """Upload a file of price and purity records: check it (dry run), then import it."""
    form, organisation = import_pages.upload_form(
        request,
        refusal=_("You may not import prices."),
        initial={"confidentiality": Confidentiality.RESTRICTED},
    )
    context = import_pages.run_page(
        request, organisation=organisation, page=PAGE, form=form, run=importing.import_prices
    )
    context.update(form=form, organisation=organisation, columns=importing.COLUMNS)
    return render(request, "supply/price_import.html", context)


@login_required
def price_import_template(request):
    """The price import template (XLSX, ``?lang=ru|en``): columns, help sheet, drop-down lists."""
    return import_pages.template_response(request, PAGE)
