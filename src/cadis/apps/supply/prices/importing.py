"""Import of price and purity records from CSV or XLSX, a specification on the platform's one
import flow (``cadis.platform.imports.flow``): dry run, row issues with stable codes, all or
nothing, idempotent.

One row is one drug at one market level, in one place and period: the natural key is (country,
drug, form, market level, subdivision, place, period start, period end) within the importing
organisation; a row whose key is stored with the same values is unchanged, with other values
updated, else created. Drugs are read through the substance vocabulary of the seizure import
(names, national names, the reference synonyms, the organisation's mappings), market levels,
price units, purity bases and currencies through everyday words (розница, опт, за грамм, сом,
тенге ...). Numbers follow the flow's one rule ("1.300" is asked, never guessed). The records
are written by ``prices.services`` (checked and audited like a form's).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from cadis.apps.reference import everyday
from cadis.apps.reference import models as ref
from cadis.apps.reference.import_mappings import DECIMAL, mappings_for
from cadis.apps.supply.importing.loading import form_matcher, substance_matcher
from cadis.apps.supply.prices import services
from cadis.apps.supply.prices.models import MarketLevel, PriceRecord, PriceUnit, PurityBasis
from cadis.apps.supply.prices.services import PRICES, PURITIES, record_checks
from cadis.engines.tables import DEFAULT_LIMITS
from cadis.engines.units import DateFormatError, DatePrecision, find_periods, parse_date
from cadis.platform.errors import PermissionDenied
from cadis.platform.imports.flow import Planned, RowReader, check_rows, commit_rows, conventions_of
from cadis.platform.imports.matcher import Entry, Matcher, choice_matcher, entries_from_rows, key
from cadis.platform.imports.pipeline import ImportReport, ImportSpec, read_rows
from cadis.platform.records import Confidentiality, SourceKind
from cadis.platform.scope import can_create_in

KIND = "prices"
CHOICES = {"market_level": MarketLevel, "price_unit": PriceUnit, "purity_basis": PurityBasis}
COUNTS = ("price_sample_size", "purity_sample_size")
COLUMNS = (
    "substance",
    "form",
    "market_level",
    "country",
    "subdivision",
    "place",
    "period_start",
    "period_end",
    "period",
    "year",
    "currency",
    "price_unit",
    *PRICES,
    "price_sample_size",
    *PURITIES,
    "purity_sample_size",
    "purity_basis",
    "source",
    "notes",
)
REQUIRED = ("substance", "market_level")
# Headers a clerk writes besides the column name (the first Russian one heads the template).
ALIASES: dict[str, tuple[str, ...]] = {
    "substance": ("вещество", "наркотик", "наркотическое средство", "drug"),
    "form": ("форма", "вид", "drug form"),
    "market_level": ("уровень рынка", "уровень", "рынок", "розница/опт", "market level", "level"),
    "country": ("страна",),
    "subdivision": ("регион", "область", "region"),
    "place": ("место", "населенный пункт", "город", "city"),
    "period_start": ("начало периода", "дата начала", "с", "period start", "from"),
    "period_end": ("конец периода", "дата окончания", "по", "period end", "to"),
    "period": ("период",),
    "year": ("год",),
    "currency": ("валюта",),
    "price_unit": ("цена за", "единица цены", "за единицу", "единица", "price unit", "unit"),
    "price_min": ("минимальная цена", "цена мин", "цена минимальная", "min price"),
    "price_mean": ("средняя цена", "цена средняя", "mean price", "average price"),
    "price_mode": ("типичная цена", "наиболее частая цена", "цена типичная", "typical price"),
    "price_max": ("максимальная цена", "цена макс", "цена максимальная", "max price"),
    "price_sample_size": ("число закупок", "количество закупок", "закупок", "purchases"),
    "purity_min": ("минимальная чистота %", "минимальная чистота", "чистота мин %", "min purity"),
    "purity_mean": ("средняя чистота %", "средняя чистота", "чистота средняя %", "mean purity"),
    "purity_mode": (
        "типичная чистота %",
        "типичная чистота",
        "наиболее частая чистота %",
        "typical purity",
    ),
    "purity_max": (
        "максимальная чистота %",
        "максимальная чистота",
        "чистота макс %",
        "max purity",
    ),
    "purity_sample_size": ("число проб", "количество проб", "проб", "образцов", "samples"),
    "purity_basis": ("чистота в пересчете на", "пересчет чистоты", "purity expressed as"),
    "source": ("источник", "источник данных", "data source"),
    "notes": ("примечание", "примечания", "комментарий", "note"),
}
SPEC = ImportSpec.of(
    KIND,
    COLUMNS,
    aliases=ALIASES,
    required=REQUIRED,
    vocabularies={
        **{name: choices.values for name, choices in CHOICES.items()},
        "currency": everyday.CURRENCY,
    },
)
NUMBER_COLUMNS = (*PRICES, *PURITIES, *COUNTS, "year")
READ_LIMITS = DEFAULT_LIMITS.tightened(max_rows=10_001, max_columns=60)
MAX_PRICE = Decimal("999999999999.99")  # the field's 14 digits, 2 of them decimals
MAX_COUNT = 10_000_000
ISO_CODE = re.compile(r"[A-Za-z]{3}")
LIMITS = {"place": 200, "source": 300, "notes": 5000}
_READ = ("exact", "synonym", "mapped")


def currency_matcher(mappings=None) -> Matcher:
    """ISO 4217 codes of the region and their everyday names (сом, тенге, сомони, сум, манат,
    доллар ...); another three-letter code is taken as written (see ``_currency``)."""
    entries = [
        Entry(code, code, names=(code, code, code), synonyms=words)
        for code, words in everyday.CURRENCY.items()
    ]
    return Matcher(entries, mappings=mappings or {})


def country_matcher(mappings=None) -> Matcher:
    rows = ref.Country.objects.values("id", "code", "alpha3", "name_ru", "name_en")
    entries = entries_from_rows(
        rows,
        names=("code", "name_ru", "name_en", "alpha3"),
        label="name_ru",
        synonyms=everyday.COUNTRY,
    )
    return Matcher(entries, mappings=mappings or {})


def subdivision_matcher(mappings=None, country_id: int | None = None) -> Matcher:
    """Subdivisions of every country, those of the importer's country first."""
    rows = ref.Subdivision.objects.values("id", "code", "name_ru", "name_en", "country_id")
    entries = entries_from_rows(
        rows, names=("code", "name_ru", "name_en"), label="name_ru", scope="country_id"
    )
    return Matcher(entries, scope=country_id, mappings=mappings or {})


