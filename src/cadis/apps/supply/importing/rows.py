"""Rows of a seizure table read into ``ParsedSeizure`` records, with every problem as an Issue."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from cadis.apps.supply.importing.cells import RowCells, read_date, read_purity, read_quantity
from cadis.apps.supply.importing.headers import map_headers
from cadis.apps.supply.importing.vocabulary import Vocabulary, key
from cadis.engines.units import (
    UnitsError,
    column_convention,
    normalise,
    unit_from_text,
)
from cadis.engines.units.numbers import Convention
from cadis.platform.imports.flow import Checked, check_each
from cadis.platform.imports.issues import issue
from cadis.platform.imports.pipeline import ImportReport
from cadis.platform.imports.reader import Table

CONFIDENTIALITY = {
    "public": "public",
    "restricted": "restricted",
    "confidential": "confidential",
    "публичный": "public",
    "открытый": "public",
    "открытые": "public",
    "ограниченный": "restricted",
    "для служебного пользования": "restricted",
    "дсп": "restricted",
    "конфиденциальный": "confidential",
    "конфиденциально": "confidential",
}


@dataclass
class ImportContext:
    default_country_id: int | None
    allowed_country_ids: frozenset[int] | None  # None: any country
    default_confidentiality: str = "restricted"
    decimal_convention: str | None = None  # the organisation's saved answer for "1.300"
    mappings: dict = field(default_factory=dict)  # vocabulary -> key(as written) -> entry id
    today: dt.date = field(default_factory=dt.date.today)


@dataclass(slots=True)  # 100,000 of them per large file: slots make each smaller and faster
class ParsedSeizure:
    row: int
    country_id: int
    date: dt.date
    date_precision: str
    substance_as_written: str
    substance_id: int | None
    substance_group_id: int | None
    substance_resolution: str
    quantity_as_written: str
    unit_as_written: str
    quantity_value: float
    quantity_unit: str
    normalised_quantity: float
    normalised_unit: str
    conversion_rule: str
    confidentiality: str
    subdivision_id: int | None = None
    place: str = ""
    agency_id: int | None = None
    form_id: int | None = None
    purity: float | None = None
    concealment_ids: tuple[int, ...] = ()
    transport_mode_id: int | None = None
    departure_country_id: int | None = None
    transit_country_ids: tuple[int, ...] = ()
    destination_country_id: int | None = None
    producing_country_id: int | None = None
    case_id: int | None = None
    notes: str = ""
    fingerprint: str = ""

    def natural_key(self) -> str:
        parts = (
            self.country_id,
            self.date.isoformat(),
            self.date_precision,
            key(self.substance_as_written),
            repr(round(self.normalised_quantity, 9)),
            self.normalised_unit,
            key(self.place),
            self.agency_id,
            self.subdivision_id,
        )
        return "|".join("" if p is None else str(p) for p in parts)


def parse_row(
    row: RowCells, vocab: Vocabulary, context: ImportContext, convention: Convention | None
) -> ParsedSeizure | None:
    country_text = row.text("country")
    country_id = context.default_country_id
    if country_text:
        country_id = vocab.countries.get(key(country_text))
        if country_id is None:
            row.fail("country", "unknown_country", value=country_text)
    elif country_id is None:
        row.fail("country", "missing_value")
    if (
        country_id is not None
        and context.allowed_country_ids is not None
        and country_id not in context.allowed_country_ids
    ):
        row.fail(
            "country",
            "country_not_allowed",
            value=vocab.country_labels.get(country_id, country_text),
        )
    if country_id is not None:
        row.shown["country"] = vocab.country_labels.get(country_id, "")
    date = read_date(row, context.today)
    if date is not None:
        row.shown["date"] = date[0].isoformat()
    substance_text = row.text("substance")
    match = None
    if not substance_text:
        row.fail("substance", "missing_value")
    else:
        match = vocab.substance(substance_text)
        if match.resolution == "fuzzy":
            row.fail(
                "substance",
                "substance_fuzzy",
                value=substance_text,
                match=match.label,
                score=match.score,
                suggestions=(match.label,),
            )
        elif match.resolution == "unresolved":
            row.fail("substance", "substance_unresolved", match.suggestions, value=substance_text)
        if match.substance_id is not None:
            row.shown["substance"] = match.label
    quantity = read_quantity(row, convention)
    normalised = None
    if quantity is not None:
        value, unit, _written = quantity
        if value < 0:
            row.fail("quantity", "negative_quantity")
        else:
            try:
                normalised = normalise(value, unit)
                row.shown["quantity"] = f"{normalised.quantity:g} {normalised.unit}"
            except UnitsError:
                row.fail("unit", "unknown_unit", value=unit)
    subdivision = row.lookup_key("subdivision", vocab.subdivisions, "unknown_subdivision")
    if subdivision is not None and country_id is not None and subdivision[1] != country_id:
        row.fail("subdivision", "unknown_subdivision", value=row.text("subdivision"))
    agency = row.lookup("agency", vocab.agencies, "unknown_agency")
    confidentiality = context.default_confidentiality
    if row.text("confidentiality"):
        confidentiality = CONFIDENTIALITY.get(key(row.text("confidentiality")), "")
        if not confidentiality:
            row.fail("confidentiality", "bad_confidentiality", value=row.text("confidentiality"))
    case_id = None
    if row.text("case") and country_id is not None:
        case_id = vocab.cases.get((country_id, key(row.text("case"))))
        if case_id is None:
            row.fail("case", "unknown_case", value=row.text("case"))
    fields = {
        "place": row.text("place"),
        "notes": row.text("notes"),
        "purity": read_purity(row),
        "form_id": row.lookup("form", vocab.forms, "unknown_form"),
        "concealment_ids": row.many("concealment", vocab.concealments, "unknown_concealment"),
        "transport_mode_id": row.lookup("transport", vocab.transports, "unknown_transport"),
        "departure_country_id": row.lookup("departure", vocab.countries, "unknown_country"),
        "transit_country_ids": row.many("transit", vocab.countries, "unknown_country"),
        "destination_country_id": row.lookup("destination", vocab.countries, "unknown_country"),
        "producing_country_id": row.lookup("producing", vocab.countries, "unknown_country"),
    }
    if any(i.severity == "error" for i in row.issues) or None in (
        country_id,
        date,
        match,
        quantity,
        normalised,
    ):
        return None
    return ParsedSeizure(
        row=row.number,
        country_id=country_id,
        date=date[0],
        date_precision=date[1],
        substance_as_written=substance_text,
        substance_id=match.substance_id,
        substance_group_id=match.group_id,
        substance_resolution=match.resolution,
        quantity_as_written=row.text("quantity"),
        unit_as_written=quantity[2],
        quantity_value=quantity[0],
        quantity_unit=canonical_unit(quantity[1]),
        normalised_quantity=normalised.quantity,
        normalised_unit=normalised.unit,
        conversion_rule=normalised.rule,
        confidentiality=confidentiality,
        subdivision_id=subdivision[0] if subdivision else None,
        agency_id=agency,
        case_id=case_id,
        **fields,
    )


def parse_table(
    table: Table, vocab: Vocabulary, context: ImportContext, *, dry_run: bool = True
) -> Checked:
    """Every row parsed through the platform's row loop (``check_each``) into a checked file:
    the report (every problem, the preview) and the valid rows keyed by their fingerprint."""
    report = ImportReport(file=table.file, rows=len(table.rows), dry_run=dry_run)
    mapping, issues = map_headers(table.headers, table.file)
    report.issues = issues
    if not report.ok:
        return Checked(report, [])
    quantity_index = mapping["quantity"]
    # One rule for "1.300" whatever the unit: the column's convention when the file shows it
    # (judged on the number part of every cell, with or without a unit), else the decision the
    # organisation saved for this column, else the row asks (ambiguous_number, never silent).
    convention = column_convention(_number_parts(table.rows, quantity_index))
    convention = convention or context.decimal_convention or None

    def parse(row: RowCells) -> tuple[str, ParsedSeizure] | None:
        parsed = parse_row(row, vocab, context, convention)
        return None if parsed is None else (parsed.fingerprint, parsed)

    readers = (RowCells(table, mapping, number, cells) for number, cells in table.rows)
    # Two equal seizures in a file are two events: numbered by their fingerprints, not refused.
    planned = check_each(report, readers, parse, duplicates=True, preview_rows=PREVIEW_ROWS)
    if not table.rows:
        report.issues.append(issue(table.file, None, None, "no_rows"))
    assign_fingerprints([row.values for row in planned])
    for row in planned:
        row.key = row.values.fingerprint
    # The valid rows are kept even when others have errors (the report counts them);
    # ``commit_rows`` writes nothing while any row has an error.
    return Checked(report, planned)


PREVIEW_ROWS = 200
_NUMBER_PART = re.compile(r"^\s*[-+]?\d[\d\s.,'\u00a0\u202f]*")


def _number_parts(rows: list, index: int) -> list[str]:
    out = []
    for _n, cells in rows:
        if index < len(cells) and isinstance(cells[index], str):
            found = _NUMBER_PART.match(cells[index])
            if found and found.group().strip():
                out.append(found.group().strip())
    return out


def canonical_unit(unit: str) -> str:
    """The engine's unit code (kg, g, tablet, ...) for a unit as written."""
    definition = unit_from_text(unit)
    return definition.code if definition else unit[:10]


def assign_fingerprints(records: list[ParsedSeizure]) -> None:
    """A natural fingerprint per record; identical records are distinct events, so they are numbered."""
    seen: Counter[str] = Counter()
    for record in records:
        natural = record.natural_key()
        seen[natural] += 1
        record.fingerprint = hashlib.sha256(f"{natural}|{seen[natural]}".encode()).hexdigest()
