"""A signed-in user changes their own password."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "a-new-password-2026"


def test_anonymous_visitors_are_sent_to_sign_in(client, refdata):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_user_menu_links_the_page_in_both_languages(client_of, personas):
    client = client_of(personas.kg_analyst)
    page = client.get("/").content.decode()
    assert f'href="{reverse("accounts:password_change")}"' in page and "Сменить пароль" in page
    client.cookies["django_language"] = "en"
    assert "Change password" in client.get(reverse("accounts:password_change")).content.decode()


def test_a_user_changes_their_password_and_stays_signed_in(client_of, personas):
    client = client_of(personas.kg_analyst)
    response = client.post(reverse("accounts:password_change"),
                           {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    assert client.get("/").context["user"].get_username() == "kg_analyst"
    personas.kg_analyst.refresh_from_db()
    assert personas.kg_analyst.check_password(NEW) and not personas.kg_analyst.check_password(PASSWORD)


def test_a_wrong_current_password_changes_nothing(client_of, personas):
    client = client_of(personas.kg_analyst)
    response = client.post(reverse("accounts:password_change"),
                           {"old_password": "not-it", "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 200
    personas.kg_analyst.refresh_from_db()
    assert personas.kg_analyst.check_password(PASSWORD)


def test_a_weak_new_password_is_refused(client_of, personas):
    client = client_of(personas.kg_analyst)
    response = client.post(reverse("accounts:password_change"),
                           {"old_password": PASSWORD, "new_password1": "12345", "new_password2": "12345"})
    assert response.status_code == 200
    personas.kg_analyst.refresh_from_db()
    assert personas.kg_analyst.check_password(PASSWORD)
