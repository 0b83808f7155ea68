from __future__ import annotations

from django.urls import path

from cadis.apps.exchange.views import browse, manage
from cadis.apps.exchange.views import recommendations as rec

app_name = "exchange"
urlpatterns = [
    path("", browse.home, name="home"),
    path("events/", browse.events, name="events"),
    path("events/new/", manage.event_edit, name="event_new"),
    path("events/<int:pk>/", browse.event_detail, name="event"),
    path("events/<int:pk>/edit/", manage.event_edit, name="event_edit"),
    path("events/<int:pk>/sessions/", manage.session_add, name="session_add"),
    path("events/<int:pk>/delegations/", manage.delegation_set, name="delegation_set"),
    path("experts/", browse.experts, name="experts"),
    path("experts/me/", manage.expert_profile, name="expert_profile"),
    path("discussions/", browse.threads, name="threads"),
    path("discussions/new/", browse.thread_new, name="thread_new"),
    path("discussions/<int:pk>/", browse.thread_detail, name="thread"),
    path("notifications/", browse.notifications, name="notifications"),
    path("recommendations/", rec.recommendations, name="recommendations"),
    path("recommendations/new/", rec.recommendation_edit, name="recommendation_new"),
    path("recommendations/<int:pk>/", rec.recommendation_detail, name="recommendation"),
    path("recommendations/<int:pk>/edit/", rec.recommendation_edit, name="recommendation_edit"),
    path("recommendations/<int:pk>/criteria/", rec.criteria, name="criteria"),
    path("recommendations/<int:pk>/consult/", rec.open_consultation, name="consult"),
    path("recommendations/<int:pk>/adopt/", rec.adopt, name="adopt"),
    path("recommendations/<int:pk>/implementation/", rec.implementation, name="implementation"),
    path("board/", rec.board, name="board"),
]
