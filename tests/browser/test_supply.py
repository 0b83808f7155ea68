"""Supply reduction in a real browser: import a file, see its rows on the dashboard, download the CSV."""

from __future__ import annotations

import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    "Дата;Страна;Вещество;Количество;Единица измерения;Конфиденциальность\n"
    "12.03.2024;KG;героин;1 300,5;г;public\n"
    "05.04.2024;KG;гашиш;20,374;кг;public\n"
    "05.2024;KG;марихуана;15 т 106 кг 549 г;;public\n"
).encode("cp1251")


def test_a_provider_imports_a_file_and_downloads_the_dashboard_csv(page, personas, tmp_path):
    path = tmp_path / "kg-seizures.csv"
    path.write_bytes(CSV)
    sign_in(page, "kg_provider")
    page.goto("/supply/imports/")
    page.set_input_files("#id_file", str(path))
    page.click("form.stack button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".import-status").get_attribute("data-status") == "checked"
    page.click("#commit-import")
    page.wait_for_load_state()
    assert page.locator(".import-status").get_attribute("data-status") == "committed"

    page.goto("/supply/?country=KG")
    page.wait_for_load_state("networkidle")
    assert page.locator("#total-seizures").inner_text() == "3"
    assert page.locator("#chart-substance-kg svg.marks").count() == 1  # Vega-Lite drew the chart
    # The data table and its downloads are collapsed inside the chart's card: open it as a
    # reader would.
    page.locator("#chart-substance-kg-figure details.chart-table summary").click()
    table = page.locator("#chart-substance-kg-figure table").inner_text()
    assert "Героин" in table and "Гашиш" in table

    with page.expect_download() as download_info:
        page.locator("#chart-substance-kg-figure p.downloads a", has_text="CSV").click()
    body = download_info.value.path().read_text(encoding="utf-8-sig")
    assert "Героин" in body and "1.3005" in body and "20.374" in body
    assert page.watch.failures == []
