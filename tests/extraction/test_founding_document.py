"""The founding document (the shared seed) through the app: ingest, review, accept."""

from __future__ import annotations

import datetime as dt

import pytest

from cadis.apps.extraction import services
from cadis.apps.extraction.models import Fact
from cadis.apps.supply.models import Case, PeriodStatistic

pytestmark = pytest.mark.django_db


@pytest.fixture
def founding(ingest, founding_text, personas):
    document, run = ingest(
        founding_text,
        actor=personas.admin,
        name="founding.txt",
        published_on="2024-11-28",
        country="KG",
    )
    return document, run


def _fact(run, type_, **payload):
    for fact in run.facts.filter(type=type_):
        if all(fact.payload.get(k) == v for k, v in payload.items()):
            return fact
    found = [f.payload for f in run.facts.filter(type=type_)]
    raise AssertionError(f"no {type_} fact with {payload}: {found}")


def test_the_founding_document_yields_the_acceptance_facts(founding):
    document, run = founding
    assert run.status == "done" and run.language == "ru"
    synthetic = _fact(run, "seizure", quantity_kg=260.0, country="KG")
    assert synthetic.payload["aggregate"] is True
    assert synthetic.payload["substance_resolved"] == "synthetic_drugs"
    assert synthetic.payload["period"]["text"] == "За 3 года и 10 месяцев"
    groups = _fact(run, "groups_dismantled", count=16, members=74)
    assert groups.payload["period"]["start"] == "2024-01-01"
    tonnes = _fact(run, "seizure", quantity_kg=1300.0, country="TJ", agency_code="tj_akn")
    assert tonnes.payload["aggregate"] is True
    assert document.text[tonnes.span_start : tonnes.span_end] == tonnes.text
    vacuum = _fact(run, "concealment", method="vacuum packaging")
    assert vacuum.payload["defeats"] == "sniffer dogs"
    trend = _fact(run, "trend", direction="up", country="KG")
    assert trend.payload["substance_group"] == "synthetic_cannabinoids"
    event = _fact(run, "event", place="Ashgabat")
    assert sorted(event.payload["countries"]) == ["KG", "KZ", "TJ", "TM", "UZ"]
    assert event.payload["period"] == {
        "text": "27-28 ноября 2024 г.",
        "start": "2024-11-27",
        "end": "2024-11-28",
    }


def test_accepting_the_tajik_total_records_1300_kg_as_a_period_statistic(founding, personas):
    _document, run = founding
    fact = _fact(run, "seizure", quantity_kg=1300.0, country="TJ")
    # "1.300 кг" reads two ways: the reviewer confirms the reading of 1,300 kg.
    services.fact_accept(actor=personas.admin, fact=fact, confirmed={"ambiguous_number"})
    fact.refresh_from_db()
    stat = PeriodStatistic.objects.get(pk=fact.record_id)
    assert (stat.indicator, stat.value, stat.unit) == ("quantity_seized", 1300.0, "kg")
    assert (stat.period_start, stat.period_end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert stat.country.code == "TJ" and stat.agency.code == "tj_akn"
    assert stat.source_kind == "document"
    assert stat.source_ref == {
        "document": fact.document_id,
        "span": [fact.span_start, fact.span_end],
        "fact": fact.pk,
    }
    assert fact.status == Fact.Status.ACCEPTED


def test_accepting_the_dismantled_groups_creates_a_case(founding, personas):
    _document, run = founding
    fact = _fact(run, "groups_dismantled", count=16)
    services.fact_accept(actor=personas.admin, fact=fact)
    fact.refresh_from_db()
    case = Case.objects.get(pk=fact.record_id)
    assert (case.groups_dismantled, case.group_members) == (16, 74)
    assert case.country.code == "TJ"
    assert (case.date_start, case.date_end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert case.source_ref["span"] == [fact.span_start, fact.span_end]


def test_the_kyrgyz_focal_point_records_the_kyrgyz_total_but_not_the_tajik_one(
    ingest, founding_text, personas
):
    from cadis.platform.errors import PermissionDenied

    _document, run = ingest(founding_text, actor=personas.kg_focal, published_on="2024-11-28")
    kg = _fact(run, "seizure", quantity_kg=260.0)
    services.fact_accept(actor=personas.kg_focal, fact=kg)
    kg.refresh_from_db()
    assert PeriodStatistic.objects.get(pk=kg.record_id).country.code == "KG"
    tj = _fact(run, "seizure", quantity_kg=1300.0)
    with pytest.raises(PermissionDenied):
        services.fact_accept(actor=personas.kg_focal, fact=tj, confirmed={"ambiguous_number"})
