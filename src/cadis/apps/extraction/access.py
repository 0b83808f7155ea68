"""Who gets which status from the extraction pages and API operations (``cadis.platform.access``)."""

from __future__ import annotations

from cadis.platform.access import Example, operation, page  # noqa: F401

# Columns: anonymous, analyst of the owning country, analyst of another country, data provider of the
# owning organisation, data provider of another organisation, focal point, regional analyst,
# administrator, read-only token, read-write token (cadis.platform.access.PERSONAS).

# fmt: off
PAGES = [
    page("extraction:home", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("extraction:upload", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("extraction:place_review", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("extraction:review", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("extraction_document")),
    page("extraction:extract", (405, 405, 405, 405, 405, 405, 405, 405, 405, 405), pk=Example("extraction_document")),
    page("extraction:fact_accept", (405, 405, 405, 405, 405, 405, 405, 405, 405, 405), pk=Example("fact")),
    page("extraction:fact_reject", (405, 405, 405, 405, 405, 405, 405, 405, 405, 405), pk=Example("fact")),
    page("extraction:fact_edit", (302, 403, 404, 200, 403, 200, 403, 200, 302, 302), pk=Example("fact")),
    page("extraction:fact_confirm", (302, 403, 404, 200, 403, 200, 403, 200, 302, 302), pk=Example("fact")),
]

OPERATIONS = [
]
# fmt: on
