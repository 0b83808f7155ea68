"""The Django download helper: streamed CSV and XLSX built on the engine writer."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.http import Http404

from cadis.platform.exports import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    Column,
    Sheet,
    Suppressed,
    content_disposition,
    csv_response,
    table_response,
    xlsx_response,
)

ROWS = [[2023, -4.5, dt.date(2024, 1, 5), '=HYPERLINK("x")'], [2024, Suppressed(), None, "-5"]]
COLUMNS = ["year", Column("kg", flag="kg: flag"), "date", "note"]


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_csv_download_is_streamed_with_a_bom_and_neutralised_text():
    response = csv_response("сводка", COLUMNS, iter(ROWS))
    assert response.streaming and response["Content-Type"] == CSV_CONTENT_TYPE
    assert "filename*=UTF-8''%D1%81" in response["Content-Disposition"]
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text.removeprefix("\ufeff")))) == [
        ["year", "kg", "kg: flag", "date", "note"],
        ["2023", "-4.5", "", "2024-01-05", '\'=HYPERLINK("x")'],
        ["2024", "", "suppressed", "", "-5"],
    ]


def test_an_xlsx_download_keeps_numbers_and_dates_typed():
    response = xlsx_response("data", [Sheet("data", COLUMNS, ROWS)])
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="data.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(body(response)))["data"]
    first, second = sheet[2], sheet[3]
    assert [c.data_type for c in first] == ["n", "n", "n", "d", "s"]
    assert first[1].value == -4.5 and first[4].value == '\'=HYPERLINK("x")'
    assert (second[1].value, second[2].value) == (None, "suppressed")


def test_table_response_answers_csv_xlsx_or_not_found():
    assert table_response("csv", "t", ["a"], [[1]])["Content-Type"] == CSV_CONTENT_TYPE
    assert table_response("xlsx", "t", ["a"], [[1]])["Content-Type"] == XLSX_CONTENT_TYPE
    with pytest.raises(Http404):
        table_response("pdf", "t", ["a"], [[1]])


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("a.csv", 'attachment; filename="a.csv"'),
        (
            'evil"\r\nX-Injected: 1.csv',
            'attachment; filename="evilX-Injected-1.csv"; '
            "filename*=UTF-8''evilX-Injected%3A%201.csv",
        ),
    ],
)
def test_file_names_cannot_break_the_header(name, header):
    assert content_disposition(name) == header
