"""Reads of the exchange module; recommendations have their own audience rules.

- adopted recommendations: like any record (``scope.visible``: public to everyone, etc.);
- in consultation: signed-in users of the target countries, regional analysts, the drafting
  organisation and administrators;
- drafts: the drafting organisation, the focal points of the target countries, administrators.

Discussions are for signed-in users; a discussion attached to a recommendation or an event is
seen only by those who see its target. Implementations are seen when both the record and its
recommendation are visible.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from cadis.apps.exchange import choices as c
from cadis.apps.exchange.models import (
    Event,
    Expert,
    Implementation,
    Notification,
    Recommendation,
    Thread,
)
from cadis.platform.scope import scope_of, visible

S = c.RecommendationStatus


def events_visible(user) -> QuerySet:
    return visible(Event.objects.prefetch_related("participating_countries"), user)


def experts_visible(user) -> QuerySet:
    return visible(Expert.objects.select_related("country"), user)


def recommendations_visible(user) -> QuerySet:
    return visible(
        Recommendation.objects.select_related("event", "country", "organisation").prefetch_related(
            "target_countries"
        ),
        user,
    )


def can_see_recommendation(user, recommendation: Recommendation) -> bool:
    return recommendations_visible(user).filter(pk=recommendation.pk).exists()


def implementations_visible(user) -> QuerySet:
    return visible(
        Implementation.objects.select_related("country", "organisation").prefetch_related(
            "milestones"
        ),
        user,
    )


def threads_visible(user) -> QuerySet:
    return visible(Thread.objects.select_related("author", "content_type"), user)


def threads_about(user, obj) -> QuerySet:
    ct = ContentType.objects.get_for_model(obj)
    return threads_visible(user).filter(content_type=ct, object_id=obj.pk)


def notifications_of(user) -> QuerySet:
    return (
        Notification.objects.filter(recipient=user).select_related("actor")
        if scope_of(user).authenticated
        else Notification.objects.none()
    )


def unread_count(user) -> int:
    return notifications_of(user).filter(read_at__isnull=True).count()


def progress_board(user, *, pillar: str = "") -> tuple[list[dict], list, list[tuple]]:
    """Rows (one per adopted recommendation) × target countries with each country's status.

    Returns (rows, countries, totals) where totals are (country name, status label, count).
    """
    recs = recommendations_visible(user).filter(status=S.ADOPTED)
    if pillar:
        recs = recs.filter(pillar=pillar)
    recs = list(recs.order_by("adopted_on", "id"))
    impls = {
        (i.recommendation_id, i.country_id): i
        for i in implementations_visible(user).filter(recommendation__in=[r.pk for r in recs])
    }
    countries = sorted({x for r in recs for x in r.target_countries.all()}, key=lambda x: x.code)
    rows, totals = [], {}
    for rec in recs:
        targets = {x.pk for x in rec.target_countries.all()}
        cells = []
        for country in countries:
            if country.pk not in targets:
                cells.append(None)
                continue
            impl = impls.get((rec.pk, country.pk))
            status = impl.status if impl else c.ImplementationStatus.NOT_STARTED
            cells.append(
                {
                    "country": country,
                    "status": status,
                    "label": c.ImplementationStatus(status).label,
                    "implementation": impl,
                }
            )
            key = (country.name, str(c.ImplementationStatus(status).label))
            totals[key] = totals.get(key, 0) + 1
        rows.append({"recommendation": rec, "cells": cells})
    return rows, countries, sorted((name, label, n) for (name, label), n in totals.items())


def home_figures(user) -> list[dict]:
    recs = recommendations_visible(user)
    return [
        {
            "label": _("Events"),
            "value": events_visible(user).count(),
            "url": reverse("exchange:events"),
        },
        {
            "label": _("Adopted recommendations"),
            "value": recs.filter(status=S.ADOPTED).count(),
            "url": reverse("exchange:board"),
        },
    ]
