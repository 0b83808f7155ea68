"""Controlled vocabularies of the exchange module."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Conference")
    TRAINING = "training", _("Training")
    WORKING_GROUP = "working_group", _("Working group")
    MEETING = "meeting", _("Meeting")
    WEBINAR = "webinar", _("Webinar")


class Pillar(models.TextChoices):
    PREVENTION = "prevention", _("Prevention")
    TREATMENT = "treatment", _("Treatment")
    HARM_REDUCTION = "harm_reduction", _("Harm reduction")
    SUPPLY_REDUCTION = "supply_reduction", _("Supply reduction")
    CROSS_CUTTING = "cross_cutting", _("Cross-cutting")


class RecommendationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    ADOPTED = "adopted", _("Adopted")


class Criterion(models.TextChoices):
    GENDER = "gender_sensitive", _("Gender-sensitive")
    CONSISTENT = "consistent", _("Consistent with the national strategy")
    BALANCED = "balanced", _("Balanced between supply and demand reduction")
    EVIDENCE = "evidence_based", _("Evidence-based")


class ImplementationStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")
    STALLED = "stalled", _("Stalled")


class NotificationKind(models.TextChoices):
    MENTION = "mention", _("Mention")
    REPLY = "reply", _("Reply")
    CONSULTATION = "consultation", _("Consultation opened")
    ADOPTED = "adopted", _("Recommendation adopted")
