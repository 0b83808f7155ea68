"""Pages with personas: own country sees, other country does not, anonymous sees public only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cadis.apps.ews.models import Detection, SubstanceProfile
from tests.ews.conftest import NEW_CATHINONE

pytestmark = pytest.mark.django_db


def test_every_page_answers_for_anonymous_visitors(client_of, library):
    client = client_of(None)
    profile = SubstanceProfile.objects.get(name_en="Mephedrone")
    for name, args in [
        ("ews:home", []),
        ("ews:profiles", []),
        ("ews:detections", []),
        ("ews:alerts", []),
        ("ews:feed", []),
        ("ews:profile_detail", [profile.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 200, name


def test_the_quick_identification_shows_the_family_and_the_legal_status(client_of, library):
    response = client_of(None).post(reverse("ews:home"), {"structure": NEW_CATHINONE})
    text = response.content.decode()
    assert 'data-category="synthetic_cathinone"' in text
    assert "Mephedrone" in text and "status-controlled_derivative" in text


@pytest.mark.parametrize(
    ("structure", "fragment"),
    [
        ("C1CC((", "SMILES"),
        ("", "Enter a structure"),
        ("[Fe]", "Fe"),
        ("C" * 200, "too large"),
    ],
)
def test_the_quick_identification_explains_unusable_input(
    client_of, library, structure, fragment, settings
):
    settings.LANGUAGE_CODE = "en"
    response = client_of(None).post(
        reverse("ews:home"), {"structure": structure}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert fragment in response.content.decode()


def test_a_provider_submits_a_detection_and_lands_on_its_identification(
    client_of, personas, library
):
    client = client_of(personas.kg_provider)
    assert client.get(reverse("ews:detection_new")).status_code == 200
    response = client.post(
        reverse("ews:detection_new"),
        {
            "detected_on": "2026-02-01",
            "sample_type": "crystals",
            "methods": ["gc_ms", "nmr"],
            "structure_input": NEW_CATHINONE,
            "reported_name": "4-EMC",
            "intoxications": 2,
            "deaths": 0,
            "confidentiality": "restricted",
            "purity": "55",
        },
    )
    detection = Detection.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "ews:detection_detail", args=[detection.pk]
    )
    page = client.get(response.url).content.decode()
    assert "status-controlled_derivative" in page and "alert-link" in page


def test_the_detection_form_shows_the_engine_message_for_an_invalid_structure(
    client_of, personas, library
):
    response = client_of(personas.kg_provider).post(
        reverse("ews:detection_new"),
        {
            "detected_on": "2026-02-01",
            "sample_type": "powder",
            "methods": ["gc_ms"],
            "structure_input": "[Na+].[Cl-]",
            "intoxications": 0,
            "deaths": 0,
            "confidentiality": "restricted",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert not Detection.objects.exists()
    assert "Na" in response.content.decode()


def test_an_empty_detection_form_asks_for_a_structure_or_name(client_of, personas, library):
    response = client_of(personas.kg_provider).post(
        reverse("ews:detection_new"),
        {
            "detected_on": "2026-02-01",
            "sample_type": "powder",
            "methods": ["gc_ms"],
            "intoxications": 0,
            "deaths": 0,
            "confidentiality": "restricted",
        },
    )
    assert response.status_code == 200 and not Detection.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("kg_analyst", 403), (None, 302)])
def test_readers_cannot_open_the_detection_form(client_of, personas, who, status):
    user = getattr(personas, who) if who else None
    response = client_of(user).get(reverse("ews:detection_new"))
    assert response.status_code == status


def test_detections_are_scoped_by_country(client_of, personas, report):
    restricted, _ = report(personas.kg_provider)
    public, _ = report(
        personas.kg_provider, confidentiality="public", structure_input=NEW_CATHINONE
    )
    url = reverse("ews:detection_detail", args=[restricted.pk])
    assert client_of(personas.kg_analyst).get(url).status_code == 200
    assert client_of(personas.regional).get(url).status_code == 200
    assert client_of(personas.tj_analyst).get(url).status_code == 404
    assert client_of(None).get(url).status_code == 404
    assert client_of(None).get(reverse("ews:detection_detail", args=[public.pk])).status_code == 200
    listing = client_of(personas.tj_analyst).get(reverse("ews:detections")).content.decode()
    assert url not in listing


def test_the_profile_page_draws_the_structure_and_charts_visible_detections(
    client_of, personas, report
):
    report(personas.kg_provider)
    profile = SubstanceProfile.objects.get(name_en="Mephedrone")
    url = reverse("ews:profile_detail", args=[profile.pk])
    own = client_of(personas.kg_analyst).get(url).content.decode()
    assert "<svg" in own and "chart-time-spec" in own and "2026-03" in own
    other = client_of(personas.tj_analyst).get(url).content.decode()
    assert "2026-03" not in other


def test_a_focal_point_reviews_and_issues_a_draft_and_it_appears_in_the_feed(
    client_of, personas, report
):
    _d, alert = report(personas.kg_provider)
    focal = client_of(personas.kg_focal)
    detail = reverse("ews:alert_detail", args=[alert.pk])
    assert 'id="issue-form"' in focal.get(detail).content.decode()
    assert 'id="issue-form"' not in client_of(personas.kg_analyst).get(detail).content.decode()
    assert client_of(personas.tj_analyst).get(detail).status_code == 404
    assert (
        client_of(personas.tj_focal).post(reverse("ews:alert_issue", args=[alert.pk])).status_code
        == 404
    )
    focal.post(
        detail,
        {
            "title": alert.title,
            "category": "synthetic_cathinone",
            "countries": ["KG"],
            "health_risks": "Agitation",
        },
    )
    focal.post(reverse("ews:alert_issue", args=[alert.pk]), {"public": "1"})
    alert.refresh_from_db()
    assert alert.status == "issued" and alert.health_risks == "Agitation"
    feed = client_of(None).get(reverse("ews:feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert alert.title in feed.content.decode() and f"urn:uuid:{alert.uid}" in feed.content.decode()


def test_draft_alerts_stay_out_of_the_feed(client_of, personas, report):
    _d, alert = report(personas.kg_provider)
    assert alert.title not in client_of(None).get(reverse("ews:feed")).content.decode()


def test_a_user_subscribes_and_reads_notifications(client_of, personas, report):
    client = client_of(personas.kg_analyst)
    client.post(
        reverse("ews:subscription"), {"categories": ["synthetic_cathinone"], "in_app": "on"}
    )
    assert personas.kg_analyst.ews_subscription.categories == ["synthetic_cathinone"]
    _d, alert = report(personas.kg_provider)
    from cadis.apps.ews.services import alert_issue, notify_subscribers

    alert_issue(actor=personas.kg_focal, alert=alert)
    notify_subscribers(alert)
    page = client.get(reverse("ews:notifications")).content.decode()
    assert alert.title in page and 'class="tag unread-count">1<' in page
    note = personas.kg_analyst.ews_notifications.get()
    client.post(reverse("ews:notification_read", args=[note.pk]))
    note.refresh_from_db()
    assert note.read_at is not None


def test_country_choices_are_named_in_the_readers_language(client_of, personas):
    client = client_of(personas.kg_analyst)
    subscription = client.get(reverse("ews:subscription"), HTTP_ACCEPT_LANGUAGE="ru")
    assert 'value="KG"' in subscription.content.decode()
    assert "Кыргызстан" in subscription.content.decode()
    detections = client.get(reverse("ews:detections"), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<option value="KG">Кыргызстан</option>' in detections
