"""Pre-export notification and precursor incident pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from cadis.apps.precursors import form_d, pen, selectors, services
from cadis.apps.precursors.forms import (
    IncidentForm,
    IntermediaryFormSet,
    NotificationForm,
    ResponseForm,
    intermediary_rows,
)
from cadis.apps.precursors.models import IncidentKind, NotificationStatus
from cadis.apps.reference.models import Country
from cadis.platform.exports import table_response, xlsx_response
from cadis.platform.scope import can_change, scope_of
from cadis.platform.views import page_of, shown_as_message, shown_on


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
            "page": page_of(request, notifications),
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
        with shown_on(form) as outcome:
            obj = save(form)
        if outcome.ok:
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


def _notification_form(request, form, formset, save, success: str, title: str):
    """The notification with its intermediaries (a formset): saved together or shown again."""
    if request.method == "POST" and form.is_valid() and (formset is None or formset.is_valid()):
        data = dict(form.cleaned_data)
        if formset is not None:
            data["intermediaries"] = intermediary_rows(formset)
        with shown_on(form) as outcome:
            obj = save(data)
        if outcome.ok:
            messages.success(request, success)
            return redirect(_notification_url(obj))
    return render(
        request,
        "precursors/notification_form.html",
        {"form": form, "formset": formset or _intermediaries(None, None), "title": title},
        status=400 if request.method == "POST" else 200,
    )


def _intermediaries(request, instance):
    """The intermediaries formset; None for a post without it (a client that does not send
    intermediaries leaves them as they are)."""
    if request is not None and request.method == "POST":
        if "intermediaries-TOTAL_FORMS" not in request.POST:
            return None
        return IntermediaryFormSet(request.POST, instance=instance, prefix="intermediaries")
    return IntermediaryFormSet(instance=instance, prefix="intermediaries")


@login_required
def notification_new(request):
    return _notification_form(
        request,
        NotificationForm(request.POST or None),
        _intermediaries(request, None),
        lambda data: services.notification_create(actor=request.user, data=data),
        _("The notification was recorded as a draft."),
        _("New pre-export notification"),
    )


@login_required
def notification_edit(request, pk: int):
    notification = get_object_or_404(selectors.notification_list(actor=request.user), pk=pk)
    if not can_change(request.user, notification):
        messages.error(request, _("You may not change this notification."))
        return redirect(_notification_url(notification))
    # The form works on its own copy: the service snapshots the unchanged record for the audit log.
    copy = selectors.notification_list(actor=request.user).get(pk=pk)
    return _notification_form(
        request,
        NotificationForm(request.POST or None, instance=copy),
        _intermediaries(request, copy),
        lambda data: services.notification_update(
            actor=request.user, notification=notification, data=data
        ),
        _("The notification was saved."),
        notification.reference,
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
        with shown_as_message(request) as outcome:
            services.notification_respond(
                actor=request.user, notification=notification, **form.cleaned_data
            )
        if outcome.ok:
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
            "page": page_of(request, incidents),
            "kind": kind,
            "kinds": IncidentKind.choices,
            "can_write": scope_of(request.user).can_write,
            "form_d_year": timezone.localdate().year - 1,
            "form_d_countries": Country.objects.filter(is_central_asia=True).order_by("code"),
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


def notification_export(request, fmt: str):
    """The notifications of the list (same filter) in PEN Online field order, CSV or XLSX."""
    notifications = selectors.notification_list(actor=request.user).prefetch_related(
        "transit_countries", "intermediaries__country"
    )
    status = request.GET.get("status", "")
    if status == "overdue":
        notifications = selectors.notifications_overdue(actor=request.user).prefetch_related(
            "transit_countries", "intermediaries__country"
        )
    elif status in NotificationStatus.values:
        notifications = notifications.filter(status=status)
    return table_response(fmt, "pen-online", pen.header(), pen.rows(notifications))


def form_d_workbook(request, code: str, year: int):
    """INCB Form D seizure tables of a country-year from the records the reader may see."""
    country = get_object_or_404(Country, code=code.upper(), is_central_asia=True)
    if not 1990 <= year <= 2100:
        raise Http404
    return xlsx_response(
        f"cadis-{country.code}-{year}-form-d", form_d.workbook_sheets(request.user, country, year)
    )
