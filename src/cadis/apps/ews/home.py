"""Early warning on the home page: the latest issued alerts, drafts to issue, alerts to read."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from cadis.apps.ews import selectors
from cadis.apps.ews.choices import AlertStatus
from cadis.platform import scope


def home_waiting(user) -> list[dict]:
    drafts = [
        alert
        for alert in selectors.alert_list(user=user, status=AlertStatus.DRAFT)
        if scope.speaks_for(user, alert.country_id)
    ]
    return [
        {"label": _("Draft alerts to issue"), "count": len(drafts), "url": reverse("ews:alerts")},
        {
            "label": _("Unread early-warning alerts"),
            "count": selectors.unread_count(user),
            "url": reverse("ews:notifications"),
        },
    ]


def home_panels(user) -> list[dict]:
    alerts = selectors.alert_list(user=user, status=AlertStatus.ISSUED).order_by(
        "-issued_at", "-id"
    )[:5]
    return [
        {
            "kind": "list",
            "title": _("Latest early-warning alerts"),
            "items": [
                {
                    "title": alert.display_title,
                    "url": reverse("ews:alert_detail", args=[alert.pk]),
                    "date": alert.issued_at,
                }
                for alert in alerts
            ],
            "empty": _("No alerts have been issued."),
            "more_url": reverse("ews:alerts"),
        }
    ]
