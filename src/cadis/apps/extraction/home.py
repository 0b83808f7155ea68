"""Document facts waiting for the signed-in user's review (home page)."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from cadis.apps.extraction.models import Fact
from cadis.apps.extraction.selectors import can_review
from cadis.apps.knowledge.models import Document
from cadis.platform.scope import visible


def home_waiting(user) -> list[dict]:
    proposed = visible(Fact.objects.all(), user).filter(status=Fact.Status.PROPOSED)
    per_document = dict(
        proposed.order_by()
        .values_list("document")
        .annotate(n=Count("id"))
        .values_list("document", "n")
    )
    documents = Document.objects.select_related("country", "organisation").in_bulk(per_document)
    count = sum(n for pk, n in per_document.items() if can_review(user, documents[pk]))
    return [
        {"label": _("Document facts to review"), "count": count, "url": reverse("extraction:home")}
    ]
