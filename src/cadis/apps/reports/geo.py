"""A small inline-SVG map of the five countries.

The outlines are deliberately coarse polygons (longitude, latitude) drawn for cadis from
general knowledge of the region: enough to locate each country, not to mark borders.
They ship in the repository, so no map tiles or network access are needed.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from django.utils.html import escape

KG_TJ_UZ = [(69.3, 39.6), (70.5, 40.2), (71.7, 40.3), (72.8, 40.9), (71.5, 41.3), (70.2, 41.5)]
OUTLINES: dict[str, list[tuple[float, float]]] = {
    "KZ": [
        (46.6, 48.4),
        (47.5, 50.4),
        (50.8, 51.6),
        (55.7, 50.6),
        (58.5, 51.1),
        (61.5, 51.0),
        (61.0, 52.9),
        (62.1, 54.0),
        (65.2, 54.6),
        (69.2, 55.4),
        (73.5, 54.0),
        (76.5, 54.2),
        (77.9, 53.3),
        (80.0, 50.9),
        (83.4, 51.0),
        (85.0, 49.7),
        (87.3, 49.1),
        (85.8, 47.1),
        (83.0, 47.2),
        (82.3, 45.5),
        (80.0, 44.9),
        (80.2, 42.1),
        (79.0, 42.8),
        (76.0, 43.1),
        (74.2, 43.2),
        (73.5, 42.5),
        (71.9, 42.8),
        (71.2, 42.2),
        (70.2, 41.5),
        (69.1, 41.4),
        (68.4, 40.8),
        (66.5, 41.9),
        (66.0, 42.9),
        (65.0, 43.6),
        (62.0, 43.5),
        (58.5, 45.6),
        (56.0, 45.0),
        (56.0, 41.3),
        (55.4, 41.3),
        (53.0, 42.1),
        (52.5, 41.8),
        (52.8, 42.6),
        (51.3, 43.2),
        (50.3, 44.4),
        (51.3, 45.3),
        (53.0, 45.3),
        (53.2, 46.6),
        (51.2, 47.0),
        (49.1, 46.4),
    ],
    "KG": [
        (69.3, 39.6),
        (71.0, 39.4),
        (73.6, 39.4),
        (74.9, 40.5),
        (76.0, 40.4),
        (77.0, 41.0),
        (78.4, 41.4),
        (80.2, 42.1),
        (79.0, 42.8),
        (76.0, 43.1),
        (74.2, 43.2),
        (73.5, 42.5),
        (71.9, 42.8),
        (71.2, 42.2),
        (70.2, 41.5),
        (71.5, 41.3),
        (72.8, 40.9),
        (71.7, 40.3),
        (70.5, 40.2),
    ],
    "TJ": [
        (67.8, 37.2),
        (68.5, 37.1),
        (69.5, 37.5),
        (70.3, 37.8),
        (71.5, 37.9),
        (71.4, 37.1),
        (72.6, 37.0),
        (74.9, 37.2),
        (74.9, 38.5),
        (73.8, 38.9),
        (73.6, 39.4),
        (71.0, 39.4),
        (69.3, 39.6),
        (70.5, 40.2),
        (70.8, 40.8),
        (69.5, 40.8),
        (68.6, 40.1),
        (67.4, 39.5),
        (68.5, 39.0),
        (68.0, 38.0),
    ],
    "TM": [
        (52.5, 41.8),
        (52.9, 40.9),
        (53.9, 40.0),
        (53.4, 39.4),
        (53.9, 37.3),
        (55.4, 38.0),
        (57.3, 38.0),
        (59.2, 37.5),
        (60.4, 36.6),
        (61.2, 36.6),
        (61.2, 35.6),
        (62.7, 35.3),
        (64.5, 36.3),
        (66.5, 37.4),
        (64.5, 38.5),
        (62.4, 40.0),
        (61.9, 41.1),
        (60.1, 41.4),
        (60.0, 42.2),
        (58.6, 42.8),
        (56.0, 41.3),
        (55.4, 41.3),
        (53.0, 42.1),
    ],
    "UZ": [
        (56.0, 45.0),
        (58.5, 45.6),
        (62.0, 43.5),
        (65.0, 43.6),
        (66.0, 42.9),
        (66.5, 41.9),
        (68.4, 40.8),
        (69.1, 41.4),
        (70.2, 41.5),
        (71.5, 41.3),
        (72.8, 40.9),
        (71.7, 40.3),
        (70.5, 40.2),
        (69.5, 40.8),
        (68.6, 40.1),
        (67.4, 39.5),
        (68.5, 39.0),
        (68.0, 38.0),
        (67.8, 37.2),
        (66.5, 37.4),
        (64.5, 38.5),
        (62.4, 40.0),
        (61.9, 41.1),
        (60.1, 41.4),
        (60.0, 42.2),
        (58.6, 42.8),
        (56.0, 41.3),
    ],
}
LABEL_AT = {
    "KZ": (67.0, 48.0),
    "KG": (75.0, 41.6),
    "TJ": (71.0, 38.5),
    "TM": (58.5, 39.3),
    "UZ": (63.5, 41.8),
}
WEST, EAST, SOUTH, NORTH = 45.5, 88.5, 34.5, 56.0
WIDTH = 640
_K = math.cos(math.radians(45))
HEIGHT = round(WIDTH * (NORTH - SOUTH) / ((EAST - WEST) * _K))
PALETTE = ["#eef3f8", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]


def _xy(lon: float, lat: float) -> tuple[float, float]:
    x = (lon - WEST) / (EAST - WEST) * WIDTH
    y = (NORTH - lat) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


def _colour(value: float | None, top: float) -> str:
    if value is None or top <= 0:
        return "#e0e0e0"
    step = min(len(PALETTE) - 1, int(len(PALETTE) * value / (top * 1.0001)))
    return PALETTE[step]


def map_svg(
    values: dict[str, float | None],
    *,
    title: str,
    labels: dict[str, str],
    link: Callable[[str], str] | None = None,
    legend: str = "",
) -> str:
    """The five countries shaded by ``values`` (None: no published figure), with links."""
    top = max((v for v in values.values() if v is not None), default=0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" class="ca-map" '
        # With links inside, the map is a named group of links, not an image (axe: nested-interactive).
        f'role="{"group" if link else "img"}" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for code, outline in OUTLINES.items():
        points = " ".join(f"{x},{y}" for x, y in (_xy(lon, lat) for lon, lat in outline))
        value = values.get(code)
        shown = "—" if value is None else f"{value:,.0f}".replace(",", " ")
        shape = (
            f'<polygon points="{points}" fill="{_colour(value, top)}" stroke="#555" stroke-width="1" '
            f'data-country="{code}"><title>{escape(labels.get(code, code))}: {shown}</title></polygon>'
        )
        lx, ly = _xy(*LABEL_AT[code])
        text = (
            f'<text x="{lx}" y="{ly}" text-anchor="middle" font-size="13" font-family="DejaVu Sans, sans-serif">'
            f'{escape(labels.get(code, code))}</text><text x="{lx}" y="{ly + 15}" text-anchor="middle" '
            f'font-size="12" font-weight="bold" font-family="DejaVu Sans, sans-serif">{shown}</text>'
        )
        if link:
            parts.append(f'<a href="{escape(link(code))}">{shape}{text}</a>')
        else:
            parts.append(shape + text)
    if legend:
        parts.append(
            f'<text x="8" y="{HEIGHT - 8}" font-size="11" font-family="DejaVu Sans, sans-serif">'
            f"{escape(legend)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
