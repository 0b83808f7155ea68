"""Reads of the treatment app, always scoped to what the user may see."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet, Sum
from django.urls import reverse
from django.utils.translation import ngettext

from cadis.apps.reference.models import Country
from cadis.apps.treatment.models import (
    HarmRecord,
    ImportedAggregate,
    TdiRelease,
    TreatmentEpisode,
)
from cadis.platform.queries import filter_by
from cadis.platform.scope import may_read_restricted_of, visible


def episodes_visible(user) -> QuerySet[TreatmentEpisode]:
    return visible(
        TreatmentEpisode.objects.select_related("primary_drug", "country", "organisation"), user
    )


def episode_list(
    *, user, country: str | None = None, year: int | None = None, duplicates_only: bool = False
) -> QuerySet[TreatmentEpisode]:
    qs = filter_by(
        episodes_visible(user),
        {"country": country, "year": year},
        {"country": "country__code", "year": "year"},
    )
    return qs.filter(duplicate_of__isnull=False) if duplicates_only else qs


def harms_visible(user) -> QuerySet[HarmRecord]:
    return visible(HarmRecord.objects.select_related("substance", "country", "organisation"), user)


def harm_list(
    *, user, country: str | None = None, indicator: str | None = None, year: int | None = None
) -> QuerySet[HarmRecord]:
    return filter_by(
        harms_visible(user),
        {"country": country, "indicator": indicator, "year": year},
        {"country": "country__code", "indicator": "indicator", "year": "year"},
    )


def released(country_id: int, year: int) -> bool:
    return TdiRelease.objects.filter(country_id=country_id, year=year).exists()


def tables_visible(user, country_id: int, year: int) -> bool:
    """Suppressed TDI tables of a country-year: public once released, before that only to
    readers of the country's restricted data (its users, regional analysts, administrators)."""
    return may_read_restricted_of(user, country_id) or released(country_id, year)


def tdi_years(country_ids) -> list[int]:
    return sorted(
        TreatmentEpisode.objects.filter(country_id__in=list(country_ids))
        .values_list("year", flat=True)
        .distinct()
        .order_by(),
        reverse=True,
    )


def episode_country_years(country_ids) -> set[tuple[int, int]]:
    """(country id, year) of every country-year with episode rows (whoever may see them)."""
    rows = (
        TreatmentEpisode.objects.filter(country_id__in=list(country_ids))
        .values_list("country_id", "year")
        .distinct()
        .order_by()
    )
    return set(rows)


def imported_aggregates_visible(user) -> QuerySet[ImportedAggregate]:
    return visible(ImportedAggregate.objects.all(), user)


def imported_aggregate_sums(user, country_ids) -> dict[tuple[int, str, int, str], int]:
    """Imported aggregates the user may see, added up over organisations:
    (country id, indicator, year, disaggregation) -> value."""
    rows = (
        imported_aggregates_visible(user)
        .filter(country_id__in=list(country_ids))
        .values("country_id", "indicator", "year", "disaggregation")
        .annotate(total=Sum("value"))
        .order_by()
    )
    return {
        (r["country_id"], r["indicator"], r["year"], r["disaggregation"]): r["total"] for r in rows
    }


def tdi_countries() -> QuerySet[Country]:
    return Country.objects.filter(is_central_asia=True).order_by("code")


def releases(*, user=None) -> QuerySet[TdiRelease]:
    return TdiRelease.objects.select_related("country").order_by("-year", "country__code")


def clients_by_year_and_sex(country_ids, years: list[int]) -> dict[tuple[int, str], int]:
    """First episodes per year and sex (not suppressed: the caller suppresses before it publishes)."""
    rows = (
        TreatmentEpisode.objects.filter(
            country_id__in=list(country_ids), year__in=years, duplicate_of__isnull=True
        )
        .values("year", "sex")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {(r["year"], r["sex"]): r["n"] for r in rows}


def clients_by_year(country_ids, years: list[int]) -> dict[int, int]:
    """First episodes per year (not suppressed: the caller suppresses before it publishes)."""
    rows = (
        TreatmentEpisode.objects.filter(
            country_id__in=list(country_ids), year__in=years, duplicate_of__isnull=True
        )
        .values("year")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {r["year"]: r["n"] for r in rows}


def harm_series(*, user, country_ids, indicator: str, sex: str = "all") -> dict[int, dict]:
    """Figures of all ages and substances per year (both sexes unless ``sex``): cases, tested."""
    qs = harms_visible(user).filter(
        country_id__in=list(country_ids),
        indicator=indicator,
        sex=sex,
        age_band="all",
        substance__isnull=True,
    )
    out: dict[int, dict] = {}
    for rec in qs:
        slot = out.setdefault(rec.year, {"cases": 0, "tested": 0, "records": []})
        slot["cases"] += rec.cases
        slot["tested"] += rec.tested or 0
        slot["records"].append(rec.pk)
    return out


def home_figures(user) -> list[dict]:
    figures = []
    episodes = episodes_visible(user).count()
    if episodes:
        figures.append(
            {
                "label": ngettext(
                    "treatment episode you may see", "treatment episodes you may see", episodes
                ),
                "value": episodes,
                "url": reverse("treatment:episodes"),
            }
        )
    harms = harms_visible(user).filter(Q(indicator="drd")).count()
    if harms:
        figures.append(
            {
                "label": ngettext("drug-related death figure", "drug-related death figures", harms),
                "value": harms,
                "url": reverse("treatment:harms"),
            }
        )
    return figures
