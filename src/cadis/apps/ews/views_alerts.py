"""Pages: alerts (review, issue, withdraw), the Atom feed, subscriptions and notifications."""

from __future__ import annotations

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

from cadis.apps.accounts import scope
from cadis.apps.accounts.errors import CadisError
from cadis.apps.ews import selectors, services
from cadis.apps.ews.choices import AlertStatus
from cadis.apps.ews.forms import AlertForm, SubscriptionForm, WithdrawForm
from cadis.apps.ews.models import Alert, Notification, Subscription


def alert_list(request):
    status = request.GET.get("status") or None
    qs = selectors.alert_list(user=request.user, status=status)
    return render(
        request,
        "ews/alert_list.html",
        {"alerts": qs[:200], "status": status, "statuses": AlertStatus.choices},
    )


def _may_review(user, alert: Alert) -> bool:
    s = scope.scope_of(user)
    return s.is_admin or (s.is_focal_point and scope.can_change(user, alert))


def alert_detail(request, pk: int):
    alert = selectors.alert_get(user=request.user, pk=pk)
    if alert is None:
        raise Http404
    may_review = _may_review(request.user, alert)
    form = None
    if may_review and alert.status == AlertStatus.DRAFT:
        form = AlertForm(request.POST or None, instance=alert)
        if request.method == "POST" and form.is_valid():
            try:
                services.alert_update(actor=request.user, alert=alert, data=form.cleaned_data)
            except CadisError as exc:
                form.add_error(None, exc.message)
            else:
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
        },
    )


@login_required
@require_POST
def alert_issue(request, pk: int):
    alert = selectors.alert_get(user=request.user, pk=pk)
    if alert is None:
        raise Http404
    try:
        services.alert_issue(
            actor=request.user, alert=alert, public=request.POST.get("public") == "1"
        )
    except CadisError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The alert was issued and subscribers were notified."))
    return redirect("ews:alert_detail", pk=alert.pk)


@login_required
@require_POST
def alert_withdraw(request, pk: int):
    alert = selectors.alert_get(user=request.user, pk=pk)
    if alert is None:
        raise Http404
    form = WithdrawForm(request.POST)
    try:
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        services.alert_withdraw(actor=request.user, alert=alert, reason=reason)
    except CadisError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The alert was withdrawn."))
    return redirect("ews:alert_detail", pk=alert.pk)


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
        return item.title

    def item_description(self, item: Alert) -> str:
        parts = [item.risk_type, item.health_risks, item.measures]
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
