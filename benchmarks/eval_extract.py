"""Extraction quality on our own multilingual evaluation set (seizures, groups, labs, persons).

Run: .venv/bin/python benchmarks/eval_extract.py [--batch b1 ...] [--verbose] [--record-blind]

The set is `benchmarks/data/extract_eval/batches/<batch>/` (see its README): documents in
Russian, English, Kazakh (Cyrillic and Latin), Uzbek (Latin and Cyrillic), Kyrgyz, Tajik
and Turkmen, each with gold facts in `gold.jsonl`. Prints precision, recall and F1 per fact
type and per language, micro F1 overall, person-count recall, date and drug accuracy on
matched facts, how many facts are dated before the document's period without the text
saying so, and how often the language was detected right. Writes
benchmarks/out/eval_extract.json.

`--record-blind` stores a batch's first score in `<batch>/blind.json` and refuses to
overwrite it: a batch is scored blind once, before any rule is changed for it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cadis.engines.extract import extract, load_document_text  # noqa: E402

BATCHES = ROOT / "benchmarks" / "data" / "extract_eval" / "batches"
OUT = ROOT / "benchmarks" / "out" / "eval_extract.json"
KINDS = ("seizure", "persons", "groups", "labs")
# Engine fact types scored under each kind.
ENGINE_TYPES = {
    "seizure": ("seizure", "precursor_seizure"),
    "persons": ("detained", "arrests", "prosecuted"),
    "groups": ("groups_dismantled",),
    "labs": ("lab_dismantled",),
}
KIND_OF = {engine: kind for kind, types in ENGINE_TYPES.items() for engine in types}
TOLERANCE = 0.005  # 0.5 % on masses


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= max(abs(b) * TOLERANCE, 1e-6)


def _predicted(fact: dict) -> dict | None:
    kind = KIND_OF.get(fact["type"])
    if kind is None:
        return None
    period = fact.get("period") or {}
    return {
        "kind": kind,
        "kg": fact.get("quantity_kg"),
        "count": fact.get("count"),
        "drug": fact.get("substance_resolved"),
        "start": period.get("start"),
        "end": period.get("end"),
        "text": fact.get("text"),
        "confidence": fact.get("confidence"),
    }


def matches(gold: dict, predicted: dict) -> bool:
    if gold["type"] != predicted["kind"]:
        return False
    if gold["type"] == "seizure":
        if "count" in gold:
            return predicted["kg"] is None and predicted["count"] == gold["count"]
        return _close(predicted["kg"], gold["kg"])
    return predicted["count"] == gold["count"]


def _date_right(gold: dict, predicted: dict) -> bool | None:
    """None when gold states no date; else whether the prediction's period agrees."""
    if "period" in gold:
        return [predicted["start"], predicted["end"]] == gold["period"]
    if "date" in gold:
        if not predicted["start"]:
            return False
        return predicted["start"] <= gold["date"] <= (predicted["end"] or predicted["start"])
    return None


def _drug_right(gold: dict, predicted: dict) -> bool | None:
    if gold["type"] != "seizure" or "drug" not in gold:
        return None
    if gold["drug"] == "unknown":
        return predicted["drug"] in (None, "unknown", "unidentified_substance")
    return predicted["drug"] == gold["drug"]


def _earliest_allowed(record: dict) -> str:
    """Facts may be dated from a year before the document, or as early as the gold says."""
    document_date = date.fromisoformat(record["document_date"])
    earliest = date(document_date.year - 1, 1, 1).isoformat()
    for fact in record["facts"]:
        stated = fact.get("period", [None])[0] or fact.get("date")
        if stated and stated < earliest:
            earliest = stated
    return earliest


def _language_label(record: dict) -> str:
    language = record["language"]
    if language in ("kk", "uz") and record.get("script"):
        return f"{language}-{record['script']}"
    return language


