"""Writes of the early-warning module: detections, alerts, subscriptions (audited, permission-checked)."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cadis.apps.ews.choices import AlertStatus, Category, ProfileSource
from cadis.apps.ews.identify import classification_json, identify
from cadis.apps.ews.jobs import enqueue_signals
from cadis.apps.ews.models import Alert, Detection, Notification, Subscription, SubstanceProfile
from cadis.apps.ews.rules import evaluate_detection
from cadis.apps.reference.geocoding import apply_geocode, apply_place, subdivision_for
from cadis.platform import audit, scope
from cadis.platform.crud import apply_fields, new_record, save_created, scoped_update
from cadis.platform.errors import Conflict, PermissionDenied, ValidationError
from cadis.platform.records import Confidentiality, SourceKind

logger = logging.getLogger(__name__)

DETECTION_FIELDS = (
    "detected_on",
    "laboratory",
    "subdivision",
    "place",
    "sample_type",
    "methods",
    "reported_name",
    "structure_input",
    "quantity",
    "quantity_unit",
    "purity",
    "seizure_ref",
    "intoxications",
    "deaths",
    "notes",
    "confidentiality",
)
ALERT_TEXT_FIELDS = (
    "title",
    "risk_type",
    "risk_origin",
    "event_date",
    "event_place",
    "exposure",
    "analytical_data",
    "toxicological_data",
    "identification_methods",
    "health_risks",
    "social_risks",
    "measures",
    "other_information",
    "countries",
    "category",
)


def _profile_for(result, reported_name: str) -> SubstanceProfile:
    """The library profile identified, or a new (unreviewed) profile for an unknown structure."""
    if result.known is not None:
        found = SubstanceProfile.objects.filter(inchikey=result.known.inchikey).first()
        if found is not None:
            return found
    profile = SubstanceProfile.objects.filter(inchikey=result.inchikey).first()
    if profile is not None:
        return profile
    name = result.known.name_en if result.known else (reported_name.strip() or result.formula or "")
    return SubstanceProfile.objects.create(
        name_en=name[:300] or result.inchikey,
        name_ru=reported_name.strip()[:300],
        smiles=result.smiles,
        inchikey=result.inchikey,
        formula=result.formula or "",
        category=result.category or Category.OTHER,
        in_library=False,
        source=ProfileSource.DETECTION,
    )


@transaction.atomic
def detection_create(
    *,
    actor,
    country,
    organisation,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> tuple[Detection, Alert | None]:
    """Record a detection, identify its substance, and evaluate the alert rules."""
    detection = new_record(
        Detection,
        actor=actor,
        country=country,
        organisation=organisation,
        source_kind=source_kind,
        source_detail=source_detail,
        denied=_("You may not report detections for this organisation."),
    )
    values = {k: v for k, v in data.items() if k in DETECTION_FIELDS}
    text = (values.get("structure_input") or "").strip() or (
        values.get("reported_name") or ""
    ).strip()
    result = identify(text)
    purity = values.get("purity")
    if purity is not None and not 0 <= purity <= 100:
        raise ValidationError(_("Purity is a percentage between 0 and 100."))
    apply_fields(detection, values, values)
    detection.profile = _profile_for(result, values.get("reported_name") or "")
    detection.inchikey = result.inchikey
    detection.category = result.category or ""
    detection.classification = classification_json(result)
    apply_geocode(detection, detection.place, country=detection.country.code)
    if detection.subdivision_id is None:
        detection.subdivision = subdivision_for(detection)
    save_created(detection, actor=actor, source_kind=source_kind, source_detail=source_detail)
    alert = evaluate_detection(detection)
    enqueue_signals(country=detection.country.code, detection_id=detection.pk)
    return detection, alert


def _require_focal(actor, alert: Alert) -> None:
    if not scope.speaks_for(actor, alert.country_id):
        raise PermissionDenied(_("Only a focal point of the alert's country may review alerts."))


@transaction.atomic
def alert_update(*, actor, alert: Alert, data: dict[str, Any]) -> Alert:
    _require_focal(actor, alert)
    if alert.status != AlertStatus.DRAFT:
        raise Conflict(_("Only draft alerts can be edited."))
    before = audit.snapshot(alert)
    english = dict(alert.texts_en or {})
    for key, value in data.items():
        if key in ALERT_TEXT_FIELDS:
            if value != getattr(alert, key):
                # The English version the system drafted no longer says the same.
                english.pop(key, None)
                if key == "title":
                    alert.title_en = ""
            setattr(alert, key, value)
    alert.texts_en = english
    alert.save()
    audit.record_update(actor=actor, obj=alert, before=before)
    return alert


@transaction.atomic
def alert_issue(*, actor, alert: Alert, public: bool = True) -> Alert:
    """Issue a draft: it becomes visible (public or restricted), subscribers are notified."""
    _require_focal(actor, alert)
    if alert.status != AlertStatus.DRAFT:
        raise Conflict(_("Only draft alerts can be issued."))
    if not alert.title.strip():
        raise ValidationError(_("An alert needs a title."))
    before = audit.snapshot(alert)
    alert.status = AlertStatus.ISSUED
    alert.issued_at = timezone.now()
    alert.issued_by = actor
    alert.confidentiality = Confidentiality.PUBLIC if public else Confidentiality.RESTRICTED
    alert.save()
    audit.record_update(actor=actor, obj=alert, before=before)
    transaction.on_commit(lambda: notify_subscribers(alert))
    return alert


@transaction.atomic
def alert_withdraw(*, actor, alert: Alert, reason: str) -> Alert:
    _require_focal(actor, alert)
    if alert.status == AlertStatus.WITHDRAWN:
        raise Conflict(_("The alert is already withdrawn."))
    if alert.status == AlertStatus.DISMISSED:
        raise Conflict(_("A dismissed draft cannot be withdrawn."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for withdrawing the alert."))
    before = audit.snapshot(alert)
    alert.status = AlertStatus.WITHDRAWN
    alert.withdrawn_at = timezone.now()
    alert.withdrawal_reason = reason.strip()
    alert.save()
    audit.record_update(actor=actor, obj=alert, before=before)
    return alert


def notify_subscribers(alert: Alert) -> int:
    """In-app notifications and e-mails to subscribers who may see the alert; returns the count."""
    sent = 0
    url = settings.CADIS_BASE_URL.rstrip("/") if hasattr(settings, "CADIS_BASE_URL") else ""
    link = url + reverse("ews:alert_detail", args=[alert.pk])
    for sub in Subscription.objects.select_related("user").filter(user__is_active=True):
        if not sub.matches(alert) or not scope.can_view(sub.user, alert):
            continue
        if sub.in_app:
            Notification.objects.get_or_create(user=sub.user, alert=alert)
        if sub.email and sub.user.email:
            try:
                # In the subscriber's language: a system draft carries its texts in both.
                with translation.override(sub.user.preferred_language or settings.LANGUAGE_CODE):
                    subject = _("cadis alert: %(title)s") % {"title": alert.display_title}
                    body = f"{alert.display_title}\n\n{alert.in_language('risk_type')}\n"
                send_mail(
                    subject=subject,
                    message=f"{body}{alert.health_risks}\n\n{link}",
                    from_email=None,
                    recipient_list=[sub.user.email],
                )
            except OSError:
                logger.exception("alert e-mail to %s failed", sub.user.email)
        sent += 1
    return sent


def subscription_save(
    *, actor, categories: list[str], countries: list[str], in_app: bool, email: bool
) -> Subscription:
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("Sign in to subscribe to alerts."))
    unknown = [c for c in categories if c not in Category.values]
    if unknown:
        raise ValidationError(
            _("Unknown category: %(category)s") % {"category": ", ".join(unknown)}
        )
    sub, _created = Subscription.objects.update_or_create(
        user=actor,
        defaults={
            "categories": categories,
            "countries": countries,
            "in_app": in_app,
            "email": email,
        },
    )
    return sub


def notification_mark_read(*, actor, notification: Notification) -> None:
    if notification.user_id != actor.pk:
        raise PermissionDenied(_("This is not your notification."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


@transaction.atomic
def detection_place_resolve(*, actor, record: Detection, place) -> Detection:
    """A person's choice of the gazetteer place for a detection the geocoder was unsure of."""

    def choose(detection: Detection) -> None:
        apply_place(detection, place)
        if detection.subdivision_id is None:
            detection.subdivision = subdivision_for(detection)

    return scoped_update(
        record,
        actor=actor,
        data={},
        fields=(),
        prepare=choose,
        denied=_("You may not change this detection."),
    )


@transaction.atomic
def alert_dismiss(*, actor, alert: Alert, reason: str) -> Alert:
    """A focal point decides a draft (a signal, a rule) needs no alert, and says why."""
    _require_focal(actor, alert)
    if alert.status != AlertStatus.DRAFT:
        raise Conflict(_("Only draft alerts can be dismissed."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for dismissing the draft."))
    before = audit.snapshot(alert)
    alert.status = AlertStatus.DISMISSED
    alert.dismissed_at = timezone.now()
    alert.dismissal_reason = reason.strip()
    alert.save()
    audit.record_update(actor=actor, obj=alert, before=before)
    return alert
