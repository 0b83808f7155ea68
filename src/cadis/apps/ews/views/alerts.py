"""Pages: alerts (review, issue, withdraw), the Atom feed, subscriptions and notifications."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cadis.apps.ews import selectors, services
from cadis.apps.ews.choices import AlertStatus, RuleKind
from cadis.apps.ews.forms import AlertForm, SubscriptionForm, WithdrawForm
from cadis.apps.ews.identify import substance_name_in_language
from cadis.apps.ews.models import Alert, Notification, Subscription
from cadis.platform import scope
from cadis.platform.views import shown_as_message, shown_on


def alert_list(request):
    status = request.GET.get("status") or None
    qs = selectors.alert_list(user=request.user, status=status)
    return render(
        request,
        "ews/alert_list.html",
        {"alerts": qs[:200], "status": status, "statuses": AlertStatus.choices},
    )


def _may_review(user, alert: Alert) -> bool:
    return scope.speaks_for(user, alert.country_id)


def alert_detail(request, pk: int):
    alert = selectors.alert_get(user=request.user, pk=pk)
    if alert is None:
        raise Http404
    may_review = _may_review(request.user, alert)
    form = None
    if may_review and alert.status == AlertStatus.DRAFT:
        form = AlertForm(request.POST or None, instance=alert)
        if request.method == "POST" and form.is_valid():
            with shown_on(form) as outcome:
                services.alert_update(actor=request.user, alert=alert, data=form.cleaned_data)
            if outcome.ok:
                messages.success(request, _("The draft was saved."))
                return redirect("ews:alert_detail", pk=alert.pk)
    return render(
        request,
        "ews/alert_detail.html",
        {
            "alert": alert,
            "form": form,
            "may_review": may_review,
            "withdraw_form": WithdrawForm(),
            "detections": selectors.detection_list(user=request.user).filter(alerts=alert),
            "evidence": alert.evidence,
            "evidence_labels": _evidence_labels(alert.evidence or {}, alert.profile),
            "evidence_map": _evidence_map(alert),
        },
    )


# How the substance of a draft was identified (``evidence.identification.basis``), in words.
IDENTIFICATION_BASES = {
    "library_match": gettext_lazy("exact match in the substance library"),
    "nearest_neighbour": gettext_lazy("nearest known substance"),
    "structural_rule": gettext_lazy("structural family rule"),
    "unidentified": gettext_lazy("not identified"),
}


def _evidence_labels(evidence: dict, profile=None) -> dict[str, str]:
    """The evidence bundle's codes (what triggered the draft, how the substance was
    identified) in words of the active language; an unknown code is shown as it is stored.
    The identified substance is named in the reader's language too."""
    trigger = (evidence.get("trigger") or {}).get("kind") or ""
    basis = (evidence.get("identification") or {}).get("basis") or ""
    kinds = dict(RuleKind.choices)
    identified = evidence.get("identification") or {}
    known = {"name": identified.get("known"), "name_ru": identified.get("known_ru")}
    if "known_ru" not in identified and profile is not None and profile.name_en == known["name"]:
        known["name_ru"] = profile.name_ru  # drafted before the bundle kept the Russian name
    return {
        "trigger": str(kinds.get(trigger, trigger)),
        "basis": str(IDENTIFICATION_BASES.get(basis, basis)),
        "known": substance_name_in_language(known),
    }


# What the circles of an evidence map stand for (``MapPoint.group``: a signal's source).
EVIDENCE_SOURCES = {
    "detections": gettext_lazy("detections"),
    "harms": gettext_lazy("intoxications and deaths"),
    "seizures": gettext_lazy("seizures"),
    "facts": gettext_lazy("facts"),
}


def _map_in_language(spec: dict) -> dict:
    """The stored map with its legends and sources in the reader's words (it was drafted in
    the language of its moment); the figure's caption is its title."""
    spec = copy.deepcopy(spec)
    spec.pop("title", None)
    for layer in spec.get("layer", []):
        encoding = layer.get("encoding") or {}
        if "size" in encoding:
            encoding["size"]["title"] = _("records")
        if "color" in encoding:
            encoding["color"]["title"] = _("source")
        for row in layer.get("data", {}).get("values", []):
            if isinstance(row, dict) and "group" in row:
                row["group"] = str(EVIDENCE_SOURCES.get(row["group"], row["group"]))
    return spec


