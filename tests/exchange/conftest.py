"""Exchange fixtures: a synthetic event and recommendations at each lifecycle stage."""

from __future__ import annotations

import datetime as dt

import pytest

from cadis.platform.records import Confidentiality

CRITERIA_OK = {
    "gender_sensitive": (True, "Synthetic: reaches women."),
    "consistent": (True, "Synthetic: matches the strategy."),
    "balanced": (True, "Synthetic: complements supply reduction."),
    "evidence_based": (True, "Synthetic: rated beneficial."),
}


@pytest.fixture
def countries(refdata):
    from cadis.apps.reference.models import Country

    return {x.code: x for x in Country.objects.filter(code__in=["KG", "TJ", "KZ"])}


@pytest.fixture
def event(personas, countries):
    from cadis.apps.exchange import services

    return services.event_create(
        actor=personas.kg_focal,
        countries=list(countries.values()),
        data={
            "title_ru": "Синтетическая конференция",
            "title_en": "Synthetic conference",
            "kind": "conference",
            "starts_on": dt.date(2024, 11, 27),
            "ends_on": dt.date(2024, 11, 28),
            "city": "Bishkek",
            "organisers": "Synthetic organisers",
            "confidentiality": Confidentiality.PUBLIC,
        },
        delegations=[{"country": countries["KG"], "head": "Synthetic head", "size": 3}],
        sessions=[{"day": dt.date(2024, 11, 27), "title_ru": "Сессия", "title_en": "Session one"}],
    )


@pytest.fixture
def draft(personas, countries, event):
    """A draft by KG police (kg_provider's organisation), aimed at KG and KZ."""
    from cadis.apps.exchange import services

    return services.recommendation_save(
        actor=personas.kg_provider,
        target_countries=[countries["KG"], countries["KZ"]],
        data={
            "title_ru": "Синтетический проект",
            "title_en": "Synthetic draft",
            "text_ru": "Текст",
            "text_en": "Text",
            "pillar": "prevention",
            "event": event,
            "confidentiality": Confidentiality.PUBLIC,
        },
    )


def advance(rec, actor, to: str):
    from cadis.apps.exchange import services

    if to in ("consultation", "adopted"):
        services.criteria_set(actor=actor, recommendation=rec, values=CRITERIA_OK)
        rec = services.recommendation_open_consultation(actor=actor, recommendation=rec)
    if to == "adopted":
        rec = services.recommendation_adopt(actor=actor, recommendation=rec)
    return rec
