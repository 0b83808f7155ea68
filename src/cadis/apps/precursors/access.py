"""Who gets which status from the precursors pages and API operations (``cadis.platform.access``)."""

from __future__ import annotations

from cadis.platform.access import Example, operation, page  # noqa: F401

# Columns: anonymous, analyst of the owning country, analyst of another country, data provider of the
# owning organisation, data provider of another organisation, focal point, regional analyst,
# administrator, read-only token, read-write token (cadis.platform.access.PERSONAS).

# fmt: off
PAGES = [
    page("precursors:home", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("precursors:screening_list", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("precursors:screening_new", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("precursors:screening_results", (302, 200, 404, 200, 404, 200, 404, 200, 302, 302), pk=Example("screening")),
    page("precursors:screening_export", (302, 200, 404, 200, 404, 200, 404, 200, 302, 302), pk=Example("screening"), fmt="csv"),
    page("precursors:screening_file", (302, 200, 404, 200, 404, 200, 404, 200, 302, 302), pk=Example("screening")),
    page("precursors:notification_list", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("precursors:notification_new", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("precursors:notification_export", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), fmt="csv"),
    page("precursors:form_d", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), code="KG", year=2026),
    page("precursors:notification_detail", (404, 200, 200, 200, 200, 200, 200, 200, 404, 404), pk=Example("notification")),
    page("precursors:notification_edit", (302, 302, 302, 200, 302, 200, 302, 200, 302, 302), pk=Example("notification")),
    page("precursors:notification_respond", (302, 302, 302, 302, 302, 302, 302, 302, 302, 302), pk=Example("notification")),
    page("precursors:incident_list", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("precursors:incident_new", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("precursors:incident_detail", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("incident")),
    page("precursors:incident_edit", (302, 302, 404, 200, 302, 200, 302, 200, 302, 302), pk=Example("incident")),
]

OPERATIONS = [
    operation("GET /api/v1/precursors/control-lists/in-force", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("GET /api/v1/precursors/screenings", (401, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("POST /api/v1/precursors/screenings", (401, 403, 403, 201, 201, 201, 403, 403, 403, 201), body={"file": b"description;quantity\nAcetone;10\n"}, multipart=True),
    operation("GET /api/v1/precursors/screenings/{job_id}", (401, 200, 404, 200, 404, 200, 404, 200, 200, 200), job_id=Example("screening")),
    operation("GET /api/v1/precursors/screenings/{job_id}/results", (401, 200, 404, 200, 404, 200, 404, 200, 200, 200), job_id=Example("screening")),
    operation("GET /api/v1/precursors/incidents", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("POST /api/v1/precursors/incidents", (401, 403, 403, 201, 201, 201, 403, 400, 403, 201), body={"reference": "KG-PICS-API", "kind": "seizure", "occurred_on": "2026-02-10", "chemical": "Potassium permanganate"}),
    operation("GET /api/v1/precursors/incidents/{pk}", (404, 200, 404, 200, 200, 200, 200, 200, 200, 200), pk=Example("incident")),
    operation("PATCH /api/v1/precursors/incidents/{pk}", (401, 403, 404, 200, 403, 200, 403, 200, 403, 200), pk=Example("incident"), body={"description": "Synthetic note"}),
    operation("GET /api/v1/precursors/notifications", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("POST /api/v1/precursors/notifications", (401, 403, 403, 201, 201, 201, 403, 201, 403, 201), body={"reference": "KG-PEN-API", "exporting_country": "KG", "exporting_authority": "Synthetic", "importing_country": "TJ", "exporter": "Synthetic", "importer": "Synthetic", "substance": "Acetic anhydride", "quantity": 10}),
    operation("GET /api/v1/precursors/notifications/{pk}", (404, 200, 200, 200, 200, 200, 200, 200, 200, 200), pk=Example("notification")),
    operation("PATCH /api/v1/precursors/notifications/{pk}", (401, 403, 403, 200, 403, 200, 403, 200, 403, 200), pk=Example("notification"), body={"notes": "Synthetic note"}),
    operation("POST /api/v1/precursors/notifications/{pk}/responses", (401, 403, 403, 201, 403, 201, 403, 201, 403, 201), pk=Example("notification"), body={"status": "sent", "responded_on": "2026-02-01"}),
]
# fmt: on
