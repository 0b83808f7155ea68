"""Predict NPS categories for an evaluation CSV and score them with the shared scorer.

    .venv/bin/python benchmarks/eval_nps.py [LABELLED.csv]

Writes benchmarks/out/eval_nps.predictions.jsonl (full pipeline: library + rules),
benchmarks/out/eval_nps.rules_only.jsonl (rules alone, no library lookup: the figure that
matters for unseen structures) and benchmarks/out/eval_nps.json (both scores).
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rdkit import Chem  # noqa: E402

from cadis.engines.chem import classify  # noqa: E402
from cadis.engines.chem.rules import categorise  # noqa: E402
from cadis.engines.chem.standardise import standardise  # noqa: E402

DEFAULT_LABELS = ROOT.parent / "shared" / "eval" / "nps-dev.csv"
SCORER = ROOT.parent / "shared" / "eval" / "score_nps.py"
OUT = ROOT / "benchmarks" / "out"


def rules_only(smiles: str) -> str:
    mol = Chem.MolFromSmiles(smiles)
    return categorise(standardise(mol).mol).category if mol is not None else "other"


def score(predictions: Path, labels: Path, report: Path) -> dict:
    subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(predictions),
            str(labels),
            "--json",
            str(report),
            "--show-errors",
            "20",
        ],
        check=True,
    )
    return json.loads(report.read_text())


def main(argv: list[str]) -> int:
    labels = Path(argv[1]) if len(argv) > 1 else DEFAULT_LABELS
    OUT.mkdir(parents=True, exist_ok=True)
    with labels.open(newline="", encoding="utf-8") as fh:
        smiles = [row["smiles"] for row in csv.DictReader(fh)]
    full, rules = OUT / "eval_nps.predictions.jsonl", OUT / "eval_nps.rules_only.jsonl"
    with full.open("w") as f_full, rules.open("w") as f_rules:
        for s in smiles:
            c = classify(s, with_status=False)
            f_full.write(json.dumps({"input": s, "category": c.category or "other"}) + "\n")
            f_rules.write(json.dumps({"input": s, "category": rules_only(s)}) + "\n")
    print("== full pipeline (library match, then rules) ==")
    full_report = score(full, labels, OUT / "eval_nps.full.report.json")
    print("\n== rules only (no library) ==")
    rules_report = score(rules, labels, OUT / "eval_nps.rules.report.json")
    summary = {
        "labels": str(labels.name),
        "n": full_report["n"],
        "full_pipeline_accuracy": full_report["accuracy"],
        "rules_only_accuracy": rules_report["accuracy"],
        "full_pipeline_per_category_recall": {
            c: v["recall"] for c, v in full_report["per_category"].items()
        },
        "rules_only_per_category_recall": {
            c: v["recall"] for c, v in rules_report["per_category"].items()
        },
    }
    (OUT / "eval_nps.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
