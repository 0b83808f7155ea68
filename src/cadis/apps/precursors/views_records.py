"""Pre-export notification and precursor incident pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from cadis.apps.accounts.errors import CadisError
from cadis.apps.accounts.scope import can_change, scope_of
from cadis.apps.precursors import selectors, services
from cadis.apps.precursors.forms import IncidentForm, NotificationForm, ResponseForm
from cadis.apps.precursors.models import IncidentKind, NotificationStatus


def _page(request, queryset, per_page: int = 50):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def notification_list(request):
    notifications = selectors.notification_list(actor=request.user).prefetch_related(
        "transit_countries"
    )
    status = request.GET.get("status", "")
    if status == "overdue":
        notifications = selectors.notifications_overdue(actor=request.user)
    elif status in NotificationStatus.values:
        notifications = notifications.filter(status=status)
    return render(
        request,
        "precursors/notification_list.html",
        {
            "page": _page(request, notifications),
            "status": status,
            "statuses": NotificationStatus.choices,
            "today": timezone.localdate(),
            "can_write": scope_of(request.user).can_write,
        },
    )


def notification_detail(request, pk: int):
    notification = get_object_or_404(selectors.notification_list(actor=request.user), pk=pk)
    may_change = can_change(request.user, notification)
    statuses = services.notification_statuses_for(request.user, notification)
    return render(
        request,
        "precursors/notification_detail.html",
        {
            "n": notification,
            "responses": notification.responses.all(),
            "may_change": may_change,
            "incidents": selectors.incident_list(actor=request.user).filter(
                notifications=notification
            ),
            "response_form": ResponseForm(notification=notification, statuses=statuses)
            if statuses
            else None,
        },
    )


def _save_form(request, form, save, success: str, template: str, context: dict):
    if request.method == "POST" and form.is_valid():
        try:
            obj = save(form)
        except CadisError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, success)
            return redirect(
                obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else context["next"](obj)
            )
    return render(
        request,
        template,
        {"form": form, **context},
        status=400 if request.method == "POST" else 200,
    )


def _notification_url(obj):
    from django.urls import reverse

    return reverse("precursors:notification_detail", args=[obj.pk])


def _incident_url(obj):
    from django.urls import reverse

    return reverse("precursors:incident_detail", args=[obj.pk])


@login_required
def notification_new(request):
    form = NotificationForm(request.POST or None)
    return _save_form(
        request,
        form,
        lambda f: services.notification_create(actor=request.user, data=f.cleaned_data),
        _("The notification was recorded as a draft."),
        "precursors/notification_form.html",
        {"next": _notification_url, "title": _("New pre-export notification")},
    )


@login_required
def notification_edit(request, pk: int):
    notification = get_object_or_404(selectors.notification_list(actor=request.user), pk=pk)
    if not can_change(request.user, notification):
        messages.error(request, _("You may not change this notification."))
        return redirect(_notification_url(notification))
    # The form works on its own copy: the service snapshots the unchanged record for the audit log.
    form = NotificationForm(
        request.POST or None, instance=selectors.notification_list(actor=request.user).get(pk=pk)
    )
    return _save_form(
        request,
        form,
        lambda f: services.notification_update(
            actor=request.user, notification=notification, data=f.cleaned_data
        ),
        _("The notification was saved."),
        "precursors/notification_form.html",
        {"next": _notification_url, "title": notification.reference},
    )


@login_required
def notification_respond(request, pk: int):
    notification = get_object_or_404(selectors.notification_list(actor=request.user), pk=pk)
    form = ResponseForm(
        request.POST or None,
        notification=notification,
        statuses=services.notification_statuses_for(request.user, notification),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.notification_respond(
                actor=request.user, notification=notification, **form.cleaned_data
            )
        except CadisError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The response was recorded."))
    elif request.method == "POST":
        messages.error(
            request, _("The response is not valid: %(errors)s") % {"errors": form.errors.as_text()}
        )
    return redirect(_notification_url(notification))


def incident_list(request):
    incidents = selectors.incident_list(actor=request.user)
    kind = request.GET.get("kind", "")
    if kind in IncidentKind.values:
        incidents = incidents.filter(kind=kind)
    return render(
        request,
        "precursors/incident_list.html",
        {
            "page": _page(request, incidents),
            "kind": kind,
            "kinds": IncidentKind.choices,
            "can_write": scope_of(request.user).can_write,
        },
    )


def incident_detail(request, pk: int):
    incident = get_object_or_404(selectors.incident_list(actor=request.user), pk=pk)
    return render(
        request,
        "precursors/incident_detail.html",
        {
            "i": incident,
            "may_change": can_change(request.user, incident),
            "results": selectors.linked_results(actor=request.user, incident=incident),
            "notifications": selectors.linked_notifications(actor=request.user, incident=incident),
            "supply_case": selectors.supply_case(
                actor=request.user, case_id=incident.supply_case_id
            ),
        },
    )


def _prefill(request) -> dict:
    """``?result=<id>``: start an incident from a screening hit."""
    result = (
        selectors.visible_results(actor=request.user)
        .filter(pk=request.GET.get("result") or 0)
        .first()
    )
    if result is None:
        return {}
    hit = (result.hits or [{}])[0]
    return {
        "chemical": hit.get("substance", ""),
        "cas": hit.get("cas", ""),
        "result_ids": str(result.pk),
        "description": result.description[:2000],
    }


@login_required
def incident_new(request):
    form = IncidentForm(
        request.POST or None,
        actor=request.user,
        initial=_prefill(request) if request.method == "GET" else None,
    )
    return _save_form(
        request,
        form,
        lambda f: services.incident_create(actor=request.user, data=f.service_data()),
        _("The incident was recorded."),
        "precursors/incident_form.html",
        {"next": _incident_url, "title": _("New precursor incident")},
    )


@login_required
def incident_edit(request, pk: int):
    incident = get_object_or_404(selectors.incident_list(actor=request.user), pk=pk)
    if not can_change(request.user, incident):
        messages.error(request, _("You may not change this incident."))
        return redirect(_incident_url(incident))
    form = IncidentForm(
        request.POST or None,
        instance=selectors.incident_list(actor=request.user).get(pk=pk),
        actor=request.user,
    )
    return _save_form(
        request,
        form,
        lambda f: services.incident_update(
            actor=request.user, incident=incident, data=f.service_data()
        ),
        _("The incident was saved."),
        "precursors/incident_form.html",
        {"next": _incident_url, "title": incident.reference},
    )
