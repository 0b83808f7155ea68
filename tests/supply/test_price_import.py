"""The price and purity import: a police clerk's file (cp1251, semicolons, Russian headers and
everyday words) and an XLSX are checked, then imported once; re-importing changes nothing, a
changed figure updates its record; one bad row writes nothing; others' countries are refused;
``cadis import prices`` gives the same JSON report. (Synthetic figures, for tests only.)"""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.reference.import_mappings import DECIMAL, mapping_save
from cadis.apps.supply.prices.importing import import_prices
from cadis.apps.supply.prices.models import PriceRecord
from cadis.platform.errors import BadInputFile, PermissionDenied

pytestmark = pytest.mark.django_db

HEADERS = {
    "substance": "Вещество",
    "market_level": "Уровень рынка",
    "subdivision": "Регион",
    "place": "Место",
    "period_start": "Начало периода",
    "period_end": "Конец периода",
    "period": "Период",
    "year": "Год",
    "currency": "Валюта",
    "price_unit": "Цена за",
    "price_min": "Минимальная цена",
    "price_mean": "Средняя цена",
    "price_max": "Максимальная цена",
    "price_sample_size": "Число закупок",
    "purity_min": "Минимальная чистота, %",
    "purity_mean": "Средняя чистота, %",
    "purity_max": "Максимальная чистота, %",
    "purity_sample_size": "Число проб",
    "purity_basis": "Чистота в пересчете на",
    "source": "Источник",
}
# What a clerk of the KG police writes: everyday words, spaces between thousands, "70%".
CLERK = [
    {
        "substance": "героин",
        "market_level": "розница",
        "subdivision": "г. Бишкек",
        "year": "2024",
        "currency": "сом",
        "price_unit": "за грамм",
        "price_min": "1 500",
        "price_mean": "2 000",
        "price_max": "3 000",
        "price_sample_size": "12",
        "purity_min": "8",
        "purity_mean": "20,5",
        "purity_max": "45",
        "purity_sample_size": "9",
        "purity_basis": "основание",
        "source": "Проверочные закупки ОВД",
    },
    {
        "substance": "гашиш",
        "market_level": "опт",
        "subdivision": "Чуйская область",
        "period_start": "01.01.2024",
        "period_end": "30.06.2024",
        "currency": "доллар",
        "price_unit": "кг",
        "price_min": "900",
        "price_mean": "1 200",
        "price_max": "1 500",
        "source": "Оперативные данные",
    },
    {
        "substance": "героин",
        "market_level": "оптовая",
        "subdivision": "Ошская область",
        "place": "г. Ош",
        "period": "I квартал 2024",
        "currency": "USD",
        "price_unit": "за кг",
        "price_min": "8 500",
        "price_mean": "9 000",
        "price_max": "10 500",
        "purity_min": "40",
        "purity_max": "70%",
        "purity_basis": "гидрохлорид",
        "source": "СБНОН",
    },
    {
        "substance": "гера",
        "market_level": "уличный",
        "year": "2023",
        "currency": "сом",
        "price_unit": "г",
        "price_mean": "1 800",
    },
]


