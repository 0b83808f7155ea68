"""Precursor incidents: links to screening hits, notifications and supply cases; personas."""

from __future__ import annotations

import json

import pytest

from cadis.apps.precursors import selectors, services
from cadis.apps.precursors.models import PrecursorIncident
from cadis.platform.errors import PermissionDenied, ValidationError
from tests.precursors.factories import incident, incident_data, notification

pytestmark = pytest.mark.django_db


def test_an_incident_links_a_screening_hit_and_a_notification(personas, screened):
    hit = screened.results.get(line_id="L3")
    pen = notification(personas.kg_provider)
    i = incident(personas.kg_provider, screening_results=[hit], notifications=[pen])
    assert list(selectors.linked_results(actor=personas.kg_analyst, incident=i)) == [hit]
    assert list(selectors.linked_notifications(actor=personas.kg_analyst, incident=i)) == [pen]


def test_another_organisations_confidential_hit_cannot_be_linked_nor_seen(personas, screened):
    hit = screened.results.get(line_id="L3")
    with pytest.raises(ValidationError):
        incident(personas.kg_other_provider, screening_results=[hit])
    i = incident(personas.kg_provider, screening_results=[hit])
    assert not selectors.linked_results(actor=personas.kg_other_provider, incident=i).exists()


def test_an_edit_keeps_the_links_the_editor_cannot_see(personas, screened):
    hit = screened.results.get(line_id="L3")
    i = incident(personas.kg_provider, screening_results=[hit])
    services.incident_update(actor=personas.admin, incident=i, data={"screening_results": []})
    assert list(i.screening_results.all()) == []  # the administrator sees the hit, so the link goes
    other = incident(personas.kg_other_provider, reference="KG-PICS-2")
    services.incident_update(
        actor=personas.kg_provider, incident=i, data={"screening_results": [hit]}
    )
    services.incident_update(
        actor=personas.admin, incident=other, data={"screening_results": [hit]}
    )
    services.incident_update(
        actor=personas.kg_other_provider, incident=other, data={"screening_results": []}
    )
    assert list(other.screening_results.all()) == [hit]  # hidden from its editor, so kept


def test_a_supply_case_link_is_checked_when_the_supply_app_is_installed(personas):
    from django.apps import apps

    if apps.is_installed("cadis.apps.supply"):
        with pytest.raises(ValidationError):
            incident(personas.kg_provider, supply_case_id=999999)
    else:
        with pytest.raises(ValidationError, match="not installed"):
            incident(personas.kg_provider, supply_case_id=1)


def test_a_visible_supply_case_can_be_linked(personas):
    from django.apps import apps

    assert apps.is_installed("cadis.apps.supply")
    case = apps.get_model("supply", "Case").objects.create(
        country=personas.kg_org.country, organisation=personas.kg_org, reference="SYN-CASE-1"
    )
    i = incident(personas.kg_provider, supply_case_id=case.pk)
    assert selectors.supply_case(actor=personas.kg_analyst, case_id=i.supply_case_id) == case
    assert selectors.supply_case(actor=personas.tj_analyst, case_id=i.supply_case_id) is None


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("kg_analyst", 200),
        ("kg_other_provider", 200),
        ("regional", 200),
        ("tj_provider", 404),
        (None, 404),
    ],
)
def test_a_restricted_incident_is_seen_in_its_country_only(client_of, personas, who, status):
    i = incident(personas.kg_provider)
    user = getattr(personas, who) if who else None
    assert client_of(user).get(f"/precursors/incidents/{i.pk}/").status_code == status
    assert client_of(user).get(f"/api/v1/precursors/incidents/{i.pk}").status_code == status
    assert ("KG-PICS-0001" in client_of(user).get("/precursors/incidents/").content.decode()) == (
        status == 200
    )


def test_a_public_incident_is_seen_by_anonymous_visitors(client_of, personas):
    i = incident(personas.kg_provider, confidentiality="public")
    assert client_of(None).get(f"/precursors/incidents/{i.pk}/").status_code == 200
    assert client_of(None).get("/api/v1/precursors/incidents").json()["count"] == 1


def test_a_provider_of_another_organisation_cannot_change_an_incident(client_of, personas):
    i = incident(personas.kg_provider)
    with pytest.raises(PermissionDenied):
        services.incident_update(actor=personas.kg_other_provider, incident=i, data={"place": "x"})
    client = client_of(personas.kg_other_provider)
    assert client.get(f"/precursors/incidents/{i.pk}/edit/").status_code == 302
    response = client.patch(
        f"/api/v1/precursors/incidents/{i.pk}",
        json.dumps({"place": "x"}),
        content_type="application/json",
    )
    assert response.status_code == 403
    i.refresh_from_db()
    assert i.place == "Synthetic border post"


def test_the_focal_point_of_the_country_may_change_an_incident(personas):
    i = incident(personas.kg_provider)
    services.incident_update(actor=personas.kg_focal, incident=i, data={"place": "Checkpoint 2"})
    i.refresh_from_db()
    assert i.place == "Checkpoint 2"


def test_an_incident_is_started_from_a_flagged_line(client_of, personas, screened):
    from cadis.apps.reference.models import Country

    hit = screened.results.get(line_id="L1")
    client = client_of(personas.kg_provider)
    form = client.get(f"/precursors/incidents/new/?result={hit.pk}").content.decode()
    assert "Acetic anhydride" in form and f'value="{hit.pk}"' in form
    response = client.post(
        "/precursors/incidents/new/",
        {
            "reference": "KG-PICS-W1",
            "kind": "stopped_shipment",
            "occurred_on": "2026-02-11",
            "chemical": "Acetic anhydride",
            "unit": "kg",
            "result_ids": str(hit.pk),
            "origin_country": Country.objects.get(code="CN").pk,
            "confidentiality": "restricted",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = PrecursorIncident.objects.get(reference="KG-PICS-W1")
    assert list(created.screening_results.all()) == [hit]
    page = client.get(f"/precursors/incidents/{created.pk}/").content.decode()
    assert "KG synthetic declarations" in page
    response = client.post(
        "/precursors/incidents/new/",
        {
            "reference": "KG-PICS-W2",
            "kind": "seizure",
            "occurred_on": "2026-02-11",
            "chemical": "x",
            "unit": "kg",
            "result_ids": "999999",
            "confidentiality": "restricted",
        },
    )
    assert response.status_code == 400


def test_the_api_records_an_incident_with_links(client_of, personas, screened):
    hit = screened.results.get(line_id="L1")
    pen = notification(personas.kg_provider)
    client = client_of(personas.kg_provider)
    body = {
        "reference": "KG-PICS-API",
        "kind": "diversion_attempt",
        "occurred_on": "2026-02-12",
        "chemical": "Acetic anhydride",
        "origin_country": "CN",
        "transit_countries": ["KZ"],
        "screening_results": [hit.pk],
        "notifications": [pen.pk],
    }
    response = client.post(
        "/api/v1/precursors/incidents", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["notifications"] == [pen.pk] and response.json()[
        "transit_countries"
    ] == ["KZ"]
    tj = client_of(personas.tj_provider)
    body["reference"] = "TJ-1"
    response = tj.post(
        "/api/v1/precursors/incidents", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400  # the KG hit and notification are not visible in TJ


def test_an_analyst_cannot_record_an_incident(personas):
    with pytest.raises(PermissionDenied):
        services.incident_create(actor=personas.kg_analyst, data=incident_data())


def test_a_duplicate_reference_is_a_conflict(personas):
    from cadis.platform.errors import Conflict

    incident(personas.kg_provider)
    with pytest.raises(Conflict):
        incident(personas.kg_provider)
