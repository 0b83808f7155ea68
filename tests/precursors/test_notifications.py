"""Pre-export notifications: workflow, responses, overdue, personas on pages and API."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.precursors import selectors, services
from cadis.apps.precursors.models import NotificationStatus
from cadis.platform.errors import PermissionDenied, ValidationError
from tests.precursors.factories import notification

pytestmark = pytest.mark.django_db


def test_a_notification_goes_from_draft_to_cleared_with_dated_responses(personas):
    n = notification(personas.kg_provider)
    assert n.status == NotificationStatus.DRAFT and n.country.code == "KG"
    services.notification_respond(
        actor=personas.kg_provider, notification=n, status="sent", responded_on=dt.date(2026, 2, 1)
    )
    services.notification_respond(
        actor=personas.kg_provider,
        notification=n,
        status="acknowledged",
        responded_on=dt.date(2026, 2, 3),
        responder="TJ authority",
    )
    services.notification_respond(
        actor=personas.kg_provider,
        notification=n,
        status="cleared",
        responded_on=dt.date(2026, 2, 6),
        text="No objection",
    )
    n.refresh_from_db()
    assert n.status == "cleared" and n.sent_on == dt.date(2026, 2, 1)
    assert [(r.status, r.responded_on.day) for r in n.responses.all()] == [
        ("sent", 1),
        ("acknowledged", 3),
        ("cleared", 6),
    ]
    assert (
        AuditEntry.objects.filter(
            object_type="precursors.preexportnotification", object_id=str(n.pk)
        ).count()
        == 4
    )


@pytest.mark.parametrize(
    ("path", "bad"), [(["sent", "cleared"], "acknowledged"), ([], "cleared"), ([], "expired")]
)
def test_the_workflow_refuses_moves_it_does_not_allow(personas, path, bad):
    n = notification(personas.kg_provider)
    for status in path:
        services.notification_respond(
            actor=personas.kg_provider,
            notification=n,
            status=status,
            responded_on=dt.date(2026, 2, 1),
        )
    with pytest.raises(ValidationError):
        services.notification_respond(
            actor=personas.kg_provider, notification=n, status=bad, responded_on=dt.date(2026, 2, 2)
        )


def test_a_response_cannot_predate_the_sending(personas):
    n = notification(personas.kg_provider)
    services.notification_respond(
        actor=personas.kg_provider, notification=n, status="sent", responded_on=dt.date(2026, 2, 10)
    )
    with pytest.raises(ValidationError):
        services.notification_respond(
            actor=personas.kg_provider,
            notification=n,
            status="acknowledged",
            responded_on=dt.date(2026, 2, 9),
        )


def test_a_sent_notification_without_response_is_overdue_after_its_response_period(
    personas, settings
):
    settings.CADIS_PEN_RESPONSE_DAYS = 10
    n = notification(personas.kg_provider)
    n.response_days = 10
    n.save()
    services.notification_respond(
        actor=personas.kg_provider, notification=n, status="sent", responded_on=dt.date(2026, 2, 1)
    )
    n.refresh_from_db()
    # Ten working days after Sunday 1 February 2026: 2-6 and 9-13 February.
    assert n.response_due == dt.date(2026, 2, 13)
    assert not n.is_overdue_on(dt.date(2026, 2, 13)) and n.is_overdue_on(dt.date(2026, 2, 16))
    assert n.working_days_overdue_on(dt.date(2026, 2, 16)) == 1
    assert list(
        selectors.notifications_overdue(actor=personas.kg_focal, today=dt.date(2026, 2, 16))
    ) == [n]
    services.notification_respond(
        actor=personas.kg_provider,
        notification=n,
        status="acknowledged",
        responded_on=dt.date(2026, 2, 12),
    )
    assert not selectors.notifications_overdue(
        actor=personas.kg_focal, today=dt.date(2026, 2, 20)
    ).exists()


def test_the_default_response_period_comes_from_the_settings(personas, settings):
    from cadis.apps.precursors.models import PreExportNotification

    settings.CADIS_PEN_RESPONSE_DAYS = 7
    assert PreExportNotification().response_days == 7


def test_overdue_notifications_are_highlighted_in_the_list(client_of, personas):
    n = notification(personas.kg_provider)
    services.notification_respond(
        actor=personas.kg_provider, notification=n, status="sent", responded_on=dt.date(2020, 1, 1)
    )
    page = client_of(personas.kg_analyst).get("/precursors/notifications/").content.decode()
    assert 'class="overdue"' in page and "overdue-badge" in page
    page = (
        client_of(personas.kg_analyst)
        .get("/precursors/notifications/?status=overdue")
        .content.decode()
    )
    assert "KG-PEN-0001" in page


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("kg_analyst", 200),
        ("kg_other_provider", 200),
        ("regional", 200),
        ("tj_focal", 200),  # the importing country: the notification is addressed to it
        (None, 404),
    ],
)
def test_a_restricted_notification_is_seen_in_its_country_the_importing_country_and_by_regional_analysts(
    client_of, personas, who, status
):
    n = notification(personas.kg_provider)
    user = getattr(personas, who) if who else None
    assert client_of(user).get(f"/precursors/notifications/{n.pk}/").status_code == status
    assert client_of(user).get(f"/api/v1/precursors/notifications/{n.pk}").status_code == status
    listed = client_of(user).get("/api/v1/precursors/notifications").json()["items"]
    assert (n.pk in [item["id"] for item in listed]) == (status == 200)


def test_a_public_notification_is_seen_by_anonymous_visitors(client_of, personas):
    n = notification(personas.kg_provider, confidentiality="public")
    assert client_of(None).get(f"/precursors/notifications/{n.pk}/").status_code == 200


def test_a_provider_of_another_organisation_cannot_change_or_respond(client_of, personas):
    n = notification(personas.kg_provider)
    with pytest.raises(PermissionDenied):
        services.notification_respond(
            actor=personas.kg_other_provider,
            notification=n,
            status="sent",
            responded_on=dt.date(2026, 2, 1),
        )
    client = client_of(personas.kg_other_provider)
    assert client.get(f"/precursors/notifications/{n.pk}/edit/").status_code == 302
    client.post(
        f"/precursors/notifications/{n.pk}/respond/",
        {"status": "sent", "responded_on": "2026-02-01"},
    )
    n.refresh_from_db()
    assert n.status == "draft"
    response = client.patch(
        f"/api/v1/precursors/notifications/{n.pk}",
        json.dumps({"notes": "x"}),
        content_type="application/json",
    )
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"


def test_a_provider_records_a_notification_and_a_response_through_the_pages(client_of, personas):
    from cadis.apps.reference.models import Country

    client = client_of(personas.kg_provider)
    kg, tj = Country.objects.get(code="KG"), Country.objects.get(code="TJ")
    response = client.post(
        "/precursors/notifications/new/",
        {
            "reference": "KG-PEN-9",
            "exporting_country": kg.pk,
            "exporting_authority": "Synthetic authority",
            "importing_country": tj.pk,
            "exporter": "A (synthetic)",
            "importer": "B (synthetic)",
            "substance": "Toluene",
            "quantity": "20",
            "unit": "t",
            "response_days": "15",
            "confidentiality": "restricted",
        },
    )
    assert response.status_code == 302
    n = selectors.notification_list(actor=personas.kg_provider).get(reference="KG-PEN-9")
    client.post(
        f"/precursors/notifications/{n.pk}/respond/",
        {"status": "sent", "responded_on": "2026-02-01"},
    )
    n.refresh_from_db()
    assert n.status == "sent"
    page = client.get(f"/precursors/notifications/{n.pk}/").content.decode()
    assert "01.02.2026" in page and 'id="respond-form"' in page  # the Russian date form
    response = client.post(
        "/precursors/notifications/new/",
        {
            "reference": "KG-PEN-10",
            "exporting_country": kg.pk,
            "exporting_authority": "x",
            "importing_country": kg.pk,
            "exporter": "A",
            "importer": "B",
            "substance": "Toluene",
            "quantity": "1",
            "unit": "t",
            "response_days": "15",
            "confidentiality": "restricted",
        },
    )
    assert response.status_code == 400  # the importing country must differ


def test_an_analyst_cannot_record_a_notification(personas):
    with pytest.raises(PermissionDenied):
        notification(personas.kg_analyst)


def test_the_api_creates_sends_and_lists_a_notification(client_of, personas):
    client = client_of(personas.kg_provider)
    response = client.post(
        "/api/v1/precursors/notifications",
        json.dumps(
            {
                "reference": "KG-PEN-API",
                "exporting_country": "KG",
                "exporting_authority": "Synthetic",
                "importing_country": "UZ",
                "exporter": "A",
                "importer": "B",
                "substance": "Acetone",
                "quantity": "100",
                "transit_countries": ["KZ"],
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert response.json()["transit_countries"] == ["KZ"] and response.json()["status"] == "draft"
    response = client.post(
        f"/api/v1/precursors/notifications/{pk}/responses",
        json.dumps({"status": "sent", "responded_on": "2026-02-01"}),
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["responses"][0]["status"] == "sent"
    response = client.post(
        f"/api/v1/precursors/notifications/{pk}/responses",
        json.dumps({"status": "draft", "responded_on": "2026-02-02"}),
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["code"] == "validation_error"
    response = client.post(
        "/api/v1/precursors/notifications",
        json.dumps(
            {
                "reference": "X",
                "exporting_country": "ZZ",
                "exporting_authority": "S",
                "importing_country": "UZ",
                "exporter": "A",
                "importer": "B",
                "substance": "Acetone",
                "quantity": "1",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 400


def test_anonymous_api_writes_are_refused(client_of, personas):
    response = client_of(None).post(
        "/api/v1/precursors/notifications", "{}", content_type="application/json"
    )
    assert response.status_code == 401


def test_the_importing_countrys_authority_sees_and_answers_a_notification(personas):
    n = notification(personas.kg_provider, confidentiality="confidential")
    services.notification_respond(
        actor=personas.kg_provider, notification=n, status="sent", responded_on=dt.date(2026, 2, 1)
    )
    n.refresh_from_db()
    assert selectors.notification_list(actor=personas.tj_provider).filter(pk=n.pk).exists()
    assert services.notification_statuses_for(personas.tj_focal, n) == [
        "acknowledged",
        "cleared",
        "objected",
    ]
    services.notification_respond(
        actor=personas.tj_focal, notification=n, status="objected", responded_on=dt.date(2026, 2, 4)
    )
    n.refresh_from_db()
    assert n.status == "objected"


def test_the_importing_country_may_not_send_expire_or_edit_a_notification(personas):
    n = notification(personas.kg_provider)
    with pytest.raises(PermissionDenied):
        services.notification_respond(
            actor=personas.tj_focal, notification=n, status="sent", responded_on=dt.date(2026, 2, 1)
        )
    assert services.notification_statuses_for(personas.tj_analyst, n) == []


def test_a_third_country_neither_sees_nor_answers_a_notification(personas, refdata):
    from cadis.apps.accounts.models import Organisation, User
    from cadis.apps.reference.models import Country
    from cadis.platform.roles import Role

    uz_org = Organisation.objects.create(
        name_en="UZ", name_ru="UZ", kind="customs", country=Country.objects.get(code="UZ")
    )
    uz_user = User.objects.create(username="uz_focal", organisation=uz_org, role=Role.FOCAL_POINT)
    n = notification(personas.kg_provider)
    assert not selectors.notification_list(actor=uz_user).filter(pk=n.pk).exists()
