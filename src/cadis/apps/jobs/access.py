"""Who gets which status from the jobs pages and API operations (``cadis.platform.access``)."""

from __future__ import annotations

from cadis.platform.access import Example, operation, page  # noqa: F401

# Columns: anonymous, analyst of the owning country, analyst of another country, data provider of the
# owning organisation, data provider of another organisation, focal point, regional analyst,
# administrator, read-only token, read-write token (cadis.platform.access.PERSONAS).

# fmt: off
PAGES = [
    page("jobs:detail", (302, 200, 404, 200, 404, 200, 404, 200, 302, 302), pk=Example("job")),
    page("jobs:cancel", (302, 405, 405, 405, 405, 405, 405, 405, 302, 302), pk=Example("job")),
]

OPERATIONS = [
]
# fmt: on
