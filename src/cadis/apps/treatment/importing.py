"""Import of treatment episodes from CSV or XLSX: a specification on the platform's import
pipeline (columns, vocabularies, row rules): dry run, row issues with stable codes,
all-or-nothing, idempotent.

The uploaded file is read in memory and never stored: it holds clear identifiers. Error
messages name the row and column, never the value.
"""

from __future__ import annotations

import re

from django.db import transaction
from django.utils.translation import gettext as _

from cadis.apps.reference import everyday
from cadis.apps.reference.import_mappings import DECIMAL, mappings_for
from cadis.apps.reference.models import TdiDrug
from cadis.apps.treatment import choices as c
from cadis.apps.treatment import services
from cadis.apps.treatment.models import TreatmentEpisode
from cadis.apps.treatment.pseudonym import pseudonym_for
from cadis.apps.treatment.validation import episode_problems
from cadis.engines.tables import DEFAULT_LIMITS, iter_csv
from cadis.platform.errors import PermissionDenied
from cadis.platform.imports.flow import Planned, RowReader, check_rows, commit_rows, conventions_of
from cadis.platform.imports.matcher import Matcher, choice_matcher, entries_from_rows, key
from cadis.platform.imports.pipeline import ImportReport, ImportSpec
from cadis.platform.imports.pipeline import read_rows as pipeline_read_rows
from cadis.platform.records import Confidentiality, SourceKind
from cadis.platform.scope import can_create_in

IDENTITY_COLUMNS = ("national_id", "full_name", "birth_date")
CHOICE_COLUMNS = {
    "centre_type": c.CentreType,
    "treatment_status": c.TreatmentStatus,
    "sex": c.Sex,
    "nationality": c.Nationality,
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
    "hiv_result": c.TestResult,
    "hcv_testing": c.Testing,
    "hcv_result": c.TestResult,
    "ost": c.Ost,
}
# Whole-number columns (optional; empty means not recorded).
NUMBER_COLUMNS = (
    "age",
    "age_first_use",
    "age_first_injection",
    "year_first_injection",
    "year_first_ost",
)
COLUMNS = (
    *IDENTITY_COLUMNS,
    "start_date",
    *NUMBER_COLUMNS,
    "primary_drug",
    "secondary_drugs",
    *CHOICE_COLUMNS,
)
REQUIRED = ("start_date", "primary_drug")
MAX_ROWS = 100_000
KIND = "tdi_episodes"
ALCOHOL_WORDS = {"alcohol", "алкоголь", "спиртное", "водка", "пиво"}


# Headers a clerk writes besides the column name (Russian first: the template's header).
ALIASES: dict[str, tuple[str, ...]] = {
    "national_id": ("ПИН", "ИНН", "персональный номер", "идентификатор", "national id", "pin"),
    "full_name": ("ФИО", "Ф.И.О.", "фамилия имя отчество", "full name", "name"),
    "birth_date": ("дата рождения", "date of birth", "birth date"),
    "start_date": (
        "дата начала лечения",
        "дата обращения",
        "дата поступления",
        "start date",
        "treatment start",
    ),
    "age": ("возраст",),
    "age_first_use": ("возраст первого употребления", "age at first use"),
    "age_first_injection": ("возраст первой инъекции", "age at first injection"),
    "year_first_injection": ("год первой инъекции", "year of first injection"),
    "year_first_ost": ("год начала ОЗТ", "year of first OST"),
    "primary_drug": (
        "основной наркотик",
        "основное вещество",
        "первичный наркотик",
        "primary drug",
    ),
    "secondary_drugs": ("другие наркотики", "вторичные наркотики", "secondary drugs"),
    "centre_type": ("тип центра", "тип учреждения", "centre type"),
    "treatment_status": ("лечился ранее", "статус лечения", "treatment status"),
    "sex": ("пол", "gender"),
    "nationality": ("гражданство",),
    "referral": ("кем направлен", "источник направления", "направлен", "referral source"),
    "living_with": ("с кем проживает", "living with"),
    "living_with_children": ("проживает с детьми", "living with children"),
    "living_where": ("место проживания", "living where"),
    "education": ("образование",),
    "labour_status": ("занятость", "labour status"),
    "route": ("способ употребления", "путь введения", "route of administration"),
    "frequency": ("частота употребления",),
    "polydrug": ("полинаркомания",),
    "injecting": ("инъекционное употребление",),
    "needle_sharing": ("совместное использование игл", "needle sharing"),
    "hiv_testing": ("тест на ВИЧ", "HIV testing"),
    "hiv_result": ("результат теста на ВИЧ", "HIV result"),
    "hcv_testing": ("тест на ВГС", "HCV testing"),
    "hcv_result": ("результат теста на ВГС", "HCV result"),
    "ost": ("ОЗТ", "OST"),
}
SPEC = ImportSpec.of(
    KIND,
    COLUMNS,
    aliases=ALIASES,
    required=REQUIRED,
    vocabularies={name: choices.values for name, choices in CHOICE_COLUMNS.items()},
)
READ_LIMITS = DEFAULT_LIMITS.tightened(max_rows=MAX_ROWS + 1, max_columns=200)


def drug_matcher(mappings=None) -> Matcher:
    """TDI drug codes (values: their ids), their Russian and English names, everyday words."""
    rows = TdiDrug.objects.values("id", "code", "name_ru", "name_en")
    entries = entries_from_rows(
        rows, names=("code", "name_ru", "name_en"), label="name_ru", synonyms=everyday.TDI_DRUG
    )
    return Matcher(entries, mappings=mappings or {})


