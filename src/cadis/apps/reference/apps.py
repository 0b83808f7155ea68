from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cadis.platform.modules import CadisAppConfig


class ReferenceConfig(CadisAppConfig):
    name = "cadis.apps.reference"
    label = "reference"
    verbose_name = _("Reference data")
    home_figures = "cadis.apps.reference.figures.reference_figures"
    api_router = "cadis.apps.reference.api.router"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from cadis.platform.sqlite import install_unicode_like

        # Searches fold case in every script on SQLite too (see cadis.platform.sqlite).
        connection_created.connect(install_unicode_like, dispatch_uid="cadis.unicode_like")
