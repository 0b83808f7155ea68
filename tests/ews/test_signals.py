"""Signals over the count series draft alerts with their evidence; only what readers may see."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from cadis.apps.ews import selectors, services
from cadis.apps.ews.models import Alert
from cadis.apps.ews.signalling.run import country_signals, run_country

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 9)  # a Wednesday: the week of Monday 7 December


def _history(report, user, *, place="Бишкек", confidentiality="restricted"):
    """One detection every other week for 20 weeks, then four this week."""
    days = [TODAY - dt.timedelta(weeks=w) for w in range(2, 22, 2)]
    days += [TODAY - dt.timedelta(days=d) for d in (0, 0, 1, 2)]
    return [
        report(user, detected_on=day, place=place, confidentiality=confidentiality)[0]
        for day in days
    ]


def _signal_alerts(country):
    return [a for a in Alert.objects.filter(country__code=country) if a.evidence.get("signals")]


def test_a_weekly_rise_drafts_an_alert_with_its_evidence_bundle(report, personas, gazetteer):
    detections = _history(report, personas.kg_provider)
    summary = run_country("KG", today=TODAY)
    assert summary["signals"] >= 1
    [alert] = [
        a
        for a in _signal_alerts("KG")
        if any(
            s["series"]["dimension"] == "substance_subdivision" and s["freq"] == "W"
            for s in a.evidence["signals"]
        )
    ]
    assert alert.status == "draft" and alert.confidentiality == "restricted"
    signal = next(s for s in alert.evidence["signals"] if s["freq"] == "W")
    assert signal["series"]["area"] == "KG-GB" and signal["period"] == "2026-12-07"
    tests = {t["method"]: t for t in signal["tests"]}
    assert "ears_c1" in tests and tests["ears_c1"]["observed"] == 4.0
    assert tests["ears_c1"]["expected"] == pytest.approx(3 / 7, abs=1e-3)
    # The normal tail of C1 (3 significant digits), below the 0.00135 of C1 = 3.
    c1 = tests["ears_c1"]["score"]
    assert tests["ears_c1"]["p_value"] == pytest.approx(
        0.5 * math.erfc(c1 / math.sqrt(2)), rel=5e-3
    )
    assert all(0 < t["p_value"] < 0.01 for t in signal["tests"])
    assert len(signal["baseline"]["counts"]) == 20  # the weeks since the first detection
    ids = {r["id"] for r in alert.evidence["records"] if r["type"] == "ews.detection"}
    assert {d.pk for d in detections[-4:]} <= ids
    assert alert.evidence["identification"]["basis"] == "library_match"
    assert alert.evidence["map"]["layer"][1]["data"]["values"][0]["label"] == "KG-GB"
    # Running again drafts nothing new.
    before = Alert.objects.count()
    run_country("KG", today=TODAY)
    assert Alert.objects.count() == before


def test_the_alert_page_shows_each_test_with_its_p_value(report, personas, gazetteer, client_of):
    _history(report, personas.kg_provider)
    run_country("KG", today=TODAY)
    alert = _signal_alerts("KG")[0]
    page = client_of(personas.kg_focal).get(f"/ews/alerts/{alert.pk}/", HTTP_ACCEPT_LANGUAGE="ru")
    html = page.content.decode()
    assert "p-значение" in html
    test = alert.evidence["signals"][0]["tests"][0]
    assert html.count('class="p-value"') == sum(len(s["tests"]) for s in alert.evidence["signals"])
    shown = f"{test['p_value']:.1e}" if test["p_value"] < 0.001 else str(test["p_value"])
    assert f'<td class="p-value">{shown}</td>' in html


def test_a_first_detection_draft_carries_its_evidence(report, personas):
    _detection, alert = report(personas.kg_provider)
    assert alert.rule_kind == "first_in_region"
    assert alert.evidence["trigger"]["kind"] == "first_in_region"
    assert alert.evidence["identification"]["basis"] == "library_match"
    assert alert.evidence["records"][0]["id"] == _detection.pk


def test_a_tajik_rise_is_not_a_count_in_a_signal_a_kyrgyz_analyst_reads(
    report, personas, gazetteer
):
    _history(report, personas.tj_provider, place="Душанбе")
    run_country("TJ", today=TODAY)
    run_country("KG", today=TODAY)
    assert _signal_alerts("TJ")
    readable = selectors.alert_list(user=personas.kg_analyst)
    assert not [a for a in readable if a.evidence.get("signals")]
    assert not [a for a in readable if a.country.code == "TJ"]
    assert country_signals("KG", TODAY) == []
    assert [
        a.pk for a in selectors.alert_list(user=personas.tj_analyst) if a.evidence.get("signals")
    ]


def test_confidential_detections_of_one_organisation_are_not_counted(report, personas, gazetteer):
    _history(report, personas.kg_other_provider, confidentiality="confidential")
    assert country_signals("KG", TODAY) == []


def test_a_focal_point_dismisses_a_draft_with_a_reason(report, personas, client_of):
    _detection, alert = report(personas.kg_provider)
    url = f"/ews/alerts/{alert.pk}/dismiss/"
    client_of(personas.kg_analyst).post(url, {"reason": "no"})
    alert.refresh_from_db()
    assert alert.status == "draft"
    response = client_of(personas.kg_focal).post(url, {"reason": "Known lab standard"})
    assert response.status_code == 302
    alert.refresh_from_db()
    assert (alert.status, alert.dismissal_reason) == ("dismissed", "Known lab standard")
    with pytest.raises(Exception) as raised:
        services.alert_issue(actor=personas.kg_focal, alert=alert)
    assert raised.value.__class__.__name__ == "Conflict"


def test_the_dashboard_shows_the_time_to_draft_and_to_issue(report, personas, client_of):
    _detection, alert = report(personas.kg_provider)
    services.alert_issue(actor=personas.kg_focal, alert=alert)
    latency = selectors.alert_latency(user=personas.kg_focal)
    assert latency["report_to_draft"]["n"] == 1 and latency["report_to_draft"]["median"] < 60
    assert latency["draft_to_issue"]["n"] == 1
    page = client_of(personas.kg_focal).get("/ews/")
    assert 'id="alert-latency"' in page.content.decode()
