"""A Kyrgyz clerk's file in a real browser: three words and one number are asked once, the preview
shows what will be written, the import lands on the dashboard (issue 19)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import sign_in
from tests.imports.test_clerk_file import FIRST, _file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERS = [
    ("Газель", "Грузовой автомобиль"),
    ("в рюкзаке", "Личные вещи и ручная кладь"),
    ("УВД Чуйской области", "Министерство внутренних дел Кыргызской Республики"),
]


def test_the_clerk_maps_three_values_previews_and_imports(page, personas, tmp_path):
    path = tmp_path / "kg-march.csv"
    path.write_bytes(_file(FIRST))
    sign_in(page, "kg_provider")
    page.goto("/supply/imports/")
    page.set_input_files("#id_file", str(path))
    page.click("form.stack button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".import-status").get_attribute("data-status") == "rejected"
    assert "Грузовой автомобиль" in page.locator("table.import-preview").inner_text()
    for written, choice in ANSWERS:
        row = page.locator("table.import-questions tr", has_text=written)
        row.locator("select").select_option(label=choice)
        row.locator("button[type=submit]").click()
        page.wait_for_load_state()
    row = page.locator("table.import-questions tr", has_text="1.300")
    row.locator("select").select_option(value="decimal")
    row.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".import-status").get_attribute("data-status") == "checked"
    preview = page.locator("table.import-preview").inner_text()
    assert "1.3 kg" in preview and "Министерство внутренних дел Кыргызской Республики" in preview
    page.click("#commit-import")
    page.wait_for_load_state()
    assert page.locator(".import-status").get_attribute("data-status") == "committed"

    page.goto("/supply/?country=KG")
    page.wait_for_load_state("networkidle")
    assert page.locator("#total-seizures").inner_text() == "4"
    assert page.watch.failures == []
