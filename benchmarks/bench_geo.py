"""Geocoding throughput: place mentions per second (target: >= 5,000/s).

The mentions: the gold set plus mentions made from the gazetteer itself (every place of the
five countries and Afghanistan in Russian and English, with and without a preposition, and
every subdivision and district with its region word), about 10,000 distinct strings. Timed
twice on one process: a first pass, where every word is new to the caches ("cold"), and a
second pass over the same strings ("warm", as in a stream of seizure records that repeats
its places). Building the geocoder (index) is timed apart. Rates are per second of CPU time of this
process (the wall-clock rate of the cold pass is given too: it depends on the machine's load).

Writes benchmarks/out/bench_geo.json.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from cadis.engines.geo.gazetteer import CENTRAL_ASIA, Kind, load_gazetteer  # noqa: E402
from cadis.engines.geo.geocoder import Geocoder  # noqa: E402

OUT = HERE / "out"
TARGET_PER_SECOND = 5_000


def mentions() -> list[str]:
    sys.path.insert(0, str(HERE))
    from eval_geo import read_gold

    found = [row["mention"] for row in read_gold()]
    for entry in load_gazetteer():
        if entry.country not in (*CENTRAL_ASIA, "AF"):
            continue
        if entry.kind in (Kind.PLACE, Kind.CROSSING, Kind.AIRPORT):
            if entry.name_ru:
                found += [entry.name_ru, f"в {entry.name_ru}", f"задержан в г. {entry.name_ru}"]
            found += [entry.name_en, f"near {entry.name_en}"]
        elif entry.kind in (Kind.SUBDIVISION, Kind.DISTRICT):
            found += [entry.name_ru, entry.name_en, entry.name_local, f"в {entry.name_ru}"]
    unique = sorted(set(filter(None, found)))
    random.Random(17).shuffle(unique)
    return unique


def main() -> None:
    texts = mentions()
    started = time.perf_counter()
    geocoder = Geocoder()
    build_seconds = time.perf_counter() - started

    # CPU time of this process: the machine is shared, and wall time would measure the others too.
    started, wall = time.process_time(), time.perf_counter()
    found = sum(geocoder.geocode(t).country is not None for t in texts)
    cold, cold_wall = time.process_time() - started, time.perf_counter() - wall
    started = time.process_time()
    for text in texts:
        geocoder.geocode(text)
    warm = time.process_time() - started

    result = {
        "mentions": len(texts),
        "with_a_country": found,
        "index_build_seconds": round(build_seconds, 2),
        "cold_per_second": round(len(texts) / cold),
        "cold_per_second_wall_clock": round(len(texts) / cold_wall),
        "warm_per_second": round(len(texts) / warm),
        "target_per_second": TARGET_PER_SECOND,
        "meets_target": len(texts) / cold >= TARGET_PER_SECOND,
    }
    print(json.dumps(result, indent=2))
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_geo.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
