from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_it_signs_a_user_in_with_the_right_password(client, personas):
    response = login(client, "kg_analyst", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("web:home")).context["user"].username == "kg_analyst"


def test_it_refuses_a_wrong_password(client, personas):
    response = login(client, "kg_analyst", "wrong-password")
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated


def test_it_locks_the_account_after_repeated_failures(client, personas, settings):
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        login(client, "kg_analyst", "wrong-password")
    client.cookies["django_language"] = "en"
    response = login(client, "kg_analyst", PASSWORD)  # even the right password is refused now
    assert response.status_code == 200
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert not response.context["user"].is_authenticated


class TestTwoFactor:
    @pytest.fixture(autouse=True)
    def _require(self, settings):
        settings.CADIS_REQUIRE_2FA = True

    def test_a_focal_point_without_a_device_is_sent_to_set_one_up(self, client, personas):
        client.force_login(personas.kg_focal)
        response = client.get(reverse("web:home"))
        assert response.status_code == 302
        assert response.url == reverse("accounts:otp_setup")

    def test_an_analyst_is_not_forced_to_enrol(self, client, personas):
        client.force_login(personas.kg_analyst)
        assert client.get(reverse("web:home")).status_code == 200

    def test_setting_up_a_device_with_a_valid_code_turns_2fa_on(self, client, personas):
        client.force_login(personas.kg_focal)
        assert client.get(reverse("accounts:otp_setup")).status_code == 200
        device = TOTPDevice.objects.get(user=personas.kg_focal)
        response = client.post(
            reverse("accounts:otp_setup"), {"token": f"{totp(device.bin_key):06d}"}
        )
        assert response.status_code == 302
        device.refresh_from_db()
        assert device.confirmed
        assert client.get(reverse("web:home")).status_code == 200

    def test_a_user_with_a_device_must_enter_a_code_after_the_password(self, client, personas):
        device = TOTPDevice.objects.create(user=personas.kg_analyst, name="phone", confirmed=True)
        client.force_login(personas.kg_analyst)
        response = client.get(reverse("web:home"))
        assert response.status_code == 302 and response.url.startswith(
            reverse("accounts:otp_verify")
        )
        good_code = f"{totp(device.bin_key):06d}"
        bad_code = f"{(int(good_code) + 1) % 1_000_000:06d}"
        bad = client.post(reverse("accounts:otp_verify"), {"token": bad_code})
        assert bad.status_code == 200 and not client.session.get("otp_device_id")
        device.refresh_from_db()
        device.throttle_reset()  # django-otp slows down retries after a failure
        good = client.post(
            reverse("accounts:otp_verify"), {"token": f"{totp(device.bin_key):06d}", "next": "/"}
        )
        assert good.status_code == 302
        assert client.get(reverse("web:home")).status_code == 200
