"""Who gets which status from the treatment pages and API operations (``cadis.platform.access``)."""

from __future__ import annotations

from cadis.platform.access import Example, operation, page  # noqa: F401

# Columns: anonymous, analyst of the owning country, analyst of another country, data provider of the
# owning organisation, data provider of another organisation, focal point, regional analyst,
# administrator, read-only token, read-write token (cadis.platform.access.PERSONAS).

# fmt: off
PAGES = [
    page("treatment:home", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("treatment:episodes", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("treatment:episode_new", (302, 403, 403, 200, 200, 200, 403, 403, 302, 302)),
    page("treatment:import", (302, 403, 403, 200, 200, 200, 403, 403, 302, 302)),
    page("treatment:import_template", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("treatment:import_template_xlsx", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("treatment:episode", (302, 200, 404, 200, 404, 200, 404, 200, 302, 302), pk=Example("episode")),
    page("treatment:episode_edit", (302, 403, 404, 200, 404, 200, 404, 200, 302, 302), pk=Example("episode")),
    page("treatment:episode_delete", (302, 405, 405, 405, 405, 405, 405, 405, 302, 302), pk=Example("episode")),
    page("treatment:tables", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), code="KG", year=2024),
    page("treatment:release", (302, 405, 405, 405, 405, 405, 405, 405, 302, 302), code="KG", year=2024),
    page("treatment:euda_tdi", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), code="KG", year=2024),
    page("treatment:euda_harms", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), code="KG", year=2024),
    page("treatment:harms", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("treatment:harm_new", (302, 403, 403, 200, 200, 200, 403, 403, 302, 302)),
    page("treatment:harm_import", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("treatment:dhis2_import", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("treatment:harm_template_xlsx", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
]

OPERATIONS = [
    operation("GET /api/v1/treatment/episodes", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("POST /api/v1/treatment/episodes", (401, 403, 403, 201, 201, 201, 403, 403, 403, 201), body={"national_id": "SYN-API-1", "start_date": "2024-02-01", "primary_drug": "7.1", "sex": "male"}),
    operation("GET /api/v1/treatment/harms", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("GET /api/v1/treatment/tables/{code}/{year}", (404, 200, 404, 200, 200, 200, 200, 200, 200, 200), code="KG", year=2024),
]
# fmt: on
