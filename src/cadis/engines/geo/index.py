"""The name index behind the geocoder: every name of every entry under its skeleton key.

Words that say what kind of place follows ("область", "viloyati", "облысы", "район", "КПП",
"аэропорт", "город") become markers: `#r` (first-level subdivision) and `#d` (district) stay
in the keys, so "Osh Region" and "Ош облусу" meet while "Osh" stays the city; the others
are hints for the resolver.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from cadis.engines.geo.gazetteer import Gazetteer, GazetteerEntry, Kind
from cadis.engines.geo.text import (
    ADJECTIVE_MARK,
    collapse,
    index_candidates,
    normalise,
    skeleton,
    skeleton_raw,
    stem_key,
)

REGION, DISTRICT, CITY, CROSSING, AIRPORT, CAPITAL = "#r", "#d", "#c", "#x", "#a", "#k"
KEY_MARKERS = (REGION, DISTRICT)

_MARKER_PREFIXES: tuple[tuple[str, str], ...] = (
    # (word prefix, marker); checked in order, on the normalised token.
    ("област", REGION),
    ("oblast", REGION),
    ("облыс", REGION),
    ("oblys", REGION),
    ("облус", REGION),
    ("oblus", REGION),
    ("вилоят", REGION),
    ("viloyat", REGION),
    ("велаят", REGION),
    ("welaýat", REGION),
    ("welayat", REGION),
    ("провинци", REGION),
    ("province", REGION),
    ("region", REGION),
    ("регион", REGION),
    ("район", DISTRICT),
    ("district", DISTRICT),
    ("tuman", DISTRICT),
    ("туман", DISTRICT),
    ("аудан", DISTRICT),
    ("нохи", DISTRICT),
    ("ноҳи", DISTRICT),
    ("nohiya", DISTRICT),
    ("etrap", DISTRICT),
    ("этрап", DISTRICT),
    ("rayon", DISTRICT),
    ("аэропорт", AIRPORT),
    ("airport", AIRPORT),
    ("aeroport", AIRPORT),
    ("әуежай", AIRPORT),
    ("фурудгоҳ", AIRPORT),
    ("howa", AIRPORT),
    ("menzil", AIRPORT),
    ("погранпост", CROSSING),
    ("погранпереход", CROSSING),
    ("checkpoint", CROSSING),
    ("crossing", CROSSING),
    ("пропуск", CROSSING),
    ("таможн", CROSSING),
    ("перевал", CROSSING),
    ("бекет", CROSSING),
    ("өткөрмө", CROSSING),
    ("өткізу", CROSSING),
    ("автодорожн", CROSSING),
    ("şäher", CITY),
    ("город", CITY),
    ("посел", CITY),
    ("кишлак", CITY),
    ("village", CITY),
    ("qishlo", CITY),
    ("айыл", CITY),
    ("столиц", CAPITAL),
    ("capital", CAPITAL),
    ("пойтахт", CAPITAL),
    ("poytaxt", CAPITAL),
    ("борбор", CAPITAL),
    ("елорда", CAPITAL),
    ("paýtagt", CAPITAL),
)
_MARKER_WORDS = {
    "кпп": CROSSING,
    "пост": CROSSING,
    "посту": CROSSING,
    "поста": CROSSING,
    "постом": CROSSING,
    "пункт": CROSSING,
    "пункте": CROSSING,
    "пункта": CROSSING,
    "пунктом": CROSSING,
    "переход": CROSSING,
    "переходе": CROSSING,
    "перехода": CROSSING,
    "pass": CROSSING,
    "мост": CROSSING,
    "мосту": CROSSING,
    "моста": CROSSING,
    "мостом": CROSSING,
    "bridge": CROSSING,
    "post": CROSSING,
    "punkti": CROSSING,
    "край": REGION,
    "крае": REGION,
    "края": REGION,
    "краю": REGION,
    "краем": REGION,
    "krai": REGION,
    "oblasti": REGION,
    "vilayat": REGION,
    "ili": REGION,
    "г": CITY,
    "гор": CITY,
    "city": CITY,
    "town": CITY,
    "shahar": CITY,
    "пгт": CITY,
    "пос": CITY,
    "с": CITY,
    "село": CITY,
    "селе": CITY,
    "села": CITY,
    "аул": CITY,
    "ауле": CITY,
    "аула": CITY,
    "обл": REGION,
    # "city" in Uzbek, Tajik, Kazakh, Kyrgyz: whole words only ("Shahrisabz", "Шахринав" and
    # "Қалата" begin the same way).
    **dict.fromkeys(
        (
            "shahri",
            "shahrida",
            "shahridagi",
            "shahrining",
            "shahar",
            "shahrida",
            "шаҳри",
            "шаҳр",
            "шаҳрида",
            "шахри",
            "шахар",
            "қала",
            "қаласы",
            "қаласында",
            "қаласындағы",
            "қаласының",
            "шаар",
            "шаары",
            "шаарында",
            "шаарындагы",
            "шаарынын",
        ),
        CITY,
    ),
    "р-н": DISTRICT,
    "р-не": DISTRICT,
}


@lru_cache(maxsize=100_000)
def marker(token: str) -> str | None:
    """The marker a normalised word stands for, if any.

    >>> marker("облысында"), marker("viloyatida"), marker("районе"), marker("кпп")
    ('#r', '#r', '#d', '#x')
    """
    found = _MARKER_WORDS.get(token)
    if found:
        return found
    for prefix, kind in _MARKER_PREFIXES:
        if token.startswith(prefix):
            return kind
    return None


@dataclass(frozen=True, slots=True)
class IndexedName:
    entry: int  # position in `NameIndex.entries`
    primary: bool  # one of the entry's own names (not an alternate)
    markers: frozenset[str]  # hints the name itself carries (#c, #x, #a)
    spellings: frozenset[str] = (
        frozenset()
    )  # uncollapsed keys: "karasuu" (Кара-Суу) is not "karasu"


def name_token_keys(name: str) -> tuple[list[list[str]], frozenset[str]]:
    """Per token, the raw skeleton forms a name is indexed under, and its hint markers."""
    keys: list[list[str]] = []
    hints: set[str] = set()
    for token in normalise(name).split():
        found = marker(token)
        if found in KEY_MARKERS:
            keys.append([found])
        elif found:
            hints.add(found)
        else:
            keys.append(
                [
                    skeleton_raw(c[:-1]) + ADJECTIVE_MARK
                    if c.endswith(ADJECTIVE_MARK)
                    else skeleton_raw(c)
                    for c in index_candidates(token)
                ]
            )
    return keys, frozenset(hints)


@dataclass
class NameIndex:
    """Keys -> names; token-boundary prefixes for pruning; stems for district adjectives."""

    entries: tuple[GazetteerEntry, ...]
    keys: dict[str, list[IndexedName]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    stems: dict[str, list[int]] = field(default_factory=dict)
    airports_by_city: dict[str, list[int]] = field(default_factory=dict)
    fuzzy_buckets: dict[str, list[str]] = field(default_factory=dict)
    max_tokens: int = 5

    @classmethod
    def build(cls, gazetteer: Gazetteer) -> NameIndex:
        index = cls(tuple(gazetteer.entries))
        keys: dict[str, list[IndexedName]] = defaultdict(list)
        spellings: dict[tuple[str, int], set[str]] = defaultdict(set)
        stems: dict[str, set[int]] = defaultdict(set)
        for position, entry in enumerate(index.entries):
            primary = set(entry.primary_names)
            for name in entry.all_names:
                token_keys, hints = name_token_keys(name)
                if not token_keys or len(token_keys) > index.max_tokens:
                    continue
                for combo in product(*token_keys):
                    for cut in range(1, len(combo)):
                        index.prefixes.add(collapse("".join(combo[:cut])))
                    key = collapse("".join(combo))
                    if len(key.replace("#", "").replace(ADJECTIVE_MARK, "")) < 3:
                        continue
                    keys[key].append(IndexedName(position, name in primary, hints))
                    spellings[(key, position)].add("".join(combo))
                if entry.kind == Kind.PLACE and len(token_keys) == 1:
                    stem = stem_key(name)
                    if len(stem) >= 3:
                        stems[stem].add(position)
            if entry.kind == Kind.AIRPORT:
                index.airports_by_city.setdefault(skeleton(entry.get("city")), []).append(position)
        # One entry per (key, entry): keep the primary name's record when both exist.
        for key, names in keys.items():
            best: dict[int, IndexedName] = {}
            for item in names:
                if item.entry not in best or (item.primary and not best[item.entry].primary):
                    best[item.entry] = item
            index.keys[key] = [
                IndexedName(n.entry, n.primary, n.markers, frozenset(spellings[(key, n.entry)]))
                for n in best.values()
            ]
        index.stems = {stem: sorted(found) for stem, found in stems.items()}
        buckets: dict[str, list[str]] = defaultdict(list)
        for key in index.keys:
            if len(key) >= 4 and re.match(r"[a-z]", key):
                buckets[key[0]].append(key)
        index.fuzzy_buckets = dict(buckets)
        return index
