"""filter_by applies the given filters and leaves out the empty ones."""

from __future__ import annotations

import pytest

from cadis.apps.reference.models import Country
from cadis.platform.queries import filter_by

pytestmark = pytest.mark.django_db
LOOKUPS = {"code": "code", "central": "is_central_asia"}


def test_empty_values_leave_the_list_unfiltered(refdata):
    everything = Country.objects.all()
    assert list(filter_by(everything, {"code": "", "central": None}, LOOKUPS)) == list(everything)


def test_given_values_filter_through_their_lookups(refdata):
    assert [c.code for c in filter_by(Country.objects.all(), {"code": "KG"}, LOOKUPS)] == ["KG"]
    central = filter_by(Country.objects.all(), {"central": True}, LOOKUPS)
    assert sorted(c.code for c in central) == ["KG", "KZ", "TJ", "TM", "UZ"]
