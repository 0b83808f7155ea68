"""Job handlers by kind. A handler is ``fn(job, progress) -> dict`` (the job's result)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Handler = Callable[..., dict[str, Any]]
_HANDLERS: dict[str, Handler] = {}


def job_handler(kind: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _HANDLERS[kind] = fn
        return fn

    return register


def handler_for(kind: str) -> Handler:
    try:
        return _HANDLERS[kind]
    except KeyError:
        raise LookupError(f"No job handler is registered for {kind!r}.") from None


def registered_kinds() -> list[str]:
    return sorted(_HANDLERS)
