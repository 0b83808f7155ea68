from __future__ import annotations

from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase


class LimitOffset(PaginationBase):
    """``?limit=&offset=``; answers ``{"count", "limit", "offset", "items"}``."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=1000)
        offset: int = Field(0, ge=0)

    class Output(Schema):
        count: int
        limit: int
        offset: int
        items: list[Any]

    items_attribute = "items"

    def paginate_queryset(self, queryset, pagination: Input, **params):
        count = queryset.count() if hasattr(queryset, "count") and not isinstance(queryset, list) else len(queryset)
        items = queryset[pagination.offset : pagination.offset + pagination.limit]
        return {"count": count, "limit": pagination.limit, "offset": pagination.offset, "items": list(items)}
