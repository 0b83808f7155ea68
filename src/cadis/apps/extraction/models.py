"""Extraction runs over library documents, and the facts they propose for review.

A document lives in the knowledge library (``knowledge.Document``); access to runs and
facts follows the document's country, organisation and confidentiality.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from cadis.apps.knowledge.choices import Language
from cadis.apps.reference.models import Geocoded
from cadis.platform.records import JobTracked, optional_ref
from cadis.platform.scope import Owner

# Field paths of a fact's owner, for ``cadis.platform.scope.visible``.
# Facts and runs belong to their document (knowledge.Document): its owner, its level.
DOCUMENT_OWNER = Owner(
    country="document__country",
    organisation="document__organisation",
    level="document__confidentiality",
)

FACT_TYPE_LABELS = {
    "seizure": _("Seizure"),
    "precursor_seizure": _("Precursor seizure"),
    "groups_dismantled": _("Groups dismantled"),
    "arrests": _("Arrests"),
    "detained": _("Detained"),
    "prosecuted": _("Prosecuted"),
    "lab_dismantled": _("Laboratory dismantled"),
    "nps_mention": _("New psychoactive substance"),
    "concealment": _("Concealment"),
    "route": _("Route"),
    "trend": _("Trend"),
    "event": _("Event"),
    "organisation": _("Organisation"),
    "country": _("Country"),
}


class ExtractionRun(JobTracked):
    OWNER = DOCUMENT_OWNER

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    # A worker that restarts a job (after a crash) runs it again from RUNNING.
    MOVES = {
        Status.QUEUED: {Status.RUNNING, Status.FAILED},
        Status.RUNNING: {Status.RUNNING, Status.DONE, Status.FAILED},
    }

    document = models.ForeignKey(
        "knowledge.Document",
        on_delete=models.CASCADE,
        related_name="extraction_runs",
        verbose_name=_("document"),
    )
    engine_version = models.CharField(_("engine version"), max_length=40)
    language = models.CharField(_("language"), max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    fact_count = models.PositiveIntegerField(_("facts"), default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("extraction run")
        verbose_name_plural = _("extraction runs")

    @property
    def language_label(self) -> str:
        """The detected language named in the reader's language ("русский", not "ru")."""
        return str(dict(Language.choices).get(self.language, self.language or "?"))

    def __str__(self) -> str:
        return f"{self.document} · {self.engine_version} · {self.get_status_display()}"


class Fact(Geocoded):
    OWNER = DOCUMENT_OWNER

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ACCEPTED = "accepted", _("accepted")
        EDITED = "edited", _("accepted with changes")
        REJECTED = "rejected", _("rejected")

    run = models.ForeignKey(ExtractionRun, on_delete=models.CASCADE, related_name="facts")
    document = models.ForeignKey(
        "knowledge.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    type = models.CharField(_("type"), max_length=30, db_index=True)
    text = models.TextField(_("text"))
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    sentence = models.TextField(_("sentence"), blank=True)
    payload = models.JSONField(_("extracted values"), default=dict)
    edited = models.JSONField(_("values as recorded"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    reviewer = optional_ref(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    record_type = optional_ref(ContentType, on_delete=models.SET_NULL)
    record_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    duplicate_of = optional_ref("self", on_delete=models.SET_NULL)
    duplicate_record_type = optional_ref(ContentType, on_delete=models.SET_NULL)
    duplicate_record_id = models.PositiveBigIntegerField(null=True, blank=True)
    duplicate_record = GenericForeignKey("duplicate_record_type", "duplicate_record_id")
    duplicate_reason = models.CharField(
        _("why it looks like a duplicate"), max_length=300, blank=True
    )
    duplicate_override = models.BooleanField(
        _("recorded despite a probable duplicate"), default=False
    )

    class Meta:
        ordering = ["span_start", "id"]
        indexes = [models.Index(fields=["type", "status"], name="documents_fact_type_status")]
        verbose_name = _("fact")
        verbose_name_plural = _("facts")

    def __str__(self) -> str:
        return f"{self.type}: {self.text[:80]}"

    @property
    def span(self) -> tuple[int, int]:
        return (self.span_start, self.span_end)

    @property
    def written_in(self) -> str:
        """The language of the document where the fact was found ("" when not recorded)."""
        return str((self.payload or {}).get("language") or "")

    @property
    def type_label(self) -> str:
        return str(FACT_TYPE_LABELS.get(self.type, self.type))

    @property
    def is_reviewed(self) -> bool:
        return self.status != self.Status.PROPOSED

    @property
    def is_duplicate(self) -> bool:
        return bool(self.duplicate_of_id or self.duplicate_record_id)
