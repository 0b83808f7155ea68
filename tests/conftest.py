"""Shared fixtures: reference data and personas (own country, other country, anonymous)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

# Property tests check answers, not speed (speed is measured in benchmarks/): no per-example
# deadline, which would fail on a loaded machine or beside a parallel worker.
hypothesis_settings.register_profile("cadis", deadline=None)
hypothesis_settings.load_profile("cadis")


@pytest.fixture(autouse=True)
def _test_settings(request, tmp_path):
    # Engine tests may run without pytest-django (`-p no:django`): nothing to set then.
    if not request.config.pluginmanager.hasplugin("django"):
        return
    settings = request.getfixturevalue("settings")
    settings.MEDIA_ROOT = tmp_path / "media"
    # Persona tests sign users in directly; the 2FA tests switch the requirement back on.
    settings.CADIS_REQUIRE_2FA = False
    # Password hashing at production strength would dominate the suite's run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data once into the test database, under every test's rollback."""
    from cadis.apps.reference.loader import refdata_load

    with django_db_blocker.unblock():
        refdata_load()


@pytest.fixture
def refdata(db):
    """The reference data; transactional tests (which flush the database) reload it."""
    from cadis.apps.reference.loader import refdata_load
    from cadis.apps.reference.models import Country

    if not Country.objects.filter(code="KG").exists():
        refdata_load()


@dataclass
class Personas:
    kg_org: object
    kg_other_org: object
    tj_org: object
    regional_org: object
    kg_focal: object
    kg_provider: object
    kg_other_provider: object
    kg_analyst: object
    tj_focal: object
    tj_provider: object
    tj_analyst: object
    regional: object
    admin: object


PASSWORD = "persona-pass-2024"


@pytest.fixture
def personas(refdata) -> Personas:
    from cadis.apps.accounts.models import Organisation, User
    from cadis.apps.reference.models import Country
    from cadis.platform.roles import Role

    kg, tj = Country.objects.get(code="KG"), Country.objects.get(code="TJ")

    def org(name: str, country, kind=Organisation.Kind.LAW_ENFORCEMENT):
        return Organisation.objects.create(name_en=name, name_ru=name, kind=kind, country=country)

    def user(username: str, organisation, role: str):
        u = User(
            username=username,
            organisation=organisation,
            role=role,
            is_superuser=role == Role.ADMINISTRATOR,
            is_staff=role == Role.ADMINISTRATOR,
        )
        u.set_password(PASSWORD)
        u.save()
        return u

    kg_org, kg_other, tj_org = (
        org("KG police", kg),
        org("KG customs", kg, Organisation.Kind.CUSTOMS),
        org("TJ agency", tj),
    )
    regional_org = org("Regional unit", None, Organisation.Kind.INTERNATIONAL)
    return Personas(
        kg_org=kg_org,
        kg_other_org=kg_other,
        tj_org=tj_org,
        regional_org=regional_org,
        kg_focal=user("kg_focal", kg_org, Role.FOCAL_POINT),
        kg_provider=user("kg_provider", kg_org, Role.DATA_PROVIDER),
        kg_other_provider=user("kg_other_provider", kg_other, Role.DATA_PROVIDER),
        kg_analyst=user("kg_analyst", kg_org, Role.ANALYST),
        tj_focal=user("tj_focal", tj_org, Role.FOCAL_POINT),
        tj_provider=user("tj_provider", tj_org, Role.DATA_PROVIDER),
        tj_analyst=user("tj_analyst", tj_org, Role.ANALYST),
        regional=user("regional", regional_org, Role.REGIONAL_ANALYST),
        admin=user("admin", regional_org, Role.ADMINISTRATOR),
    )


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def client_of():
    return client_for


@pytest.fixture(autouse=True)
def _interface_language_resets_after_each_test(request):
    """A request in English leaves English active in the thread; the next test starts in Russian."""
    yield
    if request.config.pluginmanager.hasplugin("django"):
        from django.utils import translation

        translation.activate("ru")


@pytest.fixture
def gazetteer(refdata):
    """The shipped gazetteer as `reference.Place` rows (bulk-loaded: `cadis refdata load` also
    audits every place, which the tests of geocoded records do not need)."""
    from cadis.apps.reference import gazetteer_loader as loader
    from cadis.apps.reference.models import Country, Place, PlaceName, Subdivision
    from cadis.engines.geo import Kind, load_gazetteer

    if Place.objects.exists():
        return
    countries = {c.code: c for c in Country.objects.all()}
    subdivisions = {s.code: s for s in Subdivision.objects.all()}
    entries = [
        e for e in load_gazetteer() if e.kind != Kind.COUNTRY and e.country in countries
    ]
    places = Place.objects.bulk_create(
        Place(code=e.id, **loader._values(e, countries, subdivisions)) for e in entries
    )
    PlaceName.objects.bulk_create(
        PlaceName(place=place, name=name, lang=lang)
        for place, entry in zip(places, entries, strict=True)
        for name, lang in loader._names(entry).items()
    )


# End-to-end tests that start real processes (workers, servers, backups) or ask every endpoint
# (access matrix, Schemathesis, the generated client). They run in `make test`; `make
# test-postgres` runs the rest of the suite again on PostgreSQL and leaves these out, so that
# CI stays well under its hour on two cores. The PostgreSQL backup round trip runs in `make test`
# whenever the server answers.
WHOLE_SYSTEM = (
    "tests/access/test_access_matrix.py::test_each_persona_gets_the_declared_status",
    "tests/api/test_schemathesis.py",
    "tests/api/test_extreme_values.py",
    "tests/api/test_openapi_document.py::test_a_generated_python_client",
    "tests/ews/test_alert_latency.py",
    "tests/jobs/test_worker_killed.py",
    "tests/operations/test_backup_roundtrip.py",
    "tests/web/test_production_static.py",
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid.startswith(WHOLE_SYSTEM):
            item.add_marker(pytest.mark.whole_system)

