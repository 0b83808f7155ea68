"""Report pages and downloads: thin views over reports.profile, exports and pdf."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from cadis.apps.reference.models import Country, Dhis2Instance
from cadis.apps.reports import dhis2, exports, pdf, sdmx, services
from cadis.apps.reports import profile as report_profile
from cadis.apps.reports.geo import map_svg
from cadis.apps.reports.models import ReportText
from cadis.engines.dhis2 import iter_adx, iter_data_value_set
from cadis.engines.sdmx import iter_sdmx_csv
from cadis.platform.exports import content_disposition
from cadis.platform.views import shown_on


def _country(code: str) -> Country:
    country = Country.objects.filter(code=code.upper(), is_central_asia=True).first()
    if country is None:
        raise Http404
    return country


def _map(overview: dict) -> tuple[dict, dict]:
    values = {
        row["country"].code: (row["figures"].get("tdi_clients") or {}).get("value")
        for row in overview["rows"]
    }
    labels = {row["country"].code: row["country"].name for row in overview["rows"]}
    return values, labels


def home(request):
    overview = report_profile.regional_overview(request.user)
    values, labels = _map(overview)
    svg = map_svg(
        values,
        title=_("Clients entering drug treatment, latest year"),
        labels=labels,
        link=lambda code: reverse("reports:country", args=[code]),
        legend=_("Darker: more clients entering treatment; grey: no published figure."),
    )
    return render(
        request,
        "reports/home.html",
        {
            "overview": overview,
            "map_svg": svg,
            "can_edit": services.can_edit_texts(request.user, None),
        },
    )


def country(request, code: str):
    country = _country(code)
    profile = report_profile.country_profile(request.user, country)
    return render(
        request,
        "reports/country.html",
        {
            "profile": profile,
            "can_edit": services.can_edit_texts(request.user, country),
            "sections": ReportText.Section.choices,
        },
    )


def _download(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def country_pdf(request, code: str):
    country = _country(code)
    profile = report_profile.country_profile(request.user, country)
    data = pdf.profile_pdf(profile, request=request)
    return _download(data, "application/pdf", f"cadis-{country.code}-{get_language() or 'ru'}.pdf")


def country_export(request, code: str, fmt: str):
    country = _country(code)
    if fmt == "sdmx.csv":
        # The SDMX-CSV 1.0 file of one country became one SDMX-CSV 2.0 file per dataflow.
        return redirect(reverse("reports:sdmx_index") + f"#{country.code}", permanent=True)
    profile = report_profile.country_profile(request.user, country)
    if fmt == "csv":
        return _download(
            exports.profile_csv(profile), "text/csv; charset=utf-8", f"cadis-{country.code}.csv"
        )
    if fmt == "xlsx":
        return _download(
            exports.profile_xlsx(profile),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            f"cadis-{country.code}.xlsx",
        )
    raise Http404


def regional_pdf(request):
    overview = report_profile.regional_overview(request.user)
    values, labels = _map(overview)
    data = pdf.regional_pdf(overview, values, labels, title=_("Regional overview"), request=request)
    return _download(data, "application/pdf", f"cadis-region-{get_language() or 'ru'}.pdf")


def regional_sdmx(request):
    return redirect("reports:sdmx_index", permanent=True)


def sdmx_index(request):
    """The SDMX open data: the structure message and one SDMX-CSV 2.0 file per dataflow."""
    flows = sdmx.structures().dataflows
    return render(
        request,
        "reports/sdmx_index.html",
        {"flows": flows, "countries": sdmx.published_countries()},
    )


def sdmx_structure(request):
    response = HttpResponse(sdmx.structure_xml(), content_type="application/xml")
    response["Content-Disposition"] = 'inline; filename="structure.xml"'
    return response


def sdmx_data(request, flow: str, code: str | None = None):
    """SDMX-CSV 2.0 of one dataflow: every country, or one; what the reader may see."""
    countries = sdmx.published_countries()
    if code is not None:
        countries = [c for c in countries if c.code == code.upper()]
        if not countries:
            raise Http404
    try:
        dataflow, observations = sdmx.dataflow_observations(request.user, flow, countries)
    except KeyError:
        raise Http404 from None
    response = StreamingHttpResponse(
        iter_sdmx_csv(dataflow, observations), content_type="text/csv; charset=utf-8"
    )
    name = f"{flow}-{countries[0].code}.csv" if code else f"{flow}.csv"
    response["Content-Disposition"] = content_disposition(name)
    return response


class TextForm(forms.Form):
    section = forms.ChoiceField(
        label=capfirst(gettext_lazy("section")), choices=ReportText.Section.choices
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"), choices=[("ru", "Русский"), ("en", "English")]
    )
    text = forms.CharField(
        label=gettext_lazy("Text"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=services.MAX_TEXT,
    )


@login_required
def text_edit(request, code: str | None = None):
    country = _country(code) if code else None
    if not services.can_edit_texts(request.user, country):
        raise DjangoPermissionDenied
    section = request.GET.get("section") or request.POST.get("section") or "summary"
    language = (
        request.GET.get("language") or request.POST.get("language") or (get_language() or "ru")[:2]
    )
    current = ReportText.objects.filter(country=country, section=section, language=language).first()
    form = TextForm(
        request.POST or None,
        initial={"section": section, "language": language, "text": current.text if current else ""},
    )
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            services.report_text_save(actor=request.user, country=country, **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("Text saved."))
            return redirect(
                reverse("reports:country", args=[country.code])
                if country
                else reverse("reports:home")
            )
    return render(request, "reports/text_form.html", {"form": form, "country": country})


DHIS2_FORMATS = {
    "adx.xml": (iter_adx, "application/adx+xml"),
    "datavalueset.json": (iter_data_value_set, "application/json"),
}


def dhis2_export(request, instance: str, fmt: str):
    """TDI and harms aggregates for one DHIS2 instance (``?country=KG`` for one country),
    what the reader may see, small cells withheld as on the pages."""
    writer = DHIS2_FORMATS.get(fmt)
    target = Dhis2Instance.objects.filter(code=instance).first()
    if writer is None or target is None:
        raise Http404
    countries = sdmx.published_countries()
    code = (request.GET.get("country") or "").upper()
    if code:
        countries = [c for c in countries if c.code == code]
        if not countries:
            raise Http404
    mapping = dhis2.mapping_for(target)
    export = dhis2.mapped(dhis2.aggregate_values(request.user, countries), mapping)
    if not export.values:
        raise Http404  # an ADX message needs one value at least; nothing to send
    write, content_type = writer
    response = StreamingHttpResponse(write(export.values, mapping), content_type=content_type)
    response["Content-Disposition"] = content_disposition(f"cadis-{target.code}-{fmt}")
    response["X-Cadis-Values"] = str(len(export.values))
    response["X-Cadis-Unmapped-Values"] = str(export.skipped)
    return response
