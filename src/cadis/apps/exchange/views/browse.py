"""Pages for events, experts, discussions and notifications (recommendations: views_recommendations)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cadis.apps.exchange import selectors
from cadis.apps.exchange.forms.discussions import CommentForm, ThreadForm
from cadis.apps.exchange.forms.events import DelegationForm, SessionForm
from cadis.apps.exchange.services import discussions
from cadis.apps.knowledge.choices import Language, Topic
from cadis.apps.reference.models import Country
from cadis.platform.errors import CadisError
from cadis.platform.scope import can_change, can_view, scope_of
from cadis.platform.views import page_of, shown_on


def home(request):
    recs = selectors.recommendations_visible(request.user)
    return render(
        request,
        "exchange/home.html",
        {
            "figures": selectors.home_figures(request.user),
            "events": selectors.events_visible(request.user)[:5],
            "recommendations": recs[:5],
            "threads": selectors.threads_visible(request.user)[:5],
            "unread": selectors.unread_count(request.user),
        },
    )


def events(request):
    qs = selectors.events_visible(request.user)
    kind = request.GET.get("kind", "")
    if kind:
        qs = qs.filter(kind=kind)
    return render(
        request,
        "exchange/events.html",
        {
            "page": page_of(request, qs, 25),
            "kind": kind,
            "can_create": scope_of(request.user).can_write,
        },
    )


def event_detail(request, pk: int):
    event = get_object_or_404(
        selectors.events_visible(request.user).prefetch_related(
            "delegations__country", "sessions__presentations"
        ),
        pk=pk,
    )
    sessions = list(event.sessions.all())
    for session in sessions:
        session.visible_presentations = [
            d for d in session.presentations.all() if can_view(request.user, d)
        ]
    return render(
        request,
        "exchange/event_detail.html",
        {
            "event": event,
            "sessions": sessions,
            "can_draft": scope_of(request.user).can_write,
            "can_edit": can_change(request.user, event),
            "session_form": SessionForm(initial={"day": event.starts_on}),
            "delegation_form": DelegationForm(),
            "recommendations": selectors.recommendations_visible(request.user).filter(event=event),
            "threads": selectors.threads_about(request.user, event),
        },
    )


def experts(request):
    qs = selectors.experts_visible(request.user)
    country, topic, language = (request.GET.get(k, "") for k in ("country", "topic", "language"))
    if country:
        qs = qs.filter(country__code=country)
    if topic:
        qs = qs.filter(expertise__icontains=f'"{topic}"')
    if language:
        qs = qs.filter(languages__icontains=f'"{language}"')
    topics, languages = dict(Topic.choices), dict(Language.choices)
    rows = [
        (e, [topics.get(t, t) for t in e.expertise], [languages.get(x, x) for x in e.languages])
        for e in qs
    ]
    return render(
        request,
        "exchange/experts.html",
        {
            "rows": rows,
            "countries": Country.objects.filter(is_central_asia=True),
            "topics": Topic.choices,
            "languages": Language.choices,
            "filters": {"country": country, "topic": topic, "language": language},
        },
    )


def threads(request):
    qs = selectors.threads_visible(request.user)
    return render(
        request,
        "exchange/threads.html",
        {"page": page_of(request, qs, 25)},
    )


@login_required
def thread_new(request):
    kind, key = request.GET.get("target_kind", ""), request.GET.get("target", "")
    target = None
    if kind:
        try:
            target = discussions.resolve_target(request.user, kind, key)
        except CadisError:
            raise Http404 from None
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            thread = discussions.thread_start(
                actor=request.user, target=target, **form.cleaned_data
            )
        if outcome.ok:
            return redirect("exchange:thread", pk=thread.pk)
    return render(request, "exchange/thread_new.html", {"form": form, "target": target})


def thread_detail(request, pk: int):
    thread = get_object_or_404(selectors.threads_visible(request.user), pk=pk)
    form = CommentForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect("accounts:login")
        if form.is_valid():
            with shown_on(form) as outcome:
                discussions.comment_add(
                    actor=request.user, thread=thread, body=form.cleaned_data["body"]
                )
            if outcome.ok:
                return redirect("exchange:thread", pk=thread.pk)
    comments = thread.comments.select_related("author")
    return render(
        request,
        "exchange/thread_detail.html",
        {
            "thread": thread,
            "comments": comments,
            "form": form,
            "target": discussions.target_link(thread),
        },
    )


@login_required
def notifications(request):
    if request.method == "POST":
        discussions.notifications_mark_read(actor=request.user)
        messages.success(request, _("All notifications are marked as read."))
        return redirect("exchange:notifications")
    page = page_of(request, selectors.notifications_of(request.user), 50)
    return render(request, "exchange/notifications.html", {"page": page})
