"""Treatment pages in one language at a time (issue #14): a national TDI addition numbered as
TDI numbers it ("4.4", not the code "4.4.pregabalin"); the DHIS2 import page names its formats
and the default mapping in the reader's words."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

URL = "/treatment/aggregates/import/"


def _page(client, url: str, language: str) -> str:
    client.cookies["django_language"] = language
    return client.get(url).content.decode()


def test_a_national_addition_shows_its_tdi_number_and_its_name(client_of, personas, record_episode):
    episode = record_episode(primary_drug_code="4.4.pregabalin")
    client = client_of(personas.kg_provider)
    for url in (
        "/treatment/episodes/",
        f"/treatment/episodes/{episode.pk}/",
        "/treatment/episodes/new/",
    ):
        russian = _page(client, url, "ru")
        assert "4.4 Прегабалин (национальная категория)" in russian, url
        assert not re.search(r"4\.4\.pregabalin(?!\")", russian), url  # only as an option's value
        assert "4.4 Pregabalin (national addition)" in _page(client, url, "en"), url


def test_the_dhis2_import_page_names_formats_and_the_mapping_in_words(client_of, personas):
    client = client_of(personas.kg_focal)
    russian = _page(client, URL, "ru")
    assert "Файл ADX (XML) или набор значений данных DHIS2 (JSON)" in russian
    assert "Набор значений данных DHIS2 (JSON)</option>" in russian
    assert "Сопоставление по умолчанию (коды вместо идентификаторов DHIS2)</option>" in russian
    assert "dataValueSets" not in russian and "CODE id scheme" not in russian
    english = _page(client, URL, "en")
    assert "DHIS2 data value set (JSON)</option>" in english
    assert "Default mapping (CODE id scheme)</option>" in english
