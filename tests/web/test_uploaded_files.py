"""Uploaded files are served only through views that check scope, never from MEDIA_URL (not
even with DEBUG on), and their storage names cannot be guessed."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings
from django.urls import clear_url_caches, reverse

from cadis.platform.records import Confidentiality
from tests.knowledge.conftest import make_document  # noqa: F401  (fixture)
from tests.precursors.conftest import screened  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

RANDOM_DIR = r"/\d{4}/\d{2}/[A-Za-z0-9_-]{22}/"


@pytest.fixture
def debug_urls():
    """The URL configuration as the development profile builds it (DEBUG on)."""
    import importlib

    import cadis.config.urls

    with override_settings(DEBUG=True):
        clear_url_caches()
        importlib.reload(cadis.config.urls)
        yield
    clear_url_caches()
    importlib.reload(cadis.config.urls)


@pytest.fixture
def confidential_document(make_document, personas):  # noqa: F811
    return make_document("Confidential synthetic note.", name="note.txt", level=Confidentiality.CONFIDENTIAL,
                         actor=personas.kg_provider)


def test_a_confidential_document_is_not_served_from_media_url_even_with_debug(
        debug_urls, confidential_document, client_of, personas):
    url = f"/media/{confidential_document.file_path}"
    assert client_of(None).get(url).status_code == 404
    assert client_of(personas.kg_provider).get(url).status_code == 404


def test_a_confidential_document_file_is_served_to_its_owner_only(confidential_document, client_of, personas):
    url = reverse("knowledge:document_file", args=[confidential_document.pk])
    owner = client_of(personas.kg_provider).get(url)
    assert owner.status_code == 200
    assert b"".join(owner.streaming_content) == b"Confidential synthetic note."
    assert client_of(None).get(url).status_code == 404
    assert client_of(personas.tj_analyst).get(url).status_code == 404
    assert client_of(personas.kg_other_provider).get(url).status_code == 404


def test_a_declarations_file_is_served_to_its_owner_only(debug_urls, screened, client_of, personas):  # noqa: F811
    url = reverse("precursors:screening_file", args=[screened.pk])
    owner = client_of(personas.kg_provider).get(url)
    assert owner.status_code == 200
    assert b"".join(owner.streaming_content) == screened.file.open("rb").read()
    anonymous = client_of(None).get(url)
    assert anonymous.status_code == 302 and anonymous.url.startswith(reverse("accounts:login"))
    assert client_of(personas.tj_focal).get(url).status_code == 404
    assert client_of(personas.kg_other_provider).get(url).status_code == 404
    assert client_of(None).get(f"/media/{screened.file.name}").status_code == 404


def test_storage_names_carry_a_random_component(confidential_document, screened, make_document):  # noqa: F811
    assert re.search(RANDOM_DIR + "note.txt$", confidential_document.file_path)
    assert re.search(RANDOM_DIR + "declarations.csv$", screened.file.name)
    again = make_document("Another.", name="note.txt")
    assert again.file_path != confidential_document.file_path


def test_an_import_file_name_carries_a_random_component(personas):
    from cadis.apps.supply import imports

    batch = imports.import_upload(actor=personas.kg_provider, file_name="seizures.csv",
                                 data=b"date,substance,quantity,unit\n")
    assert re.search(RANDOM_DIR + "seizures.csv$", batch.file.name)
