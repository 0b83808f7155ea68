"""Reads of the precursor module, always through the scope rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from cadis.apps.precursors.models import (
    NotificationStatus,
    PrecursorIncident,
    PreExportNotification,
    ScreeningJob,
    ScreeningResult,
)
from cadis.apps.precursors.working_days import add_working_days
from cadis.platform.scope import visible


def screening_job_list(*, actor) -> QuerySet[ScreeningJob]:
    return visible(ScreeningJob.objects.select_related("organisation", "country", "job"), actor)


def screening_results(*, actor, job: ScreeningJob) -> QuerySet[ScreeningResult]:
    if not screening_job_list(actor=actor).filter(pk=job.pk).exists():
        return ScreeningResult.objects.none()
    return ScreeningResult.objects.filter(job=job)


@dataclass(frozen=True)
class ResultFilters:
    list: str = ""
    substance: str = ""
    min_score: float | None = None
    flagged_only: bool = False
    query: str = ""


def filter_results(
    results: QuerySet[ScreeningResult], filters: ResultFilters
) -> QuerySet[ScreeningResult]:
    if filters.list:
        results = results.filter(lists__contains=f"|{filters.list}|")
    if filters.substance:
        results = results.filter(substances__icontains=filters.substance)
    if filters.min_score is not None:
        results = results.filter(score__gte=filters.min_score)
    if filters.flagged_only:
        results = results.filter(flagged=True)
    if filters.query:
        results = results.filter(Q(description__icontains=filters.query) | Q(line_id=filters.query))
    return results.order_by("-flagged", "-score", "row")


def result_facets(results: QuerySet[ScreeningResult]) -> tuple[list[str], list[str]]:
    """The lists and substances that occur among the flagged results (for filter choices)."""
    lists: set[str] = set()
    substances: set[str] = set()
    for lists_text, substances_text in results.filter(flagged=True).values_list(
        "lists", "substances"
    )[:20000]:
        lists.update(x for x in lists_text.split("|") if x)
        substances.update(x for x in substances_text.split("|") if x)
    return sorted(lists), sorted(substances)


def visible_results(*, actor) -> QuerySet[ScreeningResult]:
    """Results of every screening job the user may see (for linking incidents to hits)."""
    return ScreeningResult.objects.filter(job__in=screening_job_list(actor=actor))


def notification_list(*, actor) -> QuerySet[PreExportNotification]:
    """Notifications the user may see, plus those addressed to the user's country.

    A pre-export notification exists to be answered by the importing country's authority,
    so it is shown there whatever its confidentiality within the exporting country.
    """
    return visible(
        PreExportNotification.objects.select_related(
            "exporting_country", "importing_country", "organisation", "country", "transport_mode"
        ),
        actor,
    )


def notifications_awaiting(*, actor) -> QuerySet[PreExportNotification]:
    return notification_list(actor=actor).filter(status=NotificationStatus.SENT)


def notifications_overdue(
    *, actor, today: dt.date | None = None
) -> QuerySet[PreExportNotification]:
    """Sent, never answered, and past the reply deadline: ``response_days`` working days of
    the importing country after ``sent_on``."""
    today = today or timezone.localdate()
    awaiting = notifications_awaiting(actor=actor).filter(sent_on__isnull=False)
    ids = [
        pk
        for pk, sent_on, days, country in awaiting.values_list(
            "pk", "sent_on", "response_days", "importing_country__code"
        )
        if today > add_working_days(sent_on, days, country)
    ]
    return notification_list(actor=actor).filter(pk__in=ids)


def incident_list(*, actor) -> QuerySet[PrecursorIncident]:
    return visible(
        PrecursorIncident.objects.select_related(
            "origin_country", "destination_country", "organisation", "country"
        ),
        actor,
    )


def linked_results(*, actor, incident: PrecursorIncident) -> QuerySet[ScreeningResult]:
    """The incident's screening hits the user may see (screening jobs stay confidential)."""
    return incident.screening_results.filter(
        job__in=screening_job_list(actor=actor)
    ).select_related("job")


def linked_notifications(*, actor, incident: PrecursorIncident) -> QuerySet[PreExportNotification]:
    return incident.notifications.filter(pk__in=notification_list(actor=actor).values("pk"))


def supply_case(*, actor, case_id: int | None):
    """The linked supply case when the supply app is installed and the user may see it."""
    from django.apps import apps

    if case_id is None or not apps.is_installed("cadis.apps.supply"):
        return None
    case_model = apps.get_model("supply", "Case")
    return visible(case_model.objects.all(), actor).filter(pk=case_id).first()
