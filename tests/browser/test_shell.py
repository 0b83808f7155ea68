"""The UI shell in a real browser: sign in, switch language, visit every module."""

from __future__ import annotations

import pytest

from cadis.platform.modules import navigation
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_user_signs_in_switches_language_and_visits_every_module(page, personas):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "ru"
    sign_in(page, "kg_analyst")
    assert "kg_analyst" in page.locator(".session").inner_text()

    with page.expect_navigation():
        page.select_option("#lang-select", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Sign out" in page.locator(".session").inner_text()

    for module in navigation():
        page.click(f'.module-nav a[data-module="{module.label}"]')
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").first.is_visible(), module.label
    assert page.watch.failures == []


def test_anonymous_visitors_see_the_home_page_with_its_static_files(page, refdata):
    page.goto("/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".figures .figure").count() >= 3
    assert page.evaluate("typeof htmx") == "object"
    assert page.watch.failures == []
