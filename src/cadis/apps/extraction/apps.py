from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cadis.platform.modules import EVERYONE, WRITERS, CadisAppConfig


class ExtractionConfig(CadisAppConfig):
    """Reads library documents (``knowledge.Document``) into facts for review; accepted facts go
    to the module that registered itself as the receiver of their kind (``fact_sinks``).
    Its pages keep the user-facing address /documents/."""

    name = "cadis.apps.extraction"
    label = "extraction"
    verbose_name = _("Document intelligence")
    order = 40
    url_prefix = "documents/"
    nav_label = _("Documents")
    nav_url_name = "extraction:home"
    nav_description = _(
        "Press releases and reports read into facts, reviewed and recorded with their source."
    )
    nav_order = 50
    home_figures = "cadis.apps.extraction.selectors.home_figures"
    home_waiting = "cadis.apps.extraction.home.home_waiting"
    pages = {
        "extraction:home": EVERYONE,
        "extraction:upload": WRITERS,
        "extraction:place_review": WRITERS,
    }

    def ready(self) -> None:
        from cadis.apps.extraction import jobs  # noqa: F401  (registers the job handler)
