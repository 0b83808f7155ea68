"""Import of harms figures (DRD, DRID) from CSV or XLSX, a specification on the platform's
import pipeline: dry run, row issues with stable codes, all-or-nothing, idempotent (one figure per indicator, year, sex, age band and substance of the organisation)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cadis.apps.reference import everyday
from cadis.apps.reference.import_mappings import DECIMAL, mappings_for
from cadis.apps.reference.models import TdiDrug
from cadis.apps.treatment import choices as c
from cadis.apps.treatment import services
from cadis.apps.treatment.importing import drug_matcher, read_rows
from cadis.apps.treatment.models import AGE_BAND_CHOICES, SEX_ALL_CHOICES, HarmRecord
from cadis.platform.errors import PermissionDenied
from cadis.platform.imports.flow import Planned, RowReader, check_rows, commit_rows, conventions_of
from cadis.platform.imports.matcher import Matcher, choice_matcher
from cadis.platform.imports.pipeline import ImportReport, ImportSpec
from cadis.platform.records import Confidentiality, SourceKind
from cadis.platform.scope import can_create_in

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
KIND = "harms"


ALIASES: dict[str, tuple[str, ...]] = {
    "indicator": ("показатель", "индикатор"),
    "year": ("год",),
    "sex": ("пол", "gender"),
    "age_band": ("возрастная группа", "возраст", "age group"),
    "substance": ("вещество", "наркотик", "причина", "cause"),
    "cases": ("случаи", "число случаев", "количество", "number"),
    "tested": ("обследовано", "протестировано", "число обследованных", "people tested"),
    "source": ("источник", "источник данных", "data source"),
    "data_quality": ("качество данных", "качество", "quality"),
    "quality_note": ("примечание", "комментарий", "note"),
}
SPEC = ImportSpec.of(
    KIND,
    COLUMNS,
    aliases=ALIASES,
    required=REQUIRED,
    vocabularies={
        "indicator": c.HarmIndicator.values,
        "sex": [v for v, _label in SEX_ALL_CHOICES],
        "age_band": [v for v, _label in AGE_BAND_CHOICES],
        "data_quality": c.DataQuality.values,
    },
)
NUMBER_COLUMNS = ("year", "cases", "tested")


def lookups_for(mappings: dict | None = None) -> dict[str, Matcher]:
    """Every vocabulary of the import, with the organisation's remembered mappings."""
    mappings = mappings or {}
    words = everyday.HARMS_BY_COLUMN
    return {
        "indicator": choice_matcher(c.HarmIndicator, mappings.get("indicator"), words["indicator"]),
        "sex": choice_matcher(SEX_ALL_CHOICES, mappings.get("sex"), words["sex"]),
        "age_band": choice_matcher(AGE_BAND_CHOICES, mappings.get("age_band")),
        "substance": drug_matcher(mappings.get("substance")),
        "data_quality": choice_matcher(
            c.DataQuality, mappings.get("data_quality"), words["data_quality"]
        ),
    }


def parse_harm_row(reader: RowReader, lookups: dict[str, Matcher]) -> dict | None:
    """The values of one row, or ``None`` when the row has an error (recorded on the reader)."""
    out: dict = {}
    out["indicator"] = reader.choice("indicator", lookups["indicator"])
    if not reader.text("indicator"):
        reader.fail("indicator", "missing_value")
    out["year"] = reader.whole_number("year")
    if out["year"] is None or not 1990 <= out["year"] <= 2100:
        if not any(i.column == "year" for i in reader.issues):
            reader.fail("year", "bad_year")
    out["sex"] = reader.choice("sex", lookups["sex"], default="all")
    out["age_band"] = reader.choice("age_band", lookups["age_band"], default="all")
    substance = reader.choice("substance", lookups["substance"])
    out["substance"] = substance
    out["cases"] = reader.whole_number("cases")
    if out["cases"] is None and not any(i.column == "cases" for i in reader.issues):
        reader.fail("cases", "bad_whole_number")
    out["tested"] = reader.whole_number("tested")
    if out["indicator"] == "drd" and out["tested"] is not None:
        reader.fail("tested", "no_denominator")
    if out["cases"] is not None and out["tested"] is not None and out["cases"] > out["tested"]:
        reader.fail("cases", "cases_over_tested")
    out["source"] = reader.text("source")[:300]
    if not out["source"]:
        reader.fail("source", "missing_value")
    out["data_quality"] = reader.choice("data_quality", lookups["data_quality"])
    if not reader.text("data_quality"):
        reader.fail("data_quality", "missing_value")
    out["quality_note"] = reader.text("quality_note")
    if any(i.severity == "error" for i in reader.issues):
        return None
    return out


def check_file(
    data: bytes, file_name: str, *, organisation=None, dry_run: bool = True
) -> tuple[ImportReport, list[Planned]]:
    """Read and check a file: the report (issues, preview) and the rows to write."""
    rows = read_rows(data, file_name, SPEC)
    mappings = mappings_for(organisation, KIND)
    lookups = lookups_for(mappings)
    conventions = conventions_of(rows, NUMBER_COLUMNS, mappings.get(DECIMAL, {}))

    def parse(reader: RowReader):
        values = parse_harm_row(reader, lookups)
        if values is None:
            return None
        key = tuple(values[k] for k in ("indicator", "year", "sex", "age_band", "substance"))
        return key, values

    return check_rows(
        rows,
        parse,
        file=file_name,
        dry_run=dry_run,
        conventions=conventions,
        duplicate_column="indicator",
    )


@transaction.atomic
def import_harms(
    *,
    actor,
    organisation,
    data: bytes,
    file_name: str,
    dry_run: bool = True,
    confidentiality: str = Confidentiality.PUBLIC,
) -> ImportReport:
    if not can_create_in(
        actor, country_id=organisation.country_id, organisation_id=organisation.pk
    ):
        raise PermissionDenied(_("You may not record harms figures for this organisation."))
    report, planned = check_file(data, file_name, organisation=organisation, dry_run=dry_run)

    def existing(rows: list[Planned]) -> dict:
        found = HarmRecord.objects.filter(
            country_id=organisation.country_id,
            organisation=organisation,
            year__in={row.values["year"] for row in rows},
        )
        return {(h.indicator, h.year, h.sex, h.age_band, h.substance_id): h for h in found}

    def fields(row: Planned) -> dict:
        return {k: row.values[k] for k in services.HARM_FIELDS}

    def same(current: HarmRecord, row: Planned) -> bool:
        values = fields(row)
        return (
            all(getattr(current, k) == values[k] for k in values)
            and current.confidentiality == confidentiality
        )

    def write(row: Planned, _current: HarmRecord | None) -> None:
        v = row.values
        services.harm_upsert(
            actor=actor,
            organisation=organisation,
            indicator=v["indicator"],
            year=v["year"],
            sex=v["sex"],
            age_band=v["age_band"],
            substance=substances.get(v["substance"]),
            values=fields(row),
            confidentiality=confidentiality,
            source_kind=SourceKind.IMPORT,
            source_detail={"file": file_name, "row": row.number},
        )

    substances = {d.pk: d for d in TdiDrug.objects.all()}
    return commit_rows(report, planned, existing=existing, same=same, write=write)
