"""Where an accepted fact goes: the module registered as the receiver of its type.

A module that turns facts into its own records lists the fact types it receives in its
``AppConfig.fact_sinks`` (``cadis.platform.modules``); supply does so for seizures and case
facts. Extraction asks here and imports no module of the receiving side. A receiver offers:

- ``kinds``: {record kind: label}; ``form_class``: the form a reviewer edits (with ``FIELDS``
  per kind and ``values()``);
- ``default_kind(fact)``, ``proposal(fact, kind)``: the record a fact suggests, as plain values;
- ``record_create(actor=, fact=, values=, source_kind=)``: the record, through its services;
- ``same_figure(a, b)``, ``similar_records(values, user)``: probable duplicates;
- ``record_link(record_type, record_id)``: (label, url) of a record a fact became;
- ``preview(fact, values)``: (label, value) rows of the record, in the active language;
- ``checks(fact, values, user)``: codes of the receiver's plausibility checks that fail.
"""

from __future__ import annotations

from typing import Any

from cadis.platform import modules


def sink_for(fact: Any) -> Any:
    """The receiver of the fact's type, or None (the fact is kept, not recorded)."""
    return modules.fact_sink(fact.type)


def recordable_types() -> set[str]:
    return modules.fact_kinds_received()


def proposal(fact: Any, kind: str | None = None) -> dict[str, Any]:
    sink = sink_for(fact)
    return sink.proposal(fact, kind) if sink is not None else {}


def record_link(fact: Any) -> tuple[str, str] | None:
    sink = sink_for(fact)
    if sink is None or fact.record_id is None:
        return None
    return sink.record_link(fact.record_type, fact.record_id)


def preview(fact: Any, values: dict[str, Any], cache: dict | None = None) -> list[tuple[str, str]]:
    sink = sink_for(fact)
    return sink.preview(fact, values, cache) if sink is not None and values else []


def receiver_checks(
    fact: Any, values: dict[str, Any], user: Any, cache: dict | None = None
) -> list[str]:
    sink = sink_for(fact)
    return sink.checks(fact, values, user, cache) if sink is not None and values else []
