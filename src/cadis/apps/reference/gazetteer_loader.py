"""Load the geo engine's gazetteer into `Place` and `PlaceName` (idempotent, audited).

Called by `cadis refdata load` after the other reference data (countries and subdivisions
must be there). Places are matched on their gazetteer code; a place is created when missing,
updated (with an audit entry holding before and after) when a value differs, left alone
otherwise. Names are synchronised per place: missing ones added, stale ones removed.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from cadis.apps.reference import models as ref
from cadis.apps.reference.loader import LoadReport
from cadis.engines.geo.gazetteer import GazetteerEntry, Kind, load_gazetteer
from cadis.platform import audit
from cadis.platform.records import SourceKind

SOURCE = {"file": "cadis/engines/geo/data (GeoNames CC BY 4.0 + cadis)"}
_KINDS = {
    Kind.PLACE: ref.Place.Kind.POPULATED_PLACE,
    Kind.DISTRICT: ref.Place.Kind.DISTRICT,
    Kind.CROSSING: ref.Place.Kind.CROSSING,
    Kind.AIRPORT: ref.Place.Kind.AIRPORT,
    Kind.SUBDIVISION: ref.Place.Kind.SUBDIVISION,
}
_NATIONAL = ("kk", "ky", "tg", "tk", "uz")


def _values(entry: GazetteerEntry, countries: dict, subdivisions: dict) -> dict:
    national = {
        f"name_{lang}": entry.name_local if entry.local_lang == lang else "" for lang in _NATIONAL
    }
    return {
        "kind": _KINDS[entry.kind],
        "country": countries[entry.country],
        "subdivision": subdivisions.get(entry.subdivision),
        "subdivision_code": entry.subdivision,
        "name_en": entry.name_en[:300],
        "name_ru": (entry.name_ru or entry.name_en)[:300],
        **national,
        "latitude": float(entry.lat),
        "longitude": float(entry.lon),
        "population": entry.population,
        "source": "GeoNames" if entry.id.startswith("gn-") else "cadis",
    }


def _names(entry: GazetteerEntry) -> dict[str, str]:
    names = {name[:200]: "" for name in entry.alternates}
    names.update({entry.name_en[:200]: "en"})
    if entry.name_ru:
        names[entry.name_ru[:200]] = "ru"
    if entry.name_local and names.get(entry.name_local[:200], "") == "":
        names[entry.name_local[:200]] = entry.local_lang
    return names


@transaction.atomic
def gazetteer_load(report: LoadReport | None = None, actor=None) -> LoadReport:
    """Load every gazetteer entry except countries (they are `Country` rows already)."""
    report = report or LoadReport()
    countries = {c.code: c for c in ref.Country.objects.all()}
    subdivisions = {s.code: s for s in ref.Subdivision.objects.all()}
    existing = {p.code: p for p in ref.Place.objects.all()}
    stored_names: dict[int, dict[str, str]] = defaultdict(dict)
    for place_id, name, lang in ref.PlaceName.objects.values_list("place_id", "name", "lang"):
        stored_names[place_id][name] = lang
    new_names: list[ref.PlaceName] = []
    stale: list[tuple[int, list[str]]] = []
    for entry in load_gazetteer():
        if entry.kind == Kind.COUNTRY or entry.country not in countries:
            continue
        values = _values(entry, countries, subdivisions)
        place = existing.get(entry.id)
        if place is None:
            place = ref.Place.objects.create(code=entry.id, **values)
            audit.record_create(
                actor=actor, obj=place, source_kind=SourceKind.SYSTEM, source_detail=SOURCE
            )
            report.count("places", "created")
        else:
            changed = {k: v for k, v in values.items() if getattr(place, k) != v}
            if changed:
                before = audit.snapshot(place)
                for key, value in changed.items():
                    setattr(place, key, value)
                place.save()
                audit.record_update(
                    actor=actor,
                    obj=place,
                    before=before,
                    source_kind=SourceKind.SYSTEM,
                    source_detail=SOURCE,
                )
                report.count("places", "updated")
            else:
                report.count("places", "unchanged")
        wanted, have = _names(entry), stored_names.get(place.pk, {})
        for name, lang in wanted.items():
            if have.get(name) != lang:
                if name in have:
                    stale.append((place.pk, [name]))
                new_names.append(ref.PlaceName(place=place, name=name, lang=lang))
                report.count("place names", "created" if name not in have else "updated")
            else:
                report.count("place names", "unchanged")
        gone = [name for name in have if name not in wanted]
        if gone:
            stale.append((place.pk, gone))
    for place_id, names in stale:
        ref.PlaceName.objects.filter(place_id=place_id, name__in=names).delete()
    ref.PlaceName.objects.bulk_create(new_names, batch_size=2000)
    return report
