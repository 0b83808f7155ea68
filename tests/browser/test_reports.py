"""A country profile in a real browser: its charts draw, its PDF and SDMX-CSV download."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def kg_released(personas):
    from cadis.apps.reference.models import Country
    from cadis.apps.treatment import services

    kg = Country.objects.get(code="KG")
    for i in range(12):
        services.episode_create(
            actor=personas.kg_provider,
            organisation=personas.kg_org,
            values={
                "start_date": dt.date(2023, 1 + i, 2),
                "age": 28,
                "primary_drug_code": "1.1",
                "sex": "female" if i % 3 == 0 else "male",
            },
            identity={"national_id": f"SYN-B-{i:04d}"},
        )
    services.tdi_release(actor=personas.kg_focal, country=kg, year=2023)
    services.harm_upsert(
        actor=personas.kg_focal,
        organisation=personas.kg_org,
        indicator="drd",
        year=2023,
        values={"cases": 33, "source": "Test registry", "data_quality": "good"},
    )
    return kg


def test_a_visitor_opens_a_country_profile_and_downloads_its_pdf_and_open_data(
    page, kg_released, tmp_path
):
    page.goto("/reports/")
    page.click('a[href="/reports/KG/"] >> nth=0')
    page.wait_for_load_state("networkidle")
    assert "Кыргызстан" in page.locator("h1").inner_text()
    page.wait_for_selector("#kg-tdi-trend svg")

    # The PDF is drawn on request (WeasyPrint): under a busy CI machine that has taken more
    # than Playwright's default 30 s; its speed is measured in bench_reports, not here.
    with page.expect_download(timeout=180_000) as pdf_download:
        page.click('a[href="/reports/KG/profile.pdf"]')
    pdf_path = tmp_path / "profile.pdf"
    pdf_download.value.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF")

    page.click('a[href="/reports/sdmx/#KG"]')
    page.wait_for_load_state("networkidle")
    with page.expect_download() as sdmx_download:
        page.click('a[href="/reports/sdmx/data/DF_TDI/KG.csv"]')
    sdmx_path = tmp_path / "open.csv"
    sdmx_download.value.save_as(sdmx_path)
    text = sdmx_path.read_text(encoding="utf-8")
    assert text.startswith("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA") and "TDI_CLIENTS" in text
    assert page.watch.failures == []
