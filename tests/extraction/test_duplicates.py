"""The same figure reported by two documents is flagged and not recorded twice."""

from __future__ import annotations

import pytest

from cadis.apps.extraction import services
from cadis.apps.extraction.models import Fact
from cadis.apps.supply.models import PeriodStatistic, Seizure
from cadis.platform.errors import Conflict

pytestmark = pytest.mark.django_db

FIRST = (
    "Бишкек, 5 января 2025 г. (синтетический текст). В 2024 году СБНОН МВД Кыргызской Республики "
    "изъято более 1.300 кг наркотических средств."
)
# The same total, rounded differently, in another synthetic release.
SECOND = (
    "Bishkek, 20 January 2025 (synthetic text). In 2024 the SCIDT of the Kyrgyz Republic seized "
    "1,310 kg of narcotic drugs."
)
OTHER_YEAR = (
    "Бишкек, 5 января 2024 г. (синтетический текст). В 2023 году СБНОН МВД Кыргызской Республики "
    "изъято более 1.300 кг наркотических средств."
)


# "более 1.300 кг" reads two ways: the reviewer confirms the engine's reading of it.
CONFIRMED = {"ambiguous_number"}


def _total(run) -> Fact:
    return run.facts.get(type="seizure")


def test_a_total_already_recorded_from_another_document_is_flagged_and_refused(ingest, personas):
    _d1, run1 = ingest(FIRST)
    services.fact_accept(actor=personas.kg_focal, fact=_total(run1), confirmed=CONFIRMED)
    _d2, run2 = ingest(SECOND)
    repeat = _total(run2)
    assert repeat.duplicate_of_id == _total(run1).pk
    assert f"{run1.document_id} «" in repeat.duplicate_reason
    with pytest.raises(Conflict):
        services.fact_accept(actor=personas.kg_focal, fact=repeat)
    assert PeriodStatistic.objects.count() == 1
    repeat.refresh_from_db()
    assert repeat.status == Fact.Status.PROPOSED and repeat.duplicate_reason


def test_the_reviewer_may_override_a_probable_duplicate_explicitly(ingest, personas):
    _d1, run1 = ingest(FIRST)
    services.fact_accept(actor=personas.kg_focal, fact=_total(run1), confirmed=CONFIRMED)
    _d2, run2 = ingest(SECOND)
    fact = services.fact_accept(actor=personas.kg_focal, fact=_total(run2), override_duplicate=True)
    assert fact.duplicate_override is True
    assert PeriodStatistic.objects.count() == 2


def test_a_total_for_another_period_is_not_a_duplicate(ingest, personas):
    _d1, run1 = ingest(FIRST)
    services.fact_accept(actor=personas.kg_focal, fact=_total(run1), confirmed=CONFIRMED)
    _d2, run2 = ingest(OTHER_YEAR)
    assert not _total(run2).duplicate_reason
    services.fact_accept(actor=personas.kg_focal, fact=_total(run2), confirmed=CONFIRMED)
    assert PeriodStatistic.objects.count() == 2


def test_a_seizure_already_in_the_registry_is_flagged(ingest, personas):
    import datetime as dt

    from cadis.apps.reference.models import Country, Substance
    from cadis.apps.supply.services import seizure_create

    seizure_create(
        actor=personas.kg_provider,
        data={
            "country": Country.objects.get(code="KG"),
            "date": dt.date(2025, 3, 12),
            "substance": Substance.objects.get(code="hashish"),
            "quantity_as_written": "12",
            "unit_as_written": "kg",
        },
    )
    _doc, run = ingest(
        "Бишкек, 12 марта 2025 г. (синтетический текст). В ходе досмотра автомобиля в Бишкеке "
        "изъято 12 кг гашиша.",
        published_on="2025-03-12",
    )
    fact = run.facts.get(type="seizure")
    assert fact.duplicate_record_id is not None and "2025-03-12" in fact.duplicate_reason
    with pytest.raises(Conflict):
        services.fact_accept(actor=personas.kg_provider, fact=fact)
    assert Seizure.objects.count() == 1


def test_a_reviewed_fact_cannot_be_reviewed_again(ingest, personas):
    _doc, run = ingest(FIRST)
    fact = services.fact_reject(actor=personas.kg_focal, fact=_total(run))
    with pytest.raises(Conflict):
        services.fact_accept(actor=personas.kg_focal, fact=fact)


def test_extracting_again_keeps_the_reviews_and_records_nothing_twice(ingest, personas):
    document, run = ingest(FIRST)
    services.fact_accept(actor=personas.kg_focal, fact=_total(run), confirmed=CONFIRMED)
    rerun = services.extraction_start(actor=personas.kg_focal, document=document)
    again = _total(rerun)
    assert again.status == Fact.Status.ACCEPTED and again.record_id == _total(run).record_id
    with pytest.raises(Conflict):
        services.fact_accept(actor=personas.kg_focal, fact=again)
    assert PeriodStatistic.objects.count() == 1
