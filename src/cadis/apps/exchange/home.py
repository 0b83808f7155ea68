"""Notifications waiting for the signed-in user (home page)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from cadis.apps.exchange.selectors import unread_count


def home_waiting(user) -> list[dict]:
    return [
        {
            "label": _("Unread notifications"),
            "count": unread_count(user),
            "url": reverse("exchange:notifications"),
        }
    ]
