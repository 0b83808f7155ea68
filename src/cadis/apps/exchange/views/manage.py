"""Pages that create and edit events (with agenda and delegations) and one's own expert profile."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cadis.apps.exchange import selectors, services
from cadis.apps.exchange.forms.events import (
    DelegationForm,
    EventForm,
    ExpertProfileForm,
    SessionForm,
)
from cadis.apps.exchange.models import Event, Expert
from cadis.apps.exchange.services import events as event_services
from cadis.platform.scope import can_change, can_edit
from cadis.platform.views import shown_as_message, shown_on


@login_required
def event_edit(request, pk: int | None = None):
    event = get_object_or_404(selectors.events_visible(request.user), pk=pk) if pk else None
    if not can_edit(request.user, event):
        raise DjangoPermissionDenied
    # Forms work on their own copy: the services snapshot the record before changing it.
    form = EventForm(
        request.POST or None, instance=Event.objects.get(pk=event.pk) if event else None
    )
    if request.method == "POST" and form.is_valid():
        countries = list(form.cleaned_data["participating_countries"])
        with shown_on(form) as outcome:
            if event is None:
                event = services.event_create(
                    actor=request.user, data=form.data_for_service(), countries=countries
                )
            else:
                event = event_services.event_update(
                    actor=request.user,
                    event=event,
                    data=form.data_for_service(),
                    countries=countries,
                )
        if outcome.ok:
            messages.success(request, _("The event is saved."))
            return redirect("exchange:event", pk=event.pk)
    return render(request, "exchange/event_form.html", {"form": form, "event": event})


def _owned_event(request, pk: int):
    event = get_object_or_404(selectors.events_visible(request.user), pk=pk)
    if not can_change(request.user, event):
        raise DjangoPermissionDenied
    return event


def _run(request, event, form, action, success: str):
    if not form.is_valid():
        messages.error(request, _("Check the form: %(errors)s") % {"errors": form.errors.as_text()})
    else:
        with shown_as_message(request) as outcome:
            action(form.cleaned_data)
        if outcome.ok:
            messages.success(request, success)
    return redirect("exchange:event", pk=event.pk)


@require_POST
@login_required
def session_add(request, pk: int):
    event = _owned_event(request, pk)
    return _run(
        request,
        event,
        SessionForm(request.POST),
        lambda d: event_services.session_add(actor=request.user, event=event, **d),
        _("The session is on the agenda."),
    )


@require_POST
@login_required
def delegation_set(request, pk: int):
    event = _owned_event(request, pk)
    return _run(
        request,
        event,
        DelegationForm(request.POST),
        lambda d: event_services.delegation_set(actor=request.user, event=event, **d),
        _("The delegation is saved."),
    )


@login_required
def expert_profile(request):
    expert = Expert.objects.filter(user=request.user).first()
    form = ExpertProfileForm(
        request.POST or None,
        instance=Expert.objects.get(pk=expert.pk) if expert else None,
        initial={}
        if expert
        else {"full_name": request.user.get_full_name() or request.user.get_username()},
    )
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            event_services.expert_profile_save(actor=request.user, data=form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("Your expert profile is saved."))
            return redirect("exchange:experts")
    return render(request, "exchange/expert_profile.html", {"form": form})
