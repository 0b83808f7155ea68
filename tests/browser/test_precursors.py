"""Screening in a real browser: upload -> progress -> results -> export."""

from __future__ import annotations

import pytest

from cadis.apps.jobs.tasks import run_job
from cadis.apps.precursors.models import ScreeningJob
from tests.browser.conftest import sign_in
from tests.precursors.conftest import DECLARATIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_customs_officer_screens_a_file_and_exports_the_hits(page, personas, tmp_path):
    declarations = tmp_path / "declarations.csv"
    declarations.write_text(DECLARATIONS, encoding="utf-8")
    sign_in(page, "kg_provider")

    page.goto("/precursors/")
    page.click("text=Проверить файл деклараций")
    page.set_input_files("#id_file", str(declarations))
    page.select_option("#id_screen_country", "KG")
    with page.expect_navigation():
        page.click("#screening-upload button[type=submit]")

    # The job page polls its progress until a worker has run the job.
    progress = page.locator("#job-progress")
    assert progress.get_attribute("data-status") == "queued"
    job = ScreeningJob.objects.get()
    run_job.call(job.job_id)
    page.wait_for_selector('#job-progress[data-status="succeeded"]', timeout=10_000)

    page.click("#job-progress a.button")
    page.wait_for_load_state()
    assert page.locator("tr.flagged").count() == 3
    assert page.locator("tr.flagged").first.locator("mark").count() >= 1
    assert "table_I 2024" in page.locator("#list-version").inner_text()

    page.check("input[name=flagged]")
    with page.expect_navigation():
        page.click("#result-filters button[type=submit]")
    assert page.locator("tr.clear").count() == 0

    with page.expect_download() as download_info:
        page.click("#export-csv")
    exported = download_info.value.path().read_text(encoding="utf-8-sig")
    assert exported.count("\n") == 4 and "Acetic anhydride" in exported
    assert page.watch.failures == []
