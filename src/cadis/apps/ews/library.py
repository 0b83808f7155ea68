"""The substance library in the database: seed loading, CSV/SDF import, and the engine classifier.

The engine `cadis.engines.chem` works on plain `Substance` objects; this module builds its
`Classifier` from the `SubstanceProfile` table once per process and rebuilds it when the
profiles change (a cheap version query detects changes made by other processes).
"""

from __future__ import annotations

import csv
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from cadis.apps.accounts import audit
from cadis.apps.accounts.errors import BadInputFile, ValidationError
from cadis.apps.accounts.models import SourceKind
from cadis.apps.ews.choices import Category, ProfileSource
from cadis.apps.ews.models import SubstanceProfile
from cadis.engines.chem import (
    ChemError,
    Classifier,
    LegalModel,
    Library,
    default_classifier,
    load_jurisdictions,
    standardise,
)
from cadis.engines.chem.library import DEFAULT_DATA_DIR, read_substance_rows, substance_from_row

SEED_DIR = Path(__file__).resolve().parent / "data"
PROFILE_FIELDS = (
    "name_en",
    "name_ru",
    "synonyms",
    "smiles",
    "category",
    "international",
    "national",
)

_lock = threading.Lock()
_cache: dict[str, object] = {}


def _library_version() -> tuple:
    agg = SubstanceProfile.objects.filter(in_library=True).aggregate(
        n=Count("id"), t=Max("updated_at")
    )
    return (agg["n"], agg["t"])


def invalidate_classifier() -> None:
    with _lock:
        _cache.clear()


def classifier() -> Classifier:
    """The engine classifier over the database library (the seed files when it is empty)."""
    version = _library_version()
    with _lock:
        if _cache.get("version") == version:
            return _cache["classifier"]  # type: ignore[return-value]
    if version[0] == 0:
        built = default_classifier()
    else:
        profiles = SubstanceProfile.objects.filter(in_library=True).order_by("id")
        substances, seen = [], set()
        for profile in profiles:
            substance = _substance_of(profile)
            if substance is None:
                continue
            if substance.inchikey not in seen:
                seen.add(substance.inchikey)
                substances.append(substance)
        library = Library(substances)
        built = Classifier(library, LegalModel(library, load_jurisdictions(DEFAULT_DATA_DIR)))
    with _lock:
        _cache.update(version=version, classifier=built)
    return built


# Engine substances by (profile id, last change): a rebuild re-reads only what changed.
_substances: dict[tuple[int, object], object] = {}


def _substance_of(profile: SubstanceProfile):
    key = (profile.pk, profile.updated_at)
    if key not in _substances:
        try:
            _substances[key] = substance_from_row(profile.as_row())
        except Exception:  # noqa: BLE001 - a bad admin entry must not break identification
            _substances[key] = None
    return _substances[key]


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"substance profiles: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {len(self.errors)} rejected"
        )


@dataclass(frozen=True)
class _Std:
    smiles: str
    inchikey: str
    formula: str


@lru_cache(maxsize=8192)
def _standardised_cached(smiles: str) -> _Std | None:
    """Standardised identity of a SMILES, None when unusable (repeated loads are cheap)."""
    try:
        std = _standardise(smiles)
    except ValidationError:
        return None
    return _Std(std.smiles, std.inchikey, std.formula)


def _standardised(smiles: str) -> _Std:
    found = _standardised_cached(smiles)
    if found is None:
        _standardise(smiles)  # raises with the message in the current language
    return found


def _standardise(smiles: str):
    from rdkit import Chem

    mol = Chem.MolFromSmiles(smiles or "") if smiles else None
    if mol is None:
        raise ValidationError(_("The SMILES is not valid: %(smiles)s") % {"smiles": smiles[:80]})
    try:
        return standardise(mol)
    except ChemError as exc:
        from cadis.apps.ews.identify import error_message

        raise ValidationError(error_message(exc.code, exc.detail)) from exc


