"""The CLI record of `cadis nps classify` stays byte-identical for a fixed set of inputs.

`data/record_inputs.jsonl` holds 509 inputs written or picked once: 420 structures drawn
(seed 15) from the throughput benchmark's inputs (catalogue substances and ring-substituted
variants of them, most unknown to the catalogue), 40 catalogue names, and hand-written edge
cases (salts, mixtures, charges, stereoisomers, isotopes, tautomers, InChI, street and
Russian names, an IUPAC name through OPSIN, every error code). `data/records_expected.jsonl.gz`
holds the JSON lines `run_classify` wrote for them. The expectation was generated before the
engine was optimised for throughput, so speed work cannot change an answer unnoticed.

When the catalogue itself changes (a new substance is a new neighbour, parent or listing),
regenerate the expectation deliberately and review the diff of the answers:

    .venv/bin/python tests/engines/chem/test_record_snapshot.py --write
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

from cadis.engines.chem import Classifier, default_classifier, run_classify

DATA = Path(__file__).resolve().parent / "data"
INPUTS = DATA / "record_inputs.jsonl"
EXPECTED = DATA / "records_expected.jsonl.gz"


def read_inputs() -> list[str]:
    return [json.loads(line) for line in INPUTS.read_text(encoding="utf-8").splitlines()]


def records(classifier: Classifier) -> list[str]:
    out = io.StringIO()
    run_classify(read_inputs(), out, classifier=classifier)
    return out.getvalue().splitlines()


def expected_records() -> list[str]:
    return gzip.decompress(EXPECTED.read_bytes()).decode("utf-8").splitlines()


def changed_records(actual: list[str]) -> list[tuple[str, str, str]]:
    expected = expected_records()
    assert len(actual) == len(expected) == len(read_inputs())
    return [
        (json.loads(old)["input"], old, new)
        for old, new in zip(expected, actual, strict=True)
        if old != new
    ]


def test_every_record_is_identical_to_the_stored_expectation():
    # A fresh classifier: nothing cached from other tests.
    changed = changed_records(records(Classifier.from_data_dir()))
    assert changed == [], f"{len(changed)} records changed; first: {changed[:1]}"


def test_records_stay_identical_when_the_classifier_has_seen_the_inputs_before(classifier):
    # Whatever the engine keeps between calls must not change an answer.
    records(classifier)
    changed = changed_records(records(classifier))
    assert changed == [], f"{len(changed)} records changed; first: {changed[:1]}"


def write() -> None:
    lines = records(default_classifier())
    EXPECTED.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(f"wrote {len(lines)} records to {EXPECTED}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write()
    else:
        print(__doc__)
