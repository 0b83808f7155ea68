"""Who gets which status from the exchange pages and API operations (``cadis.platform.access``)."""

from __future__ import annotations

from cadis.platform.access import Example, operation, page  # noqa: F401

# Columns: anonymous, analyst of the owning country, analyst of another country, data provider of the
# owning organisation, data provider of another organisation, focal point, regional analyst,
# administrator, read-only token, read-write token (cadis.platform.access.PERSONAS).

# fmt: off
PAGES = [
    page("exchange:home", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("exchange:events", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("exchange:event_new", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("exchange:event", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("event")),
    page("exchange:event_edit", (302, 403, 404, 200, 403, 200, 403, 200, 302, 302), pk=Example("event")),
    page("exchange:session_add", (405, 405, 405, 405, 405, 405, 405, 405, 405, 405), pk=Example("event")),
    page("exchange:delegation_set", (405, 405, 405, 405, 405, 405, 405, 405, 405, 405), pk=Example("event")),
    page("exchange:experts", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("exchange:expert_profile", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("exchange:threads", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("exchange:thread_new", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("exchange:thread", (404, 200, 200, 200, 200, 200, 200, 200, 404, 404), pk=Example("thread")),
    page("exchange:notifications", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("exchange:recommendations", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("exchange:recommendation_new", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("exchange:recommendation", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("recommendation")),
    page("exchange:recommendation_edit", (302, 403, 404, 200, 403, 200, 403, 200, 302, 302), pk=Example("recommendation")),
    page("exchange:criteria", (405, 405, 405, 405, 405, 405, 405, 405, 405, 405), pk=Example("recommendation")),
    page("exchange:consult", (405, 405, 405, 405, 405, 405, 405, 405, 405, 405), pk=Example("recommendation")),
    page("exchange:adopt", (405, 405, 405, 405, 405, 405, 405, 405, 405, 405), pk=Example("recommendation")),
    page("exchange:implementation", (405, 405, 405, 405, 405, 405, 405, 405, 405, 405), pk=Example("recommendation")),
    page("exchange:board", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
]

OPERATIONS = [
    operation("GET /api/v1/exchange/events", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("GET /api/v1/exchange/events/{event_id}", (404, 200, 404, 200, 200, 200, 200, 200, 200, 200), event_id=Example("event")),
    operation("GET /api/v1/exchange/recommendations", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("GET /api/v1/exchange/recommendations/{recommendation_id}", (404, 200, 404, 200, 200, 200, 200, 200, 200, 200), recommendation_id=Example("recommendation")),
    operation("PUT /api/v1/exchange/recommendations/{recommendation_id}/implementations/{country}", (401, 403, 404, 200, 200, 200, 403, 200, 403, 200), recommendation_id=Example("recommendation"), country="KG", body={"status": "in_progress"}),
]
# fmt: on
