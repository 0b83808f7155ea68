"""Treatment pages: thin views over services and selectors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from cadis.apps.reference import import_pages as shared_import_pages
from cadis.apps.reference.models import Country
from cadis.apps.treatment import (
    dhis2_import,
    euda,
    harms_import,
    importing,
    selectors,
    services,
    tables,
)
from cadis.apps.treatment.forms import Dhis2ImportForm, EpisodeForm, HarmForm, ImportForm
from cadis.apps.treatment.views import imports as import_views
from cadis.platform.errors import CadisError
from cadis.platform.exports import xlsx_response
from cadis.platform.scope import (
    can_change,
    own_writable_organisation,
    speaks_for,
)
from cadis.platform.views import page_of, shown_on


def _is_number(text: str) -> bool:
    # str.isdigit() also accepts superscripts such as "¹", which int() refuses.
    return text.isascii() and text.isdigit()


def _writer_org(user):
    return own_writable_organisation(user)


def home(request):
    countries = list(selectors.tdi_countries())
    years = selectors.tdi_years([c.pk for c in countries])[:8]
    grid = [
        (c, [(y, selectors.tables_visible(request.user, c.pk, y)) for y in years])
        for c in countries
    ]
    return render(
        request,
        "treatment/home.html",
        {
            "can_write": _writer_org(request.user) is not None,
            "episode_count": selectors.episodes_visible(request.user).count(),
            "harm_count": selectors.harms_visible(request.user).count(),
            "grid": grid,
            "years": years,
            "releases": selectors.releases()[:20],
        },
    )


@login_required
def episodes(request):
    qs = selectors.episode_list(
        user=request.user,
        country=request.GET.get("country") or None,
        year=int(request.GET["year"]) if _is_number(request.GET.get("year", "")) else None,
        duplicates_only=bool(request.GET.get("duplicates")),
    )
    page = page_of(request, qs, 50)
    return render(
        request, "treatment/episodes.html", {"page": page, "countries": selectors.tdi_countries()}
    )


@login_required
def episode_detail(request, pk: int):
    episode = get_object_or_404(selectors.episodes_visible(request.user), pk=pk)
    return render(
        request,
        "treatment/episode_detail.html",
        {"episode": episode, "can_change": can_change(request.user, episode)},
    )


@sensitive_post_parameters("national_id", "full_name", "birth_date")
@login_required
def episode_new(request):
    org = _writer_org(request.user)
    if org is None:
        raise DjangoPermissionDenied
    form = EpisodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            episode = services.episode_create(
                actor=request.user,
                organisation=org,
                values=form.values(),
                identity=form.identity(),
                confidentiality=form.cleaned_data["confidentiality"],
            )
        if outcome.ok:
            if episode.duplicate_of_id:
                messages.warning(
                    request,
                    _(
                        "Saved. This client had another episode less than a year before: "
                        "the episode is marked as a possible duplicate."
                    ),
                )
            else:
                messages.success(request, _("Episode saved."))
            return redirect("treatment:episode", pk=episode.pk)
    return render(request, "treatment/episode_form.html", {"form": form, "organisation": org})


@login_required
def episode_edit(request, pk: int):
    episode = get_object_or_404(selectors.episodes_visible(request.user), pk=pk)
    if not can_change(request.user, episode):
        raise DjangoPermissionDenied
    initial = {f: getattr(episode, f) for f in services.EPISODE_FIELDS}
    initial.update(primary_drug=episode.primary_drug.code, confidentiality=episode.confidentiality)
    form = EpisodeForm(request.POST or None, with_identity=False, initial=initial)
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            services.episode_update(actor=request.user, episode=episode, values=form.values())
        if outcome.ok:
            messages.success(request, _("Episode saved."))
            return redirect("treatment:episode", pk=episode.pk)
    return render(request, "treatment/episode_form.html", {"form": form, "episode": episode})


@login_required
@require_POST
def episode_delete(request, pk: int):
    episode = get_object_or_404(selectors.episodes_visible(request.user), pk=pk)
    if not can_change(request.user, episode):
        raise DjangoPermissionDenied
    services.episode_delete(actor=request.user, episode=episode)
    messages.success(request, _("Episode deleted."))
    return redirect("treatment:episodes")


@login_required
def episode_import(request):
    org = _writer_org(request.user)
    if org is None:
        raise DjangoPermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    context = import_views.run_page(
        request, organisation=org, kind=importing.KIND, form=form, run=importing.import_episodes
    )
    context.update(form=form, organisation=org, kind=importing.KIND)
    return render(request, "treatment/import.html", context)


def import_template(request):
    response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tdi-import-template.csv"'
    return response


def import_template_xlsx(request):
    """The TDI episode import template (XLSX, ``?lang=ru|en``)."""
    return import_views.template_response(request, importing.KIND)


def harm_template_xlsx(request):
    """The harms import template (XLSX, ``?lang=ru|en``)."""
    return import_views.template_response(request, harms_import.KIND)


def _country_or_404(code: str) -> Country:
    country = Country.objects.filter(code=code.upper(), is_central_asia=True).first()
    if country is None:
        raise Http404
    return country


def tdi_tables(request, code: str, year: int):
    country = _country_or_404(code)
    if not selectors.tables_visible(request.user, country.pk, year):
        raise Http404
    return render(
        request,
        "treatment/tables.html",
        {
            "country": country,
            "year": year,
            "tables": tables.standard_tables([country.pk], year),
            "headline": tables.headline([country.pk], year),
            "is_released": selectors.released(country.pk, year),
            "can_release": speaks_for(request.user, country),
            "years": selectors.tdi_years([country.pk]),
        },
    )


@login_required
@require_POST
def tdi_release(request, code: str, year: int):
    country = _country_or_404(code)
    try:
        services.tdi_release(actor=request.user, country=country, year=year)
    except CadisError as exc:
        raise DjangoPermissionDenied(exc.message) from None
    messages.success(request, _("The suppressed TDI tables of this year are now public."))
    return redirect("treatment:tables", code=country.code, year=year)


def harms(request):
    qs = selectors.harm_list(
        user=request.user,
        country=request.GET.get("country") or None,
        indicator=request.GET.get("indicator") or None,
    )
    page = page_of(request, qs, 100)
    return render(
        request,
        "treatment/harms.html",
        {
            "page": page,
            "countries": selectors.tdi_countries(),
            "can_write": _writer_org(request.user) is not None,
            "can_import": shared_import_pages.may_import(request.user),
        },
    )


@login_required
def harm_new(request):
    org = _writer_org(request.user)
    if org is None:
        raise DjangoPermissionDenied
    form = HarmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with shown_on(form) as outcome:
            services.harm_upsert(
                actor=request.user,
                organisation=org,
                indicator=data["indicator"],
                year=data["year"],
                sex=data["sex"],
                age_band=data["age_band"],
                substance=data["substance"],
                values={k: data[k] for k in services.HARM_FIELDS},
                confidentiality=data["confidentiality"],
            )
        if outcome.ok:
            messages.success(request, _("Figure saved."))
            return redirect("treatment:harms")
    return render(request, "treatment/harm_form.html", {"form": form, "organisation": org})


@login_required
def harm_import(request):
    form, org = shared_import_pages.upload_form(
        request,
        refusal=_("You may not import harms figures."),
        initial={"confidentiality": "public"},
        form_class=ImportForm,
    )
    context = import_views.run_page(
        request, organisation=org, kind=harms_import.KIND, form=form, run=harms_import.import_harms
    )
    context.update(form=form, organisation=org, columns=harms_import.COLUMNS)
    return render(request, "treatment/harm_import.html", context)


@login_required
def dhis2_import_page(request):
    """Upload TDI and harms aggregates from DHIS2: check first (dry run), then import."""
    org = dhis2_import.importing_organisation(request.user)
    if org is None:
        raise DjangoPermissionDenied
    form = Dhis2ImportForm(
        request.POST or None, request.FILES or None, initial={"instance": "cadis"}
    )
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # Whatever the import refuses is about the uploaded file: the error goes by it.
        with shown_on(form, field="file"):
            report = dhis2_import.import_dhis2(
                actor=request.user,
                organisation=org,
                instance=form.cleaned_data["instance"],
                data=upload.read(),
                file_name=upload.name,
                fmt=form.cleaned_data["file_format"] or None,
                dry_run=form.cleaned_data["dry_run"],
                confidentiality=form.cleaned_data["confidentiality"],
            )
    return render(
        request,
        "treatment/dhis2_import.html",
        {"form": form, "report": report, "organisation": org},
    )


def euda_tdi_workbook(request, code: str, year: int):
    """The EUDA TDI standard tables of a country-year (XLSX), visible as the tables page is."""
    country = _country_or_404(code)
    if not selectors.tables_visible(request.user, country.pk, year):
        raise Http404
    return xlsx_response(
        f"cadis-{country.code}-{year}-euda-tdi", euda.tdi_workbook_sheets(country, year)
    )


def euda_harms_workbook(request, code: str, year: int):
    """The EUDA DRD and DRID tables of a country-year (XLSX) from the harms figures one may see."""
    country = _country_or_404(code)
    return xlsx_response(
        f"cadis-{country.code}-{year}-euda-drd-drid",
        euda.harms_workbook_sheets(request.user, country, year),
    )
