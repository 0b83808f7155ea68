"""Owner declarations: the query (``visible``) and the instance check (``can_view``) agree for
every persona, and each declared resource is read by exactly the audience its rule names."""

from __future__ import annotations

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser

from cadis.apps.exchange.choices import RecommendationStatus as RS
from cadis.apps.exchange.models import Implementation, Recommendation, Thread
from cadis.apps.jobs.models import Job
from cadis.apps.jobs.selectors import JOB_OWNER
from cadis.apps.reference.models import Country
from cadis.apps.supply.models import ImportBatch
from cadis.platform import scope
from tests.precursors.factories import notification

pytestmark = pytest.mark.django_db

NAMES = [
    "anonymous",
    "kg_focal",
    "kg_provider",
    "kg_other_provider",
    "kg_analyst",
    "tj_focal",
    "tj_provider",
    "tj_analyst",
    "regional",
    "admin",
]


def readers(personas, record, owner=None) -> set[str]:
    """The personas who may read the record; fails when the two implementations disagree."""
    found = set()
    queryset = type(record)._default_manager.filter(pk=record.pk)
    for name in NAMES:
        user = AnonymousUser() if name == "anonymous" else getattr(personas, name)
        by_query = scope.visible(queryset, user, owner=owner).exists()
        assert by_query == scope.can_view(user, record, owner=owner), (name, record)
        if by_query:
            found.add(name)
    return found


def _recommendation(personas, status, level="restricted"):
    rec = Recommendation.objects.create(
        country=personas.kg_org.country,
        organisation=personas.kg_org,
        confidentiality=level,
        title_en="Synthetic",
        title_ru="Синтетическая",
        text_en="t",
        text_ru="т",
        pillar="prevention",
        status=status,
    )
    rec.target_countries.set([Country.objects.get(code="TJ")])
    return rec


def test_a_draft_is_read_by_its_drafters_and_the_target_countries_focal_points(personas):
    rec = _recommendation(personas, RS.DRAFT)
    assert readers(personas, rec) == {"kg_focal", "kg_provider", "kg_analyst", "tj_focal", "admin"}


def test_a_recommendation_in_consultation_is_read_across_the_target_countries(personas):
    rec = _recommendation(personas, RS.CONSULTATION)
    assert readers(personas, rec) == {
        "kg_focal",
        "kg_provider",
        "kg_analyst",
        "tj_focal",
        "tj_provider",
        "tj_analyst",
        "regional",
        "admin",
    }


def test_an_adopted_recommendation_is_read_like_any_record(personas):
    rec = _recommendation(personas, RS.ADOPTED, level="restricted")
    assert readers(personas, rec) == {
        "kg_focal",
        "kg_provider",
        "kg_other_provider",
        "kg_analyst",
        "regional",
        "admin",
    }
    public = _recommendation(personas, RS.ADOPTED, level="public")
    assert readers(personas, public) == set(NAMES)


def test_an_implementation_is_read_only_with_its_recommendation(personas):
    draft = _recommendation(personas, RS.DRAFT)
    impl = Implementation.objects.create(
        recommendation=draft,
        country=Country.objects.get(code="TJ"),
        organisation=personas.tj_org,
        confidentiality="public",
    )
    assert readers(personas, impl) == {"kg_focal", "kg_provider", "kg_analyst", "tj_focal", "admin"}


def test_a_discussion_is_for_signed_in_users_and_follows_its_target(personas):
    free = Thread.objects.create(title="t", body="b", author=personas.kg_analyst)
    assert readers(personas, free) == set(NAMES) - {"anonymous"}
    on_draft = Thread.objects.create(
        title="t", body="b", author=personas.kg_analyst, target=_recommendation(personas, RS.DRAFT)
    )
    assert readers(personas, on_draft) == {
        "kg_focal",
        "kg_provider",
        "kg_analyst",
        "tj_focal",
        "admin",
    }


def test_a_pre_export_notification_is_read_by_the_importing_country(personas):
    pen = notification(personas.kg_provider, confidentiality="confidential")
    # Confidential: the KG organisation (analyst included) and focal point, and all of Tajikistan.
    assert readers(personas, pen) == {
        "kg_focal",
        "kg_provider",
        "kg_analyst",
        "tj_focal",
        "tj_provider",
        "tj_analyst",
        "admin",
    }


def test_a_job_is_read_by_its_creator_its_organisation_and_the_focal_point(personas):
    job = Job.objects.create(
        kind="test",
        title="t",
        created_by=personas.kg_other_provider,
        organisation=personas.kg_other_org,
        country=personas.kg_other_org.country,
    )
    assert readers(personas, job, JOB_OWNER) == {"kg_focal", "kg_other_provider", "admin"}
    moved = Job.objects.create(kind="test", title="t", created_by=personas.tj_analyst)
    assert readers(personas, moved, JOB_OWNER) == {"tj_analyst", "admin"}


def test_an_import_file_is_confidential_to_its_organisation_and_focal_point(personas):
    batch = ImportBatch.objects.create(
        organisation=personas.kg_org,
        country=personas.kg_org.country,
        file_name="f.csv",
        sha256="0" * 64,
    )
    assert readers(personas, batch) == {"kg_focal", "kg_provider", "kg_analyst", "admin"}


@pytest.mark.parametrize("level", ["public", "restricted", "confidential"])
def test_plain_records_follow_the_table_in_the_scope_docstring(personas, level):
    rec = _recommendation(personas, RS.ADOPTED, level=level)
    expected = {
        "public": set(NAMES),
        "restricted": {
            "kg_focal",
            "kg_provider",
            "kg_other_provider",
            "kg_analyst",
            "regional",
            "admin",
        },
        "confidential": {"kg_focal", "kg_provider", "kg_analyst", "admin"},
    }[level]
    assert readers(personas, rec) == expected


def test_the_focal_point_and_speaking_for_a_country(personas):
    kg, tj = personas.kg_org.country, personas.tj_org.country
    for user, country in itertools.product([personas.kg_focal, personas.kg_provider], [kg, tj]):
        assert scope.is_focal_point_of(user, country) == (
            user == personas.kg_focal and country == kg
        )
    assert scope.speaks_for(personas.admin, tj) and scope.speaks_for(personas.regional, None)
    assert not scope.speaks_for(personas.kg_focal, None) and not scope.speaks_for(
        personas.regional, kg
    )
