"""Accepting a fact shows the record it creates and asks to confirm what looks implausible."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.extraction import checks, services
from cadis.apps.extraction.models import Fact
from cadis.apps.supply.models import Seizure
from cadis.platform.errors import Conflict

pytestmark = pytest.mark.django_db

# Synthetic releases written for these tests.
BIRTH_YEAR = (
    "Бишкек, 5 марта 2026 г. (синтетический текст). Вчера сотрудники МВД Кыргызской Республики "
    "изъяли 12,5 кг гашиша в Оше. В 1987 году изъято 300 граммов героина у местного жителя."
)
PLAIN = (
    "Бишкек, 5 марта 2026 г. (синтетический текст). Сотрудники МВД Кыргызской Республики "
    "изъяли 2 кг гашиша в Оше."
)


def _seizure(run, kg: float) -> Fact:
    return next(f for f in run.facts.filter(type="seizure") if f.payload.get("quantity_kg") == kg)


def test_a_year_that_may_be_a_birth_year_must_be_confirmed_before_recording(ingest, personas):
    _doc, run = ingest(BIRTH_YEAR, published_on="2026-03-05")
    fact = _seizure(run, 0.3)
    assert "possible_birth_year" in fact.payload["plausibility"]
    with pytest.raises(services.ConfirmationNeeded) as refused:
        services.fact_accept(actor=personas.kg_provider, fact=fact)
    assert refused.value.details["checks"] == ["possible_birth_year"]
    assert not isinstance(refused.value, Conflict)  # never taken for a probable duplicate
    assert Seizure.objects.count() == 0
    fact.refresh_from_db()
    assert fact.status == Fact.Status.PROPOSED

    services.fact_accept(actor=personas.kg_provider, fact=fact, confirmed={"possible_birth_year"})
    seizure = Seizure.objects.get()
    assert seizure.date != dt.date(1987, 1, 1)  # the event takes the lead's day, not 1987
    entry = AuditEntry.objects.filter(object_id=str(fact.pk)).latest("pk")
    assert entry.source_detail["confirmed"] == ["possible_birth_year"]


def test_a_plausible_fact_is_accepted_in_one_click(ingest, personas, client_of):
    _doc, run = ingest(PLAIN, published_on="2026-03-05")
    fact = _seizure(run, 2.0)
    assert fact.payload["plausibility"] == []
    response = client_of(personas.kg_provider).post(f"/documents/facts/{fact.pk}/accept/")
    assert response.status_code == 302
    assert response["Location"] == f"/documents/{fact.document_id}/#fact-{fact.pk}"
    assert Seizure.objects.get().normalised_quantity == 2.0


def test_accepting_on_the_page_goes_through_the_confirmation_page(ingest, personas, client_of):
    _doc, run = ingest(BIRTH_YEAR, published_on="2026-03-05")
    fact = _seizure(run, 0.3)
    client = client_of(personas.kg_provider)
    client.cookies["django_language"] = "ru"
    response = client.post(f"/documents/facts/{fact.pk}/accept/")
    assert response.status_code == 302
    assert response["Location"] == f"/documents/facts/{fact.pk}/confirm/"

    page = client.get(response["Location"]).content.decode()
    assert "Что будет записано" in page
    assert "0,3 кг" in page  # 300 g shown as the kg the registry stores
    assert "05.03.2026" in page or "04.03.2026" in page  # the lead's day, in Russian form
    assert 'value="possible_birth_year"' in page

    unticked = client.post(f"/documents/facts/{fact.pk}/confirm/", {})
    assert unticked.status_code == 400
    assert Seizure.objects.count() == 0

    ticked = client.post(f"/documents/facts/{fact.pk}/confirm/", {"confirm": "possible_birth_year"})
    assert ticked.status_code == 302
    assert Seizure.objects.count() == 1


def test_an_edited_date_far_before_the_document_must_be_confirmed(ingest, personas, client_of):
    _doc, run = ingest(PLAIN, published_on="2026-03-05")
    fact = _seizure(run, 2.0)
    client = client_of(personas.kg_provider)
    form = {
        "kind": "seizure",
        "country": "KG",
        "agency": "",
        "date": "1990-06-01",
        "date_precision": "day",
        "subdivision": "",
        "substance": "hashish",
        "substance_as_written": "гашиш",
        "quantity_as_written": "2",
        "unit_as_written": "kg",
    }
    response = client.post(f"/documents/facts/{fact.pk}/edit/", form)
    assert response.status_code == 200
    assert 'value="date_far_from_document"' in response.content.decode()
    assert Seizure.objects.count() == 0
    response = client.post(
        f"/documents/facts/{fact.pk}/edit/", form | {"confirm": "date_far_from_document"}
    )
    assert response.status_code == 302
    assert Seizure.objects.get().date == dt.date(1990, 6, 1)


def test_a_quantity_far_above_every_recorded_seizure_of_the_substance_is_flagged(ingest, personas):
    from cadis.apps.reference.models import Country, Substance
    from cadis.apps.supply.services import seizure_create

    hashish = Substance.objects.get(code="hashish")
    for day in range(1, 13):
        seizure_create(
            actor=personas.kg_provider,
            data={
                "country": Country.objects.get(code="KG"),
                "date": dt.date(2025, 1, day),
                "substance": hashish,
                "quantity_as_written": str(day),
                "unit_as_written": "kg",
            },
        )
    _doc, run = ingest(
        "Бишкек, 5 марта 2026 г. (синтетический текст). Сотрудники МВД Кыргызской Республики "
        "изъяли 900 кг гашиша в Оше.",
        published_on="2026-03-05",
    )
    fact = _seizure(run, 900.0)
    codes = [
        c.code for c in checks.to_confirm(fact, services.sinks.proposal(fact), personas.kg_provider)
    ]
    assert codes == ["quantity_outside_usual_range"]
    small = ingest(PLAIN, published_on="2026-03-05")[1]
    fact_small = _seizure(small, 2.0)
    assert (
        checks.to_confirm(fact_small, services.sinks.proposal(fact_small), personas.kg_provider)
        == []
    )


def test_the_review_page_orders_by_confidence_and_says_why(ingest, personas, client_of):
    document, run = ingest(BIRTH_YEAR, published_on="2026-03-05")
    client = client_of(personas.kg_provider)
    client.cookies["django_language"] = "en"
    page = client.get(f"/documents/{document.pk}/").content.decode()
    sure, doubtful = _seizure(run, 12.5), _seizure(run, 0.3)
    assert page.index(f'id="fact-{sure.pk}"') < page.index(f'id="fact-{doubtful.pk}"')
    assert "the year may be a person&#x27;s year of birth" in page
    assert "needs confirmation" in page and "Will be recorded as" in page
    in_text_order = client.get(f"/documents/{document.pk}/?order=text").content.decode()
    assert in_text_order.index(f'id="fact-{sure.pk}"') < in_text_order.index(
        f'id="fact-{doubtful.pk}"'
    )


def test_every_reason_code_of_the_engine_has_words_in_both_languages():
    from cadis.engines.extract.confidence import MUST_CONFIRM, WEIGHTS

    for code in [*WEIGHTS, *MUST_CONFIRM]:
        assert code in checks.REASON_LABELS, code
        with translation.override("ru"):
            russian = str(checks.REASON_LABELS[code])
        with translation.override("en"):
            english = str(checks.REASON_LABELS[code])
        assert russian != english, code
    assert set(MUST_CONFIRM) <= checks.MUST_CONFIRM
