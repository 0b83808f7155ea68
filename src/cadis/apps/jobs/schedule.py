"""Work started by the clock or by records written, for modules that must not import each other.

- **On a timer**: a module registers ``@periodic(name, interval=...)``; the watcher thread of every
  worker (``recovery.Watcher``, the one that recovers orphaned jobs) calls it when the worker
  starts and then every ``interval()`` seconds (read each time, so settings apply at once; 0 or
  less: not run). The duty usually queues a job; several workers each call it, so it must do
  nothing when another worker already has (see ``ews.jobs.schedule_signals``).
- **After records are written**: a module that writes many records at once (an import) calls
  ``records_written(source=, countries=)``; the modules that registered
  ``@after_records(source)`` are called with the countries (typically to queue a job once the
  transaction commits). The writer imports nothing of theirs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

logger = logging.getLogger(__name__)

Interval = Callable[[], float]


@dataclass(frozen=True)
class Periodic:
    name: str
    interval: Interval
    run: Callable[[], object]


_PERIODIC: dict[str, Periodic] = {}
_FOLLOWERS: dict[str, list[Callable[[list[str]], None]]] = {}


def periodic(name: str, *, interval: Interval) -> Callable[[Callable[[], object]], Callable[[], object]]:
    """Register ``fn()`` to be called by every worker's watcher every ``interval()`` seconds."""

    def register(fn: Callable[[], object]) -> Callable[[], object]:
        _PERIODIC[name] = Periodic(name, interval, fn)
        return fn

    return register


def periodic_duties() -> list[Periodic]:
    return [_PERIODIC[name] for name in sorted(_PERIODIC)]


def after_records(source: str) -> Callable[[Callable[[list[str]], None]], Callable[[list[str]], None]]:
    """Register ``fn(countries)`` to be called when records of ``source`` have been written."""

    def register(fn: Callable[[list[str]], None]) -> Callable[[list[str]], None]:
        followers = _FOLLOWERS.setdefault(source, [])
        if fn not in followers:
            followers.append(fn)
        return fn

    return register


def records_written(*, source: str, countries: Iterable[str]) -> None:
    """Records of ``source`` were written for these countries (ISO codes): tell the followers."""
    codes = sorted({c for c in countries if c})
    if not codes:
        return
    for follower in _FOLLOWERS.get(source, []):
        follower(codes)
