"""Batch classification for the `cadis nps classify` command, and structure drawing."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from rdkit import Chem
from rdkit.Chem.Draw import rdMolDraw2D

from cadis.engines.tables import (
    HeaderSpec,
    TableError,
    TableErrorCode,
    cell_text,
    decode_text,
    read_table,
)

from .classify import Classification, Classifier, default_classifier

# One encoder for every line (json.dumps with options builds a new one per call); the same
# output as json.dumps(payload, ensure_ascii=False). Records are trees built per input (no
# container refers back to itself), so the encoder need not track containers to detect
# cycles: the same text, about a tenth faster.
_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def draw_svg(mol: Chem.Mol | str, width: int = 320, height: int = 240) -> str:
    """An SVG drawing of a molecule (or SMILES) for profile pages.

    >>> draw_svg("CC(N)Cc1ccccc1").startswith("<?xml")
    True
    """
    if isinstance(mol, str):
        parsed = Chem.MolFromSmiles(mol)
        if parsed is None:
            raise ValueError(f"invalid SMILES: {mol[:60]}")
        mol = parsed
    drawer = rdMolDraw2D.MolDraw2DSVG(width, height)
    rdMolDraw2D.PrepareAndDrawMolecule(drawer, mol)
    drawer.FinishDrawing()
    return drawer.GetDrawingText()


def read_inputs(path: Path | str) -> Iterator[dict[str, str]]:
    """Rows from a text file (one SMILES per line) or a CSV/XLSX with a `smiles` column.

    Each row is a dict with `smiles` and, for a table, its `id`/`name` columns if present.
    The file is read by the tables engine (any encoding and delimiter it accepts); an
    unreadable file raises its ``TableError``.
    """
    path = Path(path)
    spec = HeaderSpec({"smiles": (), "id": (), "name": ()}, required=("smiles",))
    fmt = "xlsx" if path.suffix.lower() in (".xlsx", ".xlsm") else "csv"
    try:
        table = read_table(path, spec=spec, format=fmt)
    except TableError as error:
        if error.code is TableErrorCode.EMPTY_FILE:
            return
        if error.code is not TableErrorCode.MISSING_COLUMN or fmt == "xlsx":
            raise
    else:
        with table:
            columns = table.header.columns
            for row in table:
                clean = {name: cell_text(row.get(index)) for name, index in columns.items()}
                kept = {k: clean[k] for k in ("id", "name") if clean.get(k)}
                yield {"smiles": clean.get("smiles", ""), **kept}
        return
    for line in decode_text(path.read_bytes(), file=path.name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield {"smiles": line}


def run_classify(
    inputs_or_path: Iterable[str] | Path | str,
    output_stream: TextIO,
    fmt: str = "jsonl",
    *,
    classifier: Classifier | None = None,
    **options: Any,
) -> dict[str, int]:
    """Classify many inputs and write one JSON object per input; never raises per input.

    `inputs_or_path` is a list of SMILES/names or the path of a text/CSV file; `classifier`
    defaults to the shipped library's. Returns counts: {"total": n, "ok": n, "errors": n}.
    """
    if fmt not in ("jsonl", "json"):
        raise ValueError(f"unsupported format: {fmt}")
    if isinstance(inputs_or_path, (str, Path)):
        rows: Iterable[dict[str, str]] = read_inputs(inputs_or_path)
    else:
        rows = ({"smiles": s} for s in inputs_or_path)
    classifier = classifier or default_classifier()
    counts = {"total": 0, "ok": 0, "errors": 0}
    collected: list[dict[str, object]] = []
    # Batches from a laboratory repeat structures often: classify each distinct input once.
    seen: dict[str, dict[str, object]] = {}
    for row in rows:
        record = seen.get(row["smiles"])
        if record is None:
            result: Classification = classifier.classify(row["smiles"], **options)
            record = seen[row["smiles"]] = result.to_json()
        # A plain list of SMILES has no other columns: the record is the payload as it is.
        payload = (
            record
            if len(row) == 1
            else {**{k: v for k, v in row.items() if k != "smiles"}, **record}
        )
        counts["total"] += 1
        counts["errors" if "error" in record else "ok"] += 1
        if fmt == "jsonl":
            output_stream.write(_ENCODE(payload) + "\n")
        else:
            collected.append(payload)
    if fmt == "json":
        json.dump(collected, output_stream, ensure_ascii=False, indent=2)
        output_stream.write("\n")
    return counts
