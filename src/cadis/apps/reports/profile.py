"""The data of a country profile and of the regional overview, each figure with its source link.

Only what the reader may see goes in: TDI figures of years whose tables are visible to
them (suppressed), harms figures through the treatment selectors, supply aggregates
through the supply analytics (when the supply app is installed).
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cadis.apps.reference.models import Country
from cadis.apps.reports import charts
from cadis.apps.reports.models import ReportText
from cadis.apps.treatment import selectors as tdi
from cadis.apps.treatment import tables as tdi_tables
from cadis.engines.stats import linear_trend, percent_change, suppress_table

SUPPLY = "cadis.apps.supply"
HARM_INDICATORS = ("drd", "drid_hiv", "drid_hcv", "drid_hbv")


def supply_installed() -> bool:
    return apps.is_installed(SUPPLY)


def visible_tdi_years(user, country: Country) -> list[int]:
    return [y for y in tdi.tdi_years([country.pk]) if tdi.tables_visible(user, country.pk, y)]


def texts(country: Country | None) -> dict[str, str]:
    lang = (get_language() or "ru")[:2]
    out: dict[str, str] = {}
    for rec in ReportText.objects.filter(country=country).order_by("language"):
        if rec.text and (rec.language == lang or rec.section not in out):
            out[rec.section] = rec.text
    return out


def _tdi_trend(user, country: Country, years: list[int]) -> list[dict]:
    """Clients per year, by sex and in total, suppressed as one year x sex table."""
    years = sorted(years)
    if not years:
        return []
    counts = tdi.clients_by_year_and_sex([country.pk], years)
    sexes = tdi_tables.SEXES
    table = suppress_table([[counts.get((year, sex), 0) for sex in sexes] for year in years])
    out = []
    for year, cells, total in zip(years, table.cells, table.row_totals, strict=True):
        by_sex = dict(zip(sexes, cells, strict=True))
        out.append(
            {
                "year": str(year),
                "clients": total,
                "male": by_sex["male"],
                "female": by_sex["female"],
                "url": reverse("treatment:tables", args=[country.code, year]),
            }
        )
    return out


def _harms(user, country: Country) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for indicator in HARM_INDICATORS:
        series = tdi.harm_series(user=user, country_ids=[country.pk], indicator=indicator)
        by_sex = {
            sex: tdi.harm_series(user=user, country_ids=[country.pk], indicator=indicator, sex=sex)
            for sex in ("male", "female")
        }
        rows = []
        for year in sorted(series):
            s = series[year]
            prevalence = round(100.0 * s["cases"] / s["tested"], 1) if s["tested"] else None
            rows.append(
                {
                    "year": str(year),
                    "cases": s["cases"],
                    "tested": s["tested"] or None,
                    "prevalence": prevalence,
                    "male": by_sex["male"].get(year, {}).get("cases"),
                    "female": by_sex["female"].get(year, {}).get("cases"),
                    "url": reverse("treatment:harms")
                    + "?"
                    + urlencode({"country": country.code})
                    + f"#harm-{s['records'][0]}",
                }
            )
        out[indicator] = rows
    return out


def _supply(user, country: Country) -> dict | None:
    if not supply_installed():
        return None
    from cadis.apps.supply import analytics

    filters = analytics.Filters(country=country.code, grain="year")
    per_year = analytics.by_period(user, filters)
    latest = per_year[-1]["code"][:4] if per_year else None
    groups = []
    if latest:
        year_filters = analytics.Filters(
            country=country.code,
            date_from=dt.date(int(latest), 1, 1),
            date_to=dt.date(int(latest), 12, 31),
        )
        groups = analytics.by_dimension(user, year_filters, "substance_group", limit=8)
    list_url = reverse("supply:seizure_list")
    return {
        "per_year": [
            {
                "year": r["label"],
                "seizures": r["seizures"],
                "kg": round(r["kg"], 1),
                "url": list_url
                + "?"
                + urlencode(
                    {"country": country.code, "date_from": r["label"], "date_to": r["label"]}
                ),
            }
            for r in per_year
        ],
        "latest": latest,
        "groups": [
            {"label": g["label"], "seizures": g["seizures"], "kg": round(g["kg"], 1)}
            for g in groups
        ],
        "url": list_url + "?" + urlencode({"country": country.code}),
    }


def country_profile(user, country: Country, *, with_charts: bool = True) -> dict:
    years = visible_tdi_years(user, country)
    latest = years[0] if years else None
    trend = _tdi_trend(user, country, years[:10])
    harms = _harms(user, country)
    supply = _supply(user, country)
    figures = []
    tables = []
    headline = None
    if latest is not None:
        headline = tdi_tables.headline([country.pk], latest)
        url = reverse("treatment:tables", args=[country.code, latest])
        figures.append(
            {
                "key": "tdi_clients",
                "label": _("clients entering drug treatment in %(year)s") % {"year": latest},
                "value": headline["total"],
                "url": url,
            }
        )
        previous = next((t["clients"] for t in trend if t["year"] == str(latest - 1)), None)
        change = percent_change(previous, headline["total"])
        if change is not None:
            figures.append(
                {
                    "key": "tdi_change",
                    "label": _("change from the year before, %"),
                    "value": round(change, 1),
                    "url": url,
                }
            )
        figures.append(
            {
                "key": "tdi_injecting",
                "label": _("of them injected in the last 30 days"),
                "value": headline["injecting_last_30d"],
                "url": url,
            }
        )
        all_tables = tdi_tables.standard_tables([country.pk], latest)
        tables = [
            t
            for t in all_tables
            if t.key in ("primary_drug__sex", "age_band__sex", "primary_drug__centre_type")
        ]
    drd = harms["drd"]
    if drd:
        figures.append(
            {
                "key": "drd",
                "label": _("drug-related deaths in %(year)s") % {"year": drd[-1]["year"]},
                "value": drd[-1]["cases"],
                "url": drd[-1]["url"],
            }
        )
    hiv = harms["drid_hiv"]
    if hiv and hiv[-1]["prevalence"] is not None:
        figures.append(
            {
                "key": "drid_hiv",
                "label": _("HIV prevalence among people who inject drugs in %(year)s, %%")
                % {"year": hiv[-1]["year"]},
                "value": hiv[-1]["prevalence"],
                "url": hiv[-1]["url"],
            }
        )
    if supply and supply["per_year"]:
        last = supply["per_year"][-1]
        figures.append(
            {
                "key": "seizures",
                "label": _("drug seizures in %(year)s") % {"year": last["year"]},
                "value": last["seizures"],
                "url": last["url"],
            }
        )
    profile = {
        "country": country,
        "years": years,
        "latest": latest,
        "headline": headline,
        "figures": figures,
        "trend": trend,
        "harms": harms,
        "supply": supply,
        "tables": tables,
        "texts": texts(country),
        "direction": _direction(trend),
        "synthetic": _synthetic(country, years),
    }
    if with_charts:
        profile["charts"] = profile_charts(profile) + _supply_maps(user, country)
    return profile


def _supply_maps(user, country: Country) -> list[dict]:
    """The supply module's seizure maps of the country (the same specs as its maps page)."""
    if not supply_installed():
        return []
    from cadis.apps.supply import analytics, maps

    return maps.seizure_maps(user, analytics.Filters(country=country.code))


