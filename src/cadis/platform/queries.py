"""Query helpers the selectors share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet


def filter_by(
    queryset: QuerySet[Any], values: Mapping[str, Any], lookups: Mapping[str, str]
) -> QuerySet[Any]:
    """Apply each given (non-empty) value to its lookup; the selectors' filter chains in one place.

    ``filter_by(qs, {"country": "KG", "year": None}, {"country": "country__code", "year": "year"})``
    is ``qs.filter(country__code="KG")``.
    """
    for name, lookup in lookups.items():
        value = values.get(name)
        if value not in (None, "", [], ()):
            queryset = queryset.filter(**{lookup: value})
    return queryset
