"""Login throttling keyed by account; the address only as a higher ceiling; trusted proxies."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from cadis.apps.accounts import throttle
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    from django.core.cache import cache

    settings.LOGIN_MAX_FAILURES = 5
    settings.LOGIN_ADDRESS_MAX_FAILURES = 20
    cache.clear()
    yield
    cache.clear()


def login(client, username, password, forwarded_for=None):
    extra = {"REMOTE_ADDR": PROXY}
    if forwarded_for:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(reverse("accounts:login"), {"username": username, "password": password}, **extra)


def signed_in_as(client) -> str:
    return client.get(reverse("web:home")).context["user"].get_username()


def test_wrong_passwords_for_one_user_do_not_lock_out_another_from_the_same_address(client, personas):
    for _ in range(6):
        assert login(client, "kg_analyst", "wrong-password").status_code == 200
    response = login(client, "admin", PASSWORD)
    assert response.status_code == 302
    assert signed_in_as(client) == "admin"


def test_the_account_with_the_failures_is_locked_from_any_address(client, personas, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    for _ in range(5):
        login(client, "kg_analyst", "wrong-password", forwarded_for="203.0.113.7")
    client.cookies["django_language"] = "en"
    response = login(client, "kg_analyst", PASSWORD, forwarded_for="198.51.100.9")
    assert response.status_code == 200
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_a_right_password_clears_the_account_count(client, personas):
    for _ in range(4):
        login(client, "kg_analyst", "wrong-password")
    assert login(client, "kg_analyst", PASSWORD).status_code == 302
    assert not throttle.is_locked("kg_analyst")
    client.logout()
    for _ in range(4):
        login(client, "kg_analyst", "wrong-password")
    assert login(client, "kg_analyst", PASSWORD).status_code == 302


def test_past_the_address_ceiling_one_wrong_password_locks_its_account(client, personas, settings):
    settings.LOGIN_ADDRESS_MAX_FAILURES = 3
    for name in ("sprayed-1", "sprayed-2", "sprayed-3"):
        login(client, name, "Spring2026!")
    assert throttle.address_over_ceiling(PROXY)
    assert not throttle.is_locked("kg_analyst")
    login(client, "kg_analyst", "wrong-password")
    assert throttle.is_locked("kg_analyst")
    # ... while another user's right password from the same address still signs in.
    assert login(client, "tj_analyst", PASSWORD).status_code == 302
    assert signed_in_as(client) == "tj_analyst"


def test_a_successful_sign_in_does_not_reset_the_address_count(client, personas, settings):
    settings.LOGIN_ADDRESS_MAX_FAILURES = 3
    for name in ("sprayed-1", "sprayed-2", "sprayed-3"):
        login(client, name, "wrong")
    assert login(client, "tj_analyst", PASSWORD).status_code == 302
    assert throttle.address_over_ceiling(PROXY)


class TestClientAddress:
    def request(self, remote, forwarded=None):
        extra = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            extra["HTTP_X_FORWARDED_FOR"] = forwarded
        return RequestFactory().get("/", **extra)

    def test_without_trusted_proxies_the_forwarded_header_is_ignored(self, settings):
        settings.TRUSTED_PROXIES = []
        assert throttle.client_address(self.request("10.0.0.5", "203.0.113.7")) == "10.0.0.5"

    def test_an_untrusted_peer_cannot_choose_its_address(self, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        assert throttle.client_address(self.request("192.0.2.1", "203.0.113.7")) == "192.0.2.1"

    def test_a_trusted_proxy_names_the_client(self, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        assert throttle.client_address(self.request("10.0.0.5", "203.0.113.7")) == "203.0.113.7"

    def test_the_right_most_untrusted_hop_wins_over_a_spoofed_left_entry(self, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8", "::1"]
        request = self.request("10.0.0.5", "1.2.3.4, 203.0.113.7, 10.0.0.9")
        assert throttle.client_address(request) == "203.0.113.7"

    def test_only_trusted_hops_give_the_left_most_of_them(self, settings):
        settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
        assert throttle.client_address(self.request("10.0.0.5", "10.0.0.9")) == "10.0.0.9"


def test_a_malformed_trusted_proxy_setting_is_refused(tmp_path):
    from tests.test_settings import _cadis

    result = _cadis(["check"], CADIS_VAR_DIR=str(tmp_path), TRUSTED_PROXIES="10.0.0.0/8,not-an-address",
                    DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode == 1
    assert "TRUSTED_PROXIES" in result.stderr
