"""A CadisError that leaves a view becomes the page for its status, in the active language."""

from __future__ import annotations

import pytest
from django.utils import translation

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.platform.error_urls")]


@pytest.mark.parametrize(
    ("kind", "status", "title_en", "message"),
    [
        ("not_found", 404, "Not found", "No such seizure."),
        ("permission", 403, "You may not do this", "You may not change this seizure."),
        ("validation", 400, "This request cannot be carried out", "The date is in the future."),
        (
            "conflict",
            409,
            "This conflicts with the current state",
            "This file has already been imported.",
        ),
    ],
)
def test_each_error_gets_its_status_title_and_message(
    client, refdata, kind, status, title_en, message
):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get(f"/_raise/{kind}/")
    assert response.status_code == status
    page = response.content.decode()
    assert f'<h1 id="error-h">{title_en}</h1>' in page and message in page


def test_the_error_page_speaks_russian_by_default(client, refdata):
    response = client.get("/_raise/not_found/")
    with translation.override("ru"):
        title = translation.gettext("Not found")
    assert response.status_code == 404 and title != "Not found"
    assert f'<h1 id="error-h">{title}</h1>' in response.content.decode()


def test_a_visitor_who_must_sign_in_is_sent_to_the_sign_in_page(client, refdata):
    response = client.get("/_raise/anonymous/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/_raise/anonymous/"


def test_a_page_that_hides_a_record_answers_404_not_500(client_of, personas):
    # The seizure page asks the selector, which raises NotFound for records out of scope.
    assert client_of(personas.tj_analyst).get("/supply/seizures/987654/").status_code == 404
