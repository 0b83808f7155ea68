"""Seizure maps: points by place, routes as flows, hotspots per subdivision.

Each builder reads only the seizures the user may see (``selectors.seizure_list``) and returns a
chart dict for ``web/chart.html`` (``id``, ``spec_id``, ``title``, ``spec``, ``columns``,
``rows``): the same Vega-Lite spec is drawn by vega-embed in the pages and by vl-convert in
the PDF reports (``cadis.apps.reports.pdf.chart_svg`` inlines the boundaries). The home page or
other modules can call ``seizure_maps`` as it is.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, F, Q, Sum
from django.templatetags.static import static
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from cadis.apps.reference.models import Country
from cadis.apps.supply import selectors
from cadis.apps.supply.models import NormalisedUnit, Seizure
from cadis.engines.geo import (
    TOPOLOGY_STATIC_PATH,
    Flow,
    MapPoint,
    MapView,
    Stop,
    flow_map,
    hotspot_map,
    load_gazetteer,
    point_map,
)

MAX_POINTS = 600
MAX_ROUTES = 40
ROUTE_SAMPLE = 20_000  # the latest seizures with a route read for the flows


def topology_url() -> str:
    return static(TOPOLOGY_STATIC_PATH)


def _chart(key: str, title: str, spec: dict, columns: list[str], rows: list[list]) -> dict:
    return {
        "id": f"map-{key}",
        "spec_id": f"map-{key}-spec",
        "title": title,
        "spec": spec,
        "columns": columns,
        "rows": rows,
    }


def _filtered(user, filters) -> Any:
    qs = selectors.seizure_list(
        user,
        country=filters.country if filters else None,
        date_from=filters.date_from if filters else None,
        date_to=filters.date_to if filters else None,
        substance_group=filters.substance_group if filters else None,
        agency=filters.agency if filters else None,
    )
    return qs.order_by()


def _language() -> str:
    return "en" if (get_language() or "ru").startswith("en") else "ru"


def _in_language(name_ru: str | None, name_en: str | None) -> str:
    """A name stored in both languages, in the active one (else the other)."""
    first, second = (name_en, name_ru) if _language() == "en" else (name_ru, name_en)
    return first or second or ""


def _group_name(group: str | None) -> str:
    return group or _("not classified")


def point_chart(user, filters=None) -> dict:
    """Seizures summed by geocoded point and drug group: circle area by kg, colour by group."""
    rows = list(
        _filtered(user, filters)
        .filter(latitude__isnull=False, normalised_unit=NormalisedUnit.KG)
        .values("latitude", "longitude", "substance_group__name_ru", "substance_group__name_en")
        .annotate(
            kg=Sum("normalised_quantity"),
            n=Count("id"),
            place_ru=F("geo_place__name_ru"),
            place_en=F("geo_place__name_en"),
        )
        .order_by("-kg")[:MAX_POINTS]
    )
    points = []
    table = []
    for row in rows:
        group = _group_name(
            _in_language(row["substance_group__name_ru"], row["substance_group__name_en"])
        )
        label = _in_language(row["place_ru"], row["place_en"]) or (
            f"{row['latitude']:.2f}, {row['longitude']:.2f}"
        )
        points.append(
            MapPoint(row["latitude"], row["longitude"], round(row["kg"], 3), group, label)
        )
        table.append([label, group, round(row["kg"], 3), row["n"]])
    view = MapView(
        title=_("Seizures by place"), labels={"quantity": _("kg"), "group": _("drug group")}
    )
    spec = point_map(points, topology_url=topology_url(), view=view)
    return _chart(
        "points",
        _("Seizures by place (circle area: kg; colour: drug group)"),
        spec,
        [_("Place"), _("Drug group"), _("quantity, kg"), _("number of seizures")],
        table,
    )


def _country_stop(code: str) -> Stop | None:
    """A country on a route map: its capital (else its own point)."""
    gazetteer = load_gazetteer()
    entry = gazetteer.country(code)
    if entry is None:
        return None
    capital = gazetteer.get(dict(entry.extra).get("capital") or "")
    point = capital if capital is not None and capital.lat is not None else entry
    if point.lat is None:
        return None
    return Stop(float(point.lat), float(point.lon), entry.name(_language()))


def route_chart(user, filters=None) -> dict:
    """Routes departure → transit → destination (countries), width by kg."""
    qs = (
        _filtered(user, filters)
        .filter(Q(departure_country__isnull=False) | Q(destination_country__isnull=False))
        .filter(normalised_unit=NormalisedUnit.KG)
        .order_by("-date")
    )
    seizures = list(
        qs.values_list(
            "pk",
            "departure_country__code",
            "destination_country__code",
            "substance_group__name_ru",
            "substance_group__name_en",
            "normalised_quantity",
        )[:ROUTE_SAMPLE]
    )
    transits: dict[int, list[str]] = defaultdict(list)
    through = Seizure.transit_countries.through
    ids = [s[0] for s in seizures]
    for start in range(0, len(ids), 900):
        for seizure_id, code in (
            through.objects.filter(seizure_id__in=ids[start : start + 900])
            .order_by("id")
            .values_list("seizure_id", "country__code")
        ):
            transits[seizure_id].append(code)
    totals: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0])
    for pk, dep, dest, group_ru, group_en, kg in seizures:
        key = (
            dep,
            tuple(transits.get(pk, ())),
            dest,
            _group_name(_in_language(group_ru, group_en)),
        )
        totals[key][0] += kg
        totals[key][1] += 1
    flows, table = [], []
    busiest = sorted(totals.items(), key=lambda kv: -kv[1][0])[:MAX_ROUTES]
    country_names = Country.objects.filter(
        code__in={code for (dep, via, dest, _group), _sums in busiest for code in (dep, *via, dest)}
    ).names()
    for (dep, via, dest, group), (kg, n) in busiest:
        stops = [_country_stop(c) if c else None for c in (dep, *via, dest)]
        if None in stops or len(stops) < 2:
            continue
        flows.append(
            Flow(stops[0], stops[-1], via=tuple(stops[1:-1]), quantity=round(kg, 3), group=group)
        )
        route = " → ".join(country_names.get(code, code) for code in (dep, *via, dest))
        table.append([route, group, round(kg, 3), n])
    view = MapView(
        title=_("Routes"),
        labels={
            "quantity": _("kg"),
            "group": _("drug group"),
            "role": _("place on the route"),
            "origin": pgettext("route", "origin"),
            "transit": pgettext("route", "transit"),
            "destination": pgettext("route", "destination"),
        },
    )
    spec = flow_map(flows, topology_url=topology_url(), view=view)
    return _chart(
        "routes",
        _("Routes: departure → transit → destination (line width: kg)"),
        spec,
        [_("Route"), _("Drug group"), _("quantity, kg"), _("number of seizures")],
        table,
    )


def hotspot_chart(user, filters=None) -> dict:
    """Number of seizures per subdivision (circles at the centroids), countries shaded by theirs."""
    qs = _filtered(user, filters)
    by_code: dict[str, int] = defaultdict(int)
    for geo, code, n in (
        qs.values("geo_subdivision", "subdivision__code")
        .annotate(n=Count("id"))
        .values_list("geo_subdivision", "subdivision__code", "n")
    ):
        if geo or code:
            by_code[geo or code] += n
    country_totals = dict(
        qs.values("country__code").annotate(n=Count("id")).values_list("country__code", "n")
    )
    gazetteer = load_gazetteer()
    centroids, names = {}, {}
    for code in by_code:
        entry = gazetteer.subdivision(code)
        if entry is not None and entry.lat is not None:
            centroids[code] = (float(entry.lat), float(entry.lon))
            names[code] = entry.name(_language())
    view = MapView(
        title=_("Hotspots"),
        labels={"value": _("seizures"), "country_total": _("seizures in the country")},
    )
    spec = hotspot_map(
        dict(by_code),
        centroids,
        names=names,
        country_totals=country_totals,
        topology_url=topology_url(),
        view=view,
    )
    # A subdivision's ISO 3166-2 code starts with its country's: the table names both.
    country_names = Country.objects.filter(code__in={c.split("-")[0] for c in by_code}).names()
    table = [
        [names.get(c, c), country_names.get(c.split("-")[0], c), n]
        for c, n in sorted(by_code.items(), key=lambda kv: -kv[1])
    ]
    return _chart(
        "hotspots",
        _("Hotspots: seizures per subdivision"),
        spec,
        [_("Subdivision"), _("Country"), _("number of seizures")],
        table,
    )


def seizure_maps(user, filters=None) -> list[dict]:
    """The three supply maps for what the user may see (``filters``: ``analytics.Filters``)."""
    return [point_chart(user, filters), route_chart(user, filters), hotspot_chart(user, filters)]
