from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrecursorsConfig(AppConfig):
    name = "cadis.apps.precursors"
    label = "precursors"
    verbose_name = _("Precursor control")

    def ready(self) -> None:
        from cadis.apps.precursors import jobs  # noqa: F401  (registers the screening job handler)
        from cadis.apps.precursors.figures import precursor_figures
        from cadis.web.navigation import register_home_figures

        register_home_figures(precursor_figures)
