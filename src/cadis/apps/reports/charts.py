"""Vega-Lite specifications of the report charts (one spec for the page and the PDF)."""

from __future__ import annotations

FONT = "DejaVu Sans"


def _base(title: str, values: list[dict], width: int = 460, height: int = 220) -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": title,
        "width": width,
        "height": height,
        "data": {"values": values},
        "config": {"font": FONT, "view": {"stroke": None}},
    }


def line_chart(
    title: str,
    values: list[dict],
    *,
    x: str,
    y: str,
    x_title: str,
    y_title: str,
    colour: str | None = None,
) -> dict:
    spec = _base(title, values)
    spec["mark"] = {"type": "line", "point": True}
    spec["encoding"] = {
        "x": {"field": x, "type": "ordinal", "title": x_title},
        "y": {"field": y, "type": "quantitative", "title": y_title},
    }
    if colour:
        spec["encoding"]["color"] = {"field": colour, "type": "nominal", "title": None}
    return spec


def bar_chart(
    title: str,
    values: list[dict],
    *,
    category: str,
    value: str,
    value_title: str,
    colour: str | None = None,
) -> dict:
    spec = _base(title, values)
    spec["mark"] = {"type": "bar"}
    spec["encoding"] = {
        "y": {"field": category, "type": "nominal", "title": None, "sort": "-x"},
        "x": {"field": value, "type": "quantitative", "title": value_title, "stack": True},
    }
    if colour:
        spec["encoding"]["color"] = {"field": colour, "type": "nominal", "title": None}
    return spec


def chart(chart_id: str, title: str, spec: dict, columns: list[str], rows: list[list]) -> dict:
    """The dict that web/chart.html expects."""
    return {
        "id": chart_id,
        "spec_id": f"{chart_id}-spec",
        "title": title,
        "spec": spec,
        "columns": columns,
        "rows": rows,
    }