def profile_upsert(
    *,
    actor,
    row: dict[str, str],
    source: str,
    source_kind: str = SourceKind.SYSTEM,
    source_detail: dict | None = None,
) -> tuple[SubstanceProfile, str]:
    """Create or update the profile with this structure; returns (profile, created|updated|unchanged)."""
    std = _standardised((row.get("smiles") or "").strip())
    category = (row.get("category") or "").strip()
    if category not in Category.values:
        raise ValidationError(_("Unknown category: %(category)s") % {"category": category or "—"})
    values = {k: (row.get(k) or "").strip() for k in PROFILE_FIELDS}
    values["smiles"] = std.smiles
    if not values["name_en"]:
        raise ValidationError(_("The English name is missing."))
    profile = SubstanceProfile.objects.filter(inchikey=std.inchikey).first()
    if profile is None:
        profile = SubstanceProfile.objects.create(
            inchikey=std.inchikey,
            formula=std.formula,
            source=source,
            in_library=True,
            substance=_reference_substance(values["name_en"]),
            **values,
        )
        audit.record_create(
            actor=actor, obj=profile, source_kind=source_kind, source_detail=source_detail
        )
        return profile, "created"
    before = audit.snapshot(profile)
    for key, value in values.items():
        setattr(profile, key, value)
    profile.formula = std.formula
    profile.in_library = True
    if profile.substance_id is None:
        profile.substance = _reference_substance(values["name_en"])
    if audit.snapshot(profile) == before:
        return profile, "unchanged"
    profile.save()
    audit.record_update(
        actor=actor,
        obj=profile,
        before=before,
        source_kind=source_kind,
        source_detail=source_detail,
    )
    return profile, "updated"


def _reference_substance(name_en: str):
    from cadis.apps.reference.models import Substance

    return Substance.objects.filter(name_en__iexact=name_en).first()


@transaction.atomic
def profiles_load(
    *, actor=None, data_dir: Path | None = None, source_kind: str = SourceKind.SYSTEM
) -> LoadReport:
    """Load the seed CSVs idempotently (a second run changes nothing)."""
    report = LoadReport()
    directory = data_dir or SEED_DIR
    for path in sorted(directory.glob("substances_*.csv")):
        for number, row in enumerate(read_substance_rows(path), start=2):
            _upsert_counted(
                report,
                actor,
                row,
                ProfileSource.SEED,
                source_kind,
                {"file": path.name, "row": number},
            )
    from cadis.apps.ews.rules import ensure_default_rules

    ensure_default_rules()
    return report


def _upsert_counted(report, actor, row, source, source_kind, detail) -> None:
    try:
        with transaction.atomic():
            _profile, outcome = profile_upsert(
                actor=actor, row=row, source=source, source_kind=source_kind, source_detail=detail
            )
    except ValidationError as exc:
        report.errors.append(f"{detail.get('file')} {detail.get('row')}: {exc.message}")
        return
    setattr(report, outcome, getattr(report, outcome) + 1)


def profiles_import(*, actor=None, path: Path, source_kind: str = SourceKind.IMPORT) -> LoadReport:
    """Import a CSV (the seed columns) or an SDF (properties of the same names) file."""
    if not path.is_file():
        raise BadInputFile(_("There is no file %(name)s.") % {"name": path})
    if path.suffix.lower() in (".sdf", ".sd", ".mol"):
        rows = list(_sdf_rows(path))
    else:
        try:
            with path.open(newline="", encoding="utf-8-sig") as fh:
                reader = csv.DictReader(fh)
                if not reader.fieldnames or "smiles" not in reader.fieldnames:
                    raise BadInputFile(_("The CSV file needs a 'smiles' column."))
                rows = [(n, r) for n, r in enumerate(reader, start=2)]
        except UnicodeDecodeError as exc:
            raise BadInputFile(_("The file is not UTF-8 text.")) from exc
    report = LoadReport()
    with transaction.atomic():
        for number, row in rows:
            if not (row.get("category") or "").strip():
                row["category"] = _category_of(row.get("smiles") or "")
            _upsert_counted(
                report,
                actor,
                row,
                ProfileSource.IMPORT,
                source_kind,
                {"file": path.name, "row": number},
            )
    return report


def _category_of(smiles: str) -> str:
    result = classifier().classify(smiles, with_status=False, use_opsin=False)
    return result.category or ""


def _sdf_rows(path: Path):
    from rdkit import Chem

    supplier = Chem.SDMolSupplier(str(path))
    for number, mol in enumerate(supplier, start=1):
        if mol is None:
            yield number, {"smiles": "", "name_en": f"record {number}"}
            continue
        props = {k.lower(): str(v) for k, v in mol.GetPropsAsDict().items()}
        name = (
            props.get("name_en")
            or props.get("name")
            or (mol.GetProp("_Name") if mol.HasProp("_Name") else "")
        )
        yield number, {**props, "name_en": name, "smiles": Chem.MolToSmiles(mol)}
