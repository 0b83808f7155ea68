from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EwsConfig(AppConfig):
    name = "cadis.apps.ews"
    label = "ews"
    verbose_name = _("Early warning")

    def ready(self) -> None:
        from cadis.apps.ews import signals  # noqa: F401  (invalidates the classifier cache)
        from cadis.apps.ews.figures import ews_figures
        from cadis.web.navigation import register_home_figures

        register_home_figures(ews_figures)
