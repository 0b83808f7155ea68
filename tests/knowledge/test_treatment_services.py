"""The treatment services directory: public list, filters, country scope."""

from __future__ import annotations

import pytest

from cadis.apps.knowledge import services
from cadis.apps.reference.models import Subdivision
from cadis.platform.errors import PermissionDenied, ValidationError
from cadis.platform.records import Confidentiality

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(personas):
    bishkek = Subdivision.objects.get(code="KG-GB")
    public = services.service_save(
        actor=personas.kg_provider,
        data={
            "name_en": "Synthetic OAT site",
            "name_ru": "Синтетический пункт ОАТ",
            "subdivision": bishkek,
            "modalities": ["opioid_agonist_treatment", "outpatient"],
            "capacity": 50,
            "serves_women": True,
            "confidentiality": Confidentiality.PUBLIC,
        },
    )
    restricted = services.service_save(
        actor=personas.kg_provider,
        data={
            "name_en": "Synthetic prison unit",
            "name_ru": "Синтетическое подразделение",
            "modalities": ["prison_based"],
            "serves_young_people": True,
            "confidentiality": Confidentiality.RESTRICTED,
        },
    )
    return public, restricted


def test_anonymous_visitors_see_public_services_only(directory, client_of):
    html = client_of(None).get("/knowledge/services/").content.decode()
    assert "Синтетический пункт ОАТ" in html and "Синтетическое подразделение" not in html


def test_own_country_sees_restricted_services_other_country_does_not(
    directory, personas, client_of
):
    assert (
        "Синтетическое подразделение"
        in client_of(personas.kg_analyst).get("/knowledge/services/").content.decode()
    )
    assert (
        "Синтетическое подразделение"
        not in client_of(personas.tj_focal).get("/knowledge/services/").content.decode()
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("modality=opioid_agonist_treatment", {"Синтетический пункт ОАТ"}),
        ("women=1", {"Синтетический пункт ОАТ"}),
        ("young=1", {"Синтетическое подразделение"}),
        ("country=KG&subdivision=KG-GB", {"Синтетический пункт ОАТ"}),
        ("country=TJ", set()),
    ],
)
def test_filters(directory, personas, client_of, query, expected):
    html = client_of(personas.kg_analyst).get(f"/knowledge/services/?{query}").content.decode()
    names = {"Синтетический пункт ОАТ", "Синтетическое подразделение"}
    assert {n for n in names if n in html} == expected


def test_a_provider_of_another_organisation_cannot_change_a_service(directory, personas):
    with pytest.raises(PermissionDenied):
        services.service_save(
            actor=personas.kg_other_provider, service=directory[0], data={"capacity": 1}
        )


def test_a_region_of_another_country_is_refused(personas):
    with pytest.raises(ValidationError):
        services.service_save(
            actor=personas.kg_provider,
            data={
                "name_en": "x",
                "name_ru": "x",
                "modalities": [],
                "subdivision": Subdivision.objects.get(code="TJ-DU"),
            },
        )


def test_analysts_cannot_add_services(personas):
    with pytest.raises(PermissionDenied):
        services.service_save(
            actor=personas.kg_analyst, data={"name_en": "x", "name_ru": "x", "modalities": []}
        )


def test_a_provider_adds_and_edits_a_service_through_the_form_with_an_audit_trail(
    personas, client_of
):
    from cadis.apps.accounts.models import AuditEntry
    from cadis.apps.knowledge.models import TreatmentService

    client = client_of(personas.kg_provider)
    assert 'id="new-service"' in client.get("/knowledge/services/").content.decode()
    form = {
        "name_ru": "Синтетическая служба",
        "name_en": "Synthetic form service",
        "modalities": ["outpatient"],
        "capacity": 10,
        "confidentiality": "public",
        "subdivision": Subdivision.objects.get(code="KG-GB").pk,
    }
    assert client.post("/knowledge/services/new/", form).status_code == 302
    service = TreatmentService.objects.get(name_en="Synthetic form service")
    assert (
        client.post(f"/knowledge/services/{service.pk}/edit/", form | {"capacity": 25}).status_code
        == 302
    )
    update = AuditEntry.objects.filter(
        object_type="knowledge.treatmentservice", action="update"
    ).get()
    assert update.before["capacity"] == 10 and update.after["capacity"] == 25
    assert (
        client_of(personas.kg_other_provider)
        .get(f"/knowledge/services/{service.pk}/edit/")
        .status_code
        == 403
    )
    assert client_of(personas.kg_analyst).get("/knowledge/services/new/").status_code == 403
