"""Writes of the exchange module, one module per subject; the public names are gathered here.

- ``events``: events (creation, editing, agenda, delegations) and experts;
- ``recommendations``: drafting, the criteria checklist, consultation and adoption;
- ``tracking``: implementation of adopted recommendations by the target countries;
- ``discussions``: threads, comments, mentions and in-app notifications.
"""

from __future__ import annotations

from cadis.apps.exchange.services.events import (
    delegation_set,
    event_create,
    event_update,
    expert_profile_save,
    expert_save,
    session_add,
)
from cadis.apps.exchange.services.recommendations import (
    criteria_set,
    missing_criteria,
    recommendation_adopt,
    recommendation_open_consultation,
    recommendation_save,
)
from cadis.apps.exchange.services.tracking import implementation_update, milestone_done

__all__ = [
    "criteria_set",
    "delegation_set",
    "event_create",
    "event_update",
    "expert_profile_save",
    "expert_save",
    "implementation_update",
    "milestone_done",
    "missing_criteria",
    "recommendation_adopt",
    "recommendation_open_consultation",
    "recommendation_save",
    "session_add",
]
