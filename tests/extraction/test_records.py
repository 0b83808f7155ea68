"""What each kind of fact becomes in the supply registry."""

from __future__ import annotations

import datetime as dt

import pytest

from cadis.apps.extraction import services
from cadis.apps.extraction.models import Fact
from cadis.apps.supply.facts import proposals as records
from cadis.apps.supply.models import Case, PeriodStatistic, Seizure

pytestmark = pytest.mark.django_db

# Synthetic sentences written for these tests.
LAB = (
    "Алматы, 5 мая 2025 г. (синтетический текст). В Алматинской области полиция ликвидировала "
    "нарколабораторию по производству мефедрона."
)
ARRESTS = "Tashkent, 2 June 2025 (synthetic text). In May 2025 police arrested 14 people for drug trafficking."
TABLETS = "Бишкек, 1 июня 2025 г. (синтетический текст). В Бишкеке у задержанного изъято 250 таблеток трамадола."


def test_a_dismantled_laboratory_becomes_a_case_with_the_laboratory(ingest, personas):
    _doc, run = ingest(LAB, actor=personas.admin, country="KG", published_on="2025-05-05")
    fact = services.fact_accept(actor=personas.admin, fact=run.facts.get(type="lab_dismantled"))
    case = Case.objects.get(pk=fact.record_id)
    assert case.country.code == "KZ" and case.date_start == dt.date(2025, 5, 5)
    lab = case.labs.get()
    assert (lab.kind, lab.substance.code) == ("synthetic", "mephedrone")


def test_arrests_become_a_case_with_the_persons_arrested(ingest, personas):
    _doc, run = ingest(ARRESTS, actor=personas.admin, country="KG")
    fact = services.fact_accept(actor=personas.admin, fact=run.facts.get(type="arrests"))
    case = Case.objects.get(pk=fact.record_id)
    assert (case.country.code, case.persons_arrested) == ("UZ", 14)
    assert (case.date_start, case.date_end) == (dt.date(2025, 5, 1), dt.date(2025, 5, 31))


def test_counted_units_become_a_seizure_counted_not_weighed(ingest, personas):
    _doc, run = ingest(TABLETS, published_on="2025-06-01")
    fact = services.fact_accept(actor=personas.kg_provider, fact=run.facts.get(type="seizure"))
    seizure = Seizure.objects.get(pk=fact.record_id)
    assert (seizure.normalised_quantity, seizure.normalised_unit) == (250.0, "count")
    assert seizure.substance.code == "tramadol" and seizure.date == dt.date(2025, 6, 1)


def test_a_reviewer_may_record_a_fact_as_another_kind(ingest, founding_text, personas):
    _doc, run = ingest(founding_text, actor=personas.admin, country="KG", published_on="2024-11-28")
    groups = run.facts.get(type="groups_dismantled")
    values = records.proposal(groups, records.STATISTIC)
    assert (values["indicator"], values["value"], values["unit"]) == (
        "groups_dismantled",
        16,
        "count",
    )
    fact = services.fact_accept(actor=personas.admin, fact=groups, values=values)
    assert fact.status == Fact.Status.ACCEPTED  # the values were the proposal's own
    stat = PeriodStatistic.objects.get(pk=fact.record_id)
    assert (stat.indicator, stat.value, stat.period_end) == (
        "groups_dismantled",
        16,
        dt.date(2024, 12, 31),
    )


def test_facts_without_a_record_are_accepted_as_facts(ingest, founding_text, personas):
    _doc, run = ingest(founding_text, actor=personas.admin, country="KG", published_on="2024-11-28")
    trend = services.fact_accept(actor=personas.admin, fact=run.facts.filter(type="trend").first())
    assert trend.status == Fact.Status.ACCEPTED and trend.record_id is None


def test_a_total_without_dates_asks_for_an_edit(ingest, personas):
    from cadis.platform.errors import ValidationError

    _doc, run = ingest("Всего изъято 40 кг гашиша (синтетический текст).")
    fact = run.facts.get(type="seizure")
    fact.payload = {**fact.payload, "aggregate": True, "period": None}
    fact.save()
    with pytest.raises(ValidationError):
        services.fact_accept(actor=personas.kg_provider, fact=fact)
    fact.refresh_from_db()
    assert fact.status == Fact.Status.PROPOSED
