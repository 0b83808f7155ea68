"""Who gets which status from the ews pages and API operations (``cadis.platform.access``)."""

from __future__ import annotations

from cadis.platform.access import Example, operation, page  # noqa: F401

# Columns: anonymous, analyst of the owning country, analyst of another country, data provider of the
# owning organisation, data provider of another organisation, focal point, regional analyst,
# administrator, read-only token, read-write token (cadis.platform.access.PERSONAS).

# fmt: off
PAGES = [
    page("ews:home", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("ews:detections", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("ews:detection_new", (302, 403, 403, 200, 200, 200, 403, 403, 302, 302)),
    page("ews:detection_detail", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("detection")),
    page("ews:profiles", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("ews:profile_detail", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), pk=Example("profile")),
    page("ews:alerts", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("ews:feed", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("ews:alert_detail", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("alert")),
    page("ews:alert_issue", (302, 405, 405, 405, 405, 405, 405, 405, 302, 302), pk=Example("alert")),
    page("ews:alert_withdraw", (302, 405, 405, 405, 405, 405, 405, 405, 302, 302), pk=Example("alert")),
    page("ews:subscription", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("ews:notifications", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("ews:notification_read", (302, 405, 405, 405, 405, 405, 405, 405, 302, 302), pk=Example("ews_notification")),
    page("ews:alert_dismiss", (302, 405, 405, 405, 405, 405, 405, 405, 302, 302), pk=Example("alert")),
    page("ews:detection_evidence", (302, 403, 404, 200, 403, 200, 403, 200, 302, 302), pk=Example("detection")),
    page("ews:place_review", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("ews:simulator", (302, 403, 403, 403, 403, 200, 403, 200, 302, 302)),
    page("ews:spectra", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("ews:spectra_contribute", (302, 403, 403, 403, 403, 403, 403, 200, 302, 302)),
    page("ews:spectrum_file", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("detection"), spectrum_pk=Example("detection_spectrum")),
]

OPERATIONS = [
    operation("GET /api/v1/ews/alerts", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("GET /api/v1/ews/alerts/{alert_id}", (404, 404, 404, 404, 404, 404, 404, 404, 404, 404), alert_id=Example("alert")),
    operation("POST /api/v1/ews/classify", (200, 200, 200, 200, 200, 200, 200, 200, 403, 200), body={"inputs": ["CNC(C)C(=O)c1ccc(C)cc1"]}),
    operation("GET /api/v1/ews/detections", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("POST /api/v1/ews/detections", (401, 403, 403, 201, 201, 201, 403, 403, 403, 201), body={"detected_on": "2026-03-01", "sample_type": "powder", "reported_name": "Synthetic powder", "structure": "CNC(C)C(=O)c1ccc(C)cc1"}),
    operation("GET /api/v1/ews/detections/{detection_id}", (404, 200, 404, 200, 200, 200, 200, 200, 200, 200), detection_id=Example("detection")),
    operation("GET /api/v1/ews/profiles", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("GET /api/v1/ews/profiles/{profile_id}", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), profile_id=Example("profile")),
    operation("GET /api/v1/ews/detections/{detection_id}/confidence", (404, 200, 404, 200, 200, 200, 200, 200, 200, 200), detection_id=Example("detection")),
    operation("GET /api/v1/ews/spectra", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("POST /api/v1/ews/detections/{detection_id}/spectra", (401, 403, 404, 201, 403, 201, 403, 201, 403, 201), detection_id=Example("detection"), body={"precursor_mz": 192.1383, "adduct": "[M+H]+"}),
    operation("POST /api/v1/ews/simulator", (401, 403, 403, 403, 403, 200, 403, 200, 403, 403), body={"jurisdiction": "KG"}),
    operation("POST /api/v1/ews/spectra", (401, 400, 400, 400, 400, 400, 400, 400, 403, 400)),
    operation("POST /api/v1/ews/spectra/search", (200, 200, 200, 200, 200, 200, 200, 200, 403, 200), body={"text": "Name: matrix test\nNum Peaks: 3\n58 999\n91 300\n119 150\n"}),
    operation("POST /api/v1/ews/spectra/suspects", (200, 200, 200, 200, 200, 200, 200, 200, 403, 200), body={"mz": 192.1383}),
    operation("PUT /api/v1/ews/detections/{detection_id}/evidence", (401, 403, 404, 200, 403, 200, 403, 200, 403, 200), detection_id=Example("detection"), body={"techniques": ["gc_ms"], "reference_standard": True}),
]
# fmt: on
