"""Organisations and countries mentioned: natasha NER for Russian, the gazetteer for English.

The natasha models ship inside its wheel; they are loaded once, on first use.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from cadis.engines.extract.analysis import SentenceView
from cadis.engines.extract.gazetteer import Gazetteer
from cadis.engines.extract.model import Fact
from cadis.engines.extract.places import find_places

_LOCK = threading.Lock()
_EN_ORGANISATION = re.compile(
    r"(?<![\w])(?:[A-Z][\w'-]+\s+){0,5}(?:Ministry|Agency|Service|Committee|Office|Centre|Center|Department|"
    r"Commission|Programme|Program|Foundation|Council|Directorate|Police|Guards?|Troops)"
    r"(?:\s+(?:of|for|on|under|to)\s+(?:the\s+)?(?:[A-Z][\w'-]+|and|of|for|the)(?:\s+(?:[A-Z][\w'-]+|and|of|for|the))*)?"
    r"|(?<![\w])(?:UNODC|CARICC|CADAP|OSCE|EUDA|EMCDDA|INCB|WHO|INTERPOL|Interpol|CSTO|SCO|FIIAPP|European\s+Union)(?![\w])"
)


@lru_cache(maxsize=1)
def _natasha() -> Any:
    with _LOCK:
        from natasha import NewsEmbedding, NewsNERTagger

        return NewsNERTagger(NewsEmbedding())


def load_models() -> None:
    """Load the NER models now (e.g. at worker start) instead of on the first document."""
    _natasha()


def russian_entities(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of ORG/LOC/PER spans found by natasha's news NER model."""
    if not text.strip():
        return []
    # The tagger reads raw text; natasha's Doc would also segment it, which we do not need.
    markup = _natasha()(text)
    return [(span.start, span.stop, span.type) for span in markup.spans]


def mention_facts(
    text: str, language: str, gazetteer: Gazetteer, views: list[SentenceView]
) -> list[Fact]:
    """One fact per distinct organisation or country named in the document (first mention)."""
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()

    def sentence_of(position: int) -> SentenceView | None:
        for view in views:
            if view.sentence.start <= position < view.sentence.end:
                return view
        return None

    def add(fact_type: str, start: int, end: int, key: str, **fields: Any) -> None:
        if (fact_type, key) in seen:
            return
        seen.add((fact_type, key))
        view = sentence_of(start)
        facts.append(
            Fact(
                type=fact_type,
                text=text[start:end],
                span=(start, end),
                sentence=view.original if view else "",
                **fields,
            )
        )

    for view in views:
        offset = view.sentence.start
        for agency in view.agencies:
            if agency.code is None and agency.country is None:
                continue  # "police", "МВД" alone name no one in particular
            key = agency.code or f"{agency.text.lower()}|{agency.country}"
            add(
                "organisation",
                offset + agency.start,
                offset + agency.end,
                key,
                name=agency.name_en or agency.text,
                agency=agency.text,
                agency_code=agency.code,
                country=agency.country,
            )
        for place in view.places:
            if place.kind == "country":
                add(
                    "country",
                    offset + place.start,
                    offset + place.end,
                    place.country,
                    country=place.country,
                )

    if language == "ru":
        organisations = [(s, e) for s, e, kind in russian_entities(text) if kind == "ORG"]
    else:
        organisations = [(m.start(), m.end()) for m in _EN_ORGANISATION.finditer(text)]
    for start, end in organisations:
        name = " ".join(text[start:end].split())
        if (
            len(name) < 3
            or (language == "en" and " " not in name and not name.isupper())
            or any(start < f.span[1] and f.span[0] < end for f in facts if f.type == "organisation")
        ):
            continue
        places = find_places(name)
        country = places[0].country if places else None
        add("organisation", start, end, name.lower(), name=name, country=country)
    facts.sort(key=lambda f: f.span)
    return facts
