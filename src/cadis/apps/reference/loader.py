"""Load the reference data files into the database idempotently.

Each file row is matched on its stable key; a row is created when missing, updated
when a value differs, and left alone otherwise, so a second load changes nothing.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pycountry
from django.db import models, transaction

from cadis.apps.reference import models as ref
from cadis.engines.screening.data import DEFAULT_DATA_DIR as PRECURSOR_DATA_DIR
from cadis.engines.tables import TableError, TableErrorCode, cell_text, read_table
from cadis.platform import audit
from cadis.platform.records import SourceKind

DATA_DIR = Path(__file__).resolve().parent / "data"

# Russian names as the five countries write them, where ISO's translation differs.
RUSSIAN_COUNTRY_NAMES = {
    "KZ": "Казахстан",
    "KG": "Кыргызстан",
    "TJ": "Таджикистан",
    "TM": "Туркменистан",
    "UZ": "Узбекистан",
}


@dataclass
class LoadReport:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, what: str, outcome: str) -> None:
        self.counts.setdefault(what, {"created": 0, "updated": 0, "unchanged": 0})[outcome] += 1

    @property
    def changed(self) -> int:
        return sum(c["created"] + c["updated"] for c in self.counts.values())

    def lines(self) -> list[str]:
        return [
            f"{what}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            for what, c in self.counts.items()
        ]


def read_rows(name: str, data_dir: Path = DATA_DIR) -> list[dict[str, str]]:
    path = data_dir / name
    if not path.exists():
        return []
    try:
        with read_table(path, delimiter=",") as table:
            headers = table.header.headers
            return [{h: cell_text(row.get(i)) for i, h in enumerate(headers) if h} for row in table]
    except TableError as error:
        if error.code is TableErrorCode.EMPTY_FILE:
            return []
        raise


def _same(current: Any, new: Any) -> bool:
    if isinstance(current, Decimal) and new is not None:
        return current == Decimal(str(new))
    return current == new


def upsert(
    report: LoadReport,
    what: str,
    model: type[models.Model],
    lookup: dict[str, Any],
    values: dict[str, Any],
    *,
    actor=None,
    source: str = "",
) -> models.Model:
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        audit.record_create(
            actor=actor, obj=obj, source_kind=SourceKind.SYSTEM, source_detail={"file": source}
        )
        report.count(what, "created")
        return obj
    changed = {k: v for k, v in values.items() if not _same(getattr(obj, k), v)}
    if not changed:
        report.count(what, "unchanged")
        return obj
    before = audit.snapshot(obj)
    for key, value in changed.items():
        setattr(obj, key, value)
    obj.save()
    audit.record_update(
        actor=actor,
        obj=obj,
        before=before,
        source_kind=SourceKind.SYSTEM,
        source_detail={"file": source},
    )
    report.count(what, "updated")
    return obj


def _by_code(model: type[models.Model]) -> Callable[[str], Any]:
    cache = {obj.code: obj for obj in model.objects.all()}

    def get(code: str):
        if not code:
            return None
        if code not in cache:
            obj = model.objects.filter(code=code).first()
            if obj is None:
                raise ValueError(f"{model.__name__} {code!r} is referenced but not defined")
            cache[code] = obj
        return cache[code]

    return get


def load_countries(report: LoadReport, actor=None) -> None:
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    for country in pycountry.countries:
        code = country.alpha_2
        name_en = getattr(country, "common_name", None) or country.name
        upsert(
            report,
            "countries",
            ref.Country,
            {"code": code},
            {
                "alpha3": country.alpha_3,
                "numeric": country.numeric,
                "name_en": name_en,
                "name_ru": RUSSIAN_COUNTRY_NAMES.get(code) or ru.gettext(country.name),
                "is_central_asia": code in ref.CENTRAL_ASIA,
            },
            actor=actor,
            source="pycountry",
        )


def load_subdivisions(report: LoadReport, actor=None, data_dir: Path = DATA_DIR) -> None:
    written = {row["code"]: row for row in read_rows("subdivisions.csv", data_dir)}
    countries = _by_code(ref.Country)
    for country_code in ref.CENTRAL_ASIA:
        for sub in pycountry.subdivisions.get(country_code=country_code) or []:
            row = written.get(sub.code, {})
            upsert(
                report,
                "subdivisions",
                ref.Subdivision,
                {"code": sub.code},
                {
                    "country": countries(country_code),
                    "name_en": row.get("name_en") or sub.name,
                    "name_ru": row.get("name_ru") or sub.name,
                    "kind": row.get("kind") or sub.type,
                },
                actor=actor,
                source="pycountry + subdivisions.csv",
            )


def _load_simple(
    report: LoadReport,
    what: str,
    model,
    filename: str,
    build: Callable[[dict[str, str]], dict],
    actor=None,
    data_dir: Path = DATA_DIR,
    key: str = "code",
) -> None:
    for row in read_rows(filename, data_dir):
        upsert(report, what, model, {key: row[key]}, build(row), actor=actor, source=filename)


def _names(row: dict[str, str]) -> dict[str, str]:
    return {"name_ru": row["name_ru"], "name_en": row["name_en"]}


def _parents_first(rows: list[dict[str, str]], filename: str) -> list[dict[str, str]]:
    """Order rows so every parent comes before its children, however deep the tree."""
    codes = {row["code"] for row in rows}
    placed: set[str] = set()
    ordered: list[dict[str, str]] = []
    pending = list(rows)
    while pending:
        ready = [
            r
            for r in pending
            if not r.get("parent_code")
            or r["parent_code"] in placed
            or r["parent_code"] not in codes
        ]
        if not ready:
            raise ValueError(
                f"{filename}: parent codes form a cycle among {[r['code'] for r in pending][:5]}"
            )
        ordered.extend(ready)
        placed.update(r["code"] for r in ready)
        pending = [r for r in pending if r["code"] not in placed]
    return ordered


def _two_pass_hierarchy(
    report, what, model, filename, actor, data_dir, extra: Callable[[dict], dict] | None = None
):
    for row in _parents_first(read_rows(filename, data_dir), filename):
        values = {**_names(row), **(extra(row) if extra else {})}
        values["parent"] = (
            model.objects.filter(code=row["parent_code"]).first()
            if row.get("parent_code")
            else None
        )
        if row.get("parent_code") and values["parent"] is None:
            raise ValueError(
                f"{filename}: parent {row['parent_code']!r} of {row['code']!r} is not defined"
            )
        upsert(report, what, model, {"code": row["code"]}, values, actor=actor, source=filename)


def load_vocabularies(report: LoadReport, actor=None, data_dir: Path = DATA_DIR) -> None:
    countries = _by_code(ref.Country)
    _two_pass_hierarchy(
        report,
        "agencies",
        ref.Agency,
        "agencies.csv",
        actor,
        data_dir,
        lambda r: {
            "country": countries(r["country"]),
            "abbr_ru": r.get("abbr_ru", ""),
            "abbr_en": r.get("abbr_en", ""),
            "kind": r["kind"],
        },
    )
    _two_pass_hierarchy(
        report, "substance groups", ref.SubstanceGroup, "substance_groups.csv", actor, data_dir
    )
    _load_simple(
        report, "NPS categories", ref.NpsCategory, "nps_categories.csv", _names, actor, data_dir
    )
    _two_pass_hierarchy(report, "TDI drug codes", ref.TdiDrug, "tdi_drugs.csv", actor, data_dir)
    groups, categories, tdi = (
        _by_code(ref.SubstanceGroup),
        _by_code(ref.NpsCategory),
        _by_code(ref.TdiDrug),
    )
    _load_simple(
        report,
        "substances",
        ref.Substance,
        "substances.csv",
        lambda r: {
            **_names(_with_catalogue(r)),
            "kind": r["kind"],
            "group": groups(r.get("group", "")),
            "nps_category": categories(r.get("nps_category", "")),
            "tdi_code": tdi(r.get("tdi_code", "")),
            "default_unit": r.get("default_unit") or "kg",
            "cas": _with_catalogue(r).get("cas", ""),
            **{
                f"name_{lang}": r.get(f"name_{lang}", "") for lang in ("kk", "ky", "tg", "tk", "uz")
            },
        },
        actor,
        data_dir,
    )
    substances = _by_code(ref.Substance)
    for row in read_rows("substance_synonyms.csv", data_dir):
        upsert(
            report,
            "substance synonyms",
            ref.SubstanceSynonym,
            {
                "substance": substances(row["substance_code"]),
                "lang": row["lang"],
                "synonym": row["synonym"],
            },
            {},
            actor=actor,
            source="substance_synonyms.csv",
        )
    _load_simple(
        report,
        "units",
        ref.Unit,
        "units.csv",
        lambda r: {
            **_names(r),
            "dimension": r["dimension"],
            "factor_to_base": Decimal(r["factor_to_base"]),
            "base": r["base"],
            "aliases": r.get("aliases", ""),
        },
        actor,
        data_dir,
    )
    _load_simple(
        report,
        "concealment methods",
        ref.ConcealmentMethod,
        "concealment_methods.csv",
        lambda r: {**_names(r), "description_en": r.get("description_en", "")},
        actor,
        data_dir,
    )
    _load_simple(
        report, "transport modes", ref.TransportMode, "transport_modes.csv", _names, actor, data_dir
    )
    _load_simple(report, "drug forms", ref.DrugForm, "drug_forms.csv", _names, actor, data_dir)


def _with_catalogue(row: dict[str, str]) -> dict[str, str]:
    """A substance row whose chemical identity (names, CAS) comes from the engine catalogue.

    `substances.csv` leaves name_en, name_ru and cas empty for a row whose code is a
    catalogue id: the catalogue beside the chemistry engine is the one source of truth.
    """
    from cadis.engines.chem.catalogue import catalogue_by_id

    entry = catalogue_by_id().get(row["code"])
    if entry is None:
        return row
    return {**row, "name_en": entry["name_en"], "name_ru": entry["name_ru"], "cas": entry["cas"]}


def _threshold(value: str) -> Decimal | None:
    return Decimal(value) if value else None


def load_control_lists(report: LoadReport, actor=None, data_dir: Path = DATA_DIR) -> None:
    countries = _by_code(ref.Country)
    lists: dict[tuple[str, str], ref.ControlList] = {}
    for row in read_rows("control_lists.csv", data_dir):
        lists[(row["kind"], row["country"])] = upsert(
            report,
            "control lists",
            ref.ControlList,
            {"kind": row["kind"], "country": countries(row["country"]), "version": row["version"]},
            {
                "name": row["name"],
                "effective_from": date.fromisoformat(row["effective_from"]),
                "source": row["source"],
            },
            actor=actor,
            source="control_lists.csv",
        )
    international: dict[str, dict[str, str]] = {}
    for row in read_rows("precursors.csv", PRECURSOR_DATA_DIR):
        international[row["cas"]] = row
        control_list = lists[(row["list"], "")]
        upsert(
            report,
            "control list entries",
            ref.ControlListEntry,
            {"control_list": control_list, "cas": row["cas"], "name_en": row["name"]},
            {
                "name_ru": row.get("name_ru", ""),
                "other_names": row.get("other_names", ""),
                "hs6": row.get("hs6", ""),
                "under_control_since": row.get("under_control_since", ""),
            },
            actor=actor,
            source="precursors.csv",
        )
    for row in read_rows("precursor_national_lists.csv", PRECURSOR_DATA_DIR):
        country = row["country"]
        key = ("national", country)
        if key not in lists:
            lists[key] = upsert(
                report,
                "control lists",
                ref.ControlList,
                {"kind": "national", "country": countries(country), "version": "1"},
                {
                    "name": row.get("list_name") or f"National precursor list ({country})",
                    "effective_from": date(2024, 1, 1),
                    "source": "precursor_national_lists.csv (see docs/screening.md)",
                },
                actor=actor,
                source="precursor_national_lists.csv",
            )
        ident = row["cas_or_name"]
        parent = international.get(ident, {})
        upsert(
            report,
            "control list entries",
            ref.ControlListEntry,
            {
                "control_list": lists[key],
                "cas": ident if parent or _looks_like_cas(ident) else "",
                "name_en": parent.get("name") or ident,
            },
            {
                "name_ru": parent.get("name_ru", ""),
                "hs6": parent.get("hs6", ""),
                "threshold_percent": _threshold(row.get("threshold_percent", "")),
                "note": row.get("note", ""),
            },
            actor=actor,
            source="precursor_national_lists.csv",
        )
    for row in read_rows("precursor_synonyms.csv", PRECURSOR_DATA_DIR):
        upsert(
            report,
            "chemical synonyms",
            ref.ChemicalSynonym,
            {"cas": row["cas"], "lang": row["lang"], "synonym": row["synonym"]},
            {"kind": row.get("kind", "")},
            actor=actor,
            source="precursor_synonyms.csv",
        )


def _looks_like_cas(text: str) -> bool:
    parts = text.split("-")
    return len(parts) == 3 and all(p.isdigit() for p in parts)


LOADERS: tuple[Callable[..., None], ...] = (
    load_countries,
    load_subdivisions,
    load_vocabularies,
    load_control_lists,
)


@transaction.atomic
def refdata_load(
    *, actor=None, data_dir: Path = DATA_DIR, steps: Iterable[Callable[..., None]] = LOADERS
) -> LoadReport:
    """Load every reference file; all or nothing."""
    report = LoadReport()
    for step in steps:
        if step is load_countries:
            step(report, actor)
        else:
            step(report, actor, data_dir)
    return report
