"""Screening jobs and their per-line results, pre-export notifications (PEN) and incidents (PICS)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cadis.apps.precursors.chemical_names import chemical_name
from cadis.apps.precursors.working_days import add_working_days, working_days_between
from cadis.platform.records import JobTracked, ScopedRecord, optional_ref
from cadis.platform.scope import Owner
from cadis.platform.uploads import UnguessableUploadTo

DEFAULT_RESPONSE_DAYS = 15


def response_days_default() -> int:
    """Working days the importing authority has to answer (``CADIS_PEN_RESPONSE_DAYS``)."""
    return int(getattr(settings, "CADIS_PEN_RESPONSE_DAYS", DEFAULT_RESPONSE_DAYS))


# A Harmonized System code: a heading (4 digits) and sub-headings, dots optional (2914.11,
# 291411, 2914.11.00).
HS_CODE = RegexValidator(
    r"^\d{4}(\.?\d{2}){0,3}$", _("An HS code has 4 to 10 digits, e.g. 2914.11.")
)


class ScreeningJob(ScopedRecord, JobTracked):
    """One uploaded declarations file screened against the control lists in force on a date.

    Always confidential: the organisation that ran it and its country's focal point."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    # A worker that restarts a job (after a crash) runs it again from RUNNING.
    MOVES = {
        Status.QUEUED: {Status.RUNNING, Status.FAILED},
        Status.RUNNING: {Status.RUNNING, Status.DONE, Status.FAILED},
    }

    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=UnguessableUploadTo("precursors/declarations"), max_length=300)
    file_name = models.CharField(_("file name"), max_length=255)
    file_size = models.PositiveBigIntegerField(_("file size (bytes)"), default=0)
    screen_country = models.CharField(
        _("national list applied"),
        max_length=2,
        blank=True,
        help_text=_("ISO code of the country whose national list is applied as well."),
    )
    lists_on = models.DateField(_("control lists in force on"), default=timezone.localdate)
    job = models.OneToOneField(
        "jobs.Job",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("job"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    list_version = models.CharField(_("control list version"), max_length=400, blank=True)
    lines = models.PositiveIntegerField(_("lines"), default=0)
    flagged = models.PositiveIntegerField(_("flagged lines"), default=0)
    hits = models.PositiveIntegerField(_("hits"), default=0)
    warnings = models.PositiveIntegerField(_("warnings"), default=0)
    error_code = models.CharField(_("error code"), max_length=40, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("screening job")
        verbose_name_plural = _("screening jobs")

    def __str__(self) -> str:
        return self.title


class ScreeningResult(models.Model):
    """One declaration line with the engine's hits (``hits`` is the engine's JSON)."""

    job = models.ForeignKey(ScreeningJob, on_delete=models.CASCADE, related_name="results")
    row = models.PositiveIntegerField(_("row"))
    line_id = models.CharField(_("line id"), max_length=100)
    description = models.TextField(_("description"))
    hs_code = models.CharField(_("HS code"), max_length=100, blank=True)
    cas = models.CharField("CAS", max_length=100, blank=True)
    quantity = models.CharField(_("quantity"), max_length=50, blank=True)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    origin = models.CharField(_("origin"), max_length=100, blank=True)
    destination = models.CharField(_("destination"), max_length=100, blank=True)
    hits = models.JSONField(_("hits"), default=list, blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    score = models.FloatField(_("score"), default=0.0)
    flagged = models.BooleanField(_("flagged"), default=False)
    # Denormalised for filtering on every database: "|table_I|national:KZ|", "|Acetone|".
    lists = models.CharField(max_length=300, blank=True)
    substances = models.CharField(max_length=1000, blank=True)

    class Meta:
        ordering = ["-flagged", "-score", "row"]
        indexes = [models.Index(fields=["job", "flagged", "score"])]
        verbose_name = _("screening result")
        verbose_name_plural = _("screening results")

    def __str__(self) -> str:
        return f"{self.line_id}: {self.description[:60]}"


class NotificationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    CLEARED = "cleared", _("Cleared")
    OBJECTED = "objected", _("Objected")
    EXPIRED = "expired", _("Expired")


# Allowed moves of the workflow draft -> sent -> acknowledged -> cleared | objected | expired.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    NotificationStatus.DRAFT: (NotificationStatus.SENT,),
    NotificationStatus.SENT: (
        NotificationStatus.ACKNOWLEDGED,
        NotificationStatus.CLEARED,
        NotificationStatus.OBJECTED,
        NotificationStatus.EXPIRED,
    ),
    NotificationStatus.ACKNOWLEDGED: (
        NotificationStatus.CLEARED,
        NotificationStatus.OBJECTED,
        NotificationStatus.EXPIRED,
    ),
    NotificationStatus.CLEARED: (),
    NotificationStatus.OBJECTED: (),
    NotificationStatus.EXPIRED: (),
}


class PreExportNotification(ScopedRecord):
    """A pre-export notification (PEN Online style) sent by the exporting country's authority.

    It exists to be answered by the importing country's authority, so the importing country's
    users read it whatever its confidentiality within the exporting country."""

    OWNER = Owner(readers=("importing_country",))

    reference = models.CharField(_("reference"), max_length=60)
    exporting_country = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("exporting country"),
    )
    exporting_authority = models.CharField(_("exporting authority"), max_length=200)
    importing_country = models.ForeignKey(
        "reference.Country",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("importing country"),
    )
    importing_authority = models.CharField(_("importing authority"), max_length=200, blank=True)
    exporter = models.CharField(_("exporter"), max_length=200)
    importer = models.CharField(_("importer"), max_length=200)
    consignee = models.CharField(_("consignee"), max_length=200, blank=True)
    substance = models.CharField(_("substance"), max_length=200)
    cas = models.CharField("CAS", max_length=20, blank=True)
    quantity = models.DecimalField(_("quantity"), max_digits=14, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=20, default="kg")
    trade_name = models.CharField(_("trade or preparation name"), max_length=200, blank=True)
    hs_code = models.CharField(_("HS code"), max_length=12, blank=True, validators=[HS_CODE])
    concentration = models.DecimalField(
        _("concentration, %"),
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Share of the controlled substance in the product, by weight."),
    )
    pure_quantity = models.DecimalField(
        _("net weight of the pure substance"),
        max_digits=14,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("In the unit of the quantity."),
    )
    package_count = models.PositiveIntegerField(_("number of packages"), null=True, blank=True)
    package_type = models.CharField(
        _("type of package"), max_length=100, blank=True, help_text=_("e.g. drums of 200 l")
    )
    exit_point = models.CharField(
        _("point of exit"),
        max_length=200,
        blank=True,
        help_text=_("Port, airport or border crossing."),
    )
    transit_countries = models.ManyToManyField(
        "reference.Country", blank=True, related_name="+", verbose_name=_("transit countries")
    )
    entry_point = models.CharField(
        _("point of entry"),
        max_length=200,
        blank=True,
        help_text=_("Port, airport or border crossing."),
    )
    transport_mode = optional_ref("reference.TransportMode", _("mode of transport"))
    route = models.TextField(
        _("route notes"),
        blank=True,
        help_text=_("Anything the points and countries above do not say."),
    )
    expected_shipment = models.DateField(_("expected date of shipment"), null=True, blank=True)
    expected_arrival = models.DateField(_("expected date of arrival"), null=True, blank=True)
    export_permit = models.CharField(_("export permit number"), max_length=60, blank=True)
    import_permit = models.CharField(_("import permit number"), max_length=60, blank=True)
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=NotificationStatus.choices,
        default=NotificationStatus.DRAFT,
        db_index=True,
    )
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    response_days = models.PositiveSmallIntegerField(
        _("working days allowed for a response"),
        default=response_days_default,
        help_text=_(
            "Working days of the importing country: weekends and public holidays do not count."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["exporting_country", "reference"], name="precursors_pen_unique_reference"
            )
        ]
        verbose_name = _("pre-export notification")
        verbose_name_plural = _("pre-export notifications")

    def __str__(self) -> str:
        return f"{self.reference}: {chemical_name(self.substance, self.cas)}"

    @property
    def response_due(self) -> dt.date | None:
        """The last working day (of the importing country) on which the reply is on time."""
        if not self.sent_on:
            return None
        return add_working_days(self.sent_on, self.response_days, self.importing_country.code)

    def is_overdue_on(self, today: dt.date) -> bool:
        """Sent, no response yet, and the response period is over."""
        due = self.response_due
        return self.status == NotificationStatus.SENT and due is not None and today > due

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())

    def working_days_overdue_on(self, today: dt.date) -> int:
        """Working days of the importing country past the due date (0 when not overdue)."""
        if not self.is_overdue_on(today):
            return 0
        return working_days_between(self.response_due, today, self.importing_country.code)

    @property
    def working_days_overdue(self) -> int:
        return self.working_days_overdue_on(timezone.localdate())

    @property
    def allowed_statuses(self) -> tuple[str, ...]:
        return TRANSITIONS.get(self.status, ())


