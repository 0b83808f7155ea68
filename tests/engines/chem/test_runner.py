"""Batch classification for the CLI, the JSON record, and SVG drawing."""

from __future__ import annotations

import io
import json

from cadis.engines.chem import classify, draw_svg, run_classify

RECORD_KEYS = {
    "input",
    "smiles",
    "inchikey",
    "category",
    "known",
    "status",
    "nearest",
    "explanation",
}


def test_a_record_has_every_field_the_cli_promises():
    record = classify("CCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21").to_json()
    assert RECORD_KEYS <= set(record)
    assert record["inchikey"] == "JDNLPKCAXICMBW-UHFFFAOYSA-N"
    assert record["known"]["name"] == "JWH-018"
    assert set(record["status"]) == {"international", "KZ", "KG", "TJ", "TM", "UZ"}
    assert record["nearest"][0]["similarity"] == 1.0


def test_run_classify_writes_one_json_line_per_input_and_survives_bad_input():
    out = io.StringIO()
    counts = run_classify(["CC(N)Cc1ccccc1", "C1CC((", ""], out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert counts == {"total": 3, "ok": 1, "errors": 2}
    assert lines[0]["category"] == "phenethylamine"
    assert lines[1]["error_code"] == "invalid_structure"
    assert lines[2]["error_code"] == "empty_input"


def test_run_classify_reads_a_text_file_with_one_smiles_per_line(tmp_path):
    path = tmp_path / "seized.smi"
    path.write_text("# lab batch 7\nCNC(C)C(=O)c1ccc(C)cc1\n\nCN(C)CCc1c[nH]c2ccccc12\n")
    out = io.StringIO()
    run_classify(path, out)
    categories = [json.loads(line)["category"] for line in out.getvalue().splitlines()]
    assert categories == ["synthetic_cathinone", "tryptamine"]


def test_run_classify_keeps_id_and_name_columns_of_a_csv(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text("id,name,smiles\nS-1,white powder,CC(N)Cc1ccc(F)cc1\nS-2,herbal,C1CC(\n")
    out = io.StringIO()
    run_classify(str(path), out, fmt="json")
    first, second = json.loads(out.getvalue())
    assert (first["id"], first["name"], first["category"]) == (
        "S-1",
        "white powder",
        "phenethylamine",
    )
    assert second["id"] == "S-2" and "error" in second


def test_draw_svg_returns_an_svg_document():
    svg = draw_svg("CNC(C)Cc1ccc2c(c1)OCO2")
    assert svg.startswith("<?xml") and "</svg>" in svg
