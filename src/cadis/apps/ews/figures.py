from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from cadis.apps.ews import selectors


def ews_figures(user) -> list[dict]:
    return [
        {
            "label": _("substances in the NPS library"),
            "value": selectors.profile_list(library_only=True).count(),
            "url": reverse("ews:profiles"),
        },
        {
            "label": _("NPS detections you can see"),
            "value": selectors.detection_list(user=user).count(),
            "url": reverse("ews:detections"),
        },
        {
            "label": _("issued early-warning alerts"),
            "value": selectors.alert_list(user=user, status="issued").count(),
            "url": reverse("ews:alerts"),
        },
    ]
