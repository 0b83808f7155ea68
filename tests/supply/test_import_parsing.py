"""The importer reads regional files and reports every problem with file, row, column and reason."""

from __future__ import annotations

import io
from dataclasses import dataclass

import openpyxl
import pytest

from cadis.apps.supply.importing.commit import check_bytes
from cadis.apps.supply.importing.rows import ImportContext
from tests.supply.conftest import GOOD_ROWS, HEADER_RU, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def context(refdata):
    from cadis.apps.reference.models import Country

    kg = Country.objects.get(code="KG").pk
    return ImportContext(default_country_id=kg, allowed_country_ids=frozenset({kg}))


@dataclass
class Checked:
    """The platform's checked file (``Checked``: report and valid rows) in this test's words."""

    rows: list
    issues: list
    row_count: int

    @property
    def errors(self) -> list:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list:
        return [i for i in self.issues if i.severity != "error"]


def check(data: bytes, context, name: str = "seizures.csv") -> Checked:
    checked = check_bytes(data, name, context)
    return Checked(checked.values, checked.report.issues, checked.report.rows)


def codes(result) -> list[tuple[int | None, str | None, str]]:
    return [(i.row, i.column, i.code) for i in result.issues]


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8-r", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_a_russian_file_reads_in_every_supported_encoding(good_csv, context, encoding):
    result = check(csv_bytes(GOOD_ROWS, encoding=encoding), context)
    assert result.errors == []
    heroin, hashish, marijuana = result.rows
    assert (heroin.quantity_value, heroin.quantity_unit, heroin.normalised_quantity) == (
        1300.5,
        "g",
        1.3005,
    )
    assert heroin.conversion_rule == "g->kg x0.001"
    assert hashish.normalised_quantity == pytest.approx(20.374)
    assert marijuana.normalised_quantity == pytest.approx(15106.549)
    assert marijuana.date_precision == "month"
    assert heroin.concealment_ids and heroin.transport_mode_id and heroin.agency_id


def test_english_headers_and_comma_separators_are_accepted(context):
    data = csv_bytes(["2024-01-05,KGZ,heroin,2.5,kg"], header="Date,Country,Drug,Amount,Unit")
    result = check(data, context)
    assert result.errors == [] and result.rows[0].normalised_quantity == 2.5


def test_each_row_keeps_its_row_number_and_substance_resolution(good_csv, context):
    result = check(good_csv, context)
    assert [r.row for r in result.rows] == [2, 3, 4]
    assert {r.substance_resolution for r in result.rows} <= {"exact", "synonym"}


def test_a_dot_with_three_digits_is_ambiguous_unless_the_column_settles_it(context):
    alone = check(csv_bytes(["01.01.2024;KG;;героин;1.300;кг;;"]), context)
    assert codes(alone) == [(2, "Количество", "ambiguous_number")]
    assert "1300" in alone.issues[0].reason and "1.3" in alone.issues[0].reason
    settled = check(
        csv_bytes(["01.01.2024;KG;;героин;1.300;кг;;", "02.01.2024;KG;;героин;2.5;кг;;"]), context
    )
    assert settled.errors == [] and settled.rows[0].normalised_quantity == pytest.approx(1.3)


@pytest.mark.parametrize(
    ("line", "column", "code"),
    [
        ("31.02.2024;KG;;героин;1;кг;;", "Дата", "bad_date"),
        ("вчера;KG;;героин;1;кг;;", "Дата", "bad_date"),
        ("01.01.2099;KG;;героин;1;кг;;", "Дата", "future_date"),
        (";KG;;героин;1;кг;;", "Дата", "missing_value"),
        ("01.01.2024;KG;;героин;много;кг;;", "Количество", "bad_quantity"),
        ("01.01.2024;KG;;героин;1 30;кг;;", "Количество", "bad_number"),
        ("01.01.2024;KG;;героин;12;;;", "Единица измерения", "no_unit"),
        ("01.01.2024;KG;;героин;12;вёдер;;", "Единица измерения", "unknown_unit"),
        ("01.01.2024;KG;;героин;-3;кг;;", "Количество", "negative_quantity"),
        ("01.01.2024;ZZ;;героин;1;кг;;", "Страна", "unknown_country"),
        ("01.01.2024;TJ;;героин;1;кг;;", "Страна", "country_not_allowed"),
        ("01.01.2024;KG;no_such_agency;героин;1;кг;;", "Ведомство", "unknown_agency"),
        ("01.01.2024;KG;;героин;1;кг;в ботинке;", "Способ сокрытия", "unknown_concealment"),
        ("01.01.2024;KG;;героин;1;кг;;на верблюде", "Вид транспорта", "unknown_transport"),
        ("01.01.2024;KG;;;1;кг;;", "Вещество", "missing_value"),
    ],
)
def test_each_rejection_names_the_row_column_and_reason(context, line, column, code):
    result = check(csv_bytes([line]), context)
    assert (2, column, code) in codes(result)
    assert result.rows == []
    assert all(i.reason and i.reason != i.code for i in result.issues)


