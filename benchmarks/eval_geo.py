"""Geocoder accuracy on our own gold set (benchmarks/data/geo_gold/*.tsv), per language and batch.

Each gold row: lang, mention, country, subdivision, kind, lat, lon. Scores:

- country accuracy: predicted country equals the gold one (empty = none expected);
- subdivision accuracy: predicted ISO 3166-2 subdivision equals the gold one (empty for
  organisation names, which must give the country only, and for texts without a place);
- point within 25 km: over the rows with a gold point (places, districts, crossings,
  airports), the predicted point lies within 25 km of it.

Batch 1 was written first and used for tuning; batch 2 was written afterwards and scored
blind before any change made on it (the figures are in docs/geo.md).

Usage: python benchmarks/eval_geo.py [--batch batch2] [--errors]
Writes benchmarks/out/eval_geo.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from cadis.engines.geo.gazetteer import distance_km  # noqa: E402
from cadis.engines.geo.geocoder import Geocoder  # noqa: E402

GOLD = HERE / "data" / "geo_gold"
OUT = HERE / "out"


def read_gold(batches: list[str] | None = None) -> list[dict[str, str]]:
    rows = []
    for path in sorted(GOLD.glob("*.tsv")):
        if batches and path.stem not in batches:
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows.append({**{k: (v or "").strip() for k, v in row.items()}, "batch": path.stem})
    return rows


def score(rows: list[dict[str, str]], geocoder: Geocoder, show_errors: bool = False) -> dict:
    tallies: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        result = geocoder.geocode(row["mention"])
        for group in (row["lang"], f"batch:{row['batch']}", "all"):
            t = tallies[group]
            t["n"] += 1
            t["country_ok"] += (result.country or "") == row["country"]
            sub_ok = (result.subdivision or "") == row["subdivision"]
            t["subdivision_ok"] += sub_ok
            if row["lat"]:
                t["points"] += 1
                if (
                    result.lat is not None
                    and distance_km(result.lat, result.lon, float(row["lat"]), float(row["lon"]))
                    <= 25
                ):
                    t["point_ok"] += 1
        if show_errors and (
            (result.subdivision or "") != row["subdivision"]
            or (result.country or "") != row["country"]
        ):
            print(
                f"  {row['batch']} {row['lang']} {row['mention']!r}: want {row['country']}/{row['subdivision']}, "
                f"got {result.country}/{result.subdivision} ({result.kind}, {result.place}, {result.confidence})"
            )
    report = {}
    for group, t in sorted(tallies.items()):
        report[group] = {
            "n": t["n"],
            "country_accuracy": round(t["country_ok"] / t["n"], 3),
            "subdivision_accuracy": round(t["subdivision_ok"] / t["n"], 3),
            "points": t["points"],
            "point_within_25km": round(t["point_ok"] / t["points"], 3) if t["points"] else None,
        }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", action="append", help="score only this batch (file stem)")
    parser.add_argument("--errors", action="store_true", help="print every wrong answer")
    args = parser.parse_args()
    rows = read_gold(args.batch)
    report = score(rows, Geocoder(), args.errors)
    print(f"{'group':14} {'n':>4} {'country':>8} {'subdiv.':>8} {'points':>7} {'<=25km':>7}")
    for group, r in report.items():
        within = "-" if r["point_within_25km"] is None else f"{r['point_within_25km']:.3f}"
        print(
            f"{group:14} {r['n']:>4} {r['country_accuracy']:>8.3f} {r['subdivision_accuracy']:>8.3f} "
            f"{r['points']:>7} {within:>7}"
        )
    OUT.mkdir(exist_ok=True)
    if not args.batch:
        (OUT / "eval_geo.json").write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
