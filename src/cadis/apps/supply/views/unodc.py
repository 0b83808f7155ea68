"""UNODC workbooks (ARQ drug supply, individual drug seizures) of a country and year."""

from __future__ import annotations

from django.http import Http404

from cadis.apps.reference.models import Country
from cadis.apps.supply import unodc
from cadis.platform.exports import xlsx_response


def unodc_workbook(request, report: str, code: str, year: int):
    build = unodc.REPORTS.get(report)
    country = Country.objects.filter(code=code.upper(), is_central_asia=True).first()
    if build is None or country is None or not 1990 <= year <= 2100:
        raise Http404
    return xlsx_response(
        f"cadis-{country.code}-{year}-{report}", build(request.user, country, year)
    )