def lookups_for(mappings: dict | None = None) -> dict[str, Matcher]:
    """Every vocabulary of the import, with the organisation's remembered mappings."""
    mappings = mappings or {}
    lookups = {
        name: choice_matcher(cls, mappings.get(name), everyday.TDI_BY_COLUMN.get(name))
        for name, cls in CHOICE_COLUMNS.items()
    }
    lookups["primary_drug"] = drug_matcher(mappings.get("primary_drug"))
    return lookups


def read_rows(data: bytes, file_name: str, spec: ImportSpec = SPEC) -> list[dict[str, str]]:
    """Rows as dicts keyed by column name (``cadis.platform.imports.pipeline.read_rows``)."""
    return pipeline_read_rows(data, file_name, spec, READ_LIMITS)


def parse_row(
    reader: RowReader, lookups: dict[str, Matcher], codes: dict[int, str]
) -> tuple[dict, dict] | None:
    """(values, identity) of one row, or ``None``; problems never quote identifying values."""
    values: dict = {}
    identity: dict = {
        "national_id": reader.text("national_id"),
        "full_name": reader.text("full_name"),
    }
    if reader.text("birth_date"):
        identity["birth_date"] = reader.date("birth_date", identifying=True)
    values["start_date"] = reader.date("start_date", identifying=True)
    for name in NUMBER_COLUMNS:
        values[name] = reader.whole_number(name)
    drug = reader.choice("primary_drug", lookups["primary_drug"])
    values["primary_drug_code"] = codes.get(drug, "") if drug is not None else ""
    if not reader.text("primary_drug"):
        reader.fail("primary_drug", "missing_value")
    values["secondary_drugs"] = []
    for part in re.split(r"\s*[;,]\s*", reader.text("secondary_drugs")):
        if key(part) in ALCOHOL_WORDS:
            values["secondary_drugs"].append(c.ALCOHOL)
        elif part:
            match = lookups["primary_drug"].match(part)
            if match.value is None:
                code = "ambiguous_value" if match.resolution == "ambiguous" else "unknown_value"
                reader.fail("secondary_drugs", code, match.suggestions, value=part)
            else:
                values["secondary_drugs"].append(codes[match.value])  # type: ignore[index]
    for name in CHOICE_COLUMNS:
        values[name] = reader.choice(name, lookups[name], default=c.NOT_KNOWN)
    if not (identity["national_id"] or (identity["full_name"] and identity.get("birth_date"))):
        reader.fail("national_id", "identity_missing")
    if any(i.severity == "error" for i in reader.issues):
        return None
    for column, message in episode_problems(
        values, tdi_codes=set(codes.values()), birth_date=identity.get("birth_date")
    ):
        reader.fail(column, "invalid_value", detail=message)
    if any(i.severity == "error" for i in reader.issues):
        return None
    return values, identity


def check_file(
    data: bytes, file_name: str, *, organisation=None, dry_run: bool = True
) -> tuple[ImportReport, list[Planned]]:
    """Read and check a file: the report (issues, preview) and the rows to write."""
    rows = read_rows(data, file_name)
    mappings = mappings_for(organisation, KIND)
    lookups = lookups_for(mappings)
    codes = {pk: code for code, pk in services.tdi_codes().items()}
    conventions = conventions_of(rows, NUMBER_COLUMNS, mappings.get(DECIMAL, {}))

    def parse(reader: RowReader):
        parsed = parse_row(reader, lookups, codes)
        if parsed is None:
            return None
        values, identity = parsed
        try:
            pseudonym = pseudonym_for(**identity)
        except ValueError:
            reader.fail("national_id", "identity_too_short")
            return None
        return (pseudonym, values["start_date"]), (values, identity)

    return check_rows(
        rows,
        parse,
        file=file_name,
        dry_run=dry_run,
        conventions=conventions,
        duplicate_column="start_date",
        hidden=IDENTITY_COLUMNS,
    )


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
    report, planned = check_file(data, file_name, organisation=organisation, dry_run=dry_run)
    codes = services.tdi_codes()

    def existing(rows: list[Planned]) -> dict:
        pseudonyms = [row.key[0] for row in rows]  # type: ignore[index]
        found = TreatmentEpisode.objects.filter(organisation=organisation, pseudonym__in=pseudonyms)
        return {(e.pseudonym, e.start_date): e for e in found}

    def same(current: TreatmentEpisode, row: Planned) -> bool:
        values, identity = row.values
        prepared = services._prepare(values, identity.get("birth_date"))
        return (
            all(getattr(current, f) == prepared.get(f) for f in services.EPISODE_FIELDS)
            and current.primary_drug_id == codes[values["primary_drug_code"]]
        )

    def write(row: Planned, current: TreatmentEpisode | None) -> None:
        values, identity = row.values
        detail = {"file": file_name, "row": row.number}
        if current is None:
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
        else:
            services.episode_update(
                actor=actor,
                episode=current,
                values=services._prepare(values, identity.get("birth_date")),
                source_kind=SourceKind.IMPORT,
                source_detail=detail,
                codes=codes,
            )

    return commit_rows(report, planned, existing=existing, same=same, write=write)


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
        "nationality": "national",
        "injecting": "last_30d",
        "year_first_injection": "2012",
        "needle_sharing": "last_12m",
        "hiv_testing": "last_12m",
        "hiv_result": "negative",
        "hcv_testing": "ever_not_12m",
        "hcv_result": "refused",
        "ost": "ever_not_now",
        "year_first_ost": "2019",
    }
    return "".join(iter_csv(COLUMNS, [[example.get(col, "") for col in COLUMNS]], bom=False))