def test_purity_subdivision_case_and_confidentiality_are_checked(context):
    header = "date;substance;quantity;unit;purity;region;case;confidentiality"
    result = check(
        csv_bytes(["01.01.2024;героин;1;кг;140;Сугдская область;K-404;секретно"], header=header),
        context,
    )
    assert {c for _r, _c, c in codes(result)} == {
        "bad_purity",
        "unknown_subdivision",
        "unknown_case",
        "bad_confidentiality",
    }


def test_unknown_substances_are_kept_as_written_and_flagged(context):
    result = check(csv_bytes(["01.01.2024;KG;;зелёный дракон;1;кг;;"]), context)
    assert result.errors == []
    assert (
        result.rows[0].substance_id is None and result.rows[0].substance_resolution == "unresolved"
    )
    assert [i.code for i in result.warnings] == ["substance_unresolved"]


def test_misspelt_substances_resolve_by_fuzzy_match_with_a_warning(context):
    result = check(csv_bytes(["01.01.2024;KG;;героинн;1;кг;;"]), context)
    assert (
        result.rows[0].substance_resolution == "fuzzy" and result.rows[0].substance_id is not None
    )
    assert [i.code for i in result.warnings] == ["substance_fuzzy"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (b"\n\n  \n", "empty_file"),
        (b"Date;Drug\n", "missing_column"),
        (b"PK\x03\x04broken", "bad_xlsx"),
        ("Дата;Дата;Вещество;Количество\n".encode(), "duplicate_column"),
        (b"\xff\xfe\x00D\x00a", "unreadable_encoding"),
        (b'date,substance,quantity\n"01.01.2024,heroin', "bad_csv"),
    ],
)
def test_files_that_cannot_be_read_are_rejected_with_the_reason(context, data, code):
    result = check(data, context, "bad.csv")
    assert code in [i.code for i in result.issues]
    assert result.rows == []


def test_a_header_only_file_has_no_rows(context):
    result = check(HEADER_RU.encode(), context)
    assert [i.code for i in result.errors] == ["no_rows"]


def test_xlsx_typed_cells_need_no_number_reading(context):
    import datetime as dt

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Дата", "Вещество", "Количество", "Единица"])
    sheet.append([dt.datetime(2024, 2, 1), "героин", 1.3, "кг"])
    sheet.append(["15.02.2024", "гашиш", "1 300,5", "г"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = check(buffer.getvalue(), context, "seizures.xlsx")
    assert result.errors == []
    assert [r.normalised_quantity for r in result.rows] == [1.3, pytest.approx(1.3005)]
    assert [r.row for r in result.rows] == [2, 3]


def test_identical_rows_in_one_file_are_distinct_events(context):
    line = "01.01.2024;KG;;героин;1;кг;;"
    result = check(csv_bytes([line, line]), context)
    assert len({r.fingerprint for r in result.rows}) == 2


def test_an_xlsx_bomb_is_rejected_before_it_is_unpacked(context):
    from tests.engines.tables.helpers import raw_workbook

    bomb = raw_workbook(
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ["Дата" * (25 * 1024 * 1024)]
    )
    result = check(bomb, context, "bomb.xlsx")
    assert codes(result) == [(None, None, "xlsx_compression_ratio")] and result.rows == []
    assert "200" in result.issues[0].reason


def test_too_many_columns_are_rejected_with_the_row(context):
    data = csv_bytes([";".join(["x"] * 250)])
    assert codes(check(data, context)) == [(2, None, "too_many_columns")]


def test_the_reader_refusals_are_explained_in_russian(context):
    from django.utils import translation

    from tests.engines.tables.helpers import raw_workbook

    bomb = raw_workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ["x" * (25 * 2**20)])
    with translation.override("ru"):
        binary = check(b"\x00\x01\x02date\x00", context).issues[0].reason
        crafted = check(bomb, context, "bomb.xlsx").issues[0].reason
    assert binary.startswith("Файл не является ни текстом") and "UTF-16" in binary
    assert crafted.startswith("Книга сжата более чем в 200 раз")
