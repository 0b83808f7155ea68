"""Pages by persona: who sees a document's facts, who may review, what anonymous visitors get."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cadis.apps.extraction.models import Fact
from cadis.apps.supply.models import Seizure
from cadis.platform.records import Confidentiality

from .conftest import EN_RELEASE, KG_RELEASE

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(ingest):
    document, run = ingest(KG_RELEASE, title="Synthetic KG release")
    return document, run


@pytest.fixture
def public(ingest):
    document, run = ingest(
        KG_RELEASE, title="Synthetic public KG release", level=Confidentiality.PUBLIC
    )
    return document, run


def _single_seizure(run) -> Fact:
    return run.facts.get(type="seizure", payload__quantity_kg=12.0)


def test_the_focal_point_and_the_provider_of_the_owner_see_the_review_with_actions(
    restricted, client_of, personas
):
    document, run = restricted
    for user in (personas.kg_focal, personas.kg_provider):
        page = client_of(user).get(f"/documents/{document.pk}/").content.decode()
        assert "12 кг гашиша" in page
        assert f'id="fact-{_single_seizure(run).pk}"' in page
        assert f"/documents/facts/{_single_seizure(run).pk}/accept/" in page


def test_an_analyst_of_the_country_sees_the_facts_but_cannot_review(
    restricted, client_of, personas
):
    document, run = restricted
    page = client_of(personas.kg_analyst).get(f"/documents/{document.pk}/").content.decode()
    assert "12 кг гашиша" in page and "/accept/" not in page
    fact = _single_seizure(run)
    assert (
        client_of(personas.kg_analyst).post(f"/documents/facts/{fact.pk}/accept/").status_code
        == 403
    )


def test_a_provider_of_another_organisation_cannot_review(restricted, client_of, personas):
    _document, run = restricted
    fact = _single_seizure(run)
    assert (
        client_of(personas.kg_other_provider)
        .post(f"/documents/facts/{fact.pk}/accept/")
        .status_code
        == 403
    )
    assert (
        client_of(personas.kg_other_provider).get(f"/documents/facts/{fact.pk}/edit/").status_code
        == 403
    )
    fact.refresh_from_db()
    assert fact.status == Fact.Status.PROPOSED


def test_another_country_does_not_see_a_restricted_document(restricted, client_of, personas):
    document, run = restricted
    client = client_of(personas.tj_focal)
    assert client.get(f"/documents/{document.pk}/").status_code == 404
    assert "Synthetic KG release" not in client.get("/documents/").content.decode()
    assert client.post(f"/documents/facts/{_single_seizure(run).pk}/accept/").status_code == 404


def test_anonymous_visitors_see_public_documents_only_and_no_review(restricted, public, client_of):
    anonymous = client_of(None)
    listing = anonymous.get("/documents/").content.decode()
    assert "Synthetic public KG release" in listing and "Synthetic KG release<" not in listing
    assert anonymous.get(f"/documents/{restricted[0].pk}/").status_code == 404
    page = anonymous.get(f"/documents/{public[0].pk}/").content.decode()
    assert "12 кг гашиша" in page and "/accept/" not in page
    response = anonymous.post(f"/documents/facts/{_single_seizure(public[1]).pk}/accept/")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_accepting_on_the_page_creates_the_seizure_linked_to_document_and_span(
    restricted, client_of, personas
):
    document, run = restricted
    fact = _single_seizure(run)
    response = client_of(personas.kg_provider).post(f"/documents/facts/{fact.pk}/accept/")
    assert response.status_code == 302
    fact.refresh_from_db()
    seizure = Seizure.objects.get(pk=fact.record_id)
    assert seizure.source_kind == "document"
    assert seizure.source_ref["document"] == document.pk
    assert seizure.source_ref["span"] == [fact.span_start, fact.span_end]
    assert seizure.normalised_quantity == 12.0 and seizure.substance.code == "hashish"
    assert seizure.country.code == "KG" and seizure.organisation == personas.kg_org
    page = client_of(personas.kg_provider).get(f"/documents/{document.pk}/").content.decode()
    assert f"/supply/seizures/{seizure.pk}/" in page


def test_editing_a_fact_prefills_the_form_and_records_the_edited_values(
    restricted, client_of, personas
):
    _document, run = restricted
    fact = _single_seizure(run)
    client = client_of(personas.kg_focal)
    form = client.get(f"/documents/facts/{fact.pk}/edit/").content.decode()
    assert 'value="12"' in form and 'value="hashish" selected' in form
    response = client.post(
        f"/documents/facts/{fact.pk}/edit/",
        {
            "kind": "seizure",
            "country": "KG",
            "agency": "kg_sbnon",
            "substance": "hashish",
            "date": "2025-03-11",
            "date_precision": "day",
            "substance_as_written": "гашиш",
            "quantity_as_written": "12,5",
            "unit_as_written": "kg",
        },
    )
    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.status == Fact.Status.EDITED
    seizure = Seizure.objects.get(pk=fact.record_id)
    assert seizure.normalised_quantity == 12.5 and str(seizure.date) == "2025-03-11"


def test_rejecting_a_fact_records_nothing(restricted, client_of, personas):
    _document, run = restricted
    fact = _single_seizure(run)
    client_of(personas.kg_focal).post(f"/documents/facts/{fact.pk}/reject/")
    fact.refresh_from_db()
    assert fact.status == Fact.Status.REJECTED and fact.record_id is None
    assert Seizure.objects.count() == 0


def test_upload_stores_the_document_and_shows_its_facts(client_of, personas):
    client = client_of(personas.kg_provider)
    upload = SimpleUploadedFile("release.txt", EN_RELEASE.encode(), content_type="text/plain")
    response = client.post(
        "/documents/upload/",
        {
            "file": upload,
            "publisher": "Synthetic agency",
            "published_on": "2025-04-03",
            "confidentiality": "restricted",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "7.5 kg of heroin" in page
    assert Fact.objects.filter(type="seizure", payload__quantity_kg=7.5).exists()


def test_an_analyst_cannot_open_the_upload_page(client_of, personas):
    assert client_of(personas.kg_analyst).get("/documents/upload/").status_code == 403


def test_the_list_searches_documents_in_russian_and_english(ingest, client_of, personas):
    ingest(KG_RELEASE, title="Synthetic Russian release")
    ingest(EN_RELEASE, title="Synthetic English release")
    client = client_of(personas.kg_analyst)
    russian = client.get("/documents/", {"q": "гашиш"}).content.decode()
    assert "Synthetic Russian release" in russian and "Synthetic English release" not in russian
    english = client.get("/documents/", {"q": "heroin"}).content.decode()
    assert "Synthetic English release" in english and "Synthetic Russian release" not in english


def test_a_fact_about_another_country_is_refused_with_a_clear_message(
    ingest, founding_text, client_of, personas
):
    document, run = ingest(founding_text, actor=personas.kg_focal, published_on="2024-11-28")
    tajik = run.facts.get(type="seizure", payload__quantity_kg=1300.0)
    client = client_of(personas.kg_focal)
    client.cookies["django_language"] = "en"
    response = client.post(f"/documents/facts/{tajik.pk}/accept/")
    # "1.300" reads two ways: the reviewer is sent to confirm it first, then refused.
    assert response.status_code == 302
    assert response["Location"] == f"/documents/facts/{tajik.pk}/confirm/"
    response = client.post(
        f"/documents/facts/{tajik.pk}/confirm/", {"confirm": ["ambiguous_number"]}
    )
    assert response.status_code == 400
    assert "You may not record this" in response.content.decode()
    tajik.refresh_from_db()
    assert tajik.status == Fact.Status.PROPOSED and tajik.record_id is None
