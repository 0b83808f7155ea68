from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cadis.platform.modules import EVERYONE, REGIONAL_EDITORS, CadisAppConfig


class ReportsConfig(CadisAppConfig):
    name = "cadis.apps.reports"
    label = "reports"
    verbose_name = _("Reports")
    order = 80
    url_prefix = "reports/"
    nav_label = _("Reports")
    nav_url_name = "reports:home"
    nav_description = _("Country profiles, the regional overview and open data.")
    nav_order = 80
    api_router = "cadis.apps.reports.api.router"
    pages = {
        "reports:home": EVERYONE,
        "reports:regional_text_edit": REGIONAL_EDITORS,
    }
