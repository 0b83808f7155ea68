from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "cadis.web"
    label = "web"
    verbose_name = _("Web interface")

    def ready(self) -> None:
        from cadis.web import checks  # noqa: F401  (registers the deploy checks)
