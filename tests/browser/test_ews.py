"""Early warning in a real browser: submit a detection -> profile page -> draft alert -> issue -> feed."""

from __future__ import annotations

import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_CATHINONE = "CNC(C)C(=O)c1ccc(CC)cc1"  # not in the seed library; a derivative of mephedrone


@pytest.fixture
def ews_library(personas):
    from cadis.apps.ews.library import invalidate_classifier, profiles_load

    profiles_load()
    invalidate_classifier()


def test_a_detection_becomes_an_issued_alert_in_the_feed(page, personas, ews_library, browser):
    sign_in(page, "kg_provider")
    page.goto("/ews/detections/new/")
    page.fill("#id_detected_on", "2026-04-15")
    page.select_option("#id_sample_type", "crystals")
    page.check("input[name=methods][value=gc_ms]")
    page.fill("#id_reported_name", "4-EMC")
    page.fill("#id_structure_input", NEW_CATHINONE)
    page.fill("#id_intoxications", "2")
    page.click("#detection-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".category").first.get_attribute("data-category") == "synthetic_cathinone"
    assert page.locator('tr[data-jurisdiction="KG"] .status-controlled_derivative').count() == 1

    page.click("#profile-link")
    page.wait_for_load_state("networkidle")
    assert page.locator(".structure svg").count() == 1
    assert page.locator("#chart-time svg").count() >= 1  # Vega-Lite rendered the chart
    alert_link = page.locator(".alert-link").first
    assert "4-EMC" in alert_link.inner_text()
    alert_url = alert_link.get_attribute("href")

    focal = browser.new_context(base_url=page.url.split("/ews/")[0], locale="ru-RU").new_page()
    sign_in(focal, "kg_focal")
    focal.goto(alert_url)
    assert focal.locator(".alert-status").get_attribute("data-status") == "draft"
    focal.fill("#id_health_risks", "Agitation and tachycardia (test)")
    focal.click("#alert-form button[type=submit]")
    focal.wait_for_load_state()
    focal.click("#issue-button")
    focal.wait_for_load_state()
    assert focal.locator(".alert-status").get_attribute("data-status") == "issued"

    feed = page.request.get("/ews/alerts/feed/")
    assert (
        feed.ok
        and "4-EMC" in feed.text()
        and "application/atom+xml" in feed.headers["content-type"]
    )
    assert page.watch.failures == []
