from __future__ import annotations

from django.utils.translation import ngettext

from cadis.apps.reference import models as ref


def reference_figures(user) -> list[dict]:
    # Each label is read after its number, so it takes the plural form the count needs.
    agencies = ref.Agency.objects.count()
    substances = ref.Substance.objects.count()
    precursors = (
        ref.ControlListEntry.objects.exclude(control_list__kind="national")
        .values("cas")
        .distinct()
        .count()
    )
    return [
        {
            "label": ngettext(
                "agency of the five countries and regional bodies",
                "agencies of the five countries and regional bodies",
                agencies,
            ),
            "value": agencies,
            "url": None,
        },
        {
            "label": ngettext(
                "substance in the vocabulary", "substances in the vocabulary", substances
            ),
            "value": substances,
            "url": None,
        },
        {
            "label": ngettext(
                "controlled precursor on the international lists",
                "controlled precursors on the international lists",
                precursors,
            ),
            "value": precursors,
            "url": None,
        },
    ]
