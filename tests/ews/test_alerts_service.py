"""Alert rules create drafts; a focal point issues them; subscribers are notified."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from cadis.apps.ews import services
from cadis.apps.ews.models import Alert, AlertRule, Notification, Subscription
from cadis.platform.errors import Conflict, PermissionDenied, ValidationError

pytestmark = pytest.mark.django_db(transaction=False)


def test_the_first_detection_in_the_region_creates_a_draft_alert(report, personas):
    detection, alert = report(personas.kg_provider)
    assert alert is not None and alert.status == "draft"
    assert alert.rule_kind == "first_in_region"
    assert alert.countries == ["KG"] and alert.country.code == "KG"
    assert list(alert.detections.all()) == [detection]
    assert "GC-MS" in alert.identification_methods
    assert alert.confidentiality == "restricted"


def test_the_first_detection_in_another_country_is_a_first_in_country_alert(report, personas):
    report(personas.kg_provider)
    _detection, alert = report(personas.tj_provider)
    assert alert.rule_kind == "first_in_country" and alert.countries == ["TJ"]


def test_a_repeated_detection_in_the_same_country_creates_no_alert(report, personas):
    report(personas.kg_provider, detected_on=dt.date(2025, 1, 1))
    _detection, alert = report(personas.kg_provider, detected_on=dt.date(2025, 6, 1))
    assert alert is None


def test_n_detections_within_m_days_create_one_alert_per_window(report, personas):
    report(personas.kg_provider, detected_on=dt.date(2026, 3, 1))
    assert report(personas.kg_provider, detected_on=dt.date(2026, 3, 5))[1] is None
    _d, alert = report(personas.kg_provider, detected_on=dt.date(2026, 3, 9))
    assert alert is not None and alert.rule_kind == "n_within_days"
    assert report(personas.kg_provider, detected_on=dt.date(2026, 3, 10))[1] is None


def test_any_death_creates_an_alert_even_for_a_known_local_substance(report, personas):
    report(personas.kg_provider)
    _d, alert = report(personas.kg_provider, deaths=1, detected_on=dt.date(2026, 4, 1))
    assert alert.rule_kind == "any_death"
    assert alert.texts_en["toxicological_data"] == "0 intoxications, 1 deaths reported"


def test_an_inactive_rule_does_not_fire(report, personas):
    AlertRule.objects.filter(kind="first_in_region").update(active=False)
    _d, alert = report(personas.kg_provider)
    assert alert.rule_kind == "first_in_country"


def test_a_focal_point_of_the_country_issues_and_subscribers_are_notified(
    report, personas, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    personas.tj_analyst.email = "tj@example.invalid"
    personas.tj_analyst.save()
    Subscription.objects.create(
        user=personas.tj_analyst, categories=["synthetic_cathinone"], in_app=True, email=True
    )
    Subscription.objects.create(user=personas.kg_analyst, categories=["opioid"], in_app=True)
    _d, alert = report(personas.kg_provider)
    with django_capture_on_commit_callbacks(execute=True):
        services.alert_issue(actor=personas.kg_focal, alert=alert, public=True)
    alert.refresh_from_db()
    assert alert.status == "issued" and alert.confidentiality == "public" and alert.issued_at
    assert Notification.objects.filter(user=personas.tj_analyst, alert=alert).exists()
    assert not Notification.objects.filter(user=personas.kg_analyst).exists()
    assert len(mail.outbox) == 1 and alert.title in mail.outbox[0].subject


def test_a_restricted_alert_is_not_sent_to_other_countries(
    report, personas, django_capture_on_commit_callbacks
):
    Subscription.objects.create(user=personas.tj_analyst, in_app=True)
    Subscription.objects.create(user=personas.kg_analyst, in_app=True)
    _d, alert = report(personas.kg_provider)
    with django_capture_on_commit_callbacks(execute=True):
        services.alert_issue(actor=personas.kg_focal, alert=alert, public=False)
    assert Notification.objects.filter(user=personas.kg_analyst).exists()
    assert not Notification.objects.filter(user=personas.tj_analyst).exists()


@pytest.mark.parametrize("who", ["tj_focal", "kg_provider", "kg_analyst", "regional"])
def test_only_a_focal_point_of_the_country_may_issue(report, personas, who):
    _d, alert = report(personas.kg_provider)
    with pytest.raises(PermissionDenied):
        services.alert_issue(actor=getattr(personas, who), alert=alert)


def test_an_issued_alert_cannot_be_issued_or_edited_again_but_can_be_withdrawn(report, personas):
    _d, alert = report(personas.kg_provider)
    services.alert_issue(actor=personas.kg_focal, alert=alert)
    with pytest.raises(Conflict):
        services.alert_issue(actor=personas.kg_focal, alert=alert)
    with pytest.raises(Conflict):
        services.alert_update(actor=personas.kg_focal, alert=alert, data={"title": "x"})
    with pytest.raises(ValidationError):
        services.alert_withdraw(actor=personas.kg_focal, alert=alert, reason=" ")
    services.alert_withdraw(actor=personas.admin, alert=alert, reason="Misidentified sample")
    assert Alert.objects.get(pk=alert.pk).status == "withdrawn"


def test_a_focal_point_edits_the_draft_fields(report, personas):
    _d, alert = report(personas.kg_provider)
    services.alert_update(
        actor=personas.kg_focal,
        alert=alert,
        data={"health_risks": "Seizures and tachycardia", "issued_at": "ignored"},
    )
    alert.refresh_from_db()
    assert alert.health_risks == "Seizures and tachycardia" and alert.issued_at is None
