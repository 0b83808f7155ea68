"""No N+1 on list pages and list endpoints: the number of queries does not grow with the rows.

Each list is asked with N records and again with 3N; the query counts must be equal.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

N = 2


def _seizures(p, i):
    from cadis.apps.reference.models import Substance
    from cadis.apps.supply import services

    services.seizure_create(
        actor=p.kg_provider,
        data={
            "date": dt.date(2024, 3, 1 + i),
            "date_precision": "day",
            "substance": Substance.objects.get(code="heroin"),
            "quantity_as_written": str(1 + i),
            "unit_as_written": "кг",
            "confidentiality": "restricted",
        },
    )


def _cases(p, i):
    from cadis.apps.supply import services

    services.case_create(actor=p.kg_provider, data={"reference": f"Q-{i}", "persons_arrested": i})


def _prices(p, i):
    from cadis.apps.reference.models import Substance
    from cadis.apps.supply.prices import services

    services.price_record_create(
        actor=p.kg_provider,
        data={
            "substance": Substance.objects.get(code="heroin"),
            "market_level": "retail",
            "period_start": dt.date(2020 + i, 1, 1),
            "period_end": dt.date(2020 + i, 6, 30),
            "currency": "kgs",
            "price_unit": "g",
            "price_mean": Decimal("2000"),
            "confidentiality": "restricted",
        },
    )


def _episodes(p, i):
    from cadis.apps.treatment import services

    services.episode_create(
        actor=p.kg_provider,
        organisation=p.kg_org,
        values={
            "start_date": dt.date(2024, 1 + i, 5),
            "age": 30 + i,
            "primary_drug_code": "1.1",
            "sex": "male",
        },
        identity={"national_id": f"SYN-Q-{i}"},
    )


def _notifications(p, i):
    from tests.precursors.factories import notification

    notification(p.kg_provider, reference=f"KG-PEN-Q{i}")


def _incidents(p, i):
    from tests.precursors.factories import incident

    incident(p.kg_provider, reference=f"KG-PICS-Q{i}")


def _detections(p, i):
    from cadis.apps.ews.library import profiles_load
    from cadis.apps.ews.models import SubstanceProfile
    from cadis.apps.ews.rules import ensure_default_rules
    from cadis.apps.ews.services import detection_create

    if i == 0 and not SubstanceProfile.objects.filter(in_library=True).exists():
        profiles_load()
        ensure_default_rules()
    detection_create(
        actor=p.kg_provider,
        country=p.kg_org.country,
        organisation=p.kg_org,
        data={
            "detected_on": dt.date(2026, 3, 1 + i),
            "sample_type": "powder",
            "methods": ["gc_ms"],
            "structure_input": "CNC(C)C(=O)c1ccc(C)cc1",
            "confidentiality": "restricted",
        },
    )


def _documents(p, i):
    from django.core.files.base import ContentFile

    from cadis.apps.knowledge import services

    services.document_create(
        actor=p.kg_provider,
        file=ContentFile(f"Синтетический текст {i}.".encode(), name=f"n{i}.txt"),
        confidentiality="restricted",
        metadata={"title": f"Synthetic {i}"},
    )


def _services(p, i):
    from cadis.apps.knowledge import services

    services.service_save(
        actor=p.kg_provider,
        data={
            "name_en": f"Service {i}",
            "name_ru": f"Служба {i}",
            "modalities": ["prison_based"],
            "confidentiality": "restricted",
        },
    )


LISTS = [
    ("/supply/seizures/", _seizures),
    ("/api/v1/supply/seizures", _seizures),
    ("/supply/cases/", _cases),
    ("/api/v1/supply/cases", _cases),
    ("/supply/prices/", _prices),
    ("/api/v1/supply/prices", _prices),
    ("/treatment/episodes/", _episodes),
    ("/api/v1/treatment/episodes", _episodes),
    ("/precursors/notifications/", _notifications),
    ("/api/v1/precursors/notifications", _notifications),
    ("/precursors/incidents/", _incidents),
    ("/api/v1/precursors/incidents", _incidents),
    ("/ews/detections/", _detections),
    ("/api/v1/ews/detections", _detections),
    ("/knowledge/documents/", _documents),
    ("/api/v1/knowledge/documents", _documents),
    ("/knowledge/services/", _services),
    ("/api/v1/knowledge/services", _services),
]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize(("url", "make"), LISTS, ids=[u for u, _m in LISTS])
def test_a_list_asks_as_many_queries_for_3n_rows_as_for_n(url, make, personas, client_of):
    client = client_of(personas.kg_focal)
    for i in range(N):
        make(personas, i)
    _queries(client, url)  # warm caches (reference lookups, sessions)
    few = _queries(client, url)
    for i in range(N, 3 * N):
        make(personas, i)
    assert _queries(client, url) == few
