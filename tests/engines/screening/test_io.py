from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from cadis.engines.screening.io import (
    InputErrorCode,
    ScreeningInputError,
    TqdmProgress,
    map_header,
    read_declarations,
    run_screening,
)


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def error_of(path) -> ScreeningInputError:
    with pytest.raises(ScreeningInputError) as caught:
        list(read_declarations(path))
    return caught.value


def test_it_reads_utf8_csv_with_english_headers(tmp_path):
    path = write(tmp_path, "d.csv", "id,description,hs_code,cas\nL1,Acetone,2914.11,67-64-1\n")
    rows = list(read_declarations(path))
    assert rows[0].values == {
        "id": "L1",
        "description": "Acetone",
        "hs_code": "2914.11",
        "cas": "67-64-1",
    }


def test_it_reads_cp1251_csv_with_russian_headers_and_semicolons(tmp_path):
    text = "№;Наименование товара;Код ТН ВЭД;Кол-во;Ед. изм.\n1;Толуол;2902300000;10;т\n"
    path = write(tmp_path, "d.csv", text, encoding="cp1251")
    row = next(iter(read_declarations(path)))
    assert row.values["description"] == "Толуол"
    assert row.values["hs_code"] == "2902300000"
    assert row.values["unit"] == "т"


def test_it_reads_utf8_with_bom(tmp_path):
    path = write(tmp_path, "d.csv", "\ufeffописание\nАцетон\n")
    assert [r.values["description"] for r in read_declarations(path)] == ["Ацетон"]


def test_only_the_description_column_is_required_and_ids_default_to_row_numbers(tmp_path):
    path = write(tmp_path, "d.csv", "description\nAcetone\n\nToluene\n")
    assert [r.values["id"] for r in read_declarations(path)] == ["2", "4"]


def test_header_aliases_are_matched_loosely():
    assert map_header(["CAS No.", "Описание товара", "Страна происхождения", "QTY"]) == {
        "cas": 0,
        "description": 1,
        "origin": 2,
        "quantity": 3,
    }


def test_it_rejects_an_empty_file(tmp_path):
    error = error_of(write(tmp_path, "d.csv", ""))
    assert error.code is InputErrorCode.EMPTY_FILE
    assert "d.csv" in error.message and "empty" in error.message


def test_it_rejects_a_file_of_blank_lines_as_empty(tmp_path):
    assert error_of(write(tmp_path, "d.csv", "\n\n  \n")).code is InputErrorCode.EMPTY_FILE


def test_it_rejects_a_file_without_a_header(tmp_path):
    error = error_of(write(tmp_path, "d.csv", "1,Acetone,2914.11\n2,Toluene,2902.30\n"))
    assert error.code is InputErrorCode.MISSING_HEADER
    assert error.row == 1 and "not a header" in error.message


def test_it_rejects_a_header_without_a_description_column(tmp_path):
    error = error_of(write(tmp_path, "d.csv", "id,hs_code,cas\n1,2914.11,67-64-1\n"))
    assert error.code is InputErrorCode.MISSING_DESCRIPTION
    assert "description column" in error.message


def test_it_rejects_text_in_an_unknown_encoding(tmp_path):
    path = tmp_path / "d.csv"
    path.write_bytes(b"description\n" + bytes(range(128, 256)) * 20)
    error = error_of(path)
    assert error.code is InputErrorCode.WRONG_ENCODING
    assert "UTF-8" in error.message


def test_it_rejects_binary_content(tmp_path):
    path = tmp_path / "d.csv"
    path.write_bytes(b"description\n\x00\x01\x02\x03")
    assert error_of(path).code is InputErrorCode.WRONG_ENCODING


def test_it_reports_the_row_where_the_encoding_breaks_late_in_a_file(tmp_path):
    path = tmp_path / "d.csv"
    good = "description\n" + "Ацетон\n" * 20_000  # UTF-8 Cyrillic at the start
    path.write_bytes(good.encode() + "Толуол\n".encode("cp1251"))
    error = error_of(path)
    assert error.code is InputErrorCode.WRONG_ENCODING and error.row is not None


def test_it_rejects_old_excel_and_unknown_formats(tmp_path):
    xls = tmp_path / "d.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert error_of(xls).code is InputErrorCode.UNSUPPORTED_FORMAT
    pdf = write(tmp_path, "d.pdf", "%PDF-1.4")
    assert error_of(pdf).code is InputErrorCode.UNSUPPORTED_FORMAT


def test_it_rejects_a_broken_xlsx(tmp_path):
    path = tmp_path / "d.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert error_of(path).code is InputErrorCode.MALFORMED_FILE


def test_it_reports_a_missing_file(tmp_path):
    assert error_of(tmp_path / "nope.csv").code is InputErrorCode.FILE_NOT_FOUND


