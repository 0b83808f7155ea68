from __future__ import annotations

from django.utils.translation import gettext as _

from cadis.apps.reference import models as ref


def reference_figures(user) -> list[dict]:
    return [
        {
            "label": _("agencies of the five countries and regional bodies"),
            "value": ref.Agency.objects.count(),
            "url": None,
        },
        {
            "label": _("substances in the vocabulary"),
            "value": ref.Substance.objects.count(),
            "url": None,
        },
        {
            "label": _("controlled precursors on the international lists"),
            "value": ref.ControlListEntry.objects.exclude(control_list__kind="national")
            .values("cas")
            .distinct()
            .count(),
            "url": None,
        },
    ]
