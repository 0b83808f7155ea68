"""Every exchange page, for each persona."""

from __future__ import annotations

import pytest

from cadis.apps.exchange import services
from tests.exchange.conftest import CRITERIA_OK, advance

pytestmark = pytest.mark.django_db


def test_public_pages_answer_everyone(event, draft, personas, client_of):
    for user in (None, personas.kg_analyst, personas.tj_focal, personas.regional):
        client = client_of(user)
        for url in (
            "/exchange/",
            "/exchange/events/",
            f"/exchange/events/{event.pk}/",
            "/exchange/experts/",
            "/exchange/recommendations/",
            "/exchange/board/",
            "/exchange/discussions/",
        ):
            assert client.get(url).status_code == 200, (user, url)


def test_the_event_page_shows_delegations_agenda_and_a_draft_link_for_writers(
    event, personas, client_of
):
    html = client_of(personas.kg_focal).get(f"/exchange/events/{event.pk}/").content.decode()
    assert "Synthetic head" in html and 'id="draft-from-event"' in html
    assert (
        'id="draft-from-event"'
        not in client_of(None).get(f"/exchange/events/{event.pk}/").content.decode()
    )


def test_draft_pages_are_hidden_outside_the_audience(draft, personas, client_of):
    url = f"/exchange/recommendations/{draft.pk}/"
    assert client_of(personas.kg_focal).get(url).status_code == 200
    for outsider in (None, personas.tj_focal, personas.kg_other_provider):
        assert client_of(outsider).get(url).status_code == 404
        assert (
            "Synthetic draft"
            not in client_of(outsider).get("/exchange/recommendations/").content.decode()
        )


def test_drafting_from_an_event_through_the_form(event, personas, client_of, countries):
    client = client_of(personas.kg_focal)
    form = client.get(f"/exchange/recommendations/new/?event={event.pk}").content.decode()
    assert f'value="{event.pk}" selected' in form
    response = client.post(
        "/exchange/recommendations/new/",
        {
            "title_ru": "Новая",
            "title_en": "New synthetic",
            "text_ru": "Текст",
            "text_en": "Text",
            "pillar": "treatment",
            "event": event.pk,
            "target_countries": [countries["KG"].pk],
            "confidentiality": "public",
            "indicators_text": "one\ntwo",
        },
    )
    assert response.status_code == 302
    from cadis.apps.exchange.models import Recommendation

    rec = Recommendation.objects.get(title_en="New synthetic")
    assert rec.indicators == ["one", "two"] and rec.event == event and rec.status == "draft"


def test_writers_only_reach_the_drafting_form(personas, client_of):
    assert client_of(personas.kg_analyst).get("/exchange/recommendations/new/").status_code == 403
    assert client_of(None).get("/exchange/recommendations/new/").status_code == 302


def test_criteria_consultation_adoption_and_implementation_through_pages(
    draft, personas, client_of
):
    client = client_of(personas.kg_provider)
    base = f"/exchange/recommendations/{draft.pk}"
    post = {f"{k}_met": "on" for k in CRITERIA_OK} | {
        f"{k}_why": v[1] for k, v in CRITERIA_OK.items()
    }
    assert client.post(f"{base}/criteria/", post).status_code == 302
    client.post(f"{base}/consult/")
    client.post(f"{base}/adopt/")
    draft.refresh_from_db()
    assert draft.status == "adopted"
    client_of(personas.kg_focal).post(
        f"{base}/implementation/",
        {"country": "KG", "status": "in_progress", "responsible_body": "Synthetic body"},
    )
    board = client_of(None).get("/exchange/board/").content.decode()
    assert 'data-country="KG" class="board-in_progress"' in board


def test_a_stranger_cannot_move_the_lifecycle(draft, personas, client_of):
    advance(draft, personas.kg_provider, "consultation")
    client_of(personas.kg_other_provider).post(f"/exchange/recommendations/{draft.pk}/adopt/")
    draft.refresh_from_db()
    assert draft.status == "consultation"


def test_the_implementation_form_is_offered_to_the_reporting_country_only(
    draft, personas, client_of
):
    advance(draft, personas.kg_provider, "adopted")
    url = f"/exchange/recommendations/{draft.pk}/"
    assert 'id="implementation-form"' in client_of(personas.kg_focal).get(url).content.decode()
    assert 'id="implementation-form"' not in client_of(personas.tj_focal).get(url).content.decode()
    assert 'id="implementation-form"' not in client_of(None).get(url).content.decode()


