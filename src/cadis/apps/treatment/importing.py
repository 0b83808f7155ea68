"""Import of treatment episodes from CSV or XLSX: dry run, row errors, all-or-nothing, idempotent.

The uploaded file is read in memory and never stored: it holds clear identifiers. Error
messages name the row and column, never the value.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from cadis.apps.accounts.errors import BadInputFile, PermissionDenied
from cadis.apps.accounts.models import Confidentiality, SourceKind
from cadis.apps.accounts.scope import can_create_in
from cadis.apps.treatment import choices as c
from cadis.apps.treatment import services
from cadis.apps.treatment.models import TreatmentEpisode
from cadis.apps.treatment.pseudonym import pseudonym_for
from cadis.apps.treatment.validation import episode_problems

IDENTITY_COLUMNS = ("national_id", "full_name", "birth_date")
CHOICE_COLUMNS = {
    "centre_type": c.CentreType,
    "treatment_status": c.TreatmentStatus,
    "sex": c.Sex,
    "referral": c.Referral,
    "living_with": c.LivingWith,
    "living_with_children": c.YesNo,
    "living_where": c.LivingWhere,
    "education": c.Education,
    "labour_status": c.LabourStatus,
    "route": c.Route,
    "frequency": c.Frequency,
    "polydrug": c.YesNo,
    "injecting": c.Injecting,
    "needle_sharing": c.NeedleSharing,
    "hiv_testing": c.Testing,
    "hcv_testing": c.Testing,
    "ost": c.Ost,
}
COLUMNS = (
    *IDENTITY_COLUMNS,
    "start_date",
    "age",
    "age_first_use",
    "primary_drug",
    "secondary_drugs",
    *CHOICE_COLUMNS,
)
REQUIRED = ("start_date", "primary_drug")
MAX_ROWS = 100_000


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[dict] = field(default_factory=list)
    dry_run: bool = True
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _labels(choices_cls) -> dict[str, str]:
    lookup = {}
    for value, label in choices_cls.choices:
        lookup[value.casefold()] = value
        for lang in ("en", "ru"):
            with translation.override(lang):
                lookup[str(label).casefold()] = value
    return lookup


def read_rows(
    data: bytes,
    file_name: str,
    columns: tuple[str, ...] = COLUMNS,
    required: tuple[str, ...] = REQUIRED,
) -> list[dict[str, str]]:
    """Rows as dicts of stripped strings keyed by lower-case header; BadInputFile otherwise."""
    if file_name.lower().endswith(".xlsx"):
        rows = _xlsx_rows(data)
    else:
        rows = _csv_rows(data)
    if not rows:
        raise BadInputFile(_("The file is empty."))
    header = [str(h or "").strip().lower() for h in rows[0]]
    unknown = [h for h in header if h and h not in columns]
    missing = [h for h in required if h not in header]
    if missing or unknown:
        raise BadInputFile(
            _("The header does not match the template."),
            details={"missing": missing, "unknown": unknown[:20]},
        )
    if len(rows) - 1 > MAX_ROWS:
        raise BadInputFile(_("The file has too many rows."))
    out = []
    for raw in rows[1:]:
        cells = [_cell(v) for v in raw]
        if not any(cells):
            out.append({})
            continue
        out.append({h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header) if h})
    return out


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes every byte string
        raise BadInputFile(_("The file is not UTF-8 or Windows-1251 text."))
    if "\x00" in text:
        raise BadInputFile(_("The file is not a CSV text file."))
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise BadInputFile(_("The CSV file cannot be read."), details=str(exc)) from None


def _xlsx_rows(data: bytes) -> list[list]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BadInputFile(_("The XLSX file cannot be read."), details=type(exc).__name__) from None
    sheet = book.worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def _date(text: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError


def parse_row(row: dict[str, str], lookups: dict) -> tuple[dict, dict, list[tuple[str, str]]]:
    """(values, identity, problems) of one row; problems never quote identifying values."""
    values: dict = {}
    identity: dict = {
        "national_id": row.get("national_id", ""),
        "full_name": row.get("full_name", ""),
    }
    problems: list[tuple[str, str]] = []
    if row.get("birth_date"):
        try:
            identity["birth_date"] = _date(row["birth_date"])
        except ValueError:
            problems.append(("birth_date", _("Not a date (use YYYY-MM-DD or DD.MM.YYYY).")))
    try:
        values["start_date"] = _date(row.get("start_date", ""))
    except ValueError:
        problems.append(("start_date", _("Not a date (use YYYY-MM-DD or DD.MM.YYYY).")))
    for name in ("age", "age_first_use"):
        text = row.get(name, "")
        if text:
            # isdigit() also accepts superscripts such as "¹", which int() refuses.
            if text.isascii() and text.isdigit():
                values[name] = int(text)
            else:
                problems.append((name, _("Not a whole number.")))
        else:
            values[name] = None
    values["primary_drug_code"] = row.get("primary_drug", "").strip()
    secondary = row.get("secondary_drugs", "")
    values["secondary_drugs"] = [
        s.strip().lower() if s.strip().lower() == c.ALCOHOL else s.strip()
        for s in secondary.replace(",", ";").split(";")
        if s.strip()
    ]
    for name, lookup in lookups.items():
        text = row.get(name, "")
        if not text:
            values[name] = c.NOT_KNOWN
        elif text.casefold() in lookup:
            values[name] = lookup[text.casefold()]
        else:
            problems.append((name, _("Unknown code.")))
    if not (identity["national_id"] or (identity["full_name"] and identity.get("birth_date"))):
        problems.append(
            ("national_id", _("Give the national identifier, or the name and date of birth."))
        )
    return values, identity, problems


@transaction.atomic
def import_episodes(
    *,
    actor,
    organisation,
    data: bytes,
    file_name: str,
    dry_run: bool = True,
    confidentiality: str = Confidentiality.CONFIDENTIAL,
) -> ImportReport:
    if not can_create_in(
        actor, country_id=organisation.country_id, organisation_id=organisation.pk
    ):
        raise PermissionDenied(_("You may not import treatment episodes for this organisation."))
    rows = read_rows(data, file_name)
    codes = services.tdi_codes()
    lookups = {name: _labels(cls) for name, cls in CHOICE_COLUMNS.items()}
    report = ImportReport(rows=sum(1 for r in rows if r), dry_run=dry_run)
    planned = []
    seen: set[tuple[str, dt.date]] = set()
    for number, row in enumerate(rows, start=2):
        if not row:
            continue
        values, identity, problems = parse_row(row, lookups)
        if not problems:
            problems = episode_problems(
                values, tdi_codes=set(codes), birth_date=identity.get("birth_date")
            )
        pseudonym = None
        if not problems:
            try:
                pseudonym = pseudonym_for(**identity)
            except ValueError:
                problems.append(("national_id", _("The identifier or name is too short.")))
        if pseudonym and (pseudonym, values["start_date"]) in seen:
            problems.append(
                ("start_date", _("The same client and start date appear twice in the file."))
            )
        for column, message in problems:
            report.errors.append({"row": number, "column": column, "message": message})
        if not problems:
            seen.add((pseudonym, values["start_date"]))
            planned.append((number, values, identity, pseudonym))
    if report.errors:
        return report
    existing = {
        (e.pseudonym, e.start_date): e
        for e in TreatmentEpisode.objects.filter(
            organisation=organisation, pseudonym__in=[p[3] for p in planned]
        )
    }
    for number, values, identity, pseudonym in planned:
        detail = {"file": file_name, "row": number}
        current = existing.get((pseudonym, values["start_date"]))
        if current is None:
            report.created += 1
            if not dry_run:
                services.episode_create(
                    actor=actor,
                    organisation=organisation,
                    values=values,
                    identity=identity,
                    confidentiality=confidentiality,
                    source_kind=SourceKind.IMPORT,
                    source_detail=detail,
                    codes=codes,
                )
            continue
        prepared = services._prepare(values, identity.get("birth_date"))
        same = all(getattr(current, f) == prepared.get(f) for f in services.EPISODE_FIELDS) and (
            current.primary_drug_id == codes[values["primary_drug_code"]]
        )
        if same:
            report.unchanged += 1
        else:
            report.updated += 1
            if not dry_run:
                services.episode_update(
                    actor=actor,
                    episode=current,
                    values=prepared,
                    source_kind=SourceKind.IMPORT,
                    source_detail=detail,
                    codes=codes,
                )
    report.committed = not dry_run
    return report


def template_csv() -> str:
    """An empty import template with the header and one synthetic example row."""
    example = {
        "national_id": "SYNTH-0000001",
        "start_date": "2024-03-15",
        "age": "31",
        "age_first_use": "19",
        "primary_drug": "1.1",
        "secondary_drugs": "7.1;alcohol",
        "centre_type": "outpatient",
        "treatment_status": "previously",
        "sex": "male",
        "referral": "self",
        "route": "inject",
        "frequency": "daily",
        "injecting": "last_30d",
        "needle_sharing": "last_12m",
        "hiv_testing": "last_12m",
        "hcv_testing": "ever_not_12m",
        "ost": "ever_not_now",
    }
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerow([example.get(col, "") for col in COLUMNS])
    return out.getvalue()
