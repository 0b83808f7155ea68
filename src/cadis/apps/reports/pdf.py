"""PDF of a country profile: WeasyPrint with embedded DejaVu fonts, charts as SVG from vl-convert."""

from __future__ import annotations

import base64
import functools
import json
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from cadis.apps.reports.exports import CHART_SUPPRESSED_MARK
from cadis.apps.reports.geo import map_svg
from cadis.engines.geo import TOPOLOGY_STATIC_PATH, inline_topology

# DejaVu ships with the package so PDFs carry Cyrillic glyphs even on a server without fonts.
FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONTS = {
    "regular": (FONT_DIR / "DejaVuSans.ttf").as_uri(),
    "bold": (FONT_DIR / "DejaVuSans-Bold.ttf").as_uri(),
}


@functools.lru_cache(maxsize=1)
def _topology() -> dict:
    """The vendored Natural Earth boundaries the maps of the pages load by URL."""
    return json.loads(Path(finders.find(TOPOLOGY_STATIC_PATH)).read_text(encoding="utf-8"))


def chart_svg(spec: dict) -> str:
    """The SVG of a Vega-Lite spec, rendered without a browser or network (the maps of the
    pages, whose boundaries come by URL, get them inline)."""
    import vl_convert as vlc  # imported on use: it is heavy, and most requests never need it

    spec = json.loads(json.dumps(spec, default=str))
    if TOPOLOGY_STATIC_PATH in json.dumps(spec):
        spec = inline_topology(spec, _topology())
    return vlc.vegalite_to_svg(spec)


def _write_pdf(html: str, *, base_url: str | None = None) -> bytes:
    # WeasyPrint takes over a second to import; load it only when a PDF is asked for.
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def has_suppressed(rows) -> bool:
    """Does a chart's data table hold a suppressed cell (its note says so under the chart)?"""
    return any(cell == CHART_SUPPRESSED_MARK for row in rows for cell in row)


def profile_pdf(profile: dict, *, request=None, base_url: str = "") -> bytes:
    charts = [
        {
            "title": c["title"],
            "src": _data_uri(chart_svg(c["spec"])),
            "columns": c["columns"],
            "rows": c["rows"],
            "suppressed": has_suppressed(c["rows"]),
        }
        for c in profile.get("charts", [])
    ]
    html = render_to_string(
        "reports/profile_pdf.html",
        {"profile": profile, "charts": charts, "fonts": FONTS},
        request=request,
    )
    return _write_pdf(html, base_url=base_url or None)


def regional_pdf(
    overview: dict, map_values: dict, labels: dict, *, title: str, request=None
) -> bytes:
    charts = [
        {
            "title": c["title"],
            "src": _data_uri(chart_svg(c["spec"])),
            "columns": c["columns"],
            "rows": c["rows"],
            "suppressed": has_suppressed(c["rows"]),
        }
        for c in overview.get("charts", [])
    ]
    svg = map_svg(map_values, title=title, labels=labels)
    html = render_to_string(
        "reports/regional_pdf.html",
        {"overview": overview, "charts": charts, "map_src": _data_uri(svg), "fonts": FONTS},
        request=request,
    )
    return _write_pdf(html)
