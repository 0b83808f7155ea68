"""Supply on the home page: the map of the five countries, the trend, and imports to fix."""

from __future__ import annotations

import datetime as dt

from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from cadis.apps.supply import analytics, charts
from cadis.apps.supply.imports import visible_batches
from cadis.apps.supply.models import ImportBatch
from cadis.engines.geo.maps import TOPOLOGY_STATIC_PATH, MapView, hotspot_map
from cadis.platform.modules import may_use


def home_waiting(user) -> list[dict]:
    """Import files of the user's organisation that were rejected or wait to be imported."""
    if not may_use(user, "supply:import_upload"):
        return []
    batches = visible_batches(user).filter(organisation_id=getattr(user, "organisation_id", None))
    return [
        {
            "label": _("Rejected import files to fix"),
            "count": batches.filter(status=ImportBatch.Status.REJECTED).count(),
            "url": reverse("supply:import_upload"),
        },
        {
            "label": _("Checked import files waiting to be imported"),
            "count": batches.filter(status=ImportBatch.Status.CHECKED).count(),
            "url": reverse("supply:import_upload"),
        },
    ]


def home_panels(user) -> list[dict]:
    """A map of the quantity seized per country in the latest complete year, and the trend by year."""
    change = analytics.change(user, analytics.Filters())
    if not change.get("current"):
        return []
    start: dt.date = change["current"]["from"]
    end: dt.date = change["current"]["to"]
    year = analytics.Filters(date_from=start, date_to=end)
    by_country = analytics.by_dimension(user, year, "country")
    totals = {row["code"]: round(row["kg"], 1) for row in by_country if row["code"]}
    kg = _("quantity seized, kg")
    title = _("Quantity seized by country, %(year)s, kg") % {"year": start.year}
    if not change["current"]["complete"]:
        title = f"{title} ({_('partial period')})"
    # Both legends in words: an empty circle layer still draws its legend's title.
    view = MapView(width=520, height=340, labels={"country_total": kg, "value": kg})
    map_chart = {
        "id": "home-map",
        "spec_id": "home-map-spec",
        "title": title,
        "spec": hotspot_map(
            {}, {}, country_totals=totals, topology_url=static(TOPOLOGY_STATIC_PATH), view=view
        ),
        "columns": [_("Country"), kg],
        "rows": [[row["label"], round(row["kg"], 1)] for row in by_country],
        "csv_url": f"{reverse('supply:data_download', args=['country', 'csv'])}?"
        + urlencode(year.as_query()),
        "xlsx_url": f"{reverse('supply:data_download', args=['country', 'xlsx'])}?"
        + urlencode(year.as_query()),
    }
    trend_rows = analytics.by_dimension(user, analytics.Filters(grain="year"), "period")
    trend = charts.chart(
        "period",
        _("Quantity seized by year, kg"),
        _("Year"),
        trend_rows,
        {"grain": "year"},
        line=True,
    )
    trend["id"], trend["spec_id"] = "home-trend", "home-trend-spec"
    return [{"kind": "chart", "chart": map_chart}, {"kind": "chart", "chart": trend}]
