"""The scope rules on plain records: who may read and change what."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from cadis.platform import scope


def record(personas, org, level):
    return SimpleNamespace(country_id=org.country_id, organisation_id=org.pk, confidentiality=level)


@pytest.mark.django_db
class TestReading:
    def test_anonymous_sees_only_public_records(self, personas):
        assert scope.can_view(AnonymousUser(), record(personas, personas.tj_org, "public"))
        assert not scope.can_view(AnonymousUser(), record(personas, personas.tj_org, "restricted"))
        assert not scope.can_view(
            AnonymousUser(), record(personas, personas.tj_org, "confidential")
        )

    def test_a_kyrgyz_analyst_cannot_read_a_restricted_tajik_record(self, personas):
        assert not scope.can_view(
            personas.kg_analyst, record(personas, personas.tj_org, "restricted")
        )

    def test_a_kyrgyz_analyst_reads_restricted_records_of_kyrgyzstan(self, personas):
        assert scope.can_view(
            personas.kg_analyst, record(personas, personas.kg_other_org, "restricted")
        )

    def test_confidential_records_stay_in_the_organisation(self, personas):
        other_org_record = record(personas, personas.kg_other_org, "confidential")
        assert not scope.can_view(personas.kg_analyst, other_org_record)
        assert scope.can_view(personas.kg_other_provider, other_org_record)

    def test_the_focal_point_reads_every_confidential_record_of_the_country(self, personas):
        assert scope.can_view(
            personas.kg_focal, record(personas, personas.kg_other_org, "confidential")
        )
        assert not scope.can_view(
            personas.kg_focal, record(personas, personas.tj_org, "confidential")
        )

    def test_a_regional_analyst_reads_restricted_but_not_confidential_records(self, personas):
        assert scope.can_view(personas.regional, record(personas, personas.tj_org, "restricted"))
        assert not scope.can_view(
            personas.regional, record(personas, personas.tj_org, "confidential")
        )

    def test_an_administrator_reads_everything(self, personas):
        assert scope.can_view(personas.admin, record(personas, personas.tj_org, "confidential"))


@pytest.mark.django_db
class TestChanging:
    def test_a_data_provider_cannot_change_another_organisations_records(self, personas):
        assert not scope.can_change(
            personas.kg_provider, record(personas, personas.kg_other_org, "public")
        )
        assert scope.can_change(personas.kg_provider, record(personas, personas.kg_org, "public"))

    def test_a_focal_point_changes_records_of_the_country_only(self, personas):
        assert scope.can_change(
            personas.kg_focal, record(personas, personas.kg_other_org, "restricted")
        )
        assert not scope.can_change(
            personas.kg_focal, record(personas, personas.tj_org, "restricted")
        )

    def test_analysts_change_nothing(self, personas):
        assert not scope.can_change(
            personas.kg_analyst, record(personas, personas.kg_org, "public")
        )
        assert not scope.can_change(personas.regional, record(personas, personas.kg_org, "public"))

    def test_anonymous_changes_nothing(self, personas):
        assert not scope.can_change(AnonymousUser(), record(personas, personas.kg_org, "public"))
