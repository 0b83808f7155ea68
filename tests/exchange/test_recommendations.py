"""Recommendation lifecycle, audience rules, criteria and implementation tracking."""

from __future__ import annotations

import pytest
from django.utils import translation

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.exchange import selectors, services
from cadis.apps.exchange.models import Thread
from cadis.platform.errors import Conflict, PermissionDenied, ValidationError
from tests.exchange.conftest import advance

pytestmark = pytest.mark.django_db


def _sees(user, rec) -> bool:
    return selectors.recommendations_visible(user).filter(pk=rec.pk).exists()


def test_a_draft_is_seen_only_by_its_audience(draft, personas):
    assert _sees(personas.kg_provider, draft) and _sees(
        personas.kg_analyst, draft
    )  # drafting organisation
    assert _sees(personas.kg_focal, draft)  # focal point of a target country
    assert _sees(personas.admin, draft)
    for outsider in (
        None,
        personas.kg_other_provider,
        personas.tj_focal,
        personas.regional,
        personas.tj_analyst,
    ):
        assert not _sees(outsider, draft)


def test_in_consultation_target_countries_and_regional_analysts_see_it(draft, personas):
    rec = advance(draft, personas.kg_provider, "consultation")
    assert _sees(personas.kg_other_provider, rec) and _sees(personas.regional, rec)
    assert not _sees(personas.tj_focal, rec) and not _sees(None, rec)


def test_adopted_public_recommendations_are_seen_by_everyone(draft, personas):
    rec = advance(draft, personas.kg_provider, "adopted")
    assert all(_sees(u, rec) for u in (None, personas.tj_analyst, personas.regional))


def test_adoption_needs_every_criterion_met_and_justified(draft, personas):
    services.recommendation_open_consultation(actor=personas.kg_provider, recommendation=draft)
    services.criteria_set(
        actor=personas.kg_provider,
        recommendation=draft,
        values={"gender_sensitive": (True, ""), "balanced": (True, "ok")},
    )
    with pytest.raises(ValidationError) as info:
        services.recommendation_adopt(actor=personas.kg_provider, recommendation=draft)
    assert "gender_sensitive" in info.value.details["criteria"]


def test_the_lifecycle_is_ordered_and_audited(draft, personas):
    with pytest.raises(Conflict):
        services.recommendation_adopt(actor=personas.kg_provider, recommendation=draft)
    rec = advance(draft, personas.kg_provider, "adopted")
    assert rec.status == "adopted" and rec.adopted_on is not None
    with pytest.raises(Conflict):
        services.recommendation_save(
            actor=personas.kg_provider, recommendation=rec, data={"text_en": "changed"}
        )
    statuses = [
        e.after.get("status")
        for e in AuditEntry.objects.filter(
            object_type="exchange.recommendation", object_id=str(rec.pk)
        ).order_by("id")
        if e.after
    ]
    assert "consultation" in statuses and "adopted" in statuses


def test_opening_the_consultation_creates_its_discussion_and_tells_focal_points(draft, personas):
    advance(draft, personas.kg_provider, "consultation")
    thread = Thread.objects.get(object_id=draft.pk, content_type__model="recommendation")
    assert thread in selectors.threads_visible(personas.kg_other_provider)
    assert thread not in selectors.threads_visible(personas.tj_focal)
    assert personas.kg_focal.notifications.filter(kind="consultation").exists()
    assert not personas.tj_focal.notifications.exists()


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [("ru", "Синтетический проект", "Текст"), ("en", "Synthetic draft", "Text")],
)
def test_the_consultation_discussion_is_written_in_the_language_of_who_opens_it(
    draft, personas, language, title, text
):
    with translation.override(language):
        advance(draft, personas.kg_provider, "consultation")
    thread = Thread.objects.get(object_id=draft.pk, content_type__model="recommendation")
    assert thread.title.endswith(title) and thread.body == text
    notification = personas.kg_focal.notifications.get(kind="consultation")
    assert notification.message == title


def test_only_the_drafting_side_changes_a_recommendation(draft, personas):
    for intruder in (personas.kg_other_provider, personas.tj_focal, personas.kg_analyst):
        with pytest.raises(PermissionDenied):
            services.recommendation_open_consultation(actor=intruder, recommendation=draft)
    with pytest.raises(PermissionDenied):
        services.criteria_set(actor=personas.kg_other_provider, recommendation=draft, values={})


def test_analysts_cannot_draft(personas, countries):
    with pytest.raises(PermissionDenied):
        services.recommendation_save(
            actor=personas.kg_analyst,
            target_countries=[countries["KG"]],
            data={"title_en": "x", "text_en": "x", "pillar": "prevention"},
        )


def test_each_country_reports_its_own_implementation(draft, personas, countries):
    rec = advance(draft, personas.kg_provider, "adopted")
    impl = services.implementation_update(
        actor=personas.kg_focal,
        recommendation=rec,
        country=countries["KG"],
        status="in_progress",
        responsible_body="Synthetic ministry",
        milestone=("Synthetic milestone", None),
    )
    assert impl.milestones.count() == 1 and impl.organisation == personas.kg_org
    with pytest.raises(PermissionDenied):
        services.implementation_update(
            actor=personas.tj_focal, recommendation=rec, country=countries["KZ"], status="planned"
        )
    with pytest.raises(PermissionDenied):
        services.implementation_update(
            actor=personas.kg_other_provider,
            recommendation=rec,
            country=countries["KG"],
            status="stalled",
        )
    with pytest.raises(ValidationError):
        services.implementation_update(
            actor=personas.tj_focal, recommendation=rec, country=countries["TJ"], status="planned"
        )  # TJ is not a target


def test_implementation_needs_adoption(draft, personas, countries):
    with pytest.raises(Conflict):
        services.implementation_update(
            actor=personas.kg_focal, recommendation=draft, country=countries["KG"], status="planned"
        )


def test_the_progress_board_shows_each_target_country(draft, personas, countries):
    rec = advance(draft, personas.kg_provider, "adopted")
    services.implementation_update(
        actor=personas.kg_focal, recommendation=rec, country=countries["KG"], status="implemented"
    )
    with translation.override("en"):
        rows, board_countries, totals = selectors.progress_board(None)
    assert [x.code for x in board_countries] == ["KG", "KZ"]
    assert [cell["status"] for cell in rows[0]["cells"]] == ["implemented", "not_started"]
    assert ("Kyrgyzstan", "Implemented", 1) in totals
