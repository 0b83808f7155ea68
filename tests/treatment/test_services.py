"""Episode services: permission, validation rules, duplicate detection, audit."""

from __future__ import annotations

import datetime as dt

import pytest

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.treatment import services
from cadis.apps.treatment.models import TreatmentEpisode
from cadis.platform.errors import PermissionDenied, ValidationError


def test_a_provider_records_an_episode_of_its_organisation_with_an_audit_entry(
    record_episode, personas
):
    episode = record_episode()
    assert episode.country.code == "KG" and episode.year == 2024 and len(episode.pseudonym) == 64
    entry = AuditEntry.objects.get(
        object_type="treatment.treatmentepisode", object_id=str(episode.pk)
    )
    assert entry.actor == personas.kg_provider and "AN1234567" not in str(entry.after)


@pytest.mark.parametrize("who", ["kg_analyst", "tj_provider", "kg_other_provider"])
def test_others_may_not_record_for_the_organisation(record_episode, personas, who):
    with pytest.raises(PermissionDenied):
        record_episode(actor=getattr(personas, who), organisation=personas.kg_org)


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"age": 130}, "age"),
        ({"age": 20, "age_first_use": 25}, "age_first_use"),
        ({"start_date": dt.date(2999, 1, 1)}, "start_date"),
        ({"primary_drug_code": "42"}, "primary_drug"),
        ({"secondary_drugs": ["1.1"]}, "secondary_drugs"),
        ({"secondary_drugs": ["alcohol", "7.1", "4.2", "3.2"]}, "secondary_drugs"),
        ({"injecting": "never", "route": "inject"}, "injecting"),
        ({"injecting": "never", "route": "smoke", "needle_sharing": "last_30d"}, "needle_sharing"),
    ],
)
def test_inconsistent_episodes_are_refused(record_episode, overrides, field):
    with pytest.raises(ValidationError) as exc:
        record_episode(**overrides)
    assert field in [d["field"] for d in exc.value.details]


def test_the_age_is_derived_from_the_date_of_birth_and_checked_against_it(personas, episode_values):
    episode = services.episode_create(
        actor=personas.kg_provider,
        organisation=personas.kg_org,
        values=episode_values(age=None),
        identity={"full_name": "Test Client", "birth_date": dt.date(1990, 6, 1)},
    )
    assert episode.age == 33
    with pytest.raises(ValidationError):
        services.episode_create(
            actor=personas.kg_provider,
            organisation=personas.kg_org,
            values=episode_values(age=50),
            identity={"full_name": "Other Client", "birth_date": dt.date(1990, 6, 1)},
        )


def test_a_second_episode_within_a_year_is_a_possible_duplicate_and_later_ones_are_not(
    record_episode,
):
    first = record_episode(start_date=dt.date(2023, 1, 10))
    second = record_episode(start_date=dt.date(2023, 9, 1))
    third = record_episode(start_date=dt.date(2024, 2, 1))
    assert second.duplicate_of_id == first.pk and third.duplicate_of_id is None
    earlier = record_episode(start_date=dt.date(2022, 12, 1))
    first.refresh_from_db()
    assert earlier.duplicate_of_id is None and first.duplicate_of_id == earlier.pk


def test_the_same_client_and_day_cannot_be_recorded_twice(record_episode):
    record_episode()
    with pytest.raises(ValidationError):
        record_episode()


def test_update_and_delete_are_audited_and_relink_duplicates(
    record_episode, personas, episode_values
):
    first = record_episode(start_date=dt.date(2023, 1, 10))
    second = record_episode(start_date=dt.date(2023, 3, 1))
    services.episode_update(
        actor=personas.kg_focal,
        episode=second,
        values=episode_values(start_date=dt.date(2024, 3, 1)),
    )
    second.refresh_from_db()
    assert second.duplicate_of_id is None and second.year == 2024
    with pytest.raises(PermissionDenied):
        services.episode_delete(actor=personas.tj_focal, episode=first)
    services.episode_delete(actor=personas.kg_provider, episode=first)
    assert not TreatmentEpisode.objects.filter(pk=first.pk).exists()
    assert (
        AuditEntry.objects.filter(object_type="treatment.treatmentepisode", action="delete").count()
        == 1
    )


def test_harms_figures_are_upserted_and_checked(personas):
    values = {"cases": 12, "tested": 100, "source": "Test", "data_quality": "good"}
    record = services.harm_upsert(
        actor=personas.kg_focal,
        organisation=personas.kg_org,
        indicator="drid_hiv",
        year=2023,
        values=values,
    )
    again = services.harm_upsert(
        actor=personas.kg_focal,
        organisation=personas.kg_org,
        indicator="drid_hiv",
        year=2023,
        values={**values, "cases": 14},
    )
    assert again.pk == record.pk and again.cases == 14 and again.prevalence == 14.0
    with pytest.raises(ValidationError):
        services.harm_upsert(
            actor=personas.kg_focal,
            organisation=personas.kg_org,
            indicator="drd",
            year=2023,
            values=values,
        )
    with pytest.raises(PermissionDenied):
        services.harm_upsert(
            actor=personas.tj_focal,
            organisation=personas.kg_org,
            indicator="drd",
            year=2023,
            values={"cases": 1, "source": "x", "data_quality": "good"},
        )


def test_only_the_countrys_focal_point_releases_its_tables(personas):
    from cadis.apps.reference.models import Country

    kg = Country.objects.get(code="KG")
    with pytest.raises(PermissionDenied):
        services.tdi_release(actor=personas.kg_provider, country=kg, year=2023)
    with pytest.raises(PermissionDenied):
        services.tdi_release(actor=personas.tj_focal, country=kg, year=2023)
    release = services.tdi_release(actor=personas.kg_focal, country=kg, year=2023)
    assert release.confidentiality == "public"
    assert services.tdi_release(actor=personas.kg_focal, country=kg, year=2023).pk == release.pk
