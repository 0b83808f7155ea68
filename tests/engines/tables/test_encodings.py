"""Every accepted encoding is read the same way, and what is not text is refused clearly."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.engines.tables import TableError, TableErrorCode, detect_encoding, iter_rows

TEXT = "Дата;Вещество;Количество\n01.02.2024;героин;1,5\n02.02.2024;ГАШИШ чёрный;20\n"
EXPECTED = [
    ["Дата", "Вещество", "Количество"],
    ["01.02.2024", "героин", "1,5"],
    ["02.02.2024", "ГАШИШ чёрный", "20"],
]


def cells(data: bytes, name: str = "f.csv") -> list[list[object]]:
    return [row.cells for row in iter_rows(data, name=name)]


def error_of(data: bytes, name: str = "f.csv") -> TableError:
    with pytest.raises(TableError) as caught:
        list(iter_rows(data, name=name))
    return caught.value


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1251"), "cp1251"),
        (TEXT.encode("koi8-r"), "koi8-r"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1251", "koi8r"],
)
def test_every_supported_encoding_reads_to_the_same_cells(data, encoding):
    assert detect_encoding(data) == encoding
    assert cells(data) == EXPECTED


def test_python_utf16_codec_output_with_its_own_bom_is_read():
    assert cells(TEXT.encode("utf-16")) == EXPECTED


def test_a_bom_does_not_stick_to_the_first_header():
    assert cells(codecs.BOM_UTF8 + b"date,drug\n1,2\n")[0] == ["date", "drug"]


def test_binary_content_is_refused_as_a_bad_encoding():
    error = error_of(b"description\n\x00\x01\x02\x03")
    assert error.code is TableErrorCode.BAD_ENCODING and "binary" in error.message


def test_bytes_that_are_no_known_encoding_are_refused():
    error = error_of(b"description\n" + bytes(range(128, 256)) * 20)
    assert error.code is TableErrorCode.BAD_ENCODING
    assert "UTF-8, UTF-16, Windows-1251 (cp1251) or KOI8-R" in error.message


def test_a_utf16_mark_that_contradicts_the_bytes_is_refused():
    # A little-endian mark followed by big-endian text.
    assert error_of(b"\xff\xfe\x00D\x00a\x00t\x00e").code is TableErrorCode.BAD_ENCODING


def test_the_row_where_the_encoding_breaks_late_in_a_file_is_named():
    good = "description\n" + "Ацетон\n" * 20_000  # UTF-8 Cyrillic in the sniffed head
    error = error_of(good.encode() + "Толуол\n".encode("cp1251"))
    assert error.code is TableErrorCode.BAD_ENCODING
    assert error.row == 20_002 and "row 20002" in error.message


def test_cp1251_that_starts_after_many_english_lines_is_found():
    data = ("description\n" + "Acetone technical grade\n" * 5000).encode() + "Толуол\n".encode(
        "cp1251"
    )
    assert cells(data)[-1] == ["Толуол"]


def test_a_nul_character_late_in_a_file_is_refused_with_its_row():
    data = ("a,b\n" + "1,2\n" * 30_000).encode() + b"3,\x004\n"
    error = error_of(data)
    assert error.code is TableErrorCode.BAD_ENCODING and error.row == 30_002


WORDS = [
    "героин",
    "гашиш",
    "марихуана",
    "изъятие",
    "таможня",
    "граница",
    "количество",
    "вещество",
    "дата",
    "область",
    "район",
    "упаковка",
    "автомобиль",
    "ацетон",
    "толуол",
    "кислота",
    "перманганат",
    "калия",
    "ангидрид",
    "уксусный",
    "примечание",
    "ёмкость",
    "щёлочь",
]


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=2, max_size=12),
    case=st.sampled_from([str.lower, str.upper, str.capitalize, str.title]),
    encoding=st.sampled_from(["cp1251", "koi8-r"]),
)
def test_russian_text_in_either_single_byte_code_page_is_told_apart(words, case, encoding):
    text = ";".join(case(w) for w in words) + "\n"
    assert detect_encoding(text.encode(encoding)) == encoding


def test_a_utf16_file_cut_in_the_middle_of_a_character_is_refused_with_its_row():
    """Found by the import fuzzing: an odd number of UTF-16 bytes ended in a UnicodeDecodeError."""
    data = codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")
    lines = len(TEXT.splitlines())
    error = error_of(data + b"0")  # one byte more: half a character at the end
    assert error.code is TableErrorCode.BAD_ENCODING and error.row == lines + 1
