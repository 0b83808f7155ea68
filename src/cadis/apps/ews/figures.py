from __future__ import annotations

from django.urls import reverse
from django.utils.translation import ngettext

from cadis.apps.ews import selectors


def ews_figures(user) -> list[dict]:
    # Each label is read after its number, so it takes the plural form the count needs.
    library = selectors.profile_list(library_only=True).count()
    detections = selectors.detection_list(user=user).count()
    alerts = selectors.alert_list(user=user, status="issued").count()
    return [
        {
            "label": ngettext(
                "substance in the NPS library", "substances in the NPS library", library
            ),
            "value": library,
            "url": reverse("ews:profiles"),
        },
        {
            "label": ngettext(
                "NPS detection you can see", "NPS detections you can see", detections
            ),
            "value": detections,
            "url": reverse("ews:detections"),
        },
        {
            "label": ngettext("issued early-warning alert", "issued early-warning alerts", alerts),
            "value": alerts,
            "url": reverse("ews:alerts"),
        },
    ]
