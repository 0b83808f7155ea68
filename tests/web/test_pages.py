from __future__ import annotations

import pytest
from django.urls import reverse

from cadis.platform.modules import may_use, navigation

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_figures_from_the_database(client, refdata):
    from cadis.apps.reference.models import Substance

    response = client.get("/")
    assert response.status_code == 200
    assert any(f["value"] == Substance.objects.count() for f in response.context["figures"])


def test_the_home_page_is_russian_by_default_and_english_on_request(client, refdata):
    assert 'lang="ru"' in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert 'lang="en"' in page and "Central Asian Drug Information System" in page


NAV_LABELS = [
    "supply",
    "precursors",
    "ews",
    "treatment",
    "extraction",
    "knowledge",
    "exchange",
    "reports",
]


def test_the_navigation_lists_every_module_in_its_order():
    assert [config.label for config in navigation()] == NAV_LABELS


@pytest.mark.parametrize("label", NAV_LABELS)
def test_every_navigation_item_answers_everyone_its_module_lets_in(client_of, personas, label):
    config = next(c for c in navigation() if c.label == label)
    url = reverse(config.nav_url_name)
    for user in (None, personas.kg_analyst, personas.regional):
        # Every landing page is declared open to everyone in the module's registration.
        assert may_use(user, config.nav_url_name)
        response = client_of(user).get(url)
        assert response.status_code == 200, (url, user, response.status_code)


def test_an_unknown_module_is_not_found(client):
    assert client.get("/modules/nonsense/").status_code == 404


def test_static_assets_are_local(client, refdata):
    page = client.get("/").content.decode()
    assert "https://" not in page.split("<main")[0]
    assert "/static/vendor/htmx" in page


def test_a_browser_asking_for_english_still_starts_in_russian(client, refdata):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="ru"' in page


def test_the_language_switch_is_remembered(client, refdata):
    client.post("/i18n/setlang/", {"language": "en", "next": "/supply/"})
    assert 'lang="en"' in client.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
