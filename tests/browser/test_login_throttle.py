"""One visitor behind the proxy cannot lock everyone out: six wrong passwords for one user, sent
through the proxy header, do not stop another user from signing in."""

from __future__ import annotations

import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def clean_throttle():
    """The failure counts live in the cache table, which the database flush between tests leaves
    alone: clear it before and after, so that the locked account does not stay locked for the
    browser tests that follow."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_six_wrong_passwords_for_one_user_do_not_lock_out_another(
    page, personas, settings, clean_throttle
):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]  # the live server's peer plays the proxy
    page.context.set_extra_http_headers({"X-Forwarded-For": "203.0.113.7"})
    for _ in range(6):
        sign_in(page, "kg_analyst", "wrong-password")
        assert page.locator("form .errorlist").count() == 1
    assert "Слишком много неудачных попыток входа" in page.content()  # that account is locked now
    sign_in(page, "admin")
    assert page.locator(".session .user").inner_text().startswith("admin")
    page.context.clear_cookies()
    sign_in(page, "tj_analyst")
    assert page.locator(".session .user").inner_text().startswith("tj_analyst")
