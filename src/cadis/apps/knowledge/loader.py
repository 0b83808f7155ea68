"""Loads the starter programme registry (``data/programmes.json``); safe to run again."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cadis.apps.knowledge import services
from cadis.platform.errors import ValidationError
from cadis.platform.records import SourceKind

DATA = Path(__file__).resolve().parent / "data"


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0


def read_programmes(path: Path | None = None) -> list[dict]:
    path = path or DATA / "programmes.json"
    references = json.loads((DATA / "references.json").read_text(encoding="utf-8"))
    rows = json.loads(path.read_text(encoding="utf-8"))
    for index, row in enumerate(rows, start=1):
        refs = []
        for key in row.get("references", []):
            if key not in references:
                raise ValidationError(
                    f"{path.name}: programme {index} cites unknown reference '{key}'."
                )
            refs.append(references[key])
        row["references"] = refs
    return rows


def load_programmes(
    *, actor=None, path: Path | None = None, source_kind: str = SourceKind.SYSTEM
) -> LoadResult:
    result = LoadResult()
    path = path or DATA / "programmes.json"
    for index, row in enumerate(read_programmes(path), start=1):
        data = dict(row)
        code, substances = data.pop("code"), data.pop("substances", [])
        _, created = services.programme_upsert(
            actor=actor,
            code=code,
            data=data,
            substances=substances,
            source_kind=source_kind,
            source_detail={"file": path.name, "row": index},
        )
        if created:
            result.created += 1
        else:
            result.updated += 1
    return result
