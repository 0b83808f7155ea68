"""Who gets which status from the reports pages and API operations (``cadis.platform.access``)."""

from __future__ import annotations

from cadis.platform.access import Example, operation, page  # noqa: F401

# Columns: anonymous, analyst of the owning country, analyst of another country, data provider of the
# owning organisation, data provider of another organisation, focal point, regional analyst,
# administrator, read-only token, read-write token (cadis.platform.access.PERSONAS).

# fmt: off
PAGES = [
    page("reports:home", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("reports:regional_pdf", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("reports:regional_sdmx", (301, 301, 301, 301, 301, 301, 301, 301, 301, 301)),
    page("reports:regional_text_edit", (302, 403, 403, 403, 403, 403, 200, 200, 302, 302)),
    page("reports:sdmx_index", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("reports:sdmx_structure", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("reports:sdmx_data", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), flow="DF_TDI"),
    page("reports:sdmx_country_data", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), flow="DF_TDI", code="KG"),
    page("reports:dhis2_export", (404, 404, 404, 404, 404, 404, 404, 404, 404, 404), instance="cadis", fmt="adx.xml"),
    page("reports:country", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), code="KG"),
    page("reports:country_pdf", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), code="KG"),
    page("reports:text_edit", (302, 403, 403, 403, 403, 200, 403, 200, 302, 302), code="KG"),
    page("reports:country_export", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), code="KG", fmt="csv"),
]

OPERATIONS = [
    operation("GET /api/v1/reports/profiles/{code}", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), code="KG"),
]
# fmt: on
