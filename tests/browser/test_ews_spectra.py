"""In a real browser: a laboratory uploads an MSP spectrum to a detection, sees the top matches
with their legal status, records its evidence, and the focal point sees the confidence grade on
the draft alert. The reference spectra are synthetic ones cadis makes from structures."""

from __future__ import annotations

import pytest

from cadis.engines.spectra import write_msp
from cadis.engines.spectra.synthetic import perturb, synthetic_spectrum
from tests.browser.conftest import sign_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

THREE_MMC = "CNC(C)C(=O)c1cccc(C)c1"
REFERENCES = ("3-MMC", "Mephedrone", "alpha-PVP", "MDMA", "Ketamine")


@pytest.fixture
def laboratory(personas):
    from cadis.apps.accounts.models import Organisation, User
    from cadis.apps.ews.evidence import reference_contribute
    from cadis.apps.ews.library import invalidate_classifier, profiles_load
    from cadis.apps.ews.models import SubstanceProfile
    from cadis.apps.ews.rules import ensure_default_rules
    from cadis.platform.roles import Role

    profiles_load()
    ensure_default_rules()
    invalidate_classifier()
    org = Organisation.objects.create(
        name_en="KG forensic laboratory", name_ru="Лаборатория КР",
        kind=Organisation.Kind.FORENSIC_LABORATORY, country=personas.kg_org.country,
    )  # fmt: skip
    user = User(username="kg_lab", organisation=org, role=Role.DATA_PROVIDER)
    user.set_password(PASSWORD)
    user.save()
    for name in REFERENCES:
        profile = SubstanceProfile.objects.get(name_en=name, in_library=True)
        reference_contribute(
            actor=user, profile=profile, text=write_msp([synthetic_spectrum(profile.smiles, name)]),
            data={"laboratory": "KG lab", "confidentiality": "restricted"},
        )  # fmt: skip
    return user


def test_msp_upload_gives_matches_with_status_and_a_grade_on_the_draft_alert(
    page, personas, laboratory, browser
):
    sign_in(page, "kg_lab")
    page.goto("/ews/detections/new/")
    page.fill("#id_detected_on", "2026-05-04")
    page.select_option("#id_sample_type", "crystals")
    page.check("input[name=methods][value=gc_ms]")
    page.fill("#id_reported_name", "3-MMC")
    page.fill("#id_structure_input", THREE_MMC)
    page.click("#detection-form button[type=submit]")
    page.wait_for_load_state()
    detection_url = page.url

    page.click("#evidence-link")
    page.wait_for_load_state()
    measured = write_msp([perturb(synthetic_spectrum(THREE_MMC, "unknown"), 11)])
    page.set_input_files(
        "#spectrum-form input[type=file]",
        files=[{"name": "run-0504.msp", "mimeType": "text/plain", "buffer": measured.encode()}],
    )
    page.click("#spectrum-form button[type=submit]")
    page.wait_for_load_state()
    assert page.url == detection_url
    hits = page.locator(".spectral-hits tr.hit")
    assert hits.count() == 5
    assert "3-MMC" in hits.first.inner_text() or "метилметкатинон" in hits.first.inner_text()
    assert hits.first.locator('[data-jurisdiction="international"].status-controlled').count() == 1

    page.click("#evidence-link")
    page.wait_for_load_state()
    page.check("#evidence-form input[name=techniques][value=gc_ms]")
    page.check("#evidence-form input[name=techniques][value=ftir]")
    page.check("#id_reference_standard")
    page.fill("#id_retention_time", "6.85")
    page.click("#evidence-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator('.confidence[data-grade="confirmed"]').count() == 1
    alert_url = page.locator(".alert-link").first.get_attribute("href")

    focal = browser.new_context(base_url=page.url.split("/ews/")[0], locale="ru-RU").new_page()
    sign_in(focal, "kg_focal")
    focal.goto(alert_url)
    assert focal.locator(".alert-status").get_attribute("data-status") == "draft"
    assert focal.locator('.alert-detections .confidence[data-grade="confirmed"]').count() == 1
    methods = focal.locator("#id_identification_methods").input_value()
    assert "Уровень достоверности идентификации (SWGDRUG): Подтверждено" in methods
    # The draft keeps the line in English too, for readers of the English pages.
    from cadis.apps.ews.models import Alert

    draft = Alert.objects.filter(status="draft").order_by("-id").first()
    english = draft.texts_en["identification_methods"]
    assert "Identification confidence (SWGDRUG): Confirmed" in english
    assert page.watch.failures == []
