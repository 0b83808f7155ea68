from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    name = "cadis.apps.reference"
    label = "reference"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from cadis.apps.reference.figures import reference_figures
        from cadis.web.navigation import register_home_figures

        register_home_figures(reference_figures)
