"""Probable duplicates: the same figure already recorded from another document.

The receiver of the fact's type says when two proposals state the same figure and which of its
records already state it (``sinks``); this module looks through the facts recorded before and
asks. The reviewer sees the reason and must override explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from cadis.apps.extraction import sinks
from cadis.apps.extraction.models import Fact
from cadis.platform.scope import visible


@dataclass
class Duplicate:
    reason: str
    fact: Fact | None = None
    record: object | None = None


def _recorded_facts(fact: Fact, user):
    qs = visible(Fact.objects.all(), user).filter(
        status__in=(Fact.Status.ACCEPTED, Fact.Status.EDITED), record_id__isnull=False
    )
    return qs.exclude(pk=fact.pk).select_related("document")[:500]


def find_duplicate(fact: Fact, values: dict, user) -> Duplicate | None:
    """The first earlier fact or supply record that states the same figure, with the reason."""
    if not values:
        return None
    sink = sinks.sink_for(fact)
    if sink is None:
        return None
    for other in _recorded_facts(fact, user):
        if sink.same_figure(values, other.edited):
            reason = _("same figure as fact #%(fact)d of document #%(document)d «%(title)s»") % {
                "fact": other.pk,
                "document": other.document_id,
                "title": other.document.title[:80],
            }
            return Duplicate(reason=reason, fact=other)
    for record in sink.similar_records(values, user):
        reason = _("a similar %(kind)s is already recorded: %(record)s") % {
            "kind": record._meta.verbose_name,
            "record": record,
        }
        return Duplicate(reason=reason, record=record)
    return None
