"""The substance catalogue as plain rows, for the layers that derive data from it.

The reference vocabulary (`cadis refdata load`) takes the names and CAS number of every
reference substance whose code is a catalogue id from here; the EWS library (`cadis nps
load`) loads the same files; tests compare them so the places cannot drift apart.

>>> catalogue_by_id()["mephedrone"]["international"]
'1971 Schedule II'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .library import DEFAULT_DATA_DIR, read_substance_rows


def catalogue_rows(data_dir: Path | str | None = None) -> list[dict[str, str]]:
    """Every catalogue row (all `substances_*.csv` files), in file order."""
    directory = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    return [row for path in sorted(directory.glob("substances_*.csv"))
            for row in read_substance_rows(path)]  # fmt: skip


@lru_cache(maxsize=1)
def catalogue_by_id() -> dict[str, dict[str, str]]:
    """The shipped catalogue keyed by id (ids equal reference substance codes where linked)."""
    return {row["id"]: row for row in catalogue_rows()}
