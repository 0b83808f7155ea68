from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cadis.platform.modules import EVERYONE, SIGNED_IN, WRITERS, CadisAppConfig


class ExchangeConfig(CadisAppConfig):
    name = "cadis.apps.exchange"
    label = "exchange"
    verbose_name = _("Exchange")
    order = 20
    url_prefix = "exchange/"
    nav_label = _("Exchange")
    nav_url_name = "exchange:home"
    nav_description = _("Events, experts, discussions and policy recommendations.")
    nav_order = 70
    home_figures = "cadis.apps.exchange.selectors.home_figures"
    home_waiting = "cadis.apps.exchange.home.home_waiting"
    api_router = "cadis.apps.exchange.api.router"
    detail_pages = {"event": "exchange:event", "recommendation": "exchange:recommendation"}
    pages = {
        "exchange:home": EVERYONE,
        "exchange:events": EVERYONE,
        "exchange:event_new": WRITERS,
        "exchange:experts": EVERYONE,
        "exchange:expert_profile": SIGNED_IN,
        "exchange:threads": EVERYONE,
        "exchange:thread_new": SIGNED_IN,
        "exchange:notifications": SIGNED_IN,
        "exchange:recommendations": EVERYONE,
        "exchange:recommendation_new": WRITERS,
        "exchange:board": EVERYONE,
    }
