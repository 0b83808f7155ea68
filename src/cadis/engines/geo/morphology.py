"""Russian lemmas from pymorphy2, for words the rule-based candidates in `text` miss.

pymorphy2 0.9 calls `inspect.getargspec`, which Python 3.11 removed; the analyser is built
with a small stand-in for it (the signature pymorphy2 expects), installed only when missing.
The analyser is loaded once, on first use (about 0.1 s).
"""

from __future__ import annotations

import inspect
from collections import namedtuple
from functools import lru_cache
from typing import Any

_ArgSpec = namedtuple("_ArgSpec", "args varargs keywords defaults")


def _getargspec(func: Any) -> _ArgSpec:
    spec = inspect.getfullargspec(func)
    return _ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


@lru_cache(maxsize=1)
def _analyser() -> Any:
    if not hasattr(inspect, "getargspec"):
        inspect.getargspec = _getargspec  # type: ignore[attr-defined]
    import pymorphy2

    return pymorphy2.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def lemmas(word: str) -> tuple[str, ...]:
    """Normal forms pymorphy2 proposes for a lower-case Russian word, likeliest first.

    >>> "орел" in lemmas("орле")
    True
    """
    seen: dict[str, None] = {}
    for parse in _analyser().parse(word)[:4]:
        seen.setdefault(parse.normal_form.replace("ё", "е"), None)
    return tuple(seen)
