"""Who gets which status from the accounts pages and API operations (``cadis.platform.access``)."""

from __future__ import annotations

from cadis.platform.access import Example, operation, page  # noqa: F401

# Columns: anonymous, analyst of the owning country, analyst of another country, data provider of the
# owning organisation, data provider of another organisation, focal point, regional analyst,
# administrator, read-only token, read-write token (cadis.platform.access.PERSONAS).

# fmt: off
PAGES = [
    page("accounts:login", (200, 302, 302, 302, 302, 302, 302, 302, 200, 200)),
    page("accounts:logout", (405, 405, 405, 405, 405, 405, 405, 405, 405, 405)),
    page("accounts:otp_setup", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("accounts:otp_verify", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("accounts:tokens", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
    page("accounts:token_revoke", (302, 405, 405, 405, 405, 405, 405, 405, 302, 302), pk=Example("token")),
    page("accounts:audit_log", (302, 403, 403, 403, 403, 200, 403, 200, 302, 302)),
    page("accounts:password_change", (302, 200, 200, 200, 200, 200, 200, 200, 302, 302)),
]

OPERATIONS = [
    operation("GET /api/v1/me", (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)),
]
# fmt: on
