from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cadis.platform.modules import EVERYONE, SIGNED_IN, WRITERS, CadisAppConfig
from cadis.platform.roles import Role


class EwsConfig(CadisAppConfig):
    name = "cadis.apps.ews"
    label = "ews"
    verbose_name = _("Early warning")
    order = 60
    url_prefix = "ews/"
    nav_label = _("Early warning")
    nav_url_name = "ews:home"
    nav_description = _("New psychoactive substances: identification, legal status, alerts.")
    nav_order = 30
    home_figures = "cadis.apps.ews.figures.ews_figures"
    home_waiting = "cadis.apps.ews.home.home_waiting"
    home_panels = "cadis.apps.ews.home.home_panels"
    api_router = "cadis.apps.ews.api.router"
    detail_pages = {
        "alert": "ews:alert_detail",
        "detection": "ews:detection_detail",
        "substanceprofile": "ews:profile_detail",
    }
    pages = {
        "ews:home": EVERYONE,
        "ews:detections": EVERYONE,
        "ews:detection_new": WRITERS,
        "ews:place_review": WRITERS,
        "ews:profiles": EVERYONE,
        "ews:alerts": EVERYONE,
        "ews:spectra": EVERYONE,
        "ews:spectra_contribute": WRITERS,
        "ews:simulator": frozenset({Role.ADMINISTRATOR, Role.FOCAL_POINT}),
        "ews:subscription": SIGNED_IN,
        "ews:notifications": SIGNED_IN,
    }

    def ready(self) -> None:
        from cadis.apps.ews import jobs, signals  # noqa: F401  (job handlers; classifier cache)
