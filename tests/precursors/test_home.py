"""The module's landing page and its home-page figures, scoped to the user."""

from __future__ import annotations

import datetime as dt

import pytest

from cadis.apps.precursors import services
from cadis.platform.modules import home_figures
from tests.precursors.factories import incident, notification

pytestmark = pytest.mark.django_db


def test_the_landing_page_shows_the_figures_of_the_user(client_of, personas, screened):
    incident(personas.kg_provider)
    n = notification(personas.kg_provider)
    services.notification_respond(
        actor=personas.kg_provider, notification=n, status="sent", responded_on=dt.date(2020, 1, 1)
    )
    page = client_of(personas.kg_provider).get("/precursors/").content.decode()
    assert "KG synthetic declarations" in page and "incidents-by-kind" in page
    assert 'class="value overdue-badge">1<' in page
    other = client_of(personas.tj_provider).get("/precursors/").content.decode()
    assert "KG synthetic declarations" not in other
    # Tajikistan is the importing country: the unanswered notification is overdue there too.
    assert 'class="value overdue-badge">1<' in other


def test_anonymous_visitors_see_public_figures_only(client_of, personas):
    incident(personas.kg_provider)
    incident(personas.kg_provider, reference="KG-PICS-PUB", confidentiality="public")
    response = client_of(None).get("/precursors/")
    assert response.status_code == 200
    assert '<span class="value">1</span>' in response.content.decode()


def test_the_home_page_figures_count_incidents_and_awaiting_notifications(personas):
    incident(personas.kg_provider)
    n = notification(personas.kg_provider)
    services.notification_respond(
        actor=personas.kg_provider, notification=n, status="sent", responded_on=dt.date(2026, 1, 1)
    )
    figures = {f["url"]: f["value"] for f in home_figures(personas.kg_analyst)}
    assert (
        figures["/precursors/incidents/"] == 1
        and figures["/precursors/notifications/?status=sent"] == 1
    )
    assert {f["url"]: f["value"] for f in home_figures(personas.tj_analyst)}[
        "/precursors/incidents/"
    ] == 0
    assert "/precursors/notifications/?status=sent" not in {f["url"] for f in home_figures(None)}


def test_the_site_home_page_shows_the_precursor_figures(client_of, personas):
    incident(personas.kg_provider, confidentiality="public")
    page = client_of(None).get("/").content.decode()
    assert "/precursors/incidents/" in page
