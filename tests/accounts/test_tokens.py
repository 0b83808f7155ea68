from __future__ import annotations

import pytest
from django.test import Client

from cadis.apps.accounts import services
from cadis.apps.accounts.models import ApiToken, AuditEntry
from cadis.platform.errors import PermissionDenied

pytestmark = pytest.mark.django_db


def bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_token_is_stored_hashed_and_authenticates_its_user(personas):
    token, raw = services.api_token_create(actor=personas.kg_analyst, user=personas.kg_analyst, name="script")
    assert raw not in (token.key_hash, token.prefix)
    # the secret is everything after the second "_" (URL-safe base64 may itself hold "_")
    secret = raw.split("_", 2)[2]
    assert len(secret) >= 40 and secret not in token.key_hash
    body = Client().get("/api/v1/me", **bearer(raw)).json()
    assert body["username"] == "kg_analyst" and body["country"] == "KG"


def test_a_revoked_token_is_refused_with_the_error_body(personas):
    token, raw = services.api_token_create(actor=personas.kg_analyst, user=personas.kg_analyst, name="script")
    services.api_token_revoke(actor=personas.kg_analyst, token=token)
    response = Client().get("/api/v1/me", **bearer(raw))
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_a_made_up_token_is_refused(personas):
    response = Client().get("/api/v1/me", **bearer("cadis_deadbeef_not-a-real-secret"))
    assert response.status_code == 401


def test_nobody_else_may_create_or_revoke_a_users_tokens(personas):
    with pytest.raises(PermissionDenied):
        services.api_token_create(actor=personas.tj_analyst, user=personas.kg_analyst, name="x")
    token, _raw = services.api_token_create(actor=personas.kg_analyst, user=personas.kg_analyst, name="x")
    with pytest.raises(PermissionDenied):
        services.api_token_revoke(actor=personas.tj_analyst, token=token)


def test_creating_and_revoking_tokens_is_audited_without_the_secret(personas):
    token, raw = services.api_token_create(actor=personas.kg_analyst, user=personas.kg_analyst, name="x")
    services.api_token_revoke(actor=personas.kg_analyst, token=token)
    entries = AuditEntry.objects.filter(object_type="accounts.apitoken", object_id=str(token.pk))
    assert [e.action for e in entries.order_by("id")] == ["create", "update"]
    assert all(raw not in str(e.after) and "key_hash" not in (e.after or {}) for e in entries)


def test_the_tokens_page_shows_a_new_token_once(client_of, personas):
    client = client_of(personas.kg_analyst)
    response = client.post("/accounts/tokens/", {"name": "etl", "access": "read"})
    assert response.status_code == 200
    assert "cadis_" in response.content.decode()
    assert ApiToken.objects.filter(user=personas.kg_analyst, name="etl").exists()
    assert "cadis_" not in client.get("/accounts/tokens/").content.decode().split("<table")[0].split("new-token")[-1]


class TestTokensOfRolesThatRequireTwoFactor:
    @pytest.fixture(autouse=True)
    def _require(self, settings):
        settings.CADIS_REQUIRE_2FA = True

    def test_a_focal_points_token_is_refused_until_2fa_is_set_up(self, personas):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        _token, raw = services.api_token_create(actor=personas.kg_focal, user=personas.kg_focal, name="script")
        refused = Client().get("/api/v1/me", **bearer(raw))
        assert refused.status_code == 403
        assert "two-factor" in refused.json()["message"]
        TOTPDevice.objects.create(user=personas.kg_focal, name="phone", confirmed=False)
        assert Client().get("/api/v1/me", **bearer(raw)).status_code == 403  # an unconfirmed device is not 2FA
        TOTPDevice.objects.filter(user=personas.kg_focal).update(confirmed=True)
        assert Client().get("/api/v1/me", **bearer(raw)).status_code == 200

    def test_an_administrators_token_is_refused_without_2fa(self, personas):
        _token, raw = services.api_token_create(actor=personas.admin, user=personas.admin, name="script")
        assert Client().get("/api/v1/me", **bearer(raw)).status_code == 403

    def test_an_analysts_token_works_without_2fa(self, personas):
        _token, raw = services.api_token_create(actor=personas.kg_analyst, user=personas.kg_analyst, name="script")
        assert Client().get("/api/v1/me", **bearer(raw)).status_code == 200

    def test_without_the_requirement_a_focal_points_token_works(self, personas, settings):
        settings.CADIS_REQUIRE_2FA = False
        _token, raw = services.api_token_create(actor=personas.kg_focal, user=personas.kg_focal, name="script")
        assert Client().get("/api/v1/me", **bearer(raw)).status_code == 200


def test_the_tokens_page_shows_the_header_to_send_as_code(client_of, personas):
    client = client_of(personas.kg_analyst)
    client.cookies["django_language"] = "ru"
    russian = client.get("/accounts/tokens/").content.decode()
    assert "Передавайте токен в заголовке каждого запроса:" in russian
    assert "<code>Authorization: Bearer &lt;токен&gt;</code>" in russian
    client.cookies["django_language"] = "en"
    english = client.get("/accounts/tokens/").content.decode()
    assert "Send one in the header of each request:" in english
    assert "<code>Authorization: Bearer &lt;token&gt;</code>" in english
