"""Who gets which status from the knowledge pages and API operations (``cadis.platform.access``)."""

from __future__ import annotations

from cadis.platform.access import Example, operation, page  # noqa: F401

# Columns: anonymous, analyst of the owning country, analyst of another country, data provider of the
# owning organisation, data provider of another organisation, focal point, regional analyst,
# administrator, read-only token, read-write token (cadis.platform.access.PERSONAS).

# fmt: off
PAGES = [
    page("knowledge:home", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("knowledge:programmes", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("knowledge:compare", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("knowledge:programme", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), code=Example("programme", "code")),
    page("knowledge:services", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("knowledge:service_new", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("knowledge:service_edit", (302, 403, 404, 200, 403, 200, 403, 200, 302, 302), pk=Example("service")),
    page("knowledge:documents", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    page("knowledge:document_upload", (302, 403, 403, 200, 200, 200, 403, 200, 302, 302)),
    page("knowledge:document", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("library_document")),
    page("knowledge:document_file", (404, 200, 404, 200, 200, 200, 200, 200, 404, 404), pk=Example("library_document")),
]

OPERATIONS = [
    operation("GET /api/v1/knowledge/documents", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("POST /api/v1/knowledge/documents", (401, 403, 403, 201, 201, 201, 403, 400, 403, 201), body={"file": b"Synthetic text.", "title": "Matrix", "confidentiality": "restricted"}, multipart=True),
    operation("GET /api/v1/knowledge/documents/{document_id}", (404, 200, 404, 200, 200, 200, 200, 200, 200, 200), document_id=Example("library_document")),
    operation("GET /api/v1/knowledge/programmes", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
    operation("GET /api/v1/knowledge/programmes/{code}", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200), code=Example("programme", "code")),
    operation("GET /api/v1/knowledge/services", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
]
# fmt: on
