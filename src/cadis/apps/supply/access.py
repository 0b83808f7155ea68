"""Who gets which status from the supply pages and API operations (``cadis.platform.access``)."""

from __future__ import annotations

from cadis.platform.access import Example, operation, page  # noqa: F401

# Columns: anonymous, analyst of the owning country, analyst of another country, data provider of the
# owning organisation, data provider of another organisation, focal point, regional analyst,
# administrator, read-only token, read-write token (cadis.platform.access.PERSONAS).

# fmt: off
PAGES = [
    page("supply:dashboard", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("supply:country_dashboard", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), code="KG"),
    page("supply:data_download", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), dimension="substance", fmt="csv"),
    page("supply:seizure_list", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("supply:seizure_create", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("supply:seizure_detail", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("seizure")),
    page("supply:seizure_edit", (302, 403, 404, 200, 403, 200, 403, 200, 302, 302), pk=Example("seizure")),
    page("supply:case_list", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("supply:case_create", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("supply:case_detail", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("case")),
    page("supply:statistic_list", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("supply:statistic_create", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("supply:price_list", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("supply:price_create", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("supply:price_import", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("supply:price_import_template", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("supply:price_detail", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("price")),
    page("supply:price_edit", (302, 403, 404, 200, 403, 200, 403, 200, 302, 302), pk=Example("price")),
    page("supply:unodc", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), report="arq", code="KG", year=2024),
    page("supply:import_upload", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("supply:import_detail", (302, 200, 404, 200, 404, 200, 404, 200, 302, 302), pk=Example("import_batch")),
    page("supply:import_commit", (302, 405, 405, 405, 405, 405, 405, 405, 302, 302), pk=Example("import_batch")),
    page("supply:import_mappings", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("supply:import_template", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("supply:import_map", (302, 405, 405, 405, 405, 405, 405, 405, 302, 302), pk=Example("import_batch")),
    page("supply:import_errors", (302, 200, 404, 200, 404, 200, 404, 200, 302, 302), pk=Example("import_batch")),
    page("supply:maps", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("supply:place_review", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
]

OPERATIONS = [
    operation("GET /api/v1/supply/aggregates/{dimension}", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), dimension="substance"),
    operation("GET /api/v1/supply/cases", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("POST /api/v1/supply/cases", (401, 403, 403, 201, 201, 201, 403, 400, 403, 201), body={"reference": "MATRIX-API"}),
    operation("GET /api/v1/supply/cases/{case_id}", (404, 200, 404, 200, 200, 200, 200, 200, 200, 200), case_id=Example("case")),
    operation("GET /api/v1/supply/period-statistics", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("POST /api/v1/supply/period-statistics", (401, 403, 403, 201, 201, 201, 403, 400, 403, 201), body={"indicator": "groups_dismantled", "value": 16, "unit": "count", "period_start": "2024-01-01", "period_end": "2024-12-31"}),
    operation("GET /api/v1/supply/seizures", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("POST /api/v1/supply/seizures", (401, 403, 403, 201, 201, 201, 403, 400, 403, 201), body={"date": "2024-03-12", "quantity_as_written": "2 кг", "substance": "heroin"}),
    operation("GET /api/v1/supply/seizures/{seizure_id}", (404, 200, 404, 200, 200, 200, 200, 200, 200, 200), seizure_id=Example("seizure")),
    operation("GET /api/v1/supply/totals", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("GET /api/v1/supply/prices", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("POST /api/v1/supply/prices", (401, 403, 403, 201, 201, 201, 403, 400, 403, 201), body={"substance": "heroin", "market_level": "retail", "period_start": "2024-01-01", "period_end": "2024-06-30", "currency": "kgs", "price_unit": "g", "price_mean": 2000}),
    operation("GET /api/v1/supply/prices/{record_id}", (404, 200, 404, 200, 200, 200, 200, 200, 200, 200), record_id=Example("price")),
]
# fmt: on
