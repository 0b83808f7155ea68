"""Threads, comments, @mentions and notifications."""

from __future__ import annotations

import pytest

from cadis.apps.exchange import selectors
from cadis.apps.exchange.services import discussions
from cadis.apps.reference.models import Substance
from cadis.platform.errors import NotAuthenticated, PermissionDenied, ValidationError
from tests.exchange.conftest import advance

pytestmark = pytest.mark.django_db


def test_a_mention_notifies_the_mentioned_user(personas):
    thread = discussions.thread_start(
        actor=personas.kg_focal, title="Synthetic topic", body="Hello @tj_focal"
    )
    assert personas.tj_focal.notifications.get().kind == "mention"
    discussions.comment_add(
        actor=personas.tj_focal, thread=thread, body="Thanks, @kg_focal and @nobody"
    )
    assert personas.kg_focal.notifications.filter(kind="mention").count() == 1


def test_participants_are_told_about_replies(personas):
    thread = discussions.thread_start(actor=personas.kg_focal, title="Synthetic", body="Text")
    discussions.comment_add(actor=personas.tj_analyst, thread=thread, body="A reply")
    assert personas.kg_focal.notifications.get().kind == "reply"
    assert not personas.tj_analyst.notifications.exists()


def test_threads_attach_to_a_substance_programme_event_or_recommendation(personas, event, draft):
    substance = Substance.objects.get(code="synthetic_cannabinoids")
    thread = discussions.thread_start(
        actor=personas.kg_focal, title="t", body="b", target=substance
    )
    assert discussions.target_link(thread)[0] == str(substance)
    assert discussions.resolve_target(personas.kg_focal, "event", str(event.pk)) == event
    assert discussions.resolve_target(personas.kg_focal, "recommendation", str(draft.pk)) == draft
    with pytest.raises(ValidationError):
        discussions.resolve_target(personas.tj_focal, "recommendation", str(draft.pk))
    with pytest.raises(ValidationError):
        discussions.resolve_target(personas.kg_focal, "planet", "mars")


def test_a_mentioned_user_outside_the_audience_is_not_notified(personas, draft):
    thread = discussions.thread_start(
        actor=personas.kg_focal, title="t", body="@tj_focal look", target=draft
    )
    assert not personas.tj_focal.notifications.exists()
    with pytest.raises(PermissionDenied):
        discussions.comment_add(actor=personas.tj_focal, thread=thread, body="x")
    assert thread not in selectors.threads_visible(personas.tj_focal)


def test_anonymous_visitors_cannot_discuss(personas):
    with pytest.raises(NotAuthenticated):
        discussions.thread_start(actor=None, title="t", body="b")


def test_discussion_pages(personas, client_of, draft):
    advance(draft, personas.kg_provider, "consultation")
    client = client_of(personas.kg_analyst)
    response = client.post(
        "/exchange/discussions/new/", {"title": "Synthetic page thread", "body": "@kg_focal hi"}
    )
    assert response.status_code == 302
    thread_url = response["Location"]
    assert client.post(thread_url, {"body": "A synthetic comment"}).status_code == 302
    assert "A synthetic comment" in client.get(thread_url).content.decode()
    assert client_of(None).get(thread_url).status_code == 404
    notes = client_of(personas.kg_focal).get("/exchange/notifications/").content.decode()
    assert "Synthetic page thread" in notes and 'class="unread"' in notes
    client_of(personas.kg_focal).post("/exchange/notifications/")
    assert (
        'class="unread"'
        not in client_of(personas.kg_focal).get("/exchange/notifications/").content.decode()
    )
    assert client_of(None).get("/exchange/notifications/").status_code == 302


def test_consultation_thread_page_is_hidden_from_other_countries(personas, client_of, draft):
    advance(draft, personas.kg_provider, "consultation")
    thread = selectors.threads_about(personas.kg_focal, draft).get()
    assert (
        client_of(personas.kg_other_provider).get(f"/exchange/discussions/{thread.pk}/").status_code
        == 200
    )
    assert (
        client_of(personas.tj_focal).get(f"/exchange/discussions/{thread.pk}/").status_code == 404
    )
    new_about = f"/exchange/discussions/new/?target_kind=recommendation&target={draft.pk}"
    assert client_of(personas.tj_focal).get(new_about).status_code == 404


def test_the_exchange_home_page_counts_unread_notifications(personas, client_of):
    discussions.thread_start(
        actor=personas.kg_focal, title="Synthetic", body="@kg_analyst see this"
    )
    html = client_of(personas.kg_analyst).get("/exchange/").content.decode()
    assert 'id="my-notifications"' in html and "1 нов" in html
