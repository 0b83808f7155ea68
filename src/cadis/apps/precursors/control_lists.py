"""The engine's ControlList built from the control lists in force on a date (database rows).

The version string names every list version used plus a digest of the rows, e.g.
``table_I 2024 · table_II 2024 · watch 2024 · national KZ 1 #3f2a9c1b``; a screener is built
once per digest and reused until any list, entry or synonym changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from django.db.models import Q
from django.utils import timezone

from cadis.apps.reference.models import ChemicalSynonym, ControlList, ControlListEntry
from cadis.engines.screening import ControlledSubstance, Screener, load_control_list_csv
from cadis.engines.screening import ControlList as EngineControlList

CACHE_SIZE = 8
_cache: OrderedDict[str, tuple[EngineControlList, Screener]] = OrderedDict()
_lock = threading.Lock()


class NoControlLists(LookupError):
    """The database holds no control list in force on the date."""


@dataclass(frozen=True)
class BuiltList:
    control_list: EngineControlList
    screener: Screener
    lists: list[ControlList]

    @property
    def version(self) -> str:
        return self.control_list.version


def lists_in_force(on: dt.date) -> list[ControlList]:
    """One version per (kind, country): the latest one that is in force on ``on``.

    ``effective_to`` is the last day a version is in force (inclusive)."""
    rows = (
        ControlList.objects.filter(effective_from__lte=on)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=on))
        .select_related("country")
        .order_by("kind", "country__code", "-effective_from", "-id")
    )
    chosen: dict[tuple[str, str], ControlList] = {}
    for row in rows:
        chosen.setdefault((row.kind, row.country.code if row.country_id else ""), row)
    order = {"table_I": 0, "table_II": 1, "watch": 2, "national": 3}
    return sorted(
        chosen.values(),
        key=lambda r: (order.get(r.kind, 9), r.country.code if r.country_id else ""),
    )


def engine_list_name(control_list: ControlList) -> str:
    if control_list.kind == ControlList.Kind.NATIONAL and control_list.country_id:
        return f"national:{control_list.country.code}"
    return control_list.kind


def _version_label(control_list: ControlList) -> str:
    if control_list.kind == ControlList.Kind.NATIONAL:
        return f"national {control_list.country.code if control_list.country_id else '?'} {control_list.version}"
    return f"{control_list.kind} {control_list.version}"


def _split(raw: str) -> list[str]:
    return [part.strip() for part in (raw or "").split(";") if part.strip()]


def _is_abbreviation(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return len(name) <= 10 and bool(letters) and all(ch.isupper() for ch in letters)


@lru_cache(maxsize=1)
def _engine_only_facts() -> dict[str, tuple[tuple[str, ...], str]]:
    """Salt CAS numbers and HS scope by CAS, which ``ControlListEntry`` does not store (yet):
    taken from the engine's reading of ``precursors.csv``."""
    return {
        e.cas: (e.salt_cas, e.hs_scope) for e in load_control_list_csv().entries if not e.country
    }


def _default_scope(hs6: str) -> str:
    return "residual" if hs6.replace(".", "").endswith("9") else "specific"


def _rows(
    on: dt.date,
) -> tuple[list[ControlList], list[ControlListEntry], list[ChemicalSynonym], str]:
    lists = lists_in_force(on)
    entries = list(ControlListEntry.objects.filter(control_list__in=lists).order_by("id"))
    synonyms = list(ChemicalSynonym.objects.order_by("id"))
    digest = hashlib.sha1()
    for cl in lists:
        digest.update(
            repr(
                (cl.pk, cl.kind, cl.country_id, cl.version, cl.effective_from, cl.effective_to)
            ).encode()
        )
    for e in entries:
        digest.update(
            repr(
                (
                    e.pk,
                    e.control_list_id,
                    e.name_en,
                    e.name_ru,
                    e.other_names,
                    e.cas,
                    e.hs6,
                    str(e.threshold_percent),
                )
            ).encode()
        )
    for s in synonyms:
        digest.update(repr((s.cas, s.lang, s.synonym, s.kind)).encode())
    return lists, entries, synonyms, digest.hexdigest()[:10]


