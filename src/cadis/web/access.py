"""Who gets which status from the web pages and API operations (``cadis.platform.access``)."""

from __future__ import annotations

from cadis.platform.access import Example, operation, page  # noqa: F401

# Columns: anonymous, analyst of the owning country, analyst of another country, data provider of the
# owning organisation, data provider of another organisation, focal point, regional analyst,
# administrator, read-only token, read-write token (cadis.platform.access.PERSONAS).

# fmt: off
PAGES = [
    page("web:home", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("set_language", (302, 302, 302, 302, 302, 302, 302, 302, 302, 302)),
    page("api-1.0.0:openapi-json", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("api-1.0.0:openapi-view", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("api-1.0.0:api-root", (404, 404, 404, 404, 404, 404, 404, 404, 404, 404)),
]

OPERATIONS = [
]
# fmt: on
