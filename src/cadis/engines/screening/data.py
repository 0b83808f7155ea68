"""Build a :class:`ControlList` from the project's CSV reference files (no database needed)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from cadis.engines.tables import data_records

from .cas import check_cas
from .model import ControlledSubstance, ControlList

# The precursor tables live beside the engine; `cadis refdata load` reads them from here too.
DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"
PRECURSORS_FILE = "precursors.csv"
SYNONYMS_FILE = "precursor_synonyms.csv"
NATIONAL_FILE = "precursor_national_lists.csv"

LIST_LABELS = {
    "table_I": "Table I",
    "table_II": "Table II",
    "watch": "watch list",
}


def list_label(list_name: str) -> str:
    """Human label of a list code: ``table_I`` -> ``Table I``, ``national:KZ`` -> ``national list KZ``."""
    if list_name.startswith("national:"):
        return f"national list {list_name.split(':', 1)[1]}"
    return LIST_LABELS.get(list_name, list_name)


def _split_names(raw: str) -> list[str]:
    return [part.strip() for part in (raw or "").split(";") if part.strip()]


def _looks_like_abbreviation(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return len(name) <= 10 and bool(letters) and all(ch.isupper() for ch in letters)


def _resolve_paths(dir_or_paths: str | Path | Iterable[str | Path] | None) -> dict[str, Path]:
    if dir_or_paths is None:
        dir_or_paths = DEFAULT_DATA_DIR
    if isinstance(dir_or_paths, str | Path):
        base = Path(dir_or_paths)
        return {
            name: base / name
            for name in (PRECURSORS_FILE, SYNONYMS_FILE, NATIONAL_FILE)
            if (base / name).exists()
        }
    return {Path(path).name: Path(path) for path in dir_or_paths}


def load_control_list_csv(
    dir_or_paths: str | Path | Iterable[str | Path] | None = None,
) -> ControlList:
    """Read ``precursors.csv`` (+ synonyms and national lists when present) into a ControlList.

    The version string is a digest of the files, so results always name the data they used.

    >>> ctrl = load_control_list_csv()
    >>> any(entry.cas == "108-24-7" for entry in ctrl.entries)
    True
    """
    paths = _resolve_paths(dir_or_paths)
    if PRECURSORS_FILE not in paths:
        raise FileNotFoundError(f"{PRECURSORS_FILE} not found in {dir_or_paths}")
    digest = hashlib.sha1()
    texts: dict[str, str] = {}
    for name in sorted(paths):
        texts[name] = paths[name].read_text(encoding="utf-8-sig")
        digest.update(texts[name].encode("utf-8"))

    synonyms: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in data_records(texts.get(SYNONYMS_FILE, "cas,lang,synonym,kind\n")):
        cas, synonym = row["cas"].strip(), row["synonym"].strip()
        kind = (row.get("kind") or "name").strip()
        lang = (row.get("lang") or "").strip()
        if not cas or not synonym:
            continue
        if kind == "name":
            kind = {"en": "names_en", "ru": "names_ru"}.get(lang, "names_other")
        else:
            kind = {
                "abbreviation": "abbreviations",
                "salt": "salt_names",
                "exclude": "exclusions",
            }.get(kind, "names_other")
        synonyms[cas][kind].append(synonym)

    base: dict[str, ControlledSubstance] = {}
    for row in data_records(texts[PRECURSORS_FILE]):
        cas = row["cas"].strip()
        extra = synonyms.get(cas, {})
        others = _split_names(row.get("other_names", ""))
        names_ru = _split_names(row.get("name_ru", ""))
        base[cas] = ControlledSubstance(
            cas=cas,
            name=row["name"].strip(),
            list=row["list"].strip(),
            names_en=tuple([row["name"].strip()] + extra.get("names_en", [])),
            names_ru=tuple(
                [n for n in names_ru if not _looks_like_abbreviation(n)] + extra.get("names_ru", [])
            ),
            names_other=tuple(
                [n for n in others if not _looks_like_abbreviation(n)]
                + extra.get("names_other", [])
            ),
            abbreviations=tuple(
                [n for n in others + names_ru if _looks_like_abbreviation(n)]
                + extra.get("abbreviations", [])
            ),
            salt_names=tuple(extra.get("salt_names", [])),
            exclusions=tuple(extra.get("exclusions", [])),
            salt_cas=tuple(_split_names(row.get("salt_cas", ""))),
            hs6=row.get("hs6", "").strip(),
            hs_scope=(row.get("hs_scope") or "").strip() or "specific",
        )

    entries = list(base.values())
    entries.extend(_national_entries(texts.get(NATIONAL_FILE, ""), base, synonyms))
    return ControlList(version=f"csv-{digest.hexdigest()[:12]}", entries=tuple(entries))


def _national_entries(
    text: str,
    base: dict[str, ControlledSubstance],
    synonyms: dict[str, dict[str, list[str]]],
) -> list[ControlledSubstance]:
    entries: list[ControlledSubstance] = []
    for row in data_records(text):
        country = row["country"].strip().upper()
        key = row["cas_or_name"].strip()
        threshold = float(row["threshold_percent"]) if row.get("threshold_percent") else None
        list_name = f"national:{country}"
        if key in base:
            parent = base[key]
            entries.append(
                ControlledSubstance(
                    **{
                        **{f: getattr(parent, f) for f in parent.__slots__},
                        "list": list_name,
                        "threshold_percent": threshold,
                        "country": country,
                    }
                )
            )
            continue
        names = synonyms.get(key, {})
        is_cas = check_cas(key).valid
        all_names = names.get("names_en", []) + names.get("names_ru", [])
        display = all_names[0] if all_names else key
        entries.append(
            ControlledSubstance(
                cas=key if is_cas else "",
                name=display,
                list=list_name,
                names_en=tuple(names.get("names_en", []) or ([] if is_cas else [key])),
                names_ru=tuple(names.get("names_ru", [])),
                names_other=tuple(names.get("names_other", [])),
                abbreviations=tuple(names.get("abbreviations", [])),
                salt_names=tuple(names.get("salt_names", [])),
                exclusions=tuple(names.get("exclusions", [])),
                threshold_percent=threshold,
                country=country,
            )
        )
    return entries