def lookups_for(mappings: dict | None = None, *, country_id: int | None = None) -> dict:
    """Every vocabulary of the import, with the organisation's remembered mappings."""
    mappings = mappings or {}
    words = everyday.PRICES_BY_COLUMN
    lookups = {
        name: choice_matcher(cls, mappings.get(name), words.get(name))
        for name, cls in CHOICES.items()
    }
    drugs = ref.Substance.objects.exclude(kind=ref.Substance.Kind.PRECURSOR)
    lookups["substance"] = substance_matcher(mappings, substances=drugs)
    lookups["form"] = form_matcher(mappings)
    lookups["currency"] = currency_matcher(mappings.get("currency"))
    lookups["country"] = country_matcher(mappings.get("country"))
    lookups["subdivision"] = subdivision_matcher(mappings.get("subdivision"), country_id)
    return lookups


@dataclass
class Context:
    """What the rows are checked against: the importing organisation and who imports."""

    actor: object
    organisation: object
    lookups: dict[str, Matcher]
    subdivision_countries: dict[int, int] = field(default_factory=dict)
    _allowed: dict[int, bool] = field(default_factory=dict)

    @property
    def country_id(self) -> int | None:
        return getattr(self.organisation, "country_id", None)

    def allowed(self, country_id: int) -> bool:
        """May the actor create records of the organisation in this country?"""
        if country_id not in self._allowed:
            organisation_id = getattr(self.organisation, "pk", None)
            self._allowed[country_id] = self.country_id in (None, country_id) and (
                self.actor is None
                or can_create_in(self.actor, country_id=country_id, organisation_id=organisation_id)
            )
        return self._allowed[country_id]


def _country(reader: RowReader, context: Context) -> int | None:
    if not reader.text("country"):
        if context.country_id is None:
            reader.fail("country", "missing_value")
        return context.country_id
    country_id = reader.choice("country", context.lookups["country"])
    if country_id is not None and not context.allowed(country_id):
        reader.fail("country", "country_not_allowed", value=reader.text("country"))
    return country_id