def _substances(
    lists: list[ControlList], entries: list[ControlListEntry], synonyms: list[ChemicalSynonym]
) -> list[ControlledSubstance]:
    by_cas: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s in synonyms:
        kind = s.kind or "name"
        field = (
            {"en": "names_en", "ru": "names_ru"}.get(s.lang, "names_other")
            if kind == "name"
            else {
                "abbreviation": "abbreviations",
                "salt": "salt_names",
                "exclude": "exclusions",
            }.get(kind, "names_other")
        )
        by_cas[s.cas][field].append(s.synonym)
    list_of = {cl.pk: cl for cl in lists}
    facts = _engine_only_facts()
    base: dict[str, ControlledSubstance] = {}
    national: list[tuple[ControlListEntry, ControlList]] = []
    for entry in entries:
        cl = list_of[entry.control_list_id]
        if cl.kind == ControlList.Kind.NATIONAL:
            national.append((entry, cl))
            continue
        extra = by_cas.get(entry.cas, {})
        others, names_ru = _split(entry.other_names), _split(entry.name_ru)
        salt_cas, scope = facts.get(entry.cas, ((), _default_scope(entry.hs6)))
        base[entry.cas] = ControlledSubstance(
            cas=entry.cas,
            name=entry.name_en,
            list=engine_list_name(cl),
            names_en=tuple([entry.name_en, *extra.get("names_en", [])]),
            names_ru=tuple(
                [n for n in names_ru if not _is_abbreviation(n)] + extra.get("names_ru", [])
            ),
            names_other=tuple(
                [n for n in others if not _is_abbreviation(n)] + extra.get("names_other", [])
            ),
            abbreviations=tuple(
                [n for n in others + names_ru if _is_abbreviation(n)]
                + extra.get("abbreviations", [])
            ),
            salt_names=tuple(extra.get("salt_names", [])),
            exclusions=tuple(extra.get("exclusions", [])),
            salt_cas=tuple(salt_cas),
            hs6=entry.hs6,
            hs_scope=scope,
        )
    result = list(base.values())
    for entry, cl in national:
        country = cl.country.code if cl.country_id else ""
        threshold = float(entry.threshold_percent) if entry.threshold_percent is not None else None
        key = entry.cas or entry.name_en
        if key in base:
            result.append(
                replace(
                    base[key],
                    list=engine_list_name(cl),
                    threshold_percent=threshold,
                    country=country,
                )
            )
            continue
        extra = by_cas.get(key, {})
        names = extra.get("names_en", []) + extra.get("names_ru", [])
        own = [n for n in [entry.name_en, *_split(entry.name_ru)] if n and n != entry.cas]
        result.append(
            ControlledSubstance(
                cas=entry.cas,
                name=(names or own or [key])[0],
                list=engine_list_name(cl),
                names_en=tuple(extra.get("names_en", []) or [n for n in own if n != entry.name_ru]),
                names_ru=tuple(extra.get("names_ru", []) or _split(entry.name_ru)),
                names_other=tuple(extra.get("names_other", []) + _split(entry.other_names)),
                abbreviations=tuple(extra.get("abbreviations", [])),
                salt_names=tuple(extra.get("salt_names", [])),
                exclusions=tuple(extra.get("exclusions", [])),
                hs6=entry.hs6,
                hs_scope=_default_scope(entry.hs6) if entry.hs6 else "specific",
                threshold_percent=threshold,
                country=country,
            )
        )
    return result


def build(on: dt.date | None = None) -> BuiltList:
    """The control list and a ready screener for the lists in force on ``on`` (default today).

    Raises :class:`NoControlLists` when the database has none."""
    on = on or timezone.localdate()
    lists, entries, synonyms, digest = _rows(on)
    if not lists:
        raise NoControlLists(f"no control list is in force on {on.isoformat()}")
    version = " · ".join(_version_label(cl) for cl in lists) + f" #{digest}"
    with _lock:
        cached = _cache.get(version)
        if cached is not None:
            _cache.move_to_end(version)
    if cached is None:
        control = EngineControlList(
            version=version,
            entries=tuple(_substances(lists, entries, synonyms)),
            effective_from=max(cl.effective_from for cl in lists),
        )
        cached = (control, Screener.from_control_list(control))
        with _lock:
            _cache[version] = cached
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return BuiltList(control_list=cached[0], screener=cached[1], lists=lists)


def clear_cache() -> None:
    with _lock:
        _cache.clear()
