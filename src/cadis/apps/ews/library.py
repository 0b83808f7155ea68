"""The substance library in the database: seed loading, CSV/XLSX/SDF import (on the platform's
import flow, ``library_import``), and the engine classifier.

The engine `cadis.engines.chem` works on plain `Substance` objects; this module builds its
`Classifier` from the `SubstanceProfile` table once per process and rebuilds it when the
profiles change (a cheap version query detects changes made by other processes).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from cadis.apps.ews import library_import
from cadis.apps.ews.choices import ProfileSource
from cadis.apps.ews.models import SubstanceProfile
from cadis.engines.chem import (
    Classifier,
    LegalModel,
    Library,
    default_classifier,
    load_jurisdictions,
)
from cadis.engines.chem.library import DEFAULT_DATA_DIR, substance_from_row
from cadis.platform.errors import BadInputFile
from cadis.platform.imports.pipeline import ImportReport
from cadis.platform.records import SourceKind

# The seed library is the engine's substance catalogue (one source of truth).
SEED_DIR = DEFAULT_DATA_DIR

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


def _category_of(smiles: str) -> str:
    """The category the engine gives a structure (a file may leave the column empty)."""
    result = classifier().classify(smiles, with_status=False, use_opsin=False)
    return result.category or ""


@transaction.atomic
def profiles_load(
    *, actor=None, data_dir: Path | None = None, source_kind: str = SourceKind.SYSTEM
) -> LoadReport:
    """Load the catalogue's CSV files idempotently (a second run changes nothing), through the
    library import's checks: when any file has an error, nothing is written."""
    report = LoadReport()
    directory = data_dir or SEED_DIR
    checked = []
    for path in sorted(directory.glob("substances_*.csv")):
        file_report, planned = library_import.check_file(
            path.read_bytes(), path.name, categorise=_category_of, dry_run=False
        )
        report.errors.extend(
            f"{problem.file}:{problem.row}:{problem.column} {problem.code}: {problem.reason}"
            for problem in file_report.issues
            if problem.severity == "error"
        )
        checked.append((file_report, planned))
    if report.errors:
        return report
    for file_report, planned in checked:
        library_import.commit_file(
            file_report, planned, actor=actor, source=ProfileSource.SEED, source_kind=source_kind
        )
        report.created += file_report.created
        report.updated += file_report.updated
        report.unchanged += file_report.unchanged
    from cadis.apps.ews.rules import ensure_default_rules

    ensure_default_rules()
    return report


def profiles_import(
    *, actor=None, path: Path, dry_run: bool = False, source_kind: str = SourceKind.IMPORT
) -> ImportReport:
    """Import a CSV or XLSX file (the catalogue's columns) or an SDF file (properties of the
    same names, the record title as the English name): every profile or none."""
    if not path.is_file():
        raise BadInputFile(_("There is no file %(name)s.") % {"name": path})
    return library_import.library_import(
        actor=actor,
        data=path.read_bytes(),
        file_name=path.name,
        categorise=_category_of,
        dry_run=dry_run,
        source=ProfileSource.IMPORT,
        source_kind=source_kind,
    )
