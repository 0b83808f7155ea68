"""Supply as the receiver of document facts.

Supply registers ``SINK`` for the fact types it turns into records (``SupplyConfig.fact_sinks``);
the extraction module asks the module registry for the receiver of a fact's type and never
imports supply. A receiver offers: its record ``kinds``, the ``form_class`` a reviewer edits,
``default_kind(fact)``, ``proposal(fact, kind)``, ``record_create(actor, fact, values,
source_kind)``, ``same_figure(a, b)``, ``similar_records(values, user)`` and
``record_link(record_type, record_id)``, ``preview(fact, values)`` (what will be written)
and ``checks(fact, values, user)`` (plausibility codes a reviewer must confirm).
"""

from __future__ import annotations

from cadis.apps.supply.facts import checks, duplicates, proposals
from cadis.apps.supply.facts.form import FactEditForm

RECORDABLE_TYPES = proposals.RECORDABLE_TYPES


class SupplyFactSink:
    kinds = proposals.RECORD_KINDS
    form_class = FactEditForm

    default_kind = staticmethod(proposals.default_kind)
    proposal = staticmethod(proposals.proposal)
    record_create = staticmethod(proposals.record_create)
    same_figure = staticmethod(duplicates.same_figure)
    similar_records = staticmethod(duplicates.similar_records)
    record_link = staticmethod(proposals.record_link)
    preview = staticmethod(checks.preview)
    checks = staticmethod(checks.checks)


SINK = SupplyFactSink()