def _period(reader: RowReader) -> tuple:
    """(start, end) from the period bounds, else the period as written ("I квартал 2024",
    "1-е полугодие 2024"), else the year (1 January to 31 December)."""
    year = None
    if reader.text("year"):
        year = reader.whole_number("year")
        if year is not None and not 1990 <= year <= 2100:
            reader.fail("year", "bad_year")
            year = None
    start, end = None, None
    if reader.text("period_start") or reader.text("period_end"):
        start = reader.period_bound("period_start")
        end = reader.period_bound("period_end", end=True)
        for name in ("period_start", "period_end"):
            if not reader.text(name):
                reader.fail(name, "missing_value")
    elif reader.text("period"):
        bounds = _written_period(reader.text("period"))
        if bounds is None:
            reader.fail("period", "bad_date", value=reader.text("period"))
        else:
            start, end = bounds
    elif year is not None:
        start, end = _year_bounds(year)
    elif not reader.text("year"):
        reader.fail("period_start", "missing_period")
    if start is not None and end is not None:
        reader.shown["period_start"], reader.shown["period_end"] = str(start), str(end)
        if year is not None and (start.year != year or end.year != year):
            reader.fail("year", "period_conflict")
    return start, end


def _written_period(text: str) -> tuple | None:
    """(start, end) of a period written in one cell: a year or a month ("2024", "03.2024"), or
    one period that is the whole text ("I квартал 2024", "январь–июнь 2024"); ``None`` for
    anything else, so that a period read from part of the text (the year of "1-е полугодие
    2024 года") is asked, never taken."""
    try:
        day, precision = parse_date(text)
    except DateFormatError:
        pass
    else:
        if precision is DatePrecision.YEAR:
            return _year_bounds(day.year)
        if precision is DatePrecision.MONTH:
            last = calendar.monthrange(day.year, day.month)[1]
            return day, day.replace(day=last)
        return None
    found = find_periods(text)
    whole = len(text.rstrip(" .,;"))
    if len(found) != 1 or found[0].span[0] != 0 or found[0].span[1] < whole:
        return None
    period = found[0]
    if period.relative or period.start is None or period.end is None:
        return None
    return period.start, period.end


def _year_bounds(year: int) -> tuple:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _currency(reader: RowReader, matcher: Matcher) -> str:
    """A code of the vocabulary or its everyday name; any other three Latin letters are taken
    as an ISO 4217 code; otherwise asked."""
    text = reader.text("currency")
    if ISO_CODE.fullmatch(text) and matcher.match(text).resolution not in _READ:
        reader.shown["currency"] = text.upper()
        return text.upper()
    return reader.choice("currency", matcher, default="") or ""


def _text(reader: RowReader, name: str) -> str:
    text = reader.text(name)
    if len(text) > LIMITS[name]:
        reader.fail(name, "too_long", limit=LIMITS[name])
    return text


def parse_price_row(reader: RowReader, context: Context) -> dict | None:
    """The values of one row (reference entries as ids), or ``None`` when the row has an error
    (recorded on the reader)."""
    lookups = context.lookups
    out: dict = {"country": _country(reader, context)}
    for name in REQUIRED:
        if not reader.text(name):
            reader.fail(name, "missing_value")
    out["substance"] = reader.choice("substance", lookups["substance"])
    out["form"] = reader.choice("form", lookups["form"])
    out["market_level"] = reader.choice("market_level", lookups["market_level"])
    out["subdivision"] = reader.choice("subdivision", lookups["subdivision"])
    if (
        out["subdivision"] is not None
        and out["country"] is not None
        and context.subdivision_countries.get(out["subdivision"]) != out["country"]
    ):
        reader.fail("subdivision", "unknown_subdivision", value=reader.text("subdivision"))
    out["place"] = _text(reader, "place")
    out["period_start"], out["period_end"] = _period(reader)
    out["currency"] = _currency(reader, lookups["currency"])
    out["price_unit"] = reader.choice("price_unit", lookups["price_unit"], default="") or ""
    for name in PRICES:
        out[name] = reader.decimal(name, maximum=MAX_PRICE)
    for name in PURITIES:
        out[name] = reader.decimal(name, suffix="%")
        if out[name] is not None and out[name] > 100:
            reader.fail(name, "bad_purity", value=reader.text(name))
    for name in COUNTS:
        out[name] = reader.whole_number(name)
        if out[name] is not None and out[name] > MAX_COUNT:
            reader.fail(name, "number_too_large", value=reader.text(name), limit=MAX_COUNT)
    out["purity_basis"] = reader.choice(
        "purity_basis", lookups["purity_basis"], default=PurityBasis.NOT_KNOWN
    )
    out["source"] = _text(reader, "source")
    out["notes"] = _text(reader, "notes")
    if any(i.severity == "error" for i in reader.issues):
        return None
    draft = PriceRecord(**{k: v for k, v in out.items() if k in SCALARS})
    for column, code in record_checks(draft):
        reader.fail(column, code)
    if any(i.severity == "error" for i in reader.issues):
        return None
    return out


