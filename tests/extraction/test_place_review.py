"""Accepted facts whose place the geocoder was unsure of: a scoped review queue, resolved from
the gazetteer (the same page mechanism as seizures and detections)."""

from __future__ import annotations

import pytest

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.extraction.models import Fact
from cadis.apps.reference.geocoding import apply_geocode
from tests.extraction.conftest import EN_RELEASE, KG_RELEASE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gazetteer")]
REVIEW = "/documents/facts/places/"
VAGUE = "у реки за селом"


def _unsure_fact(ingest, actor, text, country, *, status=Fact.Status.ACCEPTED) -> Fact:
    """A fact of a new document whose place, as extracted, the geocoder cannot place."""
    _document, run = ingest(text, actor=actor, country=country)
    fact = run.facts.order_by("pk").first()
    fact.payload = {**fact.payload, "place": VAGUE}
    apply_geocode(fact, VAGUE, country=country)
    assert fact.geo_status == "review"  # the geocoder, not the test, says it is unsure
    fact.status = status
    fact.save()
    return fact


def _row(fact: Fact) -> str:
    return f"/documents/{fact.document_id}/#fact-{fact.pk}"


def test_the_queue_lists_accepted_unsure_facts_the_user_may_review(ingest, personas, client_of):
    kg = _unsure_fact(ingest, personas.kg_provider, KG_RELEASE, "KG")
    proposed = _unsure_fact(
        ingest, personas.kg_provider, KG_RELEASE + " ", "KG", status=Fact.Status.PROPOSED
    )
    tj = _unsure_fact(ingest, personas.tj_provider, EN_RELEASE, "TJ")
    page = client_of(personas.kg_provider).get(REVIEW)
    html = page.content.decode()
    assert page.status_code == 200
    assert _row(kg) in html and VAGUE in html
    assert _row(proposed) not in html  # not accepted: reviewed with the document instead
    assert _row(tj) not in html  # a Tajik document's fact is not a Kyrgyz provider's to place
    assert _row(kg) in client_of(personas.kg_focal).get(REVIEW).content.decode()
    tj_page = client_of(personas.tj_provider).get(REVIEW).content.decode()
    assert _row(tj) in tj_page and _row(kg) not in tj_page
    for reader in (personas.kg_analyst, personas.kg_other_provider, personas.regional):
        assert _row(kg) not in client_of(reader).get(REVIEW).content.decode()
    assert client_of(None).get(REVIEW).status_code == 302


def test_a_reviewer_searches_the_gazetteer_and_resolves_the_place(ingest, personas, client_of):
    fact = _unsure_fact(ingest, personas.kg_provider, KG_RELEASE, "KG")
    client = client_of(personas.kg_provider)
    search = client.get(REVIEW, {"record": fact.pk, "q": "Кара-Суу"})
    assert 'value="kg-kara-suu"' in search.content.decode()
    denied = client_of(personas.tj_provider).post(REVIEW, {"record": fact.pk, "place": "kg-kara-suu"})
    assert denied.status_code == 404
    done = client.post(REVIEW, {"record": fact.pk, "place": "kg-kara-suu"})
    assert done.status_code == 302
    fact.refresh_from_db()
    assert (fact.geo_status, fact.geo_subdivision, fact.geo_confidence) == ("resolved", "KG-O", 1.0)
    assert fact.geo_place.code == "kg-kara-suu" and fact.latitude is not None
    entry = AuditEntry.objects.filter(object_type="extraction.fact", object_id=str(fact.pk)).last()
    assert entry.action == "update" and entry.after["geo_status"] == "resolved"
    assert _row(fact) not in client.get(REVIEW).content.decode()


def test_a_place_that_is_not_in_the_gazetteer_is_refused(ingest, personas, client_of):
    fact = _unsure_fact(ingest, personas.kg_provider, KG_RELEASE, "KG")
    response = client_of(personas.kg_provider).post(REVIEW, {"record": fact.pk, "place": "nowhere"})
    assert response.status_code == 400
    fact.refresh_from_db()
    assert fact.geo_status == "review"
