"""A draft the system writes reads in Russian and in English, whoever triggered it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from cadis.apps.ews import services
from cadis.apps.ews.home import home_panels

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.mark.parametrize("drafted_in", ["ru", "en"])
def test_a_rule_draft_holds_its_title_and_texts_in_both_languages(report, personas, drafted_in):
    with translation.override(drafted_in):
        _detection, alert = report(personas.kg_provider)
    alert.refresh_from_db()
    # The country is named in each language, not given as its ISO code.
    assert alert.title.endswith(": Первое выявление в регионе (Кыргызстан)")
    assert alert.title_en.endswith(": First detection in the region (Kyrgyzstan)")
    assert alert.risk_type.startswith("Новое психоактивное вещество")
    assert alert.texts_en["risk_type"].startswith("New psychoactive substance")
    assert "deaths reported" in alert.texts_en["toxicological_data"]
    # The legal status is said in words, not as the list's code.
    assert "controlled" not in alert.other_information
    with translation.override("en"):
        assert alert.display_title == alert.title_en == str(alert)
        assert alert.shown["risk_type"] == alert.texts_en["risk_type"]
    with translation.override("ru"):
        assert alert.display_title == alert.title
        assert alert.shown["risk_type"] == alert.risk_type


def test_editing_a_drafted_text_drops_its_english_version(report, personas):
    _detection, alert = report(personas.kg_provider)
    kept = alert.texts_en["risk_type"]
    services.alert_update(
        actor=personas.kg_focal,
        alert=alert,
        data={"title": "Мефедрон в Бишкеке", "toxicological_data": "Нет данных"},
    )
    alert.refresh_from_db()
    assert alert.title_en == "" and "toxicological_data" not in alert.texts_en
    with translation.override("en"):
        assert alert.display_title == "Мефедрон в Бишкеке"  # what the focal point wrote
        assert alert.shown["toxicological_data"] == "Нет данных"
        assert alert.shown["risk_type"] == kept  # untouched: still the English draft


def test_english_pages_show_the_english_title(report, personas, client):
    _detection, alert = report(personas.kg_provider)
    services.alert_issue(actor=personas.kg_focal, alert=alert, public=True)
    client.force_login(personas.kg_analyst)
    client.cookies["django_language"] = "en"
    for url in (reverse("ews:alerts"), reverse("ews:alert_detail", args=[alert.pk])):
        page = client.get(url).content.decode()
        assert alert.title_en in page and alert.title not in page, url
    detail = client.get(reverse("ews:alert_detail", args=[alert.pk])).content.decode()
    assert alert.texts_en["risk_type"] in detail and alert.risk_type not in detail
    client.cookies["django_language"] = "ru"
    assert alert.title in client.get(reverse("ews:alerts")).content.decode()
    with translation.override("en"):
        titles = [item["title"] for item in home_panels(personas.kg_analyst)[0]["items"]]
    assert titles == [alert.title_en]


def test_the_api_gives_both_titles(report, personas, client_of):
    _detection, alert = report(personas.kg_provider)
    services.alert_issue(actor=personas.kg_focal, alert=alert, public=True)
    answer = client_of(personas.kg_analyst).get(f"/api/v1/ews/alerts/{alert.pk}").json()
    assert answer["title"] == alert.title and answer["title_en"] == alert.title_en
    assert answer["texts_en"]["risk_type"].startswith("New psychoactive substance")
