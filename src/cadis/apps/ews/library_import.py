"""Import of the NPS substance library (CSV, XLSX or SDF), a specification on the platform's
import flow (``cadis.platform.imports.flow``): its columns, the category vocabulary and the row
rules (a usable structure, a name, a known category and national codes). Dry run, issues with
stable codes, all or nothing, idempotent: a profile is keyed by the InChIKey of its standardised
structure; one stored with the same values is unchanged.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from cadis.apps.ews.chem_messages import error_message
from cadis.apps.ews.choices import Category
from cadis.apps.ews.models import SubstanceProfile
from cadis.engines.chem import ChemError, standardise
from cadis.engines.chem.library import NATIONAL_CODES
from cadis.engines.tables import DEFAULT_LIMITS
from cadis.platform import audit
from cadis.platform.errors import ValidationError
from cadis.platform.imports.flow import Planned, RowReader, check_rows, commit_rows
from cadis.platform.imports.matcher import Entry, Matcher
from cadis.platform.imports.pipeline import ImportReport, ImportSpec, read_rows
from cadis.platform.records import SourceKind

KIND = "nps_library"
# What a profile stores; the catalogue's other columns are accepted and read by the engine's
# catalogue (docs/chem.md), not by the database library.
PROFILE_FIELDS = (
    "name_en",
    "name_ru",
    "synonyms",
    "smiles",
    "category",
    "international",
    "national",
)
COLUMNS = (
    "id",
    "name_en",
    "name_ru",
    "synonyms",
    "iupac",
    "smiles",
    "inchikey",
    "cas",
    "category",
    "medicine",
    "international",
    "intl_since",
    "intl_source",
    "national",
)
REQUIRED = ("name_en", "smiles")
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("code", "код"),
    "name_en": ("name", "english name", "название (англ.)"),
    "name_ru": ("russian name", "название", "название (рус.)"),
    "synonyms": ("синонимы",),
    "smiles": ("structure", "структура"),
    "category": ("class", "категория", "класс"),
    "international": ("international schedule", "международный контроль"),
    "national": ("national listings", "национальный контроль"),
}
LENGTHS = {"name_en": 300, "name_ru": 300, "international": 100, "national": 40}
SPEC = ImportSpec.of(
    KIND,
    COLUMNS,
    aliases=ALIASES,
    required=REQUIRED,
    vocabularies={"category": Category.values, "national": ("*", *NATIONAL_CODES)},
)
LIMITS = DEFAULT_LIMITS.tightened(max_rows=100_001)
SDF_SUFFIXES = (".sdf", ".sd", ".mol")

Categorise = Callable[[str], str]


@dataclass(frozen=True)
class Standardised:
    smiles: str
    inchikey: str
    formula: str


@lru_cache(maxsize=8192)
def _standardised_cached(smiles: str) -> Standardised | None:
    """Standardised identity of a SMILES, None when unusable (repeated loads are cheap)."""
    try:
        std = standardise_smiles(smiles)
    except ValidationError:
        return None
    return Standardised(std.smiles, std.inchikey, std.formula)


def standardise_smiles(smiles: str) -> Any:
    """The engine's standardised structure; ValidationError with the reason otherwise."""
    from rdkit import Chem

    mol = Chem.MolFromSmiles(smiles or "") if smiles else None
    if mol is None:
        raise ValidationError(_("The SMILES is not valid: %(smiles)s") % {"smiles": smiles[:80]})
    try:
        return standardise(mol)
    except ChemError as exc:
        raise ValidationError(error_message(exc.code, exc.detail)) from exc


def _why_unusable(smiles: str) -> str:
    try:
        standardise_smiles(smiles)
    except ValidationError as error:
        return str(error.message)
    return ""


def category_matcher() -> Matcher:
    """The categories by code and by their English and Russian labels."""
    entries = []
    for value, label in Category.choices:
        names = [value]
        for lang in ("en", "ru"):
            with translation.override(lang):
                names.append(str(label))
        entries.append(Entry(value, names[1], names=tuple(names)))
    return Matcher(entries)


def parse_profile_row(
    reader: RowReader, categories: Matcher, categorise: Categorise
) -> tuple[str, dict[str, str]] | None:
    """(InChIKey, values) of one row, or ``None`` when it has an error (recorded on the reader)."""
    values = {name: reader.text(name) for name in PROFILE_FIELDS}
    for name in REQUIRED:
        if not values[name]:
            reader.fail(name, "missing_value")
    for name, limit in LENGTHS.items():
        if len(values[name]) > limit:
            reader.fail(name, "too_long", limit=limit)
    std = _standardised_cached(values["smiles"]) if values["smiles"] else None
    if values["smiles"] and std is None:
        reader.fail(
            "smiles", "bad_structure", value=values["smiles"][:80],
            detail=_why_unusable(values["smiles"]),
        )  # fmt: skip
    category = reader.choice("category", categories)
    if not values["category"] and std is not None:
        category = categorise(std.smiles)  # computed by the engine when the file leaves it out
        if category:
            reader.shown["category"] = category
        else:
            reader.fail("category", "missing_value")
    codes = [c.strip().upper() for c in values["national"].split("|") if c.strip()]
    for code in codes:
        if code != "*" and code not in NATIONAL_CODES:
            reader.fail("national", "unknown_value", ("*", *NATIONAL_CODES), value=code)
    if any(i.severity == "error" for i in reader.issues) or std is None:
        return None
    values.update(smiles=std.smiles, category=str(category), national="|".join(codes))
    reader.shown["smiles"] = std.smiles
    return std.inchikey, {**values, "formula": std.formula, "id": reader.text("id")}


