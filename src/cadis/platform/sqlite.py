"""SQLite's LIKE folds case for ASCII letters only, so on the embedded database a search for
"мефедр" missed "Мефедрон" while PostgreSQL found it. ``unicode_like`` replaces SQLite's
``like()`` on every connection with one that folds case for every script, as PostgreSQL's
``UPPER(...) LIKE UPPER(...)`` does for Django's ``icontains``/``istartswith``.

(Django's ``contains`` is case-insensitive on SQLite for ASCII already, a documented caveat;
it now is for Cyrillic too.)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=512)
def _pattern(pattern: str, escape: str | None) -> re.Pattern[str]:
    parts: list[str] = []
    chars = iter(pattern)
    for char in chars:
        if escape is not None and char == escape:
            parts.append(re.escape(next(chars, "")))
        elif char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def unicode_like(pattern: str | None, value: Any, escape: str | None = None) -> bool | None:
    """SQL ``value LIKE pattern [ESCAPE escape]``, case folded for every script (NULL in,
    NULL out)."""
    if pattern is None or value is None:
        return None
    return _pattern(pattern, escape).fullmatch(str(value)) is not None


def install_unicode_like(sender: Any, connection: Any, **kwargs: Any) -> None:
    """``connection_created`` receiver: SQLite connections get ``unicode_like`` as LIKE."""
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_function("like", 2, unicode_like, deterministic=True)
    raw.create_function("like", 3, unicode_like, deterministic=True)
