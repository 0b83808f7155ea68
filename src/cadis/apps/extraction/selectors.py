"""Reads of document intelligence, always through the document's scope."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cadis.apps.extraction.models import ExtractionRun, Fact
from cadis.platform.errors import NotFound
from cadis.platform.scope import can_change, can_view, visible


def documents_with_facts(user, *, query: str = "") -> QuerySet:
    """Library documents the user may read that have an extraction run, newest first."""
    from cadis.apps.knowledge.selectors import document_search, documents_visible

    qs = document_search(user, query=query) if query else documents_visible(user)
    explicit_order = list(qs.query.order_by)  # the search's best-first order on PostgreSQL
    qs = qs.filter(extraction_runs__isnull=False).annotate(
        fact_total=Count("extraction_runs__facts", distinct=True),
        fact_open=Count(
            "extraction_runs__facts",
            filter=Q(extraction_runs__facts__status=Fact.Status.PROPOSED),
            distinct=True,
        ),
    )
    return qs.order_by(*(explicit_order or ["-created_at", "-id"]))


def document_get(user, pk: int):
    from cadis.apps.knowledge.models import Document

    document = Document.objects.select_related("country", "organisation").filter(pk=pk).first()
    if document is None or not can_view(user, document):
        raise NotFound("No such document.")
    return document


def can_review(user, document) -> bool:
    return getattr(user, "is_authenticated", False) and can_change(user, document)


def latest_run(document) -> ExtractionRun | None:
    return document.extraction_runs.select_related("job").first()


def facts_of(run: ExtractionRun | None) -> list[Fact]:
    if run is None:
        return []
    return list(
        run.facts.select_related(
            "document", "reviewer", "record_type", "duplicate_of", "duplicate_of__document"
        )
    )


def fact_get(user, pk: int) -> Fact:
    fact = (
        visible(Fact.objects.all(), user)
        .select_related("document", "document__country", "document__organisation", "run")
        .filter(pk=pk)
        .first()
    )
    if fact is None:
        raise NotFound("No such fact.")
    return fact


def accepted_facts(user) -> QuerySet:
    """Accepted facts (as extracted or with changes) of the documents the user may read."""
    return (
        visible(Fact.objects.all(), user)
        .filter(status__in=(Fact.Status.ACCEPTED, Fact.Status.EDITED))
        .select_related("document", "document__country", "document__organisation")
        .order_by("-reviewed_at", "-id")
    )


def facts_for_record(record) -> list[Fact]:
    """Facts a supply record was created from (its link back to the documents)."""
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(record)
    return list(Fact.objects.filter(record_type=ct, record_id=record.pk).select_related("document"))


def home_figures(user) -> list[dict]:
    proposed = visible(Fact.objects.all(), user).filter(status=Fact.Status.PROPOSED)
    return [
        {
            "label": _("Document facts awaiting review"),
            "value": proposed.count(),
            "url": reverse("extraction:home"),
        }
    ]