def test_it_reads_xlsx_with_merged_cells_and_formulas(tmp_path):
    path = tmp_path / "d.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["№", "Наименование товара", "Код ТН ВЭД", "Страна происхождения", "Кол-во"])
    sheet.append([1, "Ацетон технический", 2914110000, "KZ", 10])
    sheet.append([2, "Толуол", 2902300000, None, 5])
    sheet.append([3, "Рис", 1006300000, None, "=E2+E3"])
    sheet.merge_cells("D2:D4")  # one origin for three lines
    workbook.save(path)
    # openpyxl writes formulas without cached values; give E4 a cached result like Excel does.
    _set_cached_value(path, "E4", "15")

    rows = list(read_declarations(path))
    assert [r.values["description"] for r in rows] == ["Ацетон технический", "Толуол", "Рис"]
    assert [r.values["origin"] for r in rows] == ["KZ", "KZ", "KZ"]
    assert rows[0].values["hs_code"] == "2914110000"
    assert rows[2].values["quantity"] == "15"


def _set_cached_value(path, cell: str, value: str) -> None:
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        items = {name: source.read(name) for name in source.namelist()}
    sheet = items["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(
        rf'(<c r="{cell}"[^>]*>)<f>([^<]*)</f>(<v\s*/>|<v></v>)?',
        rf"\1<f>\2</f><v>{value}</v>",
        sheet,
    )
    items["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in items.items():
            target.writestr(name, data)


def test_run_screening_writes_one_json_object_per_input_line(tmp_path):
    path = write(
        tmp_path,
        "d.csv",
        "id,description,cas\nA,Ангидрид уксусный,\nB,Rice,\nC,Chemical product,67-64-2\n",
    )
    out = io.StringIO()
    summary = run_screening(path, out, fmt="jsonl")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["id"] for line in lines] == ["A", "B", "C"]
    assert lines[0]["hits"][0]["cas"] == "108-24-7"
    assert set(lines[0]["hits"][0]) >= {"cas", "substance", "list", "evidence", "score"}
    assert lines[1]["hits"] == []
    assert lines[2]["warnings"][0]["code"] == "cas_check_digit"
    assert (summary.lines, summary.flagged) == (3, 1)
    assert lines[0]["list_version"] == summary.list_version


def test_run_screening_writes_csv_hits_only_unless_all_lines_are_asked_for(tmp_path):
    path = write(tmp_path, "d.csv", "description\nToluol\nRice\n")
    hits_only, everything = io.StringIO(), io.StringIO()
    run_screening(path, hits_only, fmt="csv")
    run_screening(path, everything, fmt="csv", include_all=True)
    assert [r["description"] for r in csv.DictReader(io.StringIO(hits_only.getvalue()))] == [
        "Toluol"
    ]
    rows = list(csv.DictReader(io.StringIO(everything.getvalue())))
    assert [(r["description"], r["flagged"]) for r in rows] == [("Toluol", "yes"), ("Rice", "no")]


def test_run_screening_applies_the_country_option(tmp_path):
    path = write(tmp_path, "d.csv", "description\nAcetone 99%\n")
    out = io.StringIO()
    run_screening(path, out, country="KG")
    lists = [hit["list"] for hit in json.loads(out.getvalue())["hits"]]
    assert lists == ["table_II", "national:KG"]


def test_run_screening_reports_progress(tmp_path):
    path = write(tmp_path, "d.csv", "description\n" + "Rice\n" * 4500)
    calls: list[tuple[int, int | None]] = []
    run_screening(path, io.StringIO(), progress=lambda done, total: calls.append((done, total)))
    assert calls == [(2000, None), (4000, None), (4500, 4500)]


def test_the_tqdm_helper_accepts_progress_calls(tmp_path):
    path = write(tmp_path, "d.csv", "description\nRice\n")
    with TqdmProgress(disable=True) as bar:
        run_screening(path, io.StringIO(), progress=bar)


def test_a_big_file_is_streamed_not_loaded(tmp_path):
    import tracemalloc

    path = tmp_path / "big.csv"
    line = "Кислота серная техническая, в бочках по 200 л, партия 240101-01\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("description\n")
        for _ in range(100_000):
            handle.write(line)
    assert path.stat().st_size > 10_000_000
    tracemalloc.start()
    count = sum(1 for _ in read_declarations(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 100_000
    assert peak < 3_000_000


def test_it_finds_the_header_below_a_title_row(tmp_path):
    path = tmp_path / "d.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Декларация на товары № 10702030/011124/0000001"])
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["№", "Описание товара", "CAS"])
    sheet.append([1, "Acetone", "67-64-1"])
    workbook.save(path)
    rows = list(read_declarations(path))
    assert [(r.row, r.values["description"]) for r in rows] == [(4, "Acetone")]


def test_it_detects_cp1251_that_starts_after_many_english_lines(tmp_path):
    path = tmp_path / "d.csv"
    english = "description\n" + "Acetone technical grade\n" * 5000
    path.write_bytes(english.encode("ascii") + "Толуол нефтяной\n".encode("cp1251"))
    rows = list(read_declarations(path))
    assert rows[-1].values["description"] == "Толуол нефтяной"