class PartyRole(models.TextChoices):
    BROKER = "broker", _("Broker")
    INTERMEDIARY = "intermediary", _("Trading intermediary")
    FREIGHT_FORWARDER = "freight_forwarder", _("Freight forwarder")
    CARRIER = "carrier", _("Carrier")
    AGENT = "agent", _("Agent")
    OTHER = "other", _("Other")


class NotificationIntermediary(models.Model):
    """A party between exporter and importer (broker, forwarder, carrier), in route order."""

    notification = models.ForeignKey(
        PreExportNotification, on_delete=models.CASCADE, related_name="intermediaries"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    role = models.CharField(_("role"), max_length=20, choices=PartyRole.choices)
    name = models.CharField(_("name"), max_length=200)
    country = optional_ref("reference.Country", _("country"))
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        ordering = ["notification", "position", "id"]
        verbose_name = _("intermediary")
        verbose_name_plural = _("intermediaries")

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.name}"


class NotificationResponse(models.Model):
    """A status change with its date: sending, acknowledgement, clearance, objection, expiry."""

    notification = models.ForeignKey(
        PreExportNotification, on_delete=models.CASCADE, related_name="responses"
    )
    status = models.CharField(_("new status"), max_length=15, choices=NotificationStatus.choices)
    responded_on = models.DateField(_("date"))
    responder = models.CharField(_("by (authority)"), max_length=200, blank=True)
    text = models.TextField(_("text"), blank=True)
    created_by = optional_ref(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["responded_on", "id"]
        verbose_name = _("notification response")
        verbose_name_plural = _("notification responses")

    def __str__(self) -> str:
        return f"{self.notification.reference} {self.status} {self.responded_on}"


class IncidentKind(models.TextChoices):
    SEIZURE = "seizure", _("Seizure")
    STOPPED = "stopped_shipment", _("Stopped shipment")
    SUSPENDED = "suspended_shipment", _("Suspended shipment")
    DIVERSION = "diversion", _("Diversion")
    ATTEMPT = "diversion_attempt", _("Attempted diversion")
    LABORATORY = "illicit_laboratory", _("Illicit laboratory")


class PrecursorIncident(ScopedRecord):
    """A precursor incident (PICS style), linked to screening hits, notifications and supply cases."""

    reference = models.CharField(_("reference"), max_length=60)
    kind = models.CharField(_("kind"), max_length=30, choices=IncidentKind.choices)
    occurred_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    chemical = models.CharField(_("chemical"), max_length=200)
    cas = models.CharField("CAS", max_length=20, blank=True)
    quantity = models.DecimalField(
        _("quantity"), max_digits=14, decimal_places=3, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=20, default="kg", blank=True)
    origin_country = optional_ref("reference.Country", _("country of origin"))
    transit_countries = models.ManyToManyField(
        "reference.Country", blank=True, related_name="+", verbose_name=_("transit countries")
    )
    destination_country = optional_ref("reference.Country", _("country of destination"))
    modus_operandi = models.TextField(_("modus operandi"), blank=True)
    companies = models.TextField(_("companies involved"), blank=True)
    description = models.TextField(_("description"), blank=True)
    screening_results = models.ManyToManyField(
        ScreeningResult, blank=True, related_name="incidents", verbose_name=_("screening hits")
    )
    notifications = models.ManyToManyField(
        PreExportNotification,
        blank=True,
        related_name="incidents",
        verbose_name=_("pre-export notifications"),
    )
    # A supply.Case id when the supply app is installed (no foreign key: the app is optional).
    supply_case_id = models.PositiveBigIntegerField(_("supply case"), null=True, blank=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "reference"], name="precursors_incident_unique_reference"
            )
        ]
        verbose_name = _("precursor incident")
        verbose_name_plural = _("precursor incidents")

    def __str__(self) -> str:
        chemical = chemical_name(self.chemical, self.cas)
        return f"{self.reference}: {self.get_kind_display()} ({chemical})"
