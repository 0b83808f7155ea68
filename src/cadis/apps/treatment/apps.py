from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TreatmentConfig(AppConfig):
    name = "cadis.apps.treatment"
    label = "treatment"
    verbose_name = _("Treatment")

    def ready(self) -> None:
        from cadis.apps.treatment.selectors import home_figures
        from cadis.web.navigation import register_home_figures

        register_home_figures(home_figures)
