from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "cadis.apps.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge")

    def ready(self) -> None:
        from cadis.apps.knowledge.selectors import home_figures
        from cadis.web.navigation import register_home_figures

        register_home_figures(home_figures)
