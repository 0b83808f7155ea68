"""Early-warning pages in one language at a time (issue #14): the SWGDRUG grade's reasons and
techniques, the lists of a substance, the countries and substance of an alert, the simulator's
jurisdictions; what a laboratory wrote is marked with its own language."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils.translation import gettext, override

from cadis.apps.ews.confidence import categories_in_words, reason_text, technique_label
from cadis.apps.ews.forms.evidence import jurisdiction_choices
from cadis.apps.ews.models import SubstanceProfile
from cadis.engines.spectra import Reason
from tests.ews.conftest import MEPHEDRONE

pytestmark = pytest.mark.django_db


def _page(client, url: str, language: str) -> str:
    client.cookies["django_language"] = language
    return client.get(url).content.decode()


def _in_spec(key: str, value: str) -> str:
    """``"key": "value"`` as a chart's JSON spec on the page writes it."""
    return json.dumps({key: value})[1:-1]


def test_the_grade_reasons_and_techniques_are_said_in_the_readers_language():
    pair = Reason("category_a_plus_another", techniques=("nmr", "hrms"))
    with override("en"):
        assert reason_text(pair) == "Category A (NMR, HRMS) plus another technique"
        assert reason_text(Reason("library_match_score", score=0.8765)) == (
            "best library match score 0.88"
        )
        assert categories_in_words({"A": ["nmr", "hrms"], "B": ["tlc"]}) == [
            ("Category A", "NMR, HRMS"),
            ("Category B", "Thin-layer chromatography"),
        ]
    with override("ru"):
        assert reason_text(pair) == "Категория A (ЯМР, HRMS) и ещё один метод"
        assert reason_text(Reason("no_reference_standard")) == (
            "без стандартного образца: сравнение с библиотекой или литературными данными"
        )
        assert reason_text(Reason("library_match_score", score=0.8765)) == (
            "лучшая оценка совпадения с библиотекой 0,88"
        )
        assert categories_in_words({"A": ["nmr"]}) == [("Категория A", "ЯМР")]
        assert technique_label("colour_test") == "Цветной тест"


def test_the_detection_page_grades_in_words_and_marks_the_name_as_reported(
    client_of, personas, report
):
    detection, _alert = report(
        personas.kg_provider, methods=["nmr", "lc_hrms"], reported_name="mephedrone"
    )
    client = client_of(personas.kg_provider)
    url = reverse("ews:detection_detail", args=[detection.pk])
    russian = _page(client, url, "ru")
    assert "Категория A (ЯМР, HRMS) и ещё один метод" in russian
    assert "Категория A: ЯМР, HRMS" in russian
    assert "plus another technique" not in russian and ">A: " not in russian
    assert '<span lang="en">mephedrone</span>' in russian
    english = _page(client, url, "en")
    assert "Category A (NMR, HRMS) plus another technique" in english
    assert "Category A: NMR, HRMS" in english
    assert "<dd>mephedrone</dd>" in english  # the page's own language: nothing to mark


def test_the_substance_pages_name_schedules_countries_and_both_names(client_of, personas, report):
    report(personas.kg_provider, structure_input=MEPHEDRONE)
    profile = SubstanceProfile.objects.get(name_en="Mephedrone", in_library=True)
    client = client_of(personas.kg_analyst)
    listing = _page(client, reverse("ews:profiles") + "?q=Mephedrone", "ru")
    assert "Список II Конвенции 1971 г." in listing and "1971 Schedule II" not in listing
    assert "Schedule II of the 1971 Convention" in _page(
        client, reverse("ews:profiles") + "?q=Mephedrone", "en"
    )
    url = reverse("ews:profile_detail", args=[profile.pk])
    russian = _page(client, url, "ru")
    assert '<dd><span lang="en">Mephedrone</span></dd>' in russian
    assert _in_spec("country", "Кыргызстан") in russian and _in_spec("country", "KG") not in russian
    english = _page(client, url, "en")
    assert f'<dd><span lang="ru">{profile.name_ru}</span></dd>' in english
    assert _in_spec("country", "Kyrgyzstan") in english


def test_the_alert_page_names_countries_substance_and_map_legends_in_the_readers_language(
    client_of, personas, report
):
    from cadis.apps.ews.services import alert_issue

    _detection, alert = report(personas.kg_provider, structure_input=MEPHEDRONE)
    assert alert.evidence["identification"]["known_ru"] == "Мефедрон"
    # drafted in Russian: the stored map's legends are Russian words
    with override("ru"):
        drafted = gettext("records")
    assert alert.evidence["map"]["layer"][-1]["encoding"]["size"]["title"] == drafted != "records"
    alert_issue(actor=personas.kg_focal, alert=alert)
    client = client_of(personas.kg_focal)
    url = reverse("ews:alert_detail", args=[alert.pk])
    russian = _page(client, url, "ru")
    assert "<dd>Кыргызстан</dd>" in russian and "<dd>KG</dd>" not in russian
    assert "· Мефедрон</p>" in russian
    english = _page(client, url, "en")
    assert "<dd>Kyrgyzstan</dd>" in english and "· Mephedrone</p>" in english
    assert _in_spec("title", "records") in english and _in_spec("title", "source") in english
    assert _in_spec("title", drafted) not in english and _in_spec("title", "KG") not in english


def test_the_simulator_names_its_jurisdictions():
    with override("ru"):
        assert jurisdiction_choices() == [
            ("international", "Международный (1961, 1971)"),
            ("KZ", "Казахстан"),
            ("KG", "Кыргызстан"),
            ("TJ", "Таджикистан"),
            ("TM", "Туркменистан"),
            ("UZ", "Узбекистан"),
        ]
    with override("en"):
        assert jurisdiction_choices()[:3] == [
            ("international", "International (1961, 1971)"),
            ("KZ", "Kazakhstan"),
            ("KG", "Kyrgyzstan"),
        ]


def test_the_audit_log_names_who_issued_an_alert_in_words(client_of, personas, report):
    from cadis.apps.ews.services import alert_issue

    _detection, alert = report(personas.kg_provider, structure_input=MEPHEDRONE)
    alert_issue(actor=personas.kg_focal, alert=alert)
    client = client_of(personas.kg_focal)
    russian = _page(client, "/accounts/audit/?type=ews.alert", "ru")
    assert 'Кем выпущено: <del>—</del> → <ins><span lang="en">kg_focal</span></ins>' in russian
    assert "<td>Система</td>" in russian  # the rule drafted it, no person
    english = _page(client, "/accounts/audit/?type=ews.alert", "en")
    assert "Issued by: <del>—</del> → <ins>kg_focal</ins>" in english
