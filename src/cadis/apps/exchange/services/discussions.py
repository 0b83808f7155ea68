"""Discussions: threads, comments, @mentions and in-app notifications."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from cadis.apps.exchange import choices as c
from cadis.apps.exchange.models import Comment, Event, Notification, Recommendation, Thread
from cadis.platform.errors import NotAuthenticated, PermissionDenied, ValidationError
from cadis.platform.roles import Role
from cadis.platform.scope import scope_of

MENTION = re.compile(r"(?<![\w.])@([\w.+-]{2,150})")
K = c.NotificationKind


def target_models() -> dict[str, type]:
    from cadis.apps.knowledge.models import Programme
    from cadis.apps.reference.models import Substance

    return {
        "event": Event,
        "programme": Programme,
        "recommendation": Recommendation,
        "substance": Substance,
    }


def resolve_target(user, kind: str, key: str):
    """The object a thread may be attached to, if the user may see it; key is a pk or a code."""
    from cadis.apps.exchange import selectors

    model = target_models().get(kind)
    if model is None:
        raise ValidationError(
            "A discussion can be attached to an event, a programme, a recommendation or a "
            "substance.",
            details={"field": "target"},
        )
    if kind == "event":
        qs = selectors.events_visible(user)
    elif kind == "recommendation":
        qs = selectors.recommendations_visible(user)
    else:
        qs = model.objects.all()
    field = "pk" if kind in ("event", "recommendation") else "code"
    if field == "pk" and not (str(key).isascii() and str(key).isdigit()):
        raise ValidationError("Unknown discussion target.", details={"field": "target"})
    obj = qs.filter(**{field: key}).first()
    if obj is None:
        raise ValidationError("Unknown discussion target.", details={"field": "target"})
    return obj


def target_link(thread: Thread) -> tuple[str, str] | None:
    """(label, url) of the thread's target, if any."""
    target = thread.target
    if target is None:
        return None
    if isinstance(target, Event):
        return str(target), reverse("exchange:event", args=[target.pk])
    if isinstance(target, Recommendation):
        return str(target), reverse("exchange:recommendation", args=[target.pk])
    if target._meta.label_lower == "knowledge.programme":
        return str(target), reverse("knowledge:programme", args=[target.code])
    return str(target), ""


def can_see_thread(user, thread: Thread) -> bool:
    from cadis.apps.exchange import selectors

    return selectors.threads_visible(user).filter(pk=thread.pk).exists()


def _require_user(actor) -> None:
    if not scope_of(actor).authenticated:
        raise NotAuthenticated("Sign in to take part in discussions.")


def thread_url(thread: Thread, comment: Comment | None = None) -> str:
    url = reverse("exchange:thread", args=[thread.pk])
    return f"{url}#comment-{comment.pk}" if comment else url


def _notify(*, recipients, actor, kind: str, message: str, url: str) -> int:
    made = 0
    for user in {u.pk: u for u in recipients}.values():
        if actor is not None and user.pk == getattr(actor, "pk", None):
            continue
        Notification.objects.create(
            recipient=user,
            actor=actor if scope_of(actor).authenticated else None,
            kind=kind,
            message=message[:400],
            url=url,
        )
        made += 1
    return made


def _mentioned_users(thread: Thread, text: str) -> list:
    names = set(MENTION.findall(text))
    if not names:
        return []
    users = get_user_model().objects.filter(username__in=names, is_active=True)
    return [u for u in users if can_see_thread(u, thread)]


@transaction.atomic
def thread_start(*, actor, title: str, body: str, target=None) -> Thread:
    _require_user(actor)
    if not title.strip() or not body.strip():
        raise ValidationError("A discussion needs a title and a text.", details={"field": "title"})
    thread = Thread(title=title.strip()[:300], body=body.strip(), author=actor)
    if target is not None:
        thread.target = target
    thread.save()
    _notify(
        recipients=_mentioned_users(thread, body),
        actor=actor,
        kind=K.MENTION,
        message=f"{actor.get_username()}: {thread.title}",
        url=thread_url(thread),
    )
    return thread


@transaction.atomic
def comment_add(*, actor, thread: Thread, body: str) -> Comment:
    """A comment; mentioned users and earlier participants are notified."""
    _require_user(actor)
    if not can_see_thread(actor, thread):
        raise PermissionDenied("You may not take part in this discussion.")
    if not body.strip():
        raise ValidationError("Write a comment first.", details={"field": "body"})
    comment = Comment.objects.create(thread=thread, author=actor, body=body.strip())
    mentioned = _mentioned_users(thread, body)
    comment.mentions.set(mentioned)
    Thread.objects.filter(pk=thread.pk).update(last_activity=timezone.now())
    url = thread_url(thread, comment)
    _notify(
        recipients=mentioned,
        actor=actor,
        kind=K.MENTION,
        message=f"{actor.get_username()}: {thread.title}",
        url=url,
    )
    participants = [thread.author] + [x.author for x in thread.comments.exclude(pk=comment.pk)]
    others = [u for u in participants if u not in mentioned and can_see_thread(u, thread)]
    _notify(
        recipients=others,
        actor=actor,
        kind=K.REPLY,
        message=f"{actor.get_username()}: {thread.title}",
        url=url,
    )
    return comment


def consultation_thread(*, actor, recommendation: Recommendation) -> Thread:
    """The consultation discussion of a recommendation (made once); focal points are told."""
    existing = (
        Thread.objects.filter(
            content_type=ContentType.objects.get_for_model(Recommendation),
            object_id=recommendation.pk,
        )
        .order_by("id")
        .first()
    )
    if existing:
        return existing
    author = actor if scope_of(actor).authenticated else recommendation.created_by
    if author is None:
        raise ValidationError("A consultation needs an author.")
    # Written in the language of the person who opens the consultation, like any post; the
    # pages mark it with that language for readers of the other one.
    thread = Thread(
        title=(gettext("Consultation: %(title)s") % {"title": recommendation.title})[:300],
        body=recommendation.text,
        author=author,
    )
    thread.target = recommendation
    thread.save()
    focal_points = get_user_model().objects.filter(
        role=Role.FOCAL_POINT,
        is_active=True,
        organisation__country__in=recommendation.target_countries.all(),
    )
    _notify(
        recipients=focal_points,
        actor=actor,
        kind=K.CONSULTATION,
        message=recommendation.title,
        url=reverse("exchange:recommendation", args=[recommendation.pk]),
    )
    return thread


def notify_adopted(*, actor, recommendation: Recommendation) -> int:
    focal_points = get_user_model().objects.filter(
        role=Role.FOCAL_POINT,
        is_active=True,
        organisation__country__in=recommendation.target_countries.all(),
    )
    return _notify(
        recipients=focal_points,
        actor=actor,
        kind=K.ADOPTED,
        message=recommendation.title,
        url=reverse("exchange:recommendation", args=[recommendation.pk]),
    )


def notifications_mark_read(*, actor, ids: list[int] | None = None) -> int:
    _require_user(actor)
    qs = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())
