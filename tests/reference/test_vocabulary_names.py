"""TDI numbers and DHIS2 instances as a reader sees them (issue #14)."""

from __future__ import annotations

import pytest
from django.utils.translation import override

from cadis.apps.reference.models import Dhis2Instance, TdiDrug


@pytest.mark.django_db
def test_a_national_tdi_addition_is_numbered_as_its_parent(refdata):
    pregabalin = TdiDrug.objects.get(code="4.4.pregabalin")
    assert pregabalin.number == "4.4"
    assert TdiDrug.objects.get(code="4.4").number == "4.4"
    assert TdiDrug(code="99").number == "99"


@pytest.mark.django_db
def test_the_default_dhis2_mapping_is_named_in_the_readers_language(refdata):
    default = Dhis2Instance.objects.get(code="cadis")
    with override("ru"):
        assert str(default) == "Сопоставление по умолчанию (коды вместо идентификаторов DHIS2)"
    with override("en"):
        assert str(default) == "Default mapping (CODE id scheme)"
    unnamed = Dhis2Instance(code="kg_moh", name="KG MoH DHIS2")
    with override("ru"):
        assert str(unnamed) == "KG MoH DHIS2"  # no Russian name: the one it has
