"""Dashboard tables as Vega-Lite charts with the data table and download links."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

VEGA_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"


def table_columns(first: str) -> list[str]:
    return [first, _("quantity, kg"), _("units (tablets, doses, plants)"), _("number of seizures")]


def table_rows(rows: list[dict]) -> list[list]:
    return [[r["label"], round(r["kg"], 6), round(r["units"]), r["seizures"]] for r in rows]


def spec(
    rows: list[dict], *, measure: str, measure_title: str, label_title: str, line: bool = False
) -> dict:
    """A line over periods; horizontal bars for categories (long names stay readable)."""
    values = [{"label": r["label"], "value": round(r[measure], 3)} for r in rows]
    tooltip = [
        {"field": "label", "title": label_title},
        {"field": "value", "title": measure_title},
    ]
    if line:
        return {
            "$schema": VEGA_SCHEMA,
            "width": "container",
            "height": 220,
            "data": {"values": values},
            "mark": {"type": "line", "point": True},
            "encoding": {
                "x": {
                    "field": "label",
                    "type": "ordinal",
                    "sort": None,
                    "title": label_title,
                    "axis": {"labelAngle": 0},
                },
                "y": {"field": "value", "type": "quantitative", "title": measure_title},
                "tooltip": tooltip,
            },
        }
    return {
        "$schema": VEGA_SCHEMA,
        "width": "container",
        "height": {"step": 24},
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": None, "title": None},
            "x": {"field": "value", "type": "quantitative", "title": measure_title},
            "tooltip": tooltip,
        },
    }


def chart(
    dimension: str,
    title: str,
    label_title: str,
    rows: list[dict],
    query: dict[str, str],
    *,
    measure: str = "kg",
    line: bool = False,
) -> dict:
    measure_title = {"kg": _("kg"), "units": _("units"), "seizures": _("seizures")}[measure]
    chart_id = f"chart-{dimension}-{measure}"
    base = reverse("supply:data_download", args=[dimension, "csv"])
    return {
        "id": chart_id,
        "spec_id": f"{chart_id}-spec",
        "title": title,
        "dimension": dimension,
        "spec": spec(
            rows, measure=measure, measure_title=measure_title, label_title=label_title, line=line
        ),
        "columns": table_columns(label_title),
        "rows": table_rows(rows),
        "csv_url": f"{base}?{urlencode(query)}",
        "xlsx_url": f"{reverse('supply:data_download', args=[dimension, 'xlsx'])}?{urlencode(query)}",
    }
