from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "cadis.apps.exchange"
    label = "exchange"
    verbose_name = _("Exchange")

    def ready(self) -> None:
        from cadis.apps.exchange.selectors import home_figures
        from cadis.web.navigation import register_home_figures

        register_home_figures(home_figures)
