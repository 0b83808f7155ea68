from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cadis.platform.modules import EVERYONE, SIGNED_IN, WRITERS, CadisAppConfig


class PrecursorsConfig(CadisAppConfig):
    name = "cadis.apps.precursors"
    label = "precursors"
    verbose_name = _("Precursor control")
    order = 50
    url_prefix = "precursors/"
    nav_label = _("Precursors")
    nav_url_name = "precursors:home"
    nav_description = _("Screening of trade declarations, pre-export notifications, incidents.")
    nav_order = 20
    home_figures = "cadis.apps.precursors.figures.precursor_figures"
    api_router = "cadis.apps.precursors.api.router"
    detail_pages = {
        "preexportnotification": "precursors:notification_detail",
        "precursorincident": "precursors:incident_detail",
    }
    pages = {
        "precursors:home": EVERYONE,
        "precursors:screening_list": SIGNED_IN,
        "precursors:screening_new": WRITERS,
        "precursors:notification_list": SIGNED_IN,
        "precursors:notification_new": WRITERS,
        "precursors:incident_list": EVERYONE,
        "precursors:incident_new": WRITERS,
    }

    def ready(self) -> None:
        from cadis.apps.precursors import jobs  # noqa: F401  (registers the screening job handler)
