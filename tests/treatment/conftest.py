"""Treatment fixtures: treatment-centre organisations and valid episode values."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def episode_values():
    def make(**overrides):
        values = {
            "start_date": dt.date(2024, 3, 15),
            "age": 31,
            "age_first_use": 19,
            "primary_drug_code": "1.1",
            "secondary_drugs": ["alcohol"],
            "sex": "male",
            "centre_type": "outpatient",
            "route": "inject",
            "injecting": "last_30d",
            "frequency": "daily",
        }
        values.update(overrides)
        return values

    return make


@pytest.fixture
def record_episode(personas, episode_values):
    from cadis.apps.treatment import services

    def make(
        national_id="AN1234567",
        actor=None,
        organisation=None,
        confidentiality="confidential",
        **overrides,
    ):
        actor = actor or personas.kg_provider
        return services.episode_create(
            actor=actor,
            organisation=organisation or actor.organisation,
            values=episode_values(**overrides),
            identity={"national_id": national_id},
            confidentiality=confidentiality,
        )

    return make
