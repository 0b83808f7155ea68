"""Document intelligence in a real browser: upload a release, review it, accept a seizure,
find the seizure in the supply registry and follow the links between record and document."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Synthetic release written for this test.
RELEASE = (
    "Бишкек, 12 марта 2025 г. (синтетический пресс-релиз).\n\n"
    "12 марта 2025 года сотрудники СБНОН МВД Кыргызской Республики при досмотре автомобиля "
    "в Бишкеке изъяли 12 кг гашиша."
)


def test_upload_review_accept_and_the_seizure_appears_in_the_supply_registry(
    page, personas, tmp_path
):
    path = tmp_path / "synthetic-release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    sign_in(page, "kg_provider")
    page.goto("/documents/upload/")
    page.set_input_files("#id_file", str(path))
    page.fill("#id_publisher", "Synthetic agency")
    page.fill("#id_published_on", "2025-03-12")
    page.select_option("#id_confidentiality", "public")
    page.click("#document-ingest button[type=submit]")
    page.wait_for_load_state()
    review_path = urlparse(page.url).path
    assert review_path.startswith("/documents/")

    # The review page: the text with the seizure highlighted, and its fact with actions.
    mark = page.locator("mark.fact-seizure")
    assert mark.inner_text() == "12 кг гашиша"
    fact = page.locator('#facts li[data-type="seizure"]')
    fact.locator("button", has_text="Принять").click()
    page.wait_for_load_state()
    fact = page.locator('#facts li[data-type="seizure"]')
    assert fact.get_attribute("data-status") == "accepted"

    # The fact links to the seizure, which says where it came from.
    fact.locator('a[href^="/supply/seizures/"]').click()
    page.wait_for_load_state()
    detail = page.locator("main").inner_text()
    assert "Извлечено из документа" in detail and "синоним" in detail
    # The way back to the document and its fact: the provenance link (the note is the
    # sentence the seizure was read from, in the document's language).
    back = page.locator('main a[data-source="document"]').first.get_attribute("href")
    assert back.startswith(review_path) and "#fact-" in back
    assert "изъяли 12 кг гашиша" in detail

    # The supply dashboard counts it; the seizure list shows it.
    page.goto("/supply/?country=KG")
    page.wait_for_load_state("networkidle")
    assert page.locator("#total-seizures").inner_text() == "1"
    page.goto("/supply/seizures/?country=KG")
    assert "Извлечено из документа" in page.locator("main").inner_text()
    assert page.watch.failures == []
