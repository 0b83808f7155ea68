"""Job handlers by kind. A handler is ``fn(job, progress) -> dict`` (the job's result)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Handler = Callable[..., dict[str, Any]]
# A cleanup is ``fn(job, *, final: bool, reason: str)``: it removes the partial output of a run
# whose worker died (or that was cancelled) and puts the job's records back where the retry, or
# the user (``final``), can take them up again.
Cleanup = Callable[..., None]
_HANDLERS: dict[str, Handler] = {}
_CLEANUPS: dict[str, Cleanup] = {}


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


def job_cleanup(kind: str) -> Callable[[Cleanup], Cleanup]:
    """Register the cleanup of a kind (see ``cadis.apps.jobs.recovery``)."""

    def register(fn: Cleanup) -> Cleanup:
        _CLEANUPS[kind] = fn
        return fn

    return register


def cleanup_for(kind: str) -> Cleanup | None:
    return _CLEANUPS.get(kind)
