from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cadis.platform.modules import EVERYONE, SIGNED_IN, WRITERS, CadisAppConfig


class TreatmentConfig(CadisAppConfig):
    name = "cadis.apps.treatment"
    label = "treatment"
    verbose_name = _("Treatment")
    order = 70
    url_prefix = "treatment/"
    nav_label = _("Treatment")
    nav_url_name = "treatment:home"
    nav_description = _("Treatment demand (TDI), drug-related deaths and infectious diseases.")
    nav_order = 40
    home_figures = "cadis.apps.treatment.selectors.home_figures"
    api_router = "cadis.apps.treatment.api.router"
    detail_pages = {"treatmentepisode": "treatment:episode"}
    pages = {
        "treatment:home": EVERYONE,
        "treatment:episodes": SIGNED_IN,
        "treatment:episode_new": WRITERS,
        "treatment:import": WRITERS,
        "treatment:harms": EVERYONE,
        "treatment:harm_new": WRITERS,
        "treatment:harm_import": WRITERS,
    }