def _synthetic(country: Country, years: list[int]) -> bool:
    """Whether synthetic demo records feed this profile (it is then labelled as such)."""
    from cadis.apps.treatment.models import HarmRecord, TreatmentEpisode

    return (
        TreatmentEpisode.objects.filter(
            country=country, year__in=years, source_kind="demo"
        ).exists()
        or HarmRecord.objects.filter(country=country, source_kind="demo").exists()
    )


def _direction(trend: list[dict]) -> str | None:
    fitted = linear_trend([int(t["year"]) for t in trend], [t["clients"] for t in trend])
    return fitted.direction if fitted else None


def profile_charts(profile: dict) -> list[dict]:
    code = profile["country"].code.lower()
    out = []
    trend = profile["trend"]
    if any(t["clients"] is not None for t in trend):
        title = _("Clients entering drug treatment, by sex")
        series = ((_("Total"), "clients"), (_("Male"), "male"), (_("Female"), "female"))
        values = [
            {"year": t["year"], "clients": t[key], "sex": str(label)}
            for t in trend
            for label, key in series
            if t[key] is not None
        ]
        out.append(
            charts.chart(
                f"{code}-tdi-trend",
                title,
                charts.line_chart(
                    title,
                    values,
                    x="year",
                    y="clients",
                    x_title=_("Year"),
                    y_title=_("Clients"),
                    colour="sex",
                ),
                [_("Year"), _("Total"), _("Male"), _("Female")],
                [
                    [t["year"], *("•" if t[k] is None else t[k] for _label, k in series)]
                    for t in trend
                ],
            )
        )
    by_drug = next((t for t in profile["tables"] if t.key == "primary_drug__sex"), None)
    if by_drug is not None:
        values, rows = [], []
        for label, cells, total in by_drug.rows:
            rows.append(
                [label, *["•" if v is None else v for v in cells], "•" if total is None else total]
            )
            for sex_label, v in zip(by_drug.col_labels, cells, strict=True):
                if v:
                    values.append({"drug": label, "sex": sex_label, "clients": v})
        title = _("Clients by primary drug and sex, %(year)s") % {"year": profile["latest"]}
        out.append(
            charts.chart(
                f"{code}-tdi-drug",
                title,
                charts.bar_chart(
                    title,
                    values,
                    category="drug",
                    value="clients",
                    value_title=_("Clients"),
                    colour="sex",
                ),
                [_("Primary drug"), *by_drug.col_labels, _("Total")],
                rows,
            )
        )
    drd = profile["harms"]["drd"]
    if drd:
        title = _("Drug-related deaths")
        series = ((_("Total"), "cases"), (_("Male"), "male"), (_("Female"), "female"))
        values = [
            {"year": r["year"], "deaths": r[key], "sex": str(label)}
            for r in drd
            for label, key in series
            if r[key] is not None
        ]
        out.append(
            charts.chart(
                f"{code}-drd",
                title,
                charts.line_chart(
                    title,
                    values,
                    x="year",
                    y="deaths",
                    x_title=_("Year"),
                    y_title=_("Deaths"),
                    colour="sex",
                ),
                [_("Year"), _("Total"), _("Male"), _("Female")],
                [[r["year"], *("" if r[k] is None else r[k] for _label, k in series)] for r in drd],
            )
        )
    supply = profile["supply"]
    if supply and supply["per_year"]:
        title = _("Drug seizures")
        out.append(
            charts.chart(
                f"{code}-seizures",
                title,
                charts.line_chart(
                    title,
                    [{"year": r["year"], "seizures": r["seizures"]} for r in supply["per_year"]],
                    x="year",
                    y="seizures",
                    x_title=_("Year"),
                    y_title=_("Seizures"),
                ),
                [_("Year"), _("Seizures"), _("Quantity, kg")],
                [[r["year"], r["seizures"], r["kg"]] for r in supply["per_year"]],
            )
        )
    return out


