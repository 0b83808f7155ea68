"""Import of harms figures (DRD, DRID) from CSV or XLSX: dry run, row errors, all-or-nothing,
idempotent (one figure per indicator, year, sex, age band and substance of the organisation)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from cadis.apps.accounts.errors import PermissionDenied
from cadis.apps.accounts.models import Confidentiality, SourceKind
from cadis.apps.accounts.scope import can_create_in
from cadis.apps.reference.models import TdiDrug
from cadis.apps.treatment import choices as c
from cadis.apps.treatment import services
from cadis.apps.treatment.importing import read_rows
from cadis.apps.treatment.models import AGE_BAND_CHOICES, SEX_ALL_CHOICES, HarmRecord

COLUMNS = (
    "indicator",
    "year",
    "sex",
    "age_band",
    "substance",
    "cases",
    "tested",
    "source",
    "data_quality",
    "quality_note",
)
REQUIRED = ("indicator", "year", "cases", "source", "data_quality")


@dataclass
class HarmsReport:
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


def _number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() else None


def parse_harm_row(
    row: dict[str, str], substances: dict[str, TdiDrug]
) -> tuple[dict, list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    out: dict = {}
    indicator = row.get("indicator", "").strip().lower()
    if indicator not in c.HarmIndicator.values:
        problems.append(("indicator", _("Unknown code.")))
    out["indicator"] = indicator
    year = _number(row.get("year", ""))
    if year is None or not 1990 <= year <= 2100:
        problems.append(("year", _("Not a year.")))
    out["year"] = year
    out["sex"] = row.get("sex", "").strip().lower() or "all"
    if out["sex"] not in {v for v, _label in SEX_ALL_CHOICES}:
        problems.append(("sex", _("Unknown code.")))
    out["age_band"] = row.get("age_band", "").strip() or "all"
    if out["age_band"] not in {v for v, _label in AGE_BAND_CHOICES}:
        problems.append(("age_band", _("Unknown code.")))
    code = row.get("substance", "").strip()
    out["substance"] = substances.get(code) if code else None
    if code and out["substance"] is None:
        problems.append(("substance", _("Unknown TDI drug code.")))
    cases, tested = _number(row.get("cases", "")), row.get("tested", "").strip()
    if cases is None:
        problems.append(("cases", _("Not a whole number.")))
    out["cases"] = cases
    out["tested"] = _number(tested) if tested else None
    if tested and out["tested"] is None:
        problems.append(("tested", _("Not a whole number.")))
    if indicator == "drd" and out["tested"] is not None:
        problems.append(("tested", _("Deaths have no 'people tested' denominator.")))
    if cases is not None and out["tested"] is not None and cases > out["tested"]:
        problems.append(("cases", _("More positive cases than people tested.")))
    out["source"] = row.get("source", "").strip()[:300]
    if not out["source"]:
        problems.append(("source", _("The source is required.")))
    out["data_quality"] = row.get("data_quality", "").strip().lower()
    if out["data_quality"] not in c.DataQuality.values:
        problems.append(("data_quality", _("Unknown code.")))
    out["quality_note"] = row.get("quality_note", "").strip()
    return out, problems


@transaction.atomic
def import_harms(
    *,
    actor,
    organisation,
    data: bytes,
    file_name: str,
    dry_run: bool = True,
    confidentiality: str = Confidentiality.PUBLIC,
) -> HarmsReport:
    if not can_create_in(
        actor, country_id=organisation.country_id, organisation_id=organisation.pk
    ):
        raise PermissionDenied(_("You may not record harms figures for this organisation."))
    rows = read_rows(data, file_name, COLUMNS, REQUIRED)
    substances = {d.code: d for d in TdiDrug.objects.all()}
    report = HarmsReport(rows=sum(1 for r in rows if r), dry_run=dry_run)
    planned, seen = [], set()
    for number, row in enumerate(rows, start=2):
        if not row:
            continue
        values, problems = parse_harm_row(row, substances)
        key = (
            values["indicator"],
            values["year"],
            values["sex"],
            values["age_band"],
            values["substance"].pk if values["substance"] else None,
        )
        if not problems and key in seen:
            problems.append(("indicator", _("The same figure appears twice in the file.")))
        seen.add(key)
        report.errors += [{"row": number, "column": col, "message": msg} for col, msg in problems]
        planned.append((number, values))
    if report.errors:
        return report
    for number, v in planned:
        current = HarmRecord.objects.filter(
            country_id=organisation.country_id,
            organisation=organisation,
            indicator=v["indicator"],
            year=v["year"],
            sex=v["sex"],
            age_band=v["age_band"],
            substance=v["substance"],
        ).first()
        fields = {k: v[k] for k in services.HARM_FIELDS}
        if current is None:
            report.created += 1
        elif (
            all(getattr(current, k) == fields[k] for k in fields)
            and current.confidentiality == confidentiality
        ):
            report.unchanged += 1
            continue
        else:
            report.updated += 1
        if not dry_run:
            services.harm_upsert(
                actor=actor,
                organisation=organisation,
                indicator=v["indicator"],
                year=v["year"],
                sex=v["sex"],
                age_band=v["age_band"],
                substance=v["substance"],
                values=fields,
                confidentiality=confidentiality,
                source_kind=SourceKind.IMPORT,
                source_detail={"file": file_name, "row": number},
            )
    report.committed = not dry_run
    return report
