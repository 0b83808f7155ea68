"""`cadis geocode`: one JSON object per mention, from arguments or a file."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

KEYS = {"input", "country", "subdivision", "place", "lat", "lon", "confidence"}


def run(*args) -> str:
    out = io.StringIO()
    call_command("geocode", *args, stdout=out)
    return out.getvalue()


def test_it_prints_one_json_line_per_argument():
    lines = run("на КПП «Достук»", "Toshkent viloyatida").splitlines()
    records = [json.loads(line) for line in lines]
    assert [set(r) for r in records] == [KEYS, KEYS]
    assert (records[0]["country"], records[0]["subdivision"]) == ("KG", "KG-O")
    assert records[1]["subdivision"] == "UZ-TO"


def test_it_reads_a_file_and_can_print_one_json_array(tmp_path):
    mentions = tmp_path / "mentions.txt"
    mentions.write_text("Shymkent\n\nМВД Кыргызской Республики\n", encoding="utf-8")
    records = json.loads(run("--file", str(mentions), "--format", "json"))
    assert [r["input"] for r in records] == ["Shymkent", "МВД Кыргызской Республики"]
    assert records[0]["subdivision"] == "KZ-79" and records[0]["lat"] is not None
    assert records[1]["country"] == "KG" and records[1]["lat"] is None


def test_without_mentions_it_says_what_to_give():
    with pytest.raises(CommandError, match="--file"):
        run()


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run("--file", str(tmp_path / "nope.txt"))
