from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from cadis.apps.supply.models import Seizure
from cadis.platform.scope import visible


def supply_figures(user) -> list[dict]:
    return [
        {
            "label": _("seizures recorded (that you may see)"),
            "value": visible(Seizure.objects.all(), user).count(),
            "url": reverse("supply:dashboard"),
        }
    ]
