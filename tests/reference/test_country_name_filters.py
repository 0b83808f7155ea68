"""The country-name filters: names in the reader's language, one query for a whole list, and
countries loaded in bulk (no signal) still named."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cadis.apps.reference.models import Country
from cadis.apps.reference.templatetags.countries import country_name, country_names

pytestmark = pytest.mark.django_db


def test_codes_are_named_in_the_readers_language_without_a_query_per_row(refdata):
    with translation.override("ru"):
        assert country_names(["KG", "", "KZ"]) == "Кыргызстан, Казахстан"
        with CaptureQueriesContext(connection) as captured:
            for _row in range(20):
                country_name("TJ")
        assert len(captured) == 0
    with translation.override("en"):
        assert country_name("KG") == "Kyrgyzstan"
    assert country_name("") == "" and country_name(None) == ""


def test_a_country_added_in_bulk_or_saved_is_named_not_shown_as_a_code(refdata):
    with translation.override("en"):
        assert country_name("KG") == "Kyrgyzstan"  # the names are now held
        Country.objects.bulk_create(
            [Country(code="QZ", alpha3="QZZ", name_en="Synthetica", name_ru="Синтетика")]
        )
        assert country_name("QZ") == "Synthetica"
        Country.objects.filter(code="QZ").update(name_en="Renamed")
        country = Country.objects.get(code="QZ")
        country.save()  # a saved country is read again
        assert country_name("QZ") == "Renamed"
        assert country_name("XX") == "XX"  # an unknown code is shown as it is