def sdf_rows(data: bytes) -> Iterator[dict[str, str]]:
    """One row per SDF record (record 1 first): its properties of the column names, the record
    title as the English name and the structure as SMILES ("" when RDKit cannot read it)."""
    from rdkit import Chem

    for mol in Chem.ForwardSDMolSupplier(io.BytesIO(data)):
        if mol is None:
            yield {"smiles": "", "name_en": ""}
            continue
        props = {k.lower(): str(v).strip() for k, v in mol.GetPropsAsDict().items()}
        row = {k: v for k, v in props.items() if k in COLUMNS}
        title = mol.GetProp("_Name").strip() if mol.HasProp("_Name") else ""
        row["name_en"] = props.get("name_en") or props.get("name") or title
        row["smiles"] = Chem.MolToSmiles(mol)
        yield row


def check_file(
    data: bytes, file_name: str, *, categorise: Categorise, dry_run: bool = True
) -> tuple[ImportReport, list[Planned]]:
    """Read and check a file: the report (issues, preview) and the profiles to write.

    A CSV or XLSX file's header must be the catalogue's columns (BadInputFile otherwise); an
    SDF file's records are numbered from 1."""
    sdf = file_name.lower().endswith(SDF_SUFFIXES)
    rows = list(sdf_rows(data)) if sdf else read_rows(data, file_name, SPEC, LIMITS)
    categories = category_matcher()
    return check_rows(
        rows,
        lambda reader: parse_profile_row(reader, categories, categorise),
        file=file_name,
        dry_run=dry_run,
        duplicate_column="smiles",
        start=1 if sdf else 2,
    )


def _stored(planned: list[Planned]) -> dict[str, SubstanceProfile]:
    keys = [row.key for row in planned]
    found: dict[str, SubstanceProfile] = {}
    for i in range(0, len(keys), 500):  # SQLite allows a few hundred parameters per query
        for profile in SubstanceProfile.objects.filter(inchikey__in=keys[i : i + 500]):
            found[profile.inchikey] = profile
    return found


def _same(current: SubstanceProfile, row: Planned) -> bool:
    values = row.values
    return (
        current.in_library
        and current.formula == values["formula"]
        and all(getattr(current, k) == values[k] for k in PROFILE_FIELDS)
    )


def _reference_substance(name_en: str, code: str = ""):
    """The reference substance of a profile: by catalogue id (= reference code), else by name."""
    from cadis.apps.reference.models import Substance

    found = Substance.objects.filter(code=code).first() if code else None
    return found or Substance.objects.filter(name_en__iexact=name_en).first()


def commit_file(
    report: ImportReport,
    planned: list[Planned],
    *,
    actor,
    source: str,
    source_kind: str = SourceKind.IMPORT,
) -> ImportReport:
    """Count and (unless a dry run) write every checked profile, with an audit entry each; the
    caller holds the transaction."""

    def write(row: Planned, current: SubstanceProfile | None) -> None:
        values = {k: row.values[k] for k in PROFILE_FIELDS}
        detail = {"file": report.file, "row": row.number}
        if current is None:
            profile = SubstanceProfile.objects.create(
                inchikey=row.key,
                formula=row.values["formula"],
                source=source,
                in_library=True,
                substance=_reference_substance(values["name_en"], row.values["id"]),
                **values,
            )
            audit.record_create(
                actor=actor, obj=profile, source_kind=source_kind, source_detail=detail
            )
            return
        before = audit.snapshot(current)
        for name, value in values.items():
            setattr(current, name, value)
        current.formula, current.in_library = row.values["formula"], True
        if current.substance_id is None:
            current.substance = _reference_substance(values["name_en"], row.values["id"])
        current.save()
        audit.record_update(
            actor=actor, obj=current, before=before, source_kind=source_kind, source_detail=detail
        )

    return commit_rows(report, planned, existing=_stored, same=_same, write=write)


@transaction.atomic
def library_import(
    *,
    actor,
    data: bytes,
    file_name: str,
    categorise: Categorise,
    dry_run: bool = True,
    source: str,
    source_kind: str = SourceKind.IMPORT,
) -> ImportReport:
    """Check a library file and, unless a dry run or any row has an error, write every profile."""
    report, planned = check_file(data, file_name, categorise=categorise, dry_run=dry_run)
    return commit_file(report, planned, actor=actor, source=source, source_kind=source_kind)
