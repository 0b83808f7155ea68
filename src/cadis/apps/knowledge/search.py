"""Full-text search of the document library in Russian and English.

PostgreSQL: a ``tsvector`` column built with the ``russian`` configuration (Snowball stemmers:
Russian for Cyrillic words, English for Latin ones), a GIN index and ``websearch_to_tsquery``.
Other databases (SQLite): the same Snowball stemmers in Python fill ``search_tokens`` with
`` stem stem … ``; a query matches documents that contain every stemmed query word.
Both sides stem the same way, so "изъятие" finds "изъято" and "seizures" finds "seized".
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet

CONFIG = "russian"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]")
MAX_QUERY_WORDS = 12


@lru_cache(maxsize=2)
def _stemmer(language: str):
    return snowballstemmer.stemmer(language)


@lru_cache(maxsize=50000)
def stem(word: str) -> str:
    """The Snowball stem of one lower-case word (Russian if it has Cyrillic letters)."""
    word = word.lower().replace("ё", "е")
    if _CYRILLIC.search(word):
        return _stemmer("russian").stemWord(word)
    if word.isascii() and word.isalpha():
        return _stemmer("english").stemWord(word)
    return word


def words(text: str) -> list[str]:
    return _WORD.findall(text or "")


def tokens(text: str) -> str:
    """`` stem stem … `` of the distinct stems in ``text`` (padded so a stem matches whole)."""
    seen = dict.fromkeys(stem(w) for w in words(text))
    return " " + " ".join(seen) + " " if seen else ""


def query_stems(query: str) -> list[str]:
    return list(dict.fromkeys(stem(w) for w in words(query)))[:MAX_QUERY_WORDS]


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def document_vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("publisher", weight="B", config=CONFIG)
        + SearchVector("text", weight="C", config=CONFIG)
    )


def refresh_index(document) -> None:
    """Fill the search columns of one saved document."""
    from cadis.apps.knowledge.models import Document

    document.search_tokens = tokens(f"{document.title} {document.publisher} {document.text}")
    Document.objects.filter(pk=document.pk).update(search_tokens=document.search_tokens)
    if uses_postgres():
        Document.objects.filter(pk=document.pk).update(search_vector=document_vector())


def search(queryset: QuerySet, query: str) -> QuerySet:
    """Documents of ``queryset`` matching every word of ``query``, best first on PostgreSQL."""
    stems = query_stems(query)
    if not stems:
        return queryset.none()
    if uses_postgres():
        tsquery = SearchQuery(
            " ".join(words(query)[:MAX_QUERY_WORDS]), config=CONFIG, search_type="plain"
        )
        return (
            queryset.filter(search_vector=tsquery)
            .annotate(rank=SearchRank(F("search_vector"), tsquery))
            .order_by("-rank", "-published_on", "-id")
        )
    condition = Q()
    for s in stems:
        condition &= Q(search_tokens__contains=f" {s} ")
    return queryset.filter(condition)


def highlight_terms(query: str) -> list[str]:
    return query_stems(query)
