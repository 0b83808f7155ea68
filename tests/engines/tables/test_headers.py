"""Header names are normalised one way and found below title rows; errors say what is missing."""

from __future__ import annotations

import pytest

from cadis.engines.tables import (
    HeaderSpec,
    Row,
    TableError,
    TableErrorCode,
    find_header,
    match_header,
    normalise_header,
    read_table,
)

SPEC = HeaderSpec(
    {"description": ("описание", "наименование товара"), "cas": ("cas no", "номер cas")},
    required=("description",),
    search_rows=10,
)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Наименование  товара", "наименование товара"),
        ("НАИМЕНОВАНИЕ_ТОВАРА", "наименование товара"),
        ("«Ёмкость», л.", "емкость л"),
        ("№ п/п", "no п п"),
        ("CAS-No.", "cas no"),
        ("\ufeffDate", "date"),
        ("quantity\xa0(kg)", "quantity kg"),
    ],
)
def test_headers_are_compared_case_space_and_punctuation_insensitively(text, key):
    assert normalise_header(text) == key


def test_aliases_and_field_names_both_match_and_the_first_column_wins():
    match = match_header(["CAS No.", "Description", "описание", "Цена", ""], SPEC)
    assert match.columns == {"cas": 0, "description": 1}
    assert match.duplicates == [(2, "описание")] and match.unknown == [(3, "Цена")]
    assert match.headers == ["CAS No.", "Description", "описание", "Цена"]


def test_the_header_is_found_below_title_rows():
    rows = iter([Row(1, ["Декларация № 1"]), Row(2, ["", "Описание"]), Row(3, ["1", "Ацетон"])])
    match = find_header(rows, SPEC)
    assert (match.row, match.columns) == (2, {"description": 1})
    assert next(rows).number == 3


def test_a_header_without_the_anchor_column_is_a_missing_column():
    with pytest.raises(TableError) as caught:
        find_header(iter([Row(1, ["cas no", "qty"]), Row(2, ["67-64-1", "1"])]), SPEC)
    assert caught.value.code is TableErrorCode.MISSING_COLUMN
    assert caught.value.params["column"] == "description" and caught.value.row == 1
    assert "описание, наименование товара" in caught.value.message


def test_no_known_column_in_the_search_window_is_no_header():
    rows = iter([Row(n, ["Ацетон", "67-64-1"]) for n in range(1, 20)])
    with pytest.raises(TableError) as caught:
        find_header(rows, SPEC)
    assert caught.value.code is TableErrorCode.NO_HEADER and caught.value.row == 1


def test_with_a_one_row_search_the_first_row_is_the_header_whatever_it_names():
    spec = HeaderSpec({"date": ("дата",)}, required=("date",), search_rows=1, anchor=())
    table = read_table(b"drug,amount\nheroin,1\n", name="s.csv", spec=spec)
    assert table.header.missing == ["date"] and table.header.unknown == [(0, "drug"), (1, "amount")]
    assert [row.cells for row in table] == [["heroin", "1"]]


def test_a_table_without_rows_is_empty():
    with pytest.raises(TableError) as caught:
        find_header(iter([]), SPEC)
    assert caught.value.code is TableErrorCode.EMPTY_FILE