def _csv(rows: list[dict], columns=None) -> bytes:
    columns = columns or list(HEADERS)
    lines = [";".join(HEADERS[c] for c in columns)]
    lines += [";".join(row.get(c, "") for c in columns) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("cp1251")


def _import(actor, data: bytes, *, dry_run=False, organisation=None, name="kg-prices-2024.csv"):
    return import_prices(
        actor=actor,
        organisation=organisation or actor.organisation,
        data=data,
        file_name=name,
        dry_run=dry_run,
    )


def _errors(report) -> set[tuple[int, str, str]]:
    return {(e["row"], e["column"], e["code"]) for e in report.errors}


def test_a_clerk_file_is_checked_then_imported_once_and_audited(personas):
    clerk = personas.kg_provider
    dry = _import(clerk, _csv(CLERK), dry_run=True)
    assert dry.ok and dry.created == 4 and not dry.committed, dry.issues
    assert PriceRecord.objects.count() == 0

    report = _import(clerk, _csv(CLERK))
    assert report.committed and (report.created, report.updated, report.unchanged) == (4, 0, 0)
    bishkek = PriceRecord.objects.get(subdivision__code="KG-GB", year=2024)
    assert (bishkek.substance.code, bishkek.market_level, bishkek.currency) == (
        "heroin",
        "retail",
        "KGS",
    )
    assert (bishkek.price_unit, bishkek.price_min, bishkek.price_mean, bishkek.price_max) == (
        "g",
        Decimal("1500"),
        Decimal("2000"),
        Decimal("3000"),
    )
    assert (bishkek.purity_mean, bishkek.purity_basis) == (Decimal("20.5"), "base")
    assert (bishkek.period_start, bishkek.period_end) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )
    assert bishkek.source_kind == "import" and bishkek.source_ref == {
        "file": "kg-prices-2024.csv",
        "row": 2,
    }
    assert (bishkek.country.code, bishkek.organisation) == ("KG", personas.kg_org)
    osh = PriceRecord.objects.get(place="г. Ош")
    assert (osh.period_start, osh.period_end) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert (osh.currency, osh.price_unit, osh.purity_max, osh.purity_basis) == (
        "USD",
        "kg",
        Decimal("70"),
        "salt",
    )
    street = PriceRecord.objects.get(year=2023)
    assert (street.substance.code, street.market_level) == ("heroin", "retail")
    created = AuditEntry.objects.filter(object_type="supply.pricerecord", action="create")
    assert created.count() == 4 and created.first().source_kind == "import"

    again = _import(clerk, _csv(CLERK))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert AuditEntry.objects.filter(object_type="supply.pricerecord").count() == 4

    changed = [dict(CLERK[0], price_mean="2 100"), *CLERK[1:]]
    update = _import(clerk, _csv(changed), name="kg-prices-2024-v2.csv")
    assert (update.created, update.updated, update.unchanged) == (0, 1, 3)
    bishkek.refresh_from_db()
    assert bishkek.price_mean == Decimal("2100")
    entry = AuditEntry.objects.get(object_type="supply.pricerecord", action="update")
    assert entry.object_id == str(bishkek.pk) and entry.source_detail["row"] == 2


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("сом", "KGS"),
        ("тенге", "KZT"),
        ("сомони", "TJS"),
        ("сум", "UZS"),
        ("манат", "TMT"),
        ("доллар", "USD"),
        ("долл.", "USD"),
        ("USD", "USD"),
        ("kgs", "KGS"),
        ("gbp", "GBP"),  # any other ISO 4217 code, as written
    ],
)
def test_currencies_are_read_from_codes_and_everyday_names(personas, written, code):
    report = _import(personas.kg_provider, _csv([dict(CLERK[0], currency=written)]), dry_run=True)
    assert report.ok, report.issues
    assert report.preview[0]["parsed"]["currency"] == code


