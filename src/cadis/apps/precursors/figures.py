"""Home-page figures of the precursor module, scoped to the user."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from cadis.apps.precursors import selectors


def precursor_figures(user) -> list[dict]:
    figures = [
        {
            "label": _("precursor incidents recorded"),
            "value": selectors.incident_list(actor=user).count(),
            "url": reverse("precursors:incident_list"),
        },
    ]
    if getattr(user, "is_authenticated", False):
        figures.append(
            {
                "label": _("pre-export notifications awaiting a response"),
                "value": selectors.notifications_awaiting(actor=user).count(),
                "url": reverse("precursors:notification_list") + "?status=sent",
            }
        )
    return figures