def evaluate(batch: Path, verbose: bool) -> dict:
    counts: dict[str, dict[str, dict[str, int]]] = {
        "type": defaultdict(lambda: {"gold": 0, "predicted": 0, "matched": 0}),
        "language": defaultdict(lambda: {"gold": 0, "predicted": 0, "matched": 0}),
    }
    fields = {"drug": [0, 0], "date": [0, 0]}
    early_dates = 0
    language_right = 0
    records = [
        json.loads(line)
        for line in (batch / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for record in records:
        text, _meta = load_document_text(batch / "docs" / record["document"])
        result = extract(
            text,
            document=record["document"],
            document_date=date.fromisoformat(record["document_date"]),
        )
        language_right += result.language == record["language"]
        label = _language_label(record)
        predicted = [p for f in result.facts if (p := _predicted(f.to_json())) is not None]
        earliest = _earliest_allowed(record)
        unmatched = list(predicted)
        missed = []
        notes = []
        for gold in record["facts"]:
            counts["type"][gold["type"]]["gold"] += 1
            counts["language"][label]["gold"] += 1
            partner = next((p for p in unmatched if matches(gold, p)), None)
            if partner is None:
                missed.append(gold)
                continue
            unmatched.remove(partner)
            counts["type"][gold["type"]]["matched"] += 1
            counts["language"][label]["matched"] += 1
            for name, judge in (("drug", _drug_right), ("date", _date_right)):
                verdict = judge(gold, partner)
                if verdict is None:
                    continue
                fields[name][0] += verdict
                fields[name][1] += 1
                if not verdict:
                    notes.append(f"  WRONG {name}: gold {gold} got {partner}")
        for fact in predicted:
            counts["type"][fact["kind"]]["predicted"] += 1
            counts["language"][label]["predicted"] += 1
            if fact["start"] and fact["start"] < earliest:
                early_dates += 1
                notes.append(f"  EARLY date {fact['start']} < {earliest}: {fact['text']!r}")
        if verbose and (missed or unmatched or notes or result.language != record["language"]):
            print(f"{batch.name}/{record['document']} ({result.language})")
            for gold in missed:
                print(f"  MISSED {gold}")
            for fact in unmatched:
                shown = {k: v for k, v in fact.items() if v is not None}
                print(f"  EXTRA  {shown}")
            for note in notes:
                print(note)
    return {
        "documents": len(records),
        "counts": {k: dict(v) for k, v in counts.items()},
        "fields": fields,
        "early_dates": early_dates,
        "language_right": language_right,
    }


def _prf(c: dict[str, int]) -> tuple[float, float, float]:
    precision = c["matched"] / c["predicted"] if c["predicted"] else 0.0
    recall = c["matched"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _merge(results: list[dict]) -> dict:
    merged: dict = {
        "documents": 0,
        "counts": {"type": {}, "language": {}},
        "fields": {"drug": [0, 0], "date": [0, 0]},
        "early_dates": 0,
        "language_right": 0,
    }
    for result in results:
        merged["documents"] += result["documents"]
        merged["early_dates"] += result["early_dates"]
        merged["language_right"] += result["language_right"]
        for axis in ("type", "language"):
            for key, c in result["counts"][axis].items():
                into = merged["counts"][axis].setdefault(
                    key, {"gold": 0, "predicted": 0, "matched": 0}
                )
                for name in into:
                    into[name] += c[name]
        for name, (right, seen) in result["fields"].items():
            merged["fields"][name][0] += right
            merged["fields"][name][1] += seen
    return merged


def report(title: str, result: dict) -> dict:
    print(f"\n{title} ({result['documents']} documents)")
    print(f"{'':<14}{'gold':>6}{'pred':>6}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}")
    summary: dict = {"documents": result["documents"]}
    total = {"gold": 0, "predicted": 0, "matched": 0}
    for axis in ("type", "language"):
        rows = {}
        keys = KINDS if axis == "type" else sorted(result["counts"]["language"])
        for key in keys:
            c = result["counts"][axis].get(key)
            if not c:
                continue
            if axis == "type":
                for name in total:
                    total[name] += c[name]
            p, r, f = _prf(c)
            rows[key] = {**c, "precision": p, "recall": r, "f1": f}
            print(
                f"{key:<14}{c['gold']:>6}{c['predicted']:>6}{c['matched']:>7}{p:>7.2f}{r:>7.2f}{f:>7.2f}"
            )
        summary[axis] = rows
        if axis == "type":
            p, r, f = _prf(total)
            summary["micro"] = {**total, "precision": p, "recall": r, "f1": f}
            print(
                f"{'micro':<14}{total['gold']:>6}{total['predicted']:>6}{total['matched']:>7}"
                f"{p:>7.2f}{r:>7.2f}{f:>7.2f}"
            )
            print("-" * 54)
    persons = summary["type"].get("persons", {})
    for name, (right, seen) in result["fields"].items():
        summary[f"{name}_accuracy"] = right / seen if seen else None
        print(f"{name} right on matched facts: {right}/{seen}")
    summary["person_recall"] = persons.get("recall")
    summary["early_dates"] = result["early_dates"]
    summary["language_detected"] = f"{result['language_right']}/{result['documents']}"
    print(
        f"person-count recall {persons.get('recall', 0):.2f}; facts dated before the document's "
        f"period without the text saying so: {result['early_dates']}; language detected right: "
        f"{summary['language_detected']}"
    )
    return summary


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", action="append", help="score only these batches (b1, b2, ...)")
    parser.add_argument("--verbose", action="store_true", help="print every miss and extra fact")
    parser.add_argument(
        "--record-blind", action="store_true", help="store the first score of each batch"
    )
    args = parser.parse_args(argv)
    folders = sorted(p for p in BATCHES.iterdir() if (p / "gold.jsonl").is_file())
    if args.batch:
        folders = [p for p in folders if p.name in args.batch]
    results = {}
    for folder in folders:
        result = evaluate(folder, args.verbose)
        results[folder.name] = report(f"batch {folder.name}", result)
        results[folder.name]["_raw"] = result
        blind = folder / "blind.json"
        if args.record_blind:
            if blind.exists():
                print(f"{blind} exists: the blind score of {folder.name} was recorded already.")
            else:
                summary = {k: v for k, v in results[folder.name].items() if k != "_raw"}
                blind.write_text(
                    json.dumps(
                        {"engine_commit": _commit(), "scored_on": date.today().isoformat()}
                        | summary,
                        indent=2,
                    )
                    + "\n",
                    encoding="utf-8",
                )
                print(f"blind score recorded in {blind.relative_to(ROOT)}")
    overall = report(
        "all batches" if not args.batch else "selected batches",
        _merge([r.pop("_raw") for r in results.values()]),
    )
    for name, figures in results.items():
        blind = BATCHES / name / "blind.json"
        if blind.exists():
            first = json.loads(blind.read_text(encoding="utf-8"))
            figures["blind_micro_f1"] = first["micro"]["f1"]
    print("\nbatch   blind F1   now F1")
    for name, figures in results.items():
        blind_f1 = figures.get("blind_micro_f1")
        shown = f"{blind_f1:.2f}" if blind_f1 is not None else "-"
        print(f"{name:<8}{shown:>8}{figures['micro']['f1']:>9.2f}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps({"overall": overall, "batches": results}, indent=2, default=str),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
