from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cadis.platform.modules import EVERYONE, WRITERS, CadisAppConfig


class KnowledgeConfig(CadisAppConfig):
    name = "cadis.apps.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge")
    order = 10
    url_prefix = "knowledge/"
    nav_label = _("Knowledge")
    nav_url_name = "knowledge:home"
    nav_description = _("Evidence-rated prevention and treatment programmes, services, documents.")
    nav_order = 60
    home_figures = "cadis.apps.knowledge.selectors.home_figures"
    api_router = "cadis.apps.knowledge.api.router"
    detail_pages = {"document": "knowledge:document"}
    pages = {
        "knowledge:home": EVERYONE,
        "knowledge:programmes": EVERYONE,
        "knowledge:compare": EVERYONE,
        "knowledge:services": EVERYONE,
        "knowledge:service_new": WRITERS,
        "knowledge:documents": EVERYONE,
        "knowledge:document_upload": WRITERS,
    }
