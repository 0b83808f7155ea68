"""The bridge to the extraction engine: reference data in, engine facts out as rows.

The engine (`cadis.engines.extract`) knows nothing of Django; this module gives it the
reference vocabulary and agencies and turns its facts into ``Fact`` rows.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from cadis.engines import extract as engine

# Documents longer than this (characters) are extracted in a background job.
BACKGROUND_CHARS = 60_000


@cache
def engine_version() -> str:
    """A short fingerprint of the engine's source: facts record which rules produced them."""
    digest = hashlib.sha256()
    root = Path(engine.__file__).parent
    for path in sorted(root.glob("*.py")):
        digest.update(path.read_bytes())
    return f"extract-{digest.hexdigest()[:10]}"


_CACHE: dict[str, tuple[tuple, object]] = {}


def _cached(name: str, key: tuple, build):
    """Build once per process while the reference table is unchanged (``key``)."""
    hit = _CACHE.get(name)
    if hit is None or hit[0] != key:
        hit = (key, build())
        _CACHE[name] = hit
    return hit[1]


def _table_key(model) -> tuple:
    from django.db.models import Count, Max

    stats = model.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return (stats["n"], stats["last"])


def reference_vocabulary():
    """Substance names and synonyms of the reference data, for resolving what the text says."""
    from cadis.apps.reference.models import Substance, SubstanceSynonym

    def build():
        synonyms: dict[str, str] = {}
        for code, name_ru, name_en in Substance.objects.values_list("code", "name_ru", "name_en"):
            for name in (name_ru, name_en):
                if name:
                    synonyms[name] = code
        for synonym, code in SubstanceSynonym.objects.values_list("synonym", "substance__code"):
            synonyms.setdefault(synonym, code)
        return engine.SynonymVocabulary(synonyms) if synonyms else None

    return _cached("vocabulary", _table_key(Substance) + _table_key(SubstanceSynonym), build)


def reference_gazetteer():
    """The engine's agencies (richer name forms) plus the other agencies of the reference data."""
    from cadis.apps.reference.models import Agency

    builtin = {a.code for a in engine.DEFAULT_GAZETTEER.agencies}

    def build():
        rows = [
            {
                "code": a.code,
                "country": a.country.code if a.country_id else "",
                "name_ru": a.name_ru,
                "name_en": a.name_en,
                "abbr_ru": a.abbr_ru,
                "abbr_en": a.abbr_en,
            }
            for a in Agency.objects.select_related("country").exclude(code__in=builtin)
        ]
        return engine.Gazetteer.from_rows(rows) if rows else engine.DEFAULT_GAZETTEER

    return _cached("gazetteer", _table_key(Agency), build)


def extract_text(text: str, *, document_date=None, name: str | None = None, language=None):
    """Run the engine with the reference vocabulary and agencies."""
    return engine.extract(
        text,
        document=name,
        document_date=document_date,
        vocabulary=reference_vocabulary(),
        gazetteer=reference_gazetteer(),
        language=language if language in ("ru", "en") else None,
    )


def fact_rows(result) -> list[dict]:
    """Field values of ``Fact`` rows for each engine fact (payload: the engine's JSON)."""
    rows = []
    for fact in result.facts:
        payload = fact.to_json()
        payload.pop("sentence", None)
        rows.append(
            {
                "type": fact.type,
                "text": fact.text,
                "span_start": fact.span[0],
                "span_end": fact.span[1],
                "sentence": fact.sentence,
                "payload": payload,
            }
        )
    return rows