def regional_overview(user) -> dict:
    countries = list(tdi.tdi_countries())
    rows = []
    for country in countries:
        profile = country_profile(user, country, with_charts=False)
        figure = {f["key"]: f for f in profile["figures"]}
        rows.append(
            {
                "country": country,
                "latest": profile["latest"],
                "figures": figure,
                "trend": profile["trend"],
                "drd": profile["harms"]["drd"],
                "supply": profile["supply"],
                "url": reverse("reports:country", args=[country.code]),
            }
        )
    values, chart_rows = [], []
    for row in rows:
        for t in row["trend"]:
            if t["clients"] is not None:
                values.append(
                    {"year": t["year"], "clients": t["clients"], "country": row["country"].name}
                )
                chart_rows.append([row["country"].name, t["year"], t["clients"]])
    title = _("Clients entering drug treatment, by country")
    chart_list = []
    if values:
        chart_list.append(
            charts.chart(
                "region-tdi",
                title,
                charts.line_chart(
                    title,
                    values,
                    x="year",
                    y="clients",
                    x_title=_("Year"),
                    y_title=_("Clients"),
                    colour="country",
                ),
                [_("Country"), _("Year"), _("Clients")],
                chart_rows,
            )
        )
    drd_values = [
        {"year": r["year"], "deaths": r["cases"], "country": row["country"].name}
        for row in rows
        for r in row["drd"]
    ]
    if drd_values:
        title = _("Drug-related deaths, by country")
        chart_list.append(
            charts.chart(
                "region-drd",
                title,
                charts.line_chart(
                    title,
                    drd_values,
                    x="year",
                    y="deaths",
                    x_title=_("Year"),
                    y_title=_("Deaths"),
                    colour="country",
                ),
                [_("Country"), _("Year"), _("Deaths")],
                [[v["country"], v["year"], v["deaths"]] for v in drd_values],
            )
        )
    return {
        "rows": rows,
        "charts": chart_list,
        "texts": texts(None),
        "supply_installed": supply_installed(),
    }