@pytest.mark.parametrize(
    ("changes", "column", "code"),
    [
        ({"price_min": "4 000"}, "price_min", "min_above_max"),
        ({"price_mean": "3 500"}, "price_mean", "typical_outside_range"),
        ({"purity_max": "101"}, "purity_max", "bad_purity"),
        ({"purity_min": "-1"}, "purity_min", "negative_number"),
        ({"price_min": "1.300"}, "price_min", "ambiguous_number"),
        ({"currency": ""}, "currency", "price_needs_currency"),
        ({"price_unit": ""}, "price_unit", "price_needs_unit"),
        ({"currency": "тугрики"}, "currency", "unknown_value"),
        (
            {"year": "", "period_start": "30.06.2024", "period_end": "01.01.2024"},
            "period_end",
            "period_reversed",
        ),
        (
            {"year": "", "period_start": "01.12.2023", "period_end": "31.01.2024"},
            "period_end",
            "period_spans_years",
        ),
        ({"period_start": "01.01.2023", "period_end": "31.12.2023"}, "year", "period_conflict"),
        ({"year": ""}, "period_start", "missing_period"),
        ({"year": "24"}, "year", "bad_year"),
        ({"substance": "абракадабра"}, "substance", "unknown_value"),
        ({"market_level": ""}, "market_level", "missing_value"),
        ({"subdivision": "Согдийская область"}, "subdivision", "unknown_subdivision"),
    ],
)
def test_a_row_that_cannot_be_a_record_is_an_error_with_a_stable_code(
    personas, changes, column, code
):
    report = _import(personas.kg_provider, _csv([dict(CLERK[0], **changes)]), dry_run=True)
    assert (2, column, code) in _errors(report), report.issues
    assert report.created == 0


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("I квартал 2024", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
        ("первое полугодие 2024 г.", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
        ("январь–июнь 2024", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
        ("03.2024", dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        # only "2024 года" is read as a period: asked, not taken as the whole year
        ("1-е полугодие 2024 года", None, None),
        ("весной", None, None),
    ],
)
def test_a_period_written_in_one_cell_is_read_whole_or_asked(personas, written, start, end):
    report = _import(personas.kg_provider, _csv([dict(CLERK[2], period=written)]), dry_run=True)
    if start is None:
        assert _errors(report) == {(2, "period", "bad_date")}
    else:
        assert report.ok, report.issues
        parsed = report.preview[0]["parsed"]
        assert (parsed["period_start"], parsed["period_end"]) == (str(start), str(end))


def test_1_300_is_asked_and_its_answer_is_remembered(personas):
    clerk = personas.kg_provider
    data = _csv([dict(CLERK[0], price_min="1.300", price_mean="1 500", price_max="1 800")])
    report = _import(clerk, data, dry_run=True)
    question = next(i for i in report.issues if i.code == "ambiguous_number")
    assert (question.column, question.suggestions) == ("price_min", ("thousands", "decimal"))
    with translation.override("en"):
        assert "1300 or 1.3" in question.reason
    mapping_save(
        actor=clerk,
        organisation=personas.kg_org,
        kind="prices",
        vocabulary=DECIMAL,
        source="price_min",
        target="thousands",
    )
    report = _import(clerk, data)
    assert report.ok and report.created == 1, report.issues
    assert PriceRecord.objects.get().price_min == Decimal("1300")


def test_a_file_that_shows_its_decimal_mark_decides_1_300_without_asking(personas):
    rows = [
        dict(CLERK[0], price_min="1.300", price_mean="1 500", price_max="1 800"),
        dict(CLERK[0], subdivision="Ошская область", price_min="1.250,50"),
    ]
    report = _import(personas.kg_provider, _csv(rows), dry_run=True)
    assert report.ok, report.issues
    # "1.250,50" in the same column shows the dot groups thousands: "1.300" is 1300
    assert report.preview[0]["parsed"]["price_min"] == "1300.00"


def test_an_unknown_drug_word_is_asked_once_and_the_answer_applies_to_the_next_file(personas):
    clerk = personas.kg_provider
    data = _csv([dict(CLERK[0], substance="ширка")])
    assert (2, "substance", "unknown_value") in _errors(_import(clerk, data, dry_run=True))
    from cadis.apps.reference.models import Substance

    mapping_save(
        actor=clerk,
        organisation=personas.kg_org,
        kind="prices",
        vocabulary="substance",
        source="ширка",
        target=Substance.objects.get(code="acetylated_opium").pk,
    )
    report = _import(clerk, data)
    assert report.ok and report.created == 1
    assert [str(i.code) for i in report.issues] == ["value_mapped"]
    assert PriceRecord.objects.get().substance.code == "acetylated_opium"


def test_one_bad_row_writes_nothing(personas):
    rows = [*CLERK, dict(CLERK[0], subdivision="Ошская область", purity_max="101")]
    report = _import(personas.kg_provider, _csv(rows))
    assert not report.ok and not report.committed
    assert _errors(report) == {(6, "purity_max", "bad_purity")}
    assert PriceRecord.objects.count() == 0
    assert not AuditEntry.objects.filter(object_type="supply.pricerecord").exists()


def test_the_same_record_twice_in_a_file_is_an_error(personas):
    report = _import(personas.kg_provider, _csv([CLERK[0], dict(CLERK[0], price_mean="2 500")]))
    assert _errors(report) == {(3, "substance", "duplicate_row")}
    assert PriceRecord.objects.count() == 0


def test_only_the_countries_and_organisations_the_actor_may_write_for(personas):
    data = _csv(CLERK)
    # A data provider of another country may not import for the Kyrgyz organisation ...
    with pytest.raises(PermissionDenied):
        _import(personas.tj_provider, data, organisation=personas.kg_org)
    # ... nor may an analyst import at all.
    with pytest.raises(PermissionDenied):
        _import(personas.kg_analyst, data)
    # A row of another country in one's own file is refused, and nothing is written.
    columns = [*HEADERS, "country"]
    with_country = {**HEADERS, "country": "Страна"}
    lines = [";".join(with_country[c] for c in columns)]
    lines += [";".join(dict(CLERK[1], country="Таджикистан").get(c, "") for c in columns)]
    lines += [";".join(dict(CLERK[3], country="Кыргызстан").get(c, "") for c in columns)]
    report = _import(personas.kg_provider, ("\r\n".join(lines) + "\r\n").encode("cp1251"))
    assert (2, "country", "country_not_allowed") in _errors(report)
    assert not any(row == 3 for row, _c, _code in _errors(report))
    assert PriceRecord.objects.count() == 0


def test_an_xlsx_with_english_headers_and_typed_cells_imports(personas):
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["drug", "market level", "country", "period start", "period end", "currency", "price unit"]
        + ["min price", "mean price", "max price", "mean purity", "purity expressed as"]
    )
    sheet.append(
        ["Heroin", "retail", "KG", dt.datetime(2024, 1, 1), dt.datetime(2024, 6, 30), "KGS", "g"]
        + [1500, 1950.5, 3000, 22.5, "base"]
    )
    sheet.append(
        ["methamphetamine", "wholesale", "KG", dt.datetime(2024, 1, 1), dt.datetime(2024, 6, 30)]
        + ["USD", "kg", None, 12000, None, None, None]
    )
    sheet.append(
        ["cannabis resin", "retail", "KG", dt.datetime(2024, 1, 1), dt.datetime(2024, 6, 30)]
        + ["KGS", "g", None, 700, None, 0.085, "not_known"]
    )
    sheet["K4"].number_format = "0.0%"  # a spreadsheet holds 8.5 % as the fraction 0.085
    buffer = io.BytesIO()
    book.save(buffer)
    report = _import(personas.kg_provider, buffer.getvalue(), name="prices.xlsx")
    assert report.ok and report.created == 3, [(i.code, i.column, i.value) for i in report.issues]
    heroin = PriceRecord.objects.get(substance__code="heroin")
    assert (heroin.price_mean, heroin.purity_mean, heroin.period_end) == (
        Decimal("1950.5"),
        Decimal("22.5"),
        dt.date(2024, 6, 30),
    )
    resin = PriceRecord.objects.get(price_mean=700)
    assert resin.purity_mean == Decimal("8.5")


def test_a_file_with_an_unknown_header_is_refused_as_a_whole(personas):
    with pytest.raises(BadInputFile):
        _import(personas.kg_provider, "цена;когда\n1;2\n".encode("cp1251"))


def test_the_command_prints_the_dry_run_report_as_json_and_imports(personas, tmp_path):
    path = tmp_path / "kg-prices.csv"
    path.write_bytes(_csv(CLERK))
    out = io.StringIO()
    call_command(
        "import",
        "prices",
        str(path),
        "--dry-run",
        "--format",
        "json",
        "--user",
        "kg_provider",
        stdout=out,
    )
    report = json.loads(out.getvalue())
    assert {"file", "rows", "valid_rows", "errors", "issues", "preview"} <= set(report)
    assert (report["rows"], report["valid_rows"], report["errors"], report["created"]) == (
        4,
        4,
        0,
        4,
    )
    assert PriceRecord.objects.count() == 0

    bad = tmp_path / "kg-prices-bad.csv"
    bad.write_bytes(_csv([dict(CLERK[0], price_min="4 000")]))
    out = io.StringIO()
    with pytest.raises(CommandError):  # exit status 1: the file has errors
        call_command(
            "import",
            "prices",
            str(bad),
            "--dry-run",
            "--format",
            "json",
            "--user",
            "kg_provider",
            stdout=out,
        )
    problem = json.loads(out.getvalue())["issues"][0]
    assert (problem["row"], problem["column"], problem["code"]) == (2, "price_min", "min_above_max")

    call_command("import", "prices", str(path), "--user", "kg_provider", stdout=io.StringIO())
    assert PriceRecord.objects.filter(organisation=personas.kg_org).count() == 4


def test_the_command_line_administrator_imports_for_a_named_organisation(personas, tmp_path):
    path = tmp_path / "kg-prices.csv"
    path.write_bytes(_csv(CLERK))
    out = io.StringIO()
    call_command(
        "import", "prices", str(path), "--organisation", str(personas.kg_org.pk), stdout=out
    )
    assert "4 rows: 4 were created" in out.getvalue()
    record = PriceRecord.objects.filter(organisation=personas.kg_org).first()
    assert record.created_by is None  # the command line, not a user
    entry = AuditEntry.objects.filter(object_type="supply.pricerecord").first()
    assert (entry.actor, entry.actor_repr) == (None, "system")
    # A regional organisation writes the country on every row.
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import",
            "prices",
            str(path),
            "--dry-run",
            "--organisation",
            str(personas.regional_org.pk),
            stdout=out,
            stderr=io.StringIO(),
        )
    assert "country missing_value" in out.getvalue()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200))
def test_any_text_file_is_answered_with_a_report_or_a_file_error(personas, text):
    header = ";".join(HEADERS.values()) + "\n"
    try:
        report = _import(personas.kg_provider, (header + text).encode(), dry_run=True)
    except BadInputFile:
        return
    assert not report.committed and PriceRecord.objects.count() == 0
    counted = report.created + report.updated + report.unchanged
    assert counted == (0 if report.errors else report.rows)
