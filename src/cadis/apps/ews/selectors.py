"""Reads of the early-warning module, always through the country scope."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from cadis.apps.ews.choices import AlertStatus
from cadis.apps.ews.models import Alert, Detection, Notification, SubstanceProfile
from cadis.platform.scope import visible


def detection_list(
    *,
    user,
    profile: SubstanceProfile | None = None,
    country: str | None = None,
    category: str | None = None,
) -> QuerySet[Detection]:
    qs = visible(
        Detection.objects.select_related("country", "organisation", "profile", "subdivision"), user
    )
    if profile is not None:
        qs = qs.filter(profile=profile)
    if country:
        qs = qs.filter(country__code=country)
    if category:
        qs = qs.filter(category=category)
    return qs


def detection_get(*, user, pk: int) -> Detection | None:
    return detection_list(user=user).filter(pk=pk).first()


def profile_list(
    *, search: str | None = None, category: str | None = None, library_only: bool = False
) -> QuerySet[SubstanceProfile]:
    """The library is public reference knowledge (no detection data)."""
    qs = SubstanceProfile.objects.all()
    if library_only:
        qs = qs.filter(in_library=True)
    if category:
        qs = qs.filter(category=category)
    if search:
        qs = qs.filter(
            Q(name_en__icontains=search)
            | Q(name_ru__icontains=search)
            | Q(synonyms__icontains=search)
            | Q(inchikey__iexact=search)
        )
    return qs


def profile_detection_series(*, user, profile: SubstanceProfile) -> dict:
    """Visible detections of a profile by month and by country."""
    qs = detection_list(user=user, profile=profile)
    by_month = (
        qs.annotate(month=TruncMonth("detected_on"))
        .values("month", "country__code")
        .annotate(n=Count("id"))
        .order_by("month", "country__code")
    )
    by_country = Counter()
    months = []
    for row in by_month:
        months.append(
            {
                "month": row["month"].strftime("%Y-%m"),
                "country": row["country__code"],
                "detections": row["n"],
            }
        )
        by_country[row["country__code"]] += row["n"]
    return {"by_month": months, "by_country": sorted(by_country.items())}


def alert_list(*, user, status: str | None = None) -> QuerySet[Alert]:
    """Alerts the user may read; drafts only for those who may see the country's restricted data."""
    qs = visible(Alert.objects.select_related("profile", "country"), user)
    if status:
        qs = qs.filter(status=status)
    return qs


def alert_get(*, user, pk: int) -> Alert | None:
    return alert_list(user=user).filter(pk=pk).first()


def public_alerts() -> QuerySet[Alert]:
    """Issued public alerts: the feed and anonymous readers."""
    return (
        Alert.objects.filter(status=AlertStatus.ISSUED, confidentiality="public")
        .select_related("profile")
        .order_by("-issued_at", "-id")
    )


def notifications_of(user) -> QuerySet[Notification]:
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(user=user).select_related("alert")


def unread_count(user) -> int:
    return notifications_of(user).filter(read_at__isnull=True).count()


def _summary(seconds: list[float]) -> dict:
    if not seconds:
        return {"n": 0, "median": None, "p90": None}
    ordered = sorted(seconds)
    return {
        "n": len(ordered),
        "median": ordered[len(ordered) // 2],
        "p90": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))],
    }


def alert_latency(*, user, limit: int = 500) -> dict:
    """Among the alerts the user may see (latest ``limit``): seconds from the lab report that
    triggered a draft to the draft, and from the draft to its issue."""
    import datetime as dt

    to_draft, to_issue = [], []
    for alert in alert_list(user=user).order_by("-created_at")[:limit]:
        reported = ((alert.evidence or {}).get("trigger") or {}).get("reported_at")
        if reported:
            delta = alert.created_at - dt.datetime.fromisoformat(reported)
            to_draft.append(max(delta.total_seconds(), 0.0))
        if alert.issued_at:
            to_issue.append((alert.issued_at - alert.created_at).total_seconds())
    return {"report_to_draft": _summary(to_draft), "draft_to_issue": _summary(to_issue)}
