"""Reports API: the key figures of a country profile, each with the link to its records."""

from __future__ import annotations

from ninja import Router, Schema

from cadis.apps.reference.models import Country
from cadis.apps.reports import profile as report_profile
from cadis.platform.api import responses
from cadis.platform.errors import NotFound

router = Router(tags=["reports"])


class FigureOut(Schema):
    key: str
    label: str
    value: float | int | None
    url: str


class ProfileOut(Schema):
    country: str
    latest_tdi_year: int | None
    tdi_years: list[int]
    synthetic: bool
    figures: list[FigureOut]


@router.get("/profiles/{code}", response=responses(ProfileOut, 404), summary="Key figures of a country profile")
def profile(request, code: str):
    """Only figures the caller may see; suppressed TDI figures are null."""
    country = Country.objects.filter(code=code.upper(), is_central_asia=True).first()
    if country is None:
        raise NotFound("No profile for this country.")
    data = report_profile.country_profile(request.user, country, with_charts=False)
    return ProfileOut(
        country=country.code,
        latest_tdi_year=data["latest"],
        tdi_years=data["years"],
        synthetic=data["synthetic"],
        figures=[
            FigureOut(key=f["key"], label=str(f["label"]), value=f["value"], url=f["url"])
            for f in data["figures"]
        ],
    )