def _evidence_map(alert) -> dict | None:
    """The map of the records behind a draft, drawn by the chart component."""
    spec = (alert.evidence or {}).get("map")
    if not spec:
        return None
    rows = [
        [r.get("label", ""), r.get("quantity", "")]
        for layer in spec.get("layer", [])
        for r in layer.get("data", {}).get("values", [])
        if isinstance(r, dict) and "lat" in r
    ]
    return {
        "id": "evidence-map",
        "spec_id": "evidence-map-spec",
        "title": _("Where the records behind the alert are"),
        "spec": _map_in_language(spec),
        "columns": [_("Place"), _("records")],
        "rows": rows,
    }


def _close_with_reason(request, pk: int, close, done: str):
    """Dismiss a draft or withdraw an issued alert, with the reason the form gives."""
    alert = selectors.alert_get(user=request.user, pk=pk)
    if alert is None:
        raise Http404
    form = WithdrawForm(request.POST)
    with shown_as_message(request) as outcome:
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        close(actor=request.user, alert=alert, reason=reason)
    if outcome.ok:
        messages.success(request, done)
    return redirect("ews:alert_detail", pk=alert.pk)


@login_required
@require_POST
def alert_dismiss(request, pk: int):
    return _close_with_reason(request, pk, services.alert_dismiss, _("The draft was dismissed."))


@login_required
@require_POST
def alert_issue(request, pk: int):
    alert = selectors.alert_get(user=request.user, pk=pk)
    if alert is None:
        raise Http404
    with shown_as_message(request) as outcome:
        services.alert_issue(
            actor=request.user, alert=alert, public=request.POST.get("public") == "1"
        )
    if outcome.ok:
        messages.success(request, _("The alert was issued and subscribers were notified."))
    return redirect("ews:alert_detail", pk=alert.pk)


@login_required
@require_POST
def alert_withdraw(request, pk: int):
    return _close_with_reason(request, pk, services.alert_withdraw, _("The alert was withdrawn."))


class AlertFeed(Feed):
    """Issued public alerts as Atom (`/ews/alerts/feed/`)."""

    feed_type = Atom1Feed
    title = gettext_lazy("cadis early-warning alerts")
    subtitle = gettext_lazy(
        "Alerts on new psychoactive substances issued by the national focal points."
    )

    def link(self):
        return reverse("ews:alerts")

    def items(self):
        return selectors.public_alerts()[:50]

    def item_title(self, item: Alert) -> str:
        return item.display_title

    def item_description(self, item: Alert) -> str:
        parts = [item.in_language("risk_type"), item.health_risks, item.measures]
        return "\n".join(p for p in parts if p)

    def item_link(self, item: Alert) -> str:
        return reverse("ews:alert_detail", args=[item.pk])

    def item_guid(self, item: Alert) -> str:
        return f"urn:uuid:{item.uid}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Alert):
        return item.issued_at

    def item_updateddate(self, item: Alert):
        return item.updated_at

    def item_categories(self, item: Alert):
        return [item.category, *item.countries] if item.category else item.countries


@login_required
def subscription(request):
    current = Subscription.objects.filter(user=request.user).first()
    initial = (
        {
            "categories": current.categories,
            "countries": current.countries,
            "in_app": current.in_app,
            "email": current.email,
        }
        if current
        else None
    )
    form = SubscriptionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.subscription_save(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your alert subscription was saved."))
        return redirect("ews:subscription")
    return render(request, "ews/subscription.html", {"form": form, "current": current})


@login_required
def notification_list(request):
    return render(
        request,
        "ews/notifications.html",
        {"notifications": selectors.notifications_of(request.user)[:100]},
    )


@login_required
@require_POST
def notification_read(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.notification_mark_read(actor=request.user, notification=notification)
    return redirect("ews:alert_detail", pk=notification.alert_id)
