"""Home-page figures of the precursor module, scoped to the user."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import ngettext

from cadis.apps.precursors import selectors


def precursor_figures(user) -> list[dict]:
    # Each label is read after its number, so it takes the plural form the count needs.
    incidents = selectors.incident_list(actor=user).count()
    figures = [
        {
            "label": ngettext(
                "precursor incident recorded", "precursor incidents recorded", incidents
            ),
            "value": incidents,
            "url": reverse("precursors:incident_list"),
        },
    ]
    if getattr(user, "is_authenticated", False):
        awaiting = selectors.notifications_awaiting(actor=user).count()
        figures.append(
            {
                "label": ngettext(
                    "pre-export notification awaiting a response",
                    "pre-export notifications awaiting a response",
                    awaiting,
                ),
                "value": awaiting,
                "url": reverse("precursors:notification_list") + "?status=sent",
            }
        )
    return figures
