from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "cadis.apps.documents"
    label = "documents"
    verbose_name = _("Document intelligence")

    def ready(self) -> None:
        from cadis.apps.documents import jobs  # noqa: F401  (registers the job handler)
        from cadis.apps.documents.selectors import home_figures
        from cadis.web.navigation import register_home_figures

        register_home_figures(home_figures)
