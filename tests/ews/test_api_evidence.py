"""API of the analytical evidence and the spectral library, with exact status codes per persona.
The spectra are synthetic ones cadis makes from structures (see conftest)."""

from __future__ import annotations

import pytest

from cadis.apps.ews.models import ReferenceSpectrum, SubstanceProfile
from tests.ews.conftest import MEPHEDRONE, NEW_CATHINONE, measured_msp

pytestmark = pytest.mark.django_db
API = "/api/v1/ews"


def _json(client, method, path, body):
    return getattr(client, method)(f"{API}{path}", body, content_type="application/json")


@pytest.fixture
def lab_detection(lab, report):
    detection, _alert = report(lab, structure_input=NEW_CATHINONE, methods=["gc_ms"])
    return detection


def test_evidence_put_per_persona_and_the_grade(client_of, personas, lab, lab_detection):
    path = f"/detections/{lab_detection.pk}/evidence"
    body = {"techniques": ["gc_ms", "nmr"], "reference_standard": False, "retention_index": 1615}
    assert _json(client_of(None), "put", path, body).status_code == 401
    assert _json(client_of(personas.tj_focal), "put", path, body).status_code == 404
    assert _json(client_of(personas.kg_analyst), "put", path, body).status_code == 403
    response = _json(client_of(lab), "put", path, body)
    assert response.status_code == 200
    assert response.json()["grade"] == "identified"
    assert response.json()["categories"] == {"A": ["ms", "nmr"], "B": ["gc"]}
    body["reference_standard"] = True
    assert _json(client_of(personas.kg_focal), "put", path, body).json()["grade"] == "confirmed"
    confidence = client_of(personas.kg_analyst).get(
        f"{API}/detections/{lab_detection.pk}/confidence"
    )
    assert confidence.status_code == 200 and confidence.json()["grade"] == "confirmed"
    assert client_of(None).get(f"{API}/detections/{lab_detection.pk}/confidence").status_code == 404


def test_spectrum_post_returns_matches_with_status(
    client_of, personas, lab, lab_detection, reference_library
):
    path = f"/detections/{lab_detection.pk}/spectra"
    body = {"text": measured_msp(MEPHEDRONE), "file_name": "a.msp"}
    assert _json(client_of(personas.tj_provider), "post", path, body).status_code == 404
    assert _json(client_of(personas.kg_provider), "post", path, body).status_code == 403
    response = _json(client_of(lab), "post", path, body)
    assert response.status_code == 201
    data = response.json()
    assert data["kind"] == "ei" and len(data["matches"]) == 5
    assert data["matches"][0]["name"] == "Mephedrone"
    assert data["matches"][0]["status"]["international"]["status"] == "controlled"
    assert data["confidence"]["grade"] == "indicative"  # GC-MS alone, no retention data


def test_lc_hrms_precursor_by_api_and_a_bad_adduct(client_of, lab, lab_detection):
    path = f"/detections/{lab_detection.pk}/spectra"
    bad = _json(client_of(lab), "post", path, {"precursor_mz": 178.1226, "adduct": "[M+Xx]+"})
    assert bad.status_code == 400
    response = _json(client_of(lab), "post", path, {"precursor_mz": 178.1226, "adduct": "[M+H]+"})
    assert response.status_code == 201
    names = {m["name"] for m in response.json()["matches"]}
    assert {"Mephedrone", "3-MMC"} <= names


def test_search_and_suspects_are_scoped_and_carry_status(
    client_of, personas, lab, reference_library
):
    body = {"text": measured_msp(MEPHEDRONE)}
    own = _json(client_of(personas.kg_analyst), "post", "/spectra/search", body)
    other = _json(client_of(personas.tj_analyst), "post", "/spectra/search", body)
    anonymous = _json(client_of(None), "post", "/spectra/search", body)
    assert own.status_code == 200 and [h["name"] for h in own.json()][0] == "Mephedrone"
    assert other.status_code == 200 and other.json() == []
    assert anonymous.status_code == 200 and anonymous.json() == []
    suspects = _json(client_of(None), "post", "/spectra/suspects",
                     {"mz": 178.1226, "adducts": ["[M+H]+"], "ppm": 5})  # fmt: skip
    assert suspects.status_code == 200
    hit = next(h for h in suspects.json() if h["name"] == "Mephedrone")
    assert abs(hit["ppm_error"]) < 5 and hit["status"]["international"]["status"] == "controlled"
    assert _json(client_of(None), "post", "/spectra/search", {"text": "nothing"}).status_code == 400


def test_reference_spectra_list_and_contribution_per_persona(
    client_of, personas, lab, reference_library
):
    assert client_of(None).get(f"{API}/spectra").json()["count"] == 0  # all restricted
    assert client_of(personas.tj_analyst).get(f"{API}/spectra").json()["count"] == 0
    assert client_of(personas.kg_analyst).get(f"{API}/spectra").json()["count"] == len(
        reference_library
    )
    profile = SubstanceProfile.objects.get(name_en="Etizolam", in_library=True)
    body = {"profile_id": profile.pk, "text": measured_msp(profile.smiles, name="Etizolam"),
            "confidentiality": "public"}  # fmt: skip
    assert _json(client_of(None), "post", "/spectra", body).status_code == 401
    assert _json(client_of(personas.kg_focal), "post", "/spectra", body).status_code == 403
    response = _json(client_of(lab), "post", "/spectra", body)
    assert response.status_code == 201
    assert response.json()["country"] == "KG" and response.json()["substance"] == "Etizolam"
    assert ReferenceSpectrum.objects.get(pk=response.json()["id"]).source_kind == "api"
    assert client_of(None).get(f"{API}/spectra").json()["count"] == 1
