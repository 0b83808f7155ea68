"""No Python file under src/ grows past 500 lines: split it into a package with clean names."""

from __future__ import annotations

from pathlib import Path

LIMIT = 500
SRC = Path(__file__).resolve().parents[1] / "src"


def test_no_source_file_is_over_500_lines():
    too_long = {
        str(path.relative_to(SRC)): lines
        for path in sorted(SRC.rglob("*.py"))
        if "__pycache__" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert too_long == {}


def test_the_scan_sees_the_source_tree():
    assert len(list(SRC.rglob("*.py"))) > 100
