from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupplyConfig(AppConfig):
    name = "cadis.apps.supply"
    label = "supply"
    verbose_name = _("Supply reduction")

    def ready(self) -> None:
        from cadis.apps.supply import jobs  # noqa: F401  (registers the import job handlers)
        from cadis.apps.supply.figures import supply_figures
        from cadis.web.navigation import register_home_figures

        register_home_figures(supply_figures)
