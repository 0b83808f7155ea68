from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cadis.platform.modules import EVERYONE, WRITERS, CadisAppConfig

# Document facts supply turns into its records (seizures, statistics, cases); see facts/.
RECORDED_FACT_TYPES = (
    "seizure",
    "precursor_seizure",
    "groups_dismantled",
    "arrests",
    "detained",
    "prosecuted",
    "lab_dismantled",
)


class SupplyConfig(CadisAppConfig):
    name = "cadis.apps.supply"
    label = "supply"
    verbose_name = _("Supply reduction")
    order = 30
    url_prefix = "supply/"
    nav_label = _("Supply reduction")
    nav_url_name = "supply:dashboard"
    nav_description = _(
        "Seizures, cases, dismantled groups and laboratories, routes and concealment."
    )
    nav_order = 10
    home_figures = "cadis.apps.supply.figures.supply_figures"
    home_waiting = "cadis.apps.supply.home.home_waiting"
    home_panels = "cadis.apps.supply.home.home_panels"
    api_router = "cadis.apps.supply.api.router"
    fact_sinks = dict.fromkeys(RECORDED_FACT_TYPES, "cadis.apps.supply.facts.SINK")
    detail_pages = {"seizure": "supply:seizure_detail", "case": "supply:case_detail"}
    pages = {
        "supply:dashboard": EVERYONE,
        "supply:seizure_list": EVERYONE,
        "supply:maps": EVERYONE,
        "supply:seizure_create": WRITERS,
        "supply:case_list": EVERYONE,
        "supply:case_create": WRITERS,
        "supply:statistic_list": EVERYONE,
        "supply:statistic_create": WRITERS,
        "supply:import_upload": WRITERS,
        "supply:place_review": WRITERS,
        "supply:price_list": EVERYONE,
        "supply:price_create": WRITERS,
    }

    def ready(self) -> None:
        from cadis.apps.supply import jobs  # noqa: F401  (registers the import job handlers)
