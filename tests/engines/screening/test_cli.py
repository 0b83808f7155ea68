from __future__ import annotations

import argparse
import json

from cadis.engines.screening.cli import EXIT_BAD_INPUT, EXIT_OK, add_arguments, main


def test_it_writes_json_lines_to_the_output_file(tmp_path, capsys):
    source = tmp_path / "d.csv"
    source.write_text("id,description\n1,Toluol\n2,Rice\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    assert main([str(source), "-o", str(target)]) == EXIT_OK
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [(line["id"], len(line["hits"])) for line in lines] == [("1", 1), ("2", 0)]
    assert "2 lines, 1 flagged" in capsys.readouterr().err


def test_it_prints_a_clear_error_and_no_traceback_for_bad_input(tmp_path, capsys):
    source = tmp_path / "d.csv"
    source.write_text("id,cas\n1,67-64-1\n", encoding="utf-8")
    assert main([str(source)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("error [missing_description_column]: d.csv, row 1:")
    assert "Traceback" not in err


def test_it_writes_csv_with_all_lines_when_asked(tmp_path, capsys):
    source = tmp_path / "d.csv"
    source.write_text("description\nToluol\nRice\n", encoding="utf-8")
    assert main([str(source), "--format", "csv", "--all", "--country", "KZ"]) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("id,description,flagged")
    assert len(out) == 1 + 2 + 1  # header, Toluol on two lists, Rice


def test_the_arguments_can_be_added_to_another_parser():
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    options = parser.parse_args(["x.csv", "--format", "csv", "--all"])
    assert (options.format, options.all, options.country) == ("csv", True, None)