def test_experts_are_filtered_and_scoped(personas, client_of):
    services.expert_save(
        actor=personas.kg_focal,
        data={
            "full_name": "Synthetic Public",
            "expertise": ["treatment"],
            "languages": ["ru"],
            "confidentiality": "public",
        },
    )
    services.expert_save(
        actor=personas.kg_focal,
        data={
            "full_name": "Synthetic Restricted",
            "expertise": ["gender"],
            "languages": ["en"],
            "confidentiality": "restricted",
        },
    )
    anonymous = client_of(None).get("/exchange/experts/").content.decode()
    assert "Synthetic Public" in anonymous and "Synthetic Restricted" not in anonymous
    assert (
        "Synthetic Restricted"
        in client_of(personas.kg_analyst).get("/exchange/experts/").content.decode()
    )
    filtered = (
        client_of(personas.kg_analyst).get("/exchange/experts/?topic=gender").content.decode()
    )
    assert "Synthetic Restricted" in filtered and "Synthetic Public" not in filtered


def test_a_recommendation_links_documents_the_editor_may_see(event, personas, client_of, countries):
    from cadis.apps.exchange.models import Recommendation
    from cadis.apps.knowledge import services as knowledge_services

    doc = knowledge_services.document_create(
        actor=personas.kg_focal,
        metadata={"title": "Synthetic evidence", "text": "x"},
        confidentiality="public",
    )
    client = client_of(personas.kg_focal)
    client.post(
        "/exchange/recommendations/new/",
        {
            "title_ru": "С документом",
            "title_en": "With a document",
            "text_ru": "Т",
            "text_en": "T",
            "pillar": "cross_cutting",
            "target_countries": [countries["KG"].pk],
            "documents": [doc.pk],
            "confidentiality": "public",
        },
    )
    rec = Recommendation.objects.get(title_en="With a document")
    assert list(rec.documents.all()) == [doc]
    assert (
        "Synthetic evidence" in client.get(f"/exchange/recommendations/{rec.pk}/").content.decode()
    )


def test_programme_pages_offer_a_discussion_to_signed_in_users(personas, client_of, refdata):
    from cadis.apps.knowledge.loader import load_programmes

    load_programmes()
    url = "/knowledge/programmes/family-skills/"
    assert 'id="discuss-programme"' in client_of(personas.tj_analyst).get(url).content.decode()
    assert 'id="discuss-programme"' not in client_of(None).get(url).content.decode()
    new = client_of(personas.tj_analyst).post(
        "/exchange/discussions/new/?target_kind=programme&target=family-skills",
        {"title": "About it", "body": "b"},
    )
    assert new.status_code == 302
    assert (
        "Обучение семейным навыкам"
        in client_of(personas.tj_analyst).get(new["Location"]).content.decode()
    )


def test_editing_a_draft_through_the_form_is_audited_with_before_and_after(
    draft, personas, client_of, countries
):
    from cadis.apps.accounts.models import AuditEntry

    client_of(personas.kg_provider).post(
        f"/exchange/recommendations/{draft.pk}/edit/",
        {
            "title_ru": "Синтетический проект",
            "title_en": "Synthetic draft",
            "text_ru": "Текст",
            "text_en": "Changed text",
            "pillar": "prevention",
            "target_countries": [countries["KG"].pk],
            "confidentiality": "public",
        },
    )
    entry = AuditEntry.objects.filter(
        object_type="exchange.recommendation", action="update"
    ).latest("id")
    assert entry.before["text_en"] == "Text" and entry.after["text_en"] == "Changed text"


def test_an_event_summary_written_only_in_russian_is_marked_russian_on_english_pages(
    event, client_of
):
    event.summary_ru = "Два дня обмена опытом по профилактике и лечению."
    event.save(update_fields=["summary_ru"])
    client = client_of(None)
    client.cookies["django_language"] = "en"
    html = client.get(f"/exchange/events/{event.pk}/").content.decode()
    assert '<p><span lang="ru">Два дня обмена опытом по профилактике и лечению.</span></p>' in html
    client.cookies["django_language"] = "ru"
    html = client.get(f"/exchange/events/{event.pk}/").content.decode()
    assert "<p>Два дня обмена опытом по профилактике и лечению.</p>" in html