# The record's own fields among the row's values (the others are reference ids).
SCALARS = tuple(f for f in services.PRICE_FIELDS if f not in ("substance", "form", "subdivision"))
REFERENCES = ("substance", "form", "subdivision")


def natural_key(values: dict) -> tuple:
    return (
        values["country"],
        values["substance"],
        values["form"],
        values["market_level"],
        values["subdivision"],
        key(values["place"]),
        values["period_start"],
        values["period_end"],
    )


def check_file(
    data: bytes, file_name: str, *, actor=None, organisation=None, dry_run: bool = True
) -> tuple[ImportReport, list[Planned]]:
    """Read and check a file: the report (issues, preview) and the rows to write."""
    rows = read_rows(data, file_name, SPEC, READ_LIMITS)
    mappings = mappings_for(organisation, KIND)
    context = Context(
        actor=actor,
        organisation=organisation,
        lookups=lookups_for(mappings, country_id=getattr(organisation, "country_id", None)),
        subdivision_countries=dict(ref.Subdivision.objects.values_list("id", "country_id")),
    )
    conventions = conventions_of(rows, NUMBER_COLUMNS, mappings.get(DECIMAL, {}))

    def parse(reader: RowReader):
        values = parse_price_row(reader, context)
        return None if values is None else (natural_key(values), values)

    return check_rows(
        rows,
        parse,
        file=file_name,
        dry_run=dry_run,
        conventions=conventions,
        duplicate_column="substance",
    )


def _same(current: PriceRecord, values: dict, confidentiality: str) -> bool:
    return (
        all(getattr(current, name) == values[name] for name in SCALARS if name in values)
        and all(getattr(current, f"{name}_id") == values[name] for name in REFERENCES)
        and current.confidentiality == confidentiality
    )


@transaction.atomic
def import_prices(
    *,
    actor,
    organisation,
    data: bytes,
    file_name: str,
    dry_run: bool = True,
    confidentiality: str = Confidentiality.RESTRICTED,
) -> ImportReport:
    """Check (``dry_run``) or write a file of price and purity records owned by
    ``organisation``; every row or none."""
    if not can_create_in(
        actor, country_id=organisation.country_id, organisation_id=organisation.pk
    ):
        raise PermissionDenied(_("You may not record prices for this organisation."))
    report, planned = check_file(
        data, file_name, actor=actor, organisation=organisation, dry_run=dry_run
    )

    def existing(rows: list[Planned]) -> dict:
        found = PriceRecord.objects.filter(
            organisation=organisation,
            year__in={row.values["period_start"].year for row in rows},
        )
        return {
            natural_key(
                {
                    **{name: getattr(r, f"{name}_id") for name in REFERENCES},
                    "country": r.country_id,
                    "market_level": r.market_level,
                    "place": r.place,
                    "period_start": r.period_start,
                    "period_end": r.period_end,
                }
            ): r
            for r in found
        }

    def same(current: PriceRecord, row: Planned) -> bool:
        return _same(current, row.values, confidentiality)

    def write(row: Planned, current: PriceRecord | None) -> None:
        values = row.values
        record_data = {name: values[name] for name in SCALARS if name in values}
        record_data.update(
            substance=substances[values["substance"]],
            form=forms.get(values["form"]),
            subdivision=subdivisions.get(values["subdivision"]),
            confidentiality=confidentiality,
        )
        detail = {"file": file_name, "row": row.number}
        if current is None:
            services.price_record_create(
                actor=actor,
                data=record_data,
                source_kind=SourceKind.IMPORT,
                source_detail=detail,
                organisation=organisation,
                country=countries[values["country"]],
            )
        else:
            services.price_record_update(
                actor=actor,
                record=current,
                data=record_data,
                source_kind=SourceKind.IMPORT,
                source_detail=detail,
            )

    used = {
        name: {row.values[name] for row in planned} - {None} for name in (*REFERENCES, "country")
    }
    substances = ref.Substance.objects.in_bulk(used["substance"])
    forms = ref.DrugForm.objects.in_bulk(used["form"])
    subdivisions = ref.Subdivision.objects.in_bulk(used["subdivision"])
    countries = ref.Country.objects.in_bulk(used["country"])
    return commit_rows(report, planned, existing=existing, same=same, write=write)
