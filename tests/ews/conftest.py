"""The NPS library is loaded once into the test database (under every test's rollback)."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from cadis.apps.ews.library import profiles_load

    with django_db_blocker.unblock():
        profiles_load()


@pytest.fixture
def library(db):
    """The seed library (transactional tests, which flush the database, reload it)."""
    from cadis.apps.ews.library import profiles_load
    from cadis.apps.ews.models import SubstanceProfile
    from cadis.apps.ews.rules import ensure_default_rules

    if not SubstanceProfile.objects.filter(in_library=True).exists():
        profiles_load()
    ensure_default_rules()


MEPHEDRONE = "CNC(C)C(=O)c1ccc(C)cc1"
NEW_CATHINONE = (
    "CNC(C)C(=O)c1ccc(CC)cc1"  # 4-EMC: not in the seed library, derivative of mephedrone
)


def detection_data(**overrides) -> dict:
    data = {
        "detected_on": dt.date(2026, 3, 1),
        "sample_type": "powder",
        "methods": ["gc_ms"],
        "reported_name": "",
        "structure_input": MEPHEDRONE,
        "intoxications": 0,
        "deaths": 0,
        "confidentiality": "restricted",
    }
    data.update(overrides)
    return data


@pytest.fixture
def report(personas, library):
    """report(user, **fields) -> (detection, alert) through the service."""
    from cadis.apps.ews.services import detection_create

    def _report(user, **fields):
        org = user.organisation
        return detection_create(
            actor=user, country=org.country, organisation=org, data=detection_data(**fields)
        )

    return _report
