"""Analytical evidence on a detection: spectra stored through the platform, matched against the
regional library (synthetic spectra made by cadis, not real ones), the SWGDRUG grade on the
detection, the profile and the alert, with exact status codes per persona."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.ews.models import DetectionSpectrum, SubstanceProfile
from tests.ews.conftest import MEPHEDRONE, NEW_CATHINONE, measured_msp

pytestmark = pytest.mark.django_db


@pytest.fixture
def lab_detection(lab, report):
    """A restricted detection of 4-EMC by the KG laboratory (a rule drafts an alert)."""
    detection, alert = report(lab, structure_input=NEW_CATHINONE, methods=["gc_ms"])
    assert alert is not None
    return detection


def _upload(client, detection, text, name="unknown.msp"):
    return client.post(
        reverse("ews:detection_evidence", args=[detection.pk]),
        {"action": "spectrum", "file": SimpleUploadedFile(name, text.encode())},
    )


def test_evidence_page_status_codes_per_persona(client_of, personas, lab, lab_detection):
    url = reverse("ews:detection_evidence", args=[lab_detection.pk])
    assert client_of(None).get(url).status_code == 302  # sign in first
    assert client_of(personas.tj_analyst).get(url).status_code == 404  # cannot see it
    assert client_of(personas.tj_focal).get(url).status_code == 404
    assert client_of(personas.kg_analyst).get(url).status_code == 403  # sees, may not change
    assert client_of(personas.kg_provider).get(url).status_code == 403  # another organisation
    assert client_of(lab).get(url).status_code == 200  # the owning laboratory
    assert client_of(personas.kg_focal).get(url).status_code == 200  # the country's focal point


def test_an_uploaded_msp_spectrum_is_matched_with_legal_status(
    client_of, personas, lab, lab_detection, reference_library
):
    mephedrone = SubstanceProfile.objects.get(name_en="Mephedrone", in_library=True)
    response = _upload(client_of(lab), lab_detection, measured_msp(MEPHEDRONE), "run 12.msp")
    assert response.status_code == 302
    record = DetectionSpectrum.objects.get(detection=lab_detection)
    assert record.kind == "ei" and record.file_format == "msp" and record.file_name == "run 12.msp"
    # stored under an unguessable name, not the laboratory's file name
    assert re.fullmatch(r"ews/spectra/[0-9a-f]{32}\.txt", record.file.name)
    assert record.best_score is not None and record.best_score > 0.5
    assert (
        AuditEntry.objects.filter(
            object_type__iendswith="detectionspectrum", object_id=str(record.pk), action="create"
        ).count()
        == 1
    )

    page = client_of(lab).get(reverse("ews:detection_detail", args=[lab_detection.pk]))
    text = page.content.decode()
    rows = re.findall(r'<tr class="hit" data-profile="(\d+)">', text)
    assert len(rows) == 5 and rows[0] == str(mephedrone.pk)
    assert 'data-jurisdiction="international"' in text and "status-controlled" in text


def test_the_spectrum_file_is_served_only_through_the_scoped_view(
    client_of, personas, lab, lab_detection, reference_library
):
    _upload(client_of(lab), lab_detection, measured_msp(MEPHEDRONE))
    record = DetectionSpectrum.objects.get(detection=lab_detection)
    url = reverse("ews:spectrum_file", args=[lab_detection.pk, record.pk])
    assert client_of(None).get(url).status_code == 404
    assert client_of(personas.tj_focal).get(url).status_code == 404
    assert client_of(personas.kg_analyst).get(url).status_code == 200  # restricted: own country
    response = client_of(lab).get(url)
    assert response.status_code == 200
    assert b"Num Peaks" in b"".join(response.streaming_content)


def test_an_other_country_reader_does_not_find_restricted_reference_spectra(
    client_of, personas, lab, reference_library
):
    post = {"action": "search", "text": measured_msp(MEPHEDRONE)}
    own = client_of(lab).post(reverse("ews:spectra"), post).content.decode()
    other = client_of(personas.tj_analyst).post(reverse("ews:spectra"), post).content.decode()
    assert own.count('class="hit"') == 5
    assert other.count('class="hit"') == 0


def test_lc_hrms_precursor_is_screened_against_the_whole_catalogue(
    client_of, personas, lab, lab_detection
):
    response = client_of(lab).post(
        reverse("ews:detection_evidence", args=[lab_detection.pk]),
        {"action": "spectrum", "precursor_mz": "178.1226", "adduct": "[M+H]+"},
    )
    assert response.status_code == 302
    page = client_of(lab).get(reverse("ews:detection_detail", args=[lab_detection.pk]))
    text = page.content.decode()
    for name in ("Mephedrone", "3-MMC"):
        pk = SubstanceProfile.objects.get(name_en=name, in_library=True).pk
        assert f'class="suspect" data-profile="{pk}"' in text


def test_evidence_grades_the_detection_and_updates_the_draft_alert_in_two_languages(
    client_of, personas, lab, lab_detection
):
    alert = lab_detection.alerts.get()
    assert "SWGDRUG" in alert.identification_methods
    response = client_of(lab).post(
        reverse("ews:detection_evidence", args=[lab_detection.pk]),
        {"action": "evidence", "techniques": ["gc_ms", "ftir"], "reference_standard": "on",
         "reference_standard_note": "Cayman lot 0612", "retention_time": "7.42",
         "retention_index": "1620"},
    )  # fmt: skip
    assert response.status_code == 302
    lab_detection.refresh_from_db()
    assert lab_detection.evidence.grade == "confirmed"
    alert.refresh_from_db()
    line = [ln for ln in alert.identification_methods.splitlines() if "SWGDRUG" in ln]
    assert len(line) == 1 and "Уровень достоверности идентификации" in line[0]
    english = alert.texts_en["identification_methods"].splitlines()
    grade = [ln for ln in english if "SWGDRUG" in ln]
    assert len(grade) == 1 and grade[0].startswith("Identification confidence (SWGDRUG): Confirmed")

    detail = client_of(personas.kg_focal).get(reverse("ews:alert_detail", args=[alert.pk]))
    assert 'data-grade="confirmed"' in detail.content.decode()
    profile = client_of(personas.kg_focal).get(
        reverse("ews:profile_detail", args=[lab_detection.profile_id])
    )
    assert 'data-grade="confirmed"' in profile.content.decode()


def test_a_draft_text_a_person_edited_gets_the_grade_in_both_languages_in_one_line(
    client_of, personas, lab, lab_detection
):
    from cadis.apps.ews import services

    alert = lab_detection.alerts.get()
    services.alert_update(
        actor=personas.kg_focal, alert=alert, data={"identification_methods": "GC-MS, FTIR"}
    )
    client_of(lab).post(
        reverse("ews:detection_evidence", args=[lab_detection.pk]),
        {"action": "evidence", "techniques": ["gc_ms", "ftir"], "reference_standard": "on",
         "reference_standard_note": "Cayman lot 0612"},
    )  # fmt: skip
    alert.refresh_from_db()
    first, line = alert.identification_methods.splitlines()
    assert first == "GC-MS, FTIR" and "identification_methods" not in alert.texts_en
    assert "Уровень достоверности идентификации" in line and "Identification confidence" in line


def test_a_detection_without_evidence_is_graded_from_its_methods(client_of, personas, report):
    detection, _alert = report(personas.kg_provider, methods=["colour_test", "immunoassay"])
    page = client_of(personas.kg_provider).get(reverse("ews:detection_detail", args=[detection.pk]))
    assert 'data-grade="presumptive"' in page.content.decode()


def test_contribute_page_status_codes_per_persona(client_of, personas, lab, library):
    url = reverse("ews:spectra_contribute")
    assert client_of(None).get(url).status_code == 302
    assert client_of(personas.tj_analyst).get(url).status_code == 403
    assert client_of(personas.kg_focal).get(url).status_code == 403  # not a laboratory
    assert client_of(lab).get(url).status_code == 200
    profile = SubstanceProfile.objects.get(name_en="Ketamine", in_library=True)
    response = client_of(lab).post(
        url,
        {"profile": profile.pk, "laboratory": "KG lab", "confidentiality": "public",
         "file": SimpleUploadedFile("k.msp", measured_msp(profile.smiles, name="Ketamine").encode())},
    )  # fmt: skip
    assert response.status_code == 302
    ref = profile.reference_spectra.get()
    assert ref.organisation == lab.organisation and ref.country.code == "KG"
    assert (
        AuditEntry.objects.filter(
            object_type__iendswith="referencespectrum", object_id=str(ref.pk), action="create"
        ).count()
        == 1
    )


def test_an_unreadable_spectrum_file_is_refused_with_a_message(client_of, lab, lab_detection):
    response = _upload(client_of(lab), lab_detection, "this is not a spectrum")
    assert response.status_code == 200
    assert DetectionSpectrum.objects.count() == 0
