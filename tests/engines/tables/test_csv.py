"""CSV: delimiters, row numbers, broken files and the limits, read as a stream."""

from __future__ import annotations

import tracemalloc

import pytest

from cadis.engines.tables import Limits, TableError, TableErrorCode, iter_rows


def rows(data: bytes, **kwargs) -> list[tuple[int, list[object]]]:
    return [(row.number, row.cells) for row in iter_rows(data, name="f.csv", **kwargs)]


def error_of(data: bytes, **kwargs) -> TableError:
    with pytest.raises(TableError) as caught:
        list(iter_rows(data, name="f.csv", **kwargs))
    return caught.value


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_each_delimiter_is_sniffed(delimiter):
    data = (
        delimiter.join(["date", "drug", "quantity"])
        + "\n"
        + delimiter.join(["01.02.2024", "heroin", "1,5" if delimiter != "," else "1.5"])
    )
    assert rows(data.encode())[1][1][1] == "heroin"


def test_a_quoted_delimiter_does_not_count_and_quotes_are_removed():
    assert rows(b'"a;b",c,d\n"1;2",3,4\n') == [(1, ["a;b", "c", "d"]), (2, ["1;2", "3", "4"])]


def test_decimal_commas_in_the_data_do_not_change_a_semicolon_file():
    assert rows("Дата;Количество\n01.02.2024;1,5\n".encode())[1][1] == ["01.02.2024", "1,5"]


def test_blank_lines_are_skipped_but_row_numbers_stay_those_of_the_file():
    assert rows(b"a,b\n\n1,2\n , \n3,4\n") == [(1, ["a", "b"]), (3, ["1", "2"]), (5, ["3", "4"])]
    assert [n for n, _c in rows(b"a\n\n1\n", skip_blank=False)] == [1, 2, 3]


def test_a_line_break_inside_quotes_keeps_one_record_per_row_number():
    assert rows(b'a,b\n"two\nlines",x\ny,z\n') == [
        (1, ["a", "b"]),
        (2, ["two\nlines", "x"]),
        (3, ["y", "z"]),
    ]


def test_cr_only_and_crlf_line_ends_are_read():
    assert rows(b"a,b\r1,2\r") == rows(b"a,b\r\n1,2\r\n") == [(1, ["a", "b"]), (2, ["1", "2"])]


@pytest.mark.parametrize("data", [b"", b"\n\n  \n", b"\xef\xbb\xbf", b"\xff\xfe\n\x00"])
def test_an_empty_file_is_refused(data):
    assert error_of(data).code is TableErrorCode.EMPTY_FILE


def test_an_unclosed_quote_is_a_bad_csv_with_its_row():
    error = error_of(b'date,substance\n"01.01.2024,heroin')
    assert error.code is TableErrorCode.BAD_CSV and error.row == 2


def test_a_cell_over_16_mb_is_a_bad_csv():
    error = error_of(b'description\n"' + b"x" * (17 * 1024 * 1024) + b'"\n')
    assert error.code is TableErrorCode.BAD_CSV


def test_too_many_rows_are_refused_at_the_limit():
    data = b"a\n" + b"1\n" * 10
    assert len(rows(data, limits=Limits(max_rows=11))) == 11
    error = error_of(data, limits=Limits(max_rows=10))
    assert error.code is TableErrorCode.TOO_MANY_ROWS and "more than 10 rows" in error.message


def test_too_many_columns_are_refused_but_trailing_empty_cells_do_not_count():
    assert rows(b"a,b" + b"," * 300 + b"\n", limits=Limits(max_columns=5))[0][1][:2] == ["a", "b"]
    error = error_of(b"a,b\n" + b"1," * 6 + b"x\n", limits=Limits(max_columns=5))
    assert error.code is TableErrorCode.TOO_MANY_COLUMNS and error.row == 2


def test_a_file_over_the_size_limit_is_refused_before_reading():
    error = error_of(b"a\n" * 1000, limits=Limits(max_file_bytes=1000))
    assert error.code is TableErrorCode.FILE_TOO_LARGE


def test_old_excel_and_unknown_types_are_unsupported():
    with pytest.raises(TableError) as caught:
        list(iter_rows(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, name="d.xls"))
    assert caught.value.code is TableErrorCode.UNSUPPORTED_FORMAT and ".xls" in caught.value.message
    with pytest.raises(TableError) as caught:
        list(iter_rows(b"%PDF-1.4", name="d.pdf"))
    assert caught.value.code is TableErrorCode.UNSUPPORTED_FORMAT


def test_a_missing_path_is_file_not_found(tmp_path):
    with pytest.raises(TableError) as caught:
        list(iter_rows(tmp_path / "nope.csv"))
    assert caught.value.code is TableErrorCode.FILE_NOT_FOUND


def test_a_large_csv_is_streamed_in_constant_memory(tmp_path):
    path = tmp_path / "big.csv"
    line = "Кислота серная техническая;в бочках по 200 л;партия 240101-01;1500\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("description;packing;batch;quantity\n")
        for _ in range(100_000):
            handle.write(line)
    assert path.stat().st_size > 10_000_000
    tracemalloc.start()
    count = sum(1 for _ in iter_rows(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 100_001 and peak < 3_000_000
