"""Vega-Lite specs for profile pages (rendered by web/chart.html with the data table)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cadis.apps.reference.templatetags.countries import country_name

VEGA_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"


def detections_over_time(rows: list[dict]) -> dict:
    """Detections per month, coloured by country (named, not coded)."""
    month, country, count = _("month"), _("country"), _("detections")
    rows = [{**row, "country": country_name(row["country"])} for row in rows]
    spec = {
        "$schema": VEGA_SCHEMA,
        "width": "container",
        "height": 200,
        "data": {"values": rows},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "title": month},
            "y": {"field": "detections", "type": "quantitative", "title": count},
            "color": {"field": "country", "type": "nominal", "title": country},
            "tooltip": [
                {"field": "month", "title": month},
                {"field": "country", "title": country},
                {"field": "detections", "title": count},
            ],
        },
    }
    return {
        "id": "chart-time",
        "spec_id": "chart-time-spec",
        "title": _("Detections over time"),
        "spec": spec,
        "columns": [month, country, count],
        "rows": [[r["month"], r["country"], r["detections"]] for r in rows],
    }


def detections_by_country(pairs: list[tuple[str, int]]) -> dict:
    country, count = _("country"), _("detections")
    pairs = [(country_name(code), n) for code, n in pairs]
    values = [{"country": c, "detections": n} for c, n in pairs]
    spec = {
        "$schema": VEGA_SCHEMA,
        "width": "container",
        "height": 160,
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "country", "type": "nominal", "title": country},
            "x": {"field": "detections", "type": "quantitative", "title": count},
            "tooltip": [
                {"field": "country", "title": country},
                {"field": "detections", "title": count},
            ],
        },
    }
    return {
        "id": "chart-country",
        "spec_id": "chart-country-spec",
        "title": _("Detections by country"),
        "spec": spec,
        "columns": [country, count],
        "rows": [list(p) for p in pairs],
    }
