"""Styled error pages in the active language, the demo without DEBUG, nothing from other hosts."""

from __future__ import annotations

import os
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client, override_settings
from django.urls import path

from cadis.config import urls as project_urls

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", boom), *project_urls.urlpatterns]
handler500 = project_urls.handler500


def test_a_wrong_address_gets_the_styled_404_page_in_russian_with_a_way_back(client, refdata):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'lang="ru"' in html
    assert "По этому адресу страницы нет" in html
    assert 'href="/"' in html and "На главную страницу" in html


def test_the_404_page_follows_the_language_switch(client, refdata):
    client.cookies["django_language"] = "en"
    html = client.get("/no-such-page/").content.decode()
    assert 'lang="en"' in html and "There is no page at this address" in html


def test_a_forbidden_page_says_why_in_the_active_language(client_of, personas):
    response = client_of(personas.kg_analyst).get("/accounts/audit/")
    assert response.status_code == 403
    assert "Ваша роль или организация не даёт доступа" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_server_error_gets_the_styled_500_page(refdata):
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "en"
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html and "Back to the home page" in html


def test_the_demo_command_switches_debug_off(monkeypatch):
    from cadis import cli

    seen = {}
    monkeypatch.setenv("DEBUG", "restored-after-the-test")
    monkeypatch.delenv("DEBUG")
    monkeypatch.setattr(
        "django.core.management.execute_from_command_line",
        lambda argv: seen.update(argv=argv, debug=os.environ.get("DEBUG")),
    )
    cli.main(["demo", "--no-serve"])
    assert seen == {"argv": ["cadis", "demo", "--no-serve"], "debug": "0"}


def test_the_api_documentation_loads_swagger_ui_from_the_projects_static_files(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in sources
    assert "/static/ninja/swagger-ui.css" in sources
    assert all(s.startswith("/") and not s.startswith("//") for s in sources), sources
    assert finders.find("ninja/swagger-ui-bundle.js") is not None


def test_the_english_api_reference_is_marked_english_and_a_russian_reader_is_told(client):
    client.cookies["django_language"] = "ru"
    html = client.get("/api/v1/docs").content.decode()
    assert '<html lang="ru">' in html and '<main id="swagger-ui" lang="en">' in html
    assert "Справочник API — на английском языке" in html
    assert "WCAG" not in html  # the template's comment is not shown
    client.cookies["django_language"] = "en"
    html = client.get("/api/v1/docs").content.decode()
    assert '<html lang="en">' in html and "api-docs-language" not in html
