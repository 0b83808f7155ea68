"""The Content-Security-Policy holds in a real browser: no page raises a violation, charts
still draw (Vega through its interpreter, no eval) and the language switch still works."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cadis.platform.modules import navigation
from tests.browser.conftest import sign_in
from tests.browser.test_reports import kg_released  # noqa: F401  (fixture: a released TDI year, charts)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber);
});
"""


@pytest.fixture
def watched(page):
    page.context.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.csp_console = console
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.__csp") + page.csp_console


def test_the_header_forbids_inline_scripts_and_eval(client, refdata):
    policy = client.get("/")["Content-Security-Policy"]
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src"))
    assert script_src == "script-src 'self'"
    assert "default-src 'self'" in policy


def test_no_page_raises_a_policy_violation(watched, personas, kg_released):  # noqa: F811
    urls = ["/", "/api/v1/docs", "/reports/KG/"] + [reverse(c.nav_url_name) for c in navigation()]
    for url in urls + ["/admin/login/"]:
        watched.goto(url)
        watched.wait_for_load_state("networkidle")
        assert violations(watched) == [], url
    watched.goto("/reports/KG/")
    watched.wait_for_selector("#kg-tdi-trend svg.marks")  # Vega drew through its interpreter
    assert violations(watched) == []
    sign_in(watched, "kg_analyst")
    for url in urls + [reverse("accounts:tokens"), reverse("accounts:password_change")]:
        watched.goto(url)
        watched.wait_for_load_state("networkidle")
        assert violations(watched) == [], url
    assert watched.watch.failures == []


def test_the_language_switch_submits_without_an_inline_handler(watched, refdata):
    watched.goto("/")
    assert watched.locator("html").get_attribute("lang") == "ru"
    watched.select_option("#lang-select", "en")
    watched.wait_for_load_state("networkidle")
    assert watched.locator("html").get_attribute("lang") == "en"
    assert violations(watched) == []
