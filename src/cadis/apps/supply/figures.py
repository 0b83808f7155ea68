from __future__ import annotations

from django.urls import reverse
from django.utils.translation import ngettext

from cadis.apps.supply.models import Seizure
from cadis.platform.scope import visible


def supply_figures(user) -> list[dict]:
    # The label is read after its number, so it takes the plural form the count needs.
    seizures = visible(Seizure.objects.all(), user).count()
    return [
        {
            "label": ngettext(
                "seizure recorded (that you may see)",
                "seizures recorded (that you may see)",
                seizures,
            ),
            "value": seizures,
            "url": reverse("supply:dashboard"),
        }
    ]
