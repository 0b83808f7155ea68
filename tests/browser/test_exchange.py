"""In a real browser: draft a recommendation from the demo conference, consult, adopt, report one
country's implementation and watch the progress board change."""

from __future__ import annotations

import io

import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CRITERIA = ("gender_sensitive", "consistent", "balanced", "evidence_based")


@pytest.fixture
def demo(refdata):
    from cadis.apps.exchange import demo as exchange_demo
    from cadis.apps.knowledge import demo as knowledge_demo
    from cadis.apps.operations.demo_accounts import DEMO_PASSWORD, ensure_demo_accounts

    ensure_demo_accounts()
    knowledge_demo.load_demo(stdout=io.StringIO())
    exchange_demo.load_demo(stdout=io.StringIO())
    return DEMO_PASSWORD


def test_a_recommendation_goes_from_the_conference_to_the_progress_board(page, demo):
    sign_in(page, "kg_focal", demo)
    page.goto("/exchange/events/")
    page.click("#events a >> nth=0")
    page.click("#draft-from-event")
    page.fill("#id_title_ru", "Синтетическая рекомендация из браузера")
    page.fill("#id_title_en", "Synthetic browser recommendation")
    page.fill("#id_text_ru", "Синтетический текст рекомендации.")
    page.fill("#id_text_en", "Synthetic recommendation text.")
    page.select_option("#id_pillar", "treatment")
    page.click("#recommendation-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#rec-status").get_attribute("class").endswith("status-draft")

    for criterion in CRITERIA:
        page.check(f"#id_{criterion}_met")
        page.fill(f"#id_{criterion}_why", f"Synthetic justification for {criterion}.")
    page.click("#criteria-form button[type=submit]")
    page.wait_for_load_state()
    page.click("#open-consultation")
    page.wait_for_load_state()
    assert page.locator("#rec-status").get_attribute("class").endswith("status-consultation")
    detail_url = page.url

    page.click("a.consultation-thread")
    page.fill("#comment-form textarea", "Synthetic consultation comment, @uz_focal.")
    page.click("#comment-form button[type=submit]")
    page.wait_for_load_state()
    assert "Synthetic consultation comment" in page.locator("#comments").inner_text()

    page.goto(detail_url)
    page.click("#adopt")
    page.wait_for_load_state()
    assert page.locator("#rec-status").get_attribute("class").endswith("status-adopted")
    rec_id = detail_url.rstrip("/").split("/")[-1]

    page.goto("/exchange/board/")
    cell = page.locator(f'tr[data-recommendation="{rec_id}"] td[data-country="KG"]')
    assert cell.get_attribute("class") == "board-not_started"
    before = cell.inner_text()

    page.goto(detail_url)
    page.select_option("#id_country", "KG")
    page.select_option("#id_status", "in_progress")
    page.fill("#id_responsible_body", "Synthetic ministry of health")
    page.fill("#id_milestone", "Synthetic first milestone")
    page.click("#implementation-form button[type=submit]")
    page.wait_for_load_state()
    assert "Synthetic ministry of health" in page.locator("#implementation").inner_text()

    page.goto("/exchange/board/")
    page.wait_for_load_state("networkidle")
    cell = page.locator(f'tr[data-recommendation="{rec_id}"] td[data-country="KG"]')
    assert cell.get_attribute("class") == "board-in_progress"
    assert cell.inner_text() != before
    assert page.locator("#progress-chart svg, #progress-chart canvas").count() >= 1
    assert page.watch.failures == []
