"""Events, experts, discussions with notifications, and policy recommendations with their tracking."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from cadis.apps.exchange import choices as c
from cadis.platform.i18n import in_active_language
from cadis.platform.records import ScopedRecord, optional_ref
from cadis.platform.scope import CONFIDENTIAL, RESTRICTED, SIGNED_IN, Owner, Stage


class Event(ScopedRecord):
    title_ru = models.CharField(_("title (Russian)"), max_length=400)
    title_en = models.CharField(_("title (English)"), max_length=400)
    kind = models.CharField(_("kind"), max_length=20, choices=c.EventKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    city = models.CharField(_("city"), max_length=120)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    organisers = models.CharField(_("organisers"), max_length=500)
    summary_ru = models.TextField(_("summary (Russian)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    outcomes_ru = models.TextField(_("outcomes (Russian)"), blank=True)
    outcomes_en = models.TextField(_("outcomes (English)"), blank=True)
    participating_countries = models.ManyToManyField(
        "reference.Country", blank=True, related_name="+", verbose_name=_("participating countries")
    )
    participating_organisations = models.JSONField(
        _("participating organisations"), default=list, blank=True
    )

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_active_language(self, "title")

    @property
    def summary(self) -> str:
        return in_active_language(self, "summary")

    @property
    def outcomes(self) -> str:
        return in_active_language(self, "outcomes")


class Delegation(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="delegations")
    country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    head = models.CharField(_("head of delegation"), max_length=300, blank=True)
    size = models.PositiveSmallIntegerField(_("members"), default=0)
    organisations = models.CharField(_("organisations"), max_length=500, blank=True)

    class Meta:
        ordering = ["country__code"]
        constraints = [
            models.UniqueConstraint(fields=["event", "country"], name="exchange_delegation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.event_id} · {self.country_id}"


class EventSession(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    day = models.DateField(_("day"))
    order = models.PositiveSmallIntegerField(default=0)
    title_ru = models.CharField(_("title (Russian)"), max_length=400)
    title_en = models.CharField(_("title (English)"), max_length=400)
    speakers = models.CharField(_("speakers"), max_length=500, blank=True)
    presentations = models.ManyToManyField(
        "knowledge.Document", blank=True, related_name="+", verbose_name=_("presentations")
    )

    class Meta:
        ordering = ["day", "order", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_active_language(self, "title")


class Expert(ScopedRecord):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expert_profile",
    )
    full_name = models.CharField(_("name"), max_length=200)
    expertise = models.JSONField(_("expertise"), default=list, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=300, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    bio_ru = models.TextField(_("biography (Russian)"), blank=True)
    bio_en = models.TextField(_("biography (English)"), blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self) -> str:
        return self.full_name

    @property
    def bio(self) -> str:
        return in_active_language(self, "bio")


class Thread(models.Model):
    """A discussion, optionally attached to an event, programme, recommendation or substance."""

    # For signed-in users; one about a record with an owner only for those who read the record.
    OWNER = Owner(country=None, organisation=None, level=None, fixed_level=SIGNED_IN, target="target")

    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-last_activity", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def __str__(self) -> str:
        return self.title


class Comment(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("comment"))
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author} · {self.thread}"


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=c.NotificationKind.choices)
    message = models.CharField(max_length=400)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.message


class Recommendation(ScopedRecord):
    """A policy recommendation; ``country``/``organisation`` are the lead country and drafting body.

    Adopted, it is read like any record. In consultation: the signed-in users of the target
    countries, regional analysts and the drafting organisation. A draft: the drafting
    organisation and the focal points of the target countries.
    """

    OWNER = Owner(
        stages=(
            Stage({"status": c.RecommendationStatus.DRAFT}, CONFIDENTIAL, "target_countries"),
            Stage({"status": c.RecommendationStatus.CONSULTATION}, RESTRICTED, "target_countries"),
        )
    )

    title_ru = models.CharField(_("title (Russian)"), max_length=400)
    title_en = models.CharField(_("title (English)"), max_length=400)
    text_ru = models.TextField(_("text (Russian)"))
    text_en = models.TextField(_("text (English)"))
    event = optional_ref(
        Event, _("originating event"), on_delete=models.SET_NULL, related_name="recommendations"
    )
    target_countries = models.ManyToManyField(
        "reference.Country", related_name="+", verbose_name=_("target countries")
    )
    pillar = models.CharField(_("pillar"), max_length=20, choices=c.Pillar.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=c.RecommendationStatus.choices,
        default=c.RecommendationStatus.DRAFT,
        db_index=True,
    )
    programmes = models.ManyToManyField(
        "knowledge.Programme", blank=True, related_name="+", verbose_name=_("programmes")
    )
    documents = models.ManyToManyField(
        "knowledge.Document", blank=True, related_name="+", verbose_name=_("documents")
    )
    indicators = models.JSONField(_("indicators"), default=list, blank=True)
    consultation_opened_at = models.DateTimeField(null=True, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_active_language(self, "title")

    @property
    def text(self) -> str:
        return in_active_language(self, "text")


class RecommendationCriterion(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="criteria"
    )
    criterion = models.CharField(_("criterion"), max_length=20, choices=c.Criterion.choices)
    met = models.BooleanField(_("met"), default=False)
    justification = models.TextField(_("justification"), blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "criterion"], name="exchange_criterion_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recommendation_id} · {self.criterion}"


class Implementation(ScopedRecord):
    """How far one target country has implemented an adopted recommendation."""

    # Read when both the record and its recommendation may be read.
    OWNER = Owner(within=("recommendation",))

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="implementations"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=c.ImplementationStatus.choices,
        default=c.ImplementationStatus.NOT_STARTED,
    )
    responsible_body = models.CharField(_("responsible body"), max_length=300, blank=True)
    indicator = models.CharField(_("indicator"), max_length=300, blank=True)
    indicator_value = models.CharField(_("indicator value"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["recommendation_id", "country__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "country"], name="exchange_impl_unique"
            )
        ]
        verbose_name = _("implementation")
        verbose_name_plural = _("implementations")

    def __str__(self) -> str:
        return f"{self.recommendation_id} · {self.country.code}"


class Milestone(models.Model):
    implementation = models.ForeignKey(
        Implementation, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("milestone"), max_length=300)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title
