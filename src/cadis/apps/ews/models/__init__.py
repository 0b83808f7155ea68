"""The substance library, detections, alert rules, alerts, subscriptions and notifications."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cadis.apps.ews.choices import (
    AlertStatus,
    Category,
    Method,
    ProfileSource,
    QuantityUnit,
    RuleKind,
    SampleType,
)
from cadis.apps.reference.models import Geocoded
from cadis.platform.records import ScopedRecord, optional_ref


def split_codes(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


class SubstanceProfile(models.Model):
    """A known substance of the library (seed CSVs, admin, imports) or one first seen in a detection."""

    name_en = models.CharField(_("name (English)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    synonyms = models.TextField(_("synonyms"), blank=True, help_text=_("Separated by |"))
    smiles = models.TextField(_("SMILES"))
    inchikey = models.CharField(_("InChIKey"), max_length=27, unique=True, editable=False)
    formula = models.CharField(_("formula"), max_length=100, blank=True, editable=False)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    international = models.CharField(
        _("international schedule"),
        max_length=100,
        blank=True,
        help_text=_("For example '1971 Schedule II'; empty when not under international control."),
    )
    national = models.CharField(
        _("national listings"),
        max_length=40,
        blank=True,
        help_text=_("Country codes that list it by name, separated by | (* for all five)."),
    )
    substance = optional_ref(
        "reference.Substance", _("reference substance"), on_delete=models.SET_NULL
    )
    in_library = models.BooleanField(
        _("in the identification library"),
        default=True,
        help_text=_("Profiles first seen in a detection join the library once reviewed."),
    )
    source = models.CharField(
        _("source"), max_length=20, choices=ProfileSource.choices, default=ProfileSource.ADMIN
    )
    source_file = models.CharField(_("source file"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("substance profile")
        verbose_name_plural = _("substance profiles")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if (get_language() or "ru").startswith("ru") and self.name_ru:
            return self.name_ru
        return self.name_en

    @property
    def synonym_list(self) -> list[str]:
        return split_codes(self.synonyms)

    @property
    def national_codes(self) -> list[str]:
        codes = split_codes(self.national)
        return ["KZ", "KG", "TJ", "TM", "UZ"] if "*" in codes else codes

    def as_row(self) -> dict[str, str]:
        """The engine's CSV row shape."""
        return {
            "name_en": self.name_en,
            "name_ru": self.name_ru,
            "synonyms": self.synonyms,
            "smiles": self.smiles,
            "category": self.category,
            "international": self.international,
            "national": "|".join(self.national_codes),
        }


class Detection(ScopedRecord, Geocoded):
    """A laboratory's report of a substance found in a sample, identified on submit."""

    detected_on = models.DateField(_("date of detection"))
    laboratory = models.CharField(_("laboratory"), max_length=300, blank=True)
    subdivision = optional_ref("reference.Subdivision", _("subdivision"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    sample_type = models.CharField(_("sample type"), max_length=20, choices=SampleType.choices)
    methods = models.JSONField(_("analytical methods"), default=list, blank=True)
    reported_name = models.CharField(_("substance as reported"), max_length=300, blank=True)
    structure_input = models.TextField(
        _("structure"),
        blank=True,
        help_text=_("SMILES, InChI or MOL block; a library name also works."),
    )
    profile = optional_ref(SubstanceProfile, _("identified substance"), related_name="detections")
    inchikey = models.CharField(max_length=27, blank=True, db_index=True, editable=False)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices, blank=True)
    classification = models.JSONField(_("classification"), default=dict, blank=True, editable=False)
    quantity = models.DecimalField(
        _("quantity"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    quantity_unit = models.CharField(
        _("unit"), max_length=10, choices=QuantityUnit.choices, blank=True
    )
    purity = models.FloatField(_("purity, %"), null=True, blank=True)
    seizure_ref = models.PositiveIntegerField(
        _("linked seizure"),
        null=True,
        blank=True,
        help_text=_("Number of the seizure record in the supply module, when there is one."),
    )
    intoxications = models.PositiveIntegerField(_("intoxications"), default=0)
    deaths = models.PositiveIntegerField(_("deaths"), default=0)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-detected_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(purity__isnull=True) | models.Q(purity__gte=0, purity__lte=100),
                name="ews_detection_purity_percent",
            ),
        ]
        indexes = [models.Index(fields=["inchikey", "detected_on"], name="ews_det_key_date")]
        verbose_name = _("detection")
        verbose_name_plural = _("detections")

    def __str__(self) -> str:
        return f"{self.detected_on} {self.profile or self.reported_name}"

    @property
    def is_synthetic(self) -> bool:
        return self.source_kind == "demo"

    def method_labels(self) -> list[str]:
        labels = dict(Method.choices)
        return [str(labels.get(m, m)) for m in self.methods]

    def seizure(self):
        """The linked supply.Seizure when the supply module is installed and the record exists."""
        from django.apps import apps

        if self.seizure_ref is None or not apps.is_installed("cadis.apps.supply"):
            return None
        return apps.get_model("supply", "Seizure").objects.filter(pk=self.seizure_ref).first()


class AlertRule(models.Model):
    """When detections should produce a draft alert."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=RuleKind.choices)
    threshold = models.PositiveIntegerField(_("N detections"), default=3)
    window_days = models.PositiveIntegerField(_("within M days"), default=30)
    categories = models.JSONField(
        _("categories"), default=list, blank=True, help_text=_("Empty: every category.")
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("alert rule")
        verbose_name_plural = _("alert rules")

    def __str__(self) -> str:
        return self.name


# The free-text fields a system draft fills in (besides the title), kept in English too.
DRAFTED_TEXTS = (
    "risk_type",
    "risk_origin",
    "event_place",
    "exposure",
    "analytical_data",
    "toxicological_data",
    "identification_methods",
    "other_information",
)


class Alert(ScopedRecord):
    """An alert in the shape of the EU Drug Alert System: draft, issued, withdrawn."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AlertStatus.choices,
        default=AlertStatus.DRAFT,
        db_index=True,
    )
    title = models.CharField(_("title"), max_length=300)
    # A draft the system wrote (rules, signals) carries its texts in both languages: the fields
    # hold them in the default language (Russian), these hold the English ones. Editing a text
    # drops its English version, so that what a focal point wrote shows in both languages.
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True, editable=False)
    texts_en = models.JSONField(_("texts (English)"), default=dict, blank=True, editable=False)
    profile = optional_ref(SubstanceProfile, _("substance"), related_name="alerts")
    category = models.CharField(_("category"), max_length=30, choices=Category.choices, blank=True)
    rule = optional_ref(AlertRule, _("rule"), on_delete=models.SET_NULL, related_name="alerts")
    rule_kind = models.CharField(
        _("triggered by"), max_length=20, choices=RuleKind.choices, blank=True
    )
    countries = models.JSONField(_("countries"), default=list, blank=True)
    detections = models.ManyToManyField(Detection, blank=True, related_name="alerts")
    # EU Drug Alert System fields (domain.md).
    risk_type = models.TextField(_("type of risk"), blank=True)
    risk_origin = models.TextField(_("origin of the risk"), blank=True)
    event_date = models.DateField(_("date"), null=True, blank=True)
    event_place = models.CharField(_("place"), max_length=300, blank=True)
    exposure = models.TextField(_("means of exposure"), blank=True)
    analytical_data = models.TextField(_("analytical data"), blank=True)
    toxicological_data = models.TextField(_("toxicological data"), blank=True)
    identification_methods = models.TextField(_("identification methods"), blank=True)
    health_risks = models.TextField(_("health risks"), blank=True)
    social_risks = models.TextField(_("social and safety risks"), blank=True)
    measures = models.TextField(_("measures taken or intended"), blank=True)
    other_information = models.TextField(_("other information"), blank=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    issued_by = optional_ref(settings.AUTH_USER_MODEL, _("issued by"), on_delete=models.SET_NULL)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    dismissed_at = models.DateTimeField(_("dismissed"), null=True, blank=True)
    dismissal_reason = models.TextField(_("reason for dismissal"), blank=True)
    # What the draft rests on (signals.py): records, test, baseline, score, map, identification.
    evidence = models.JSONField(_("evidence"), default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")

    def __str__(self) -> str:
        return self.display_title

    def in_language(self, field: str) -> str:
        """``field``'s text in the active language: the English version the system drafted on
        English pages (while the text is as drafted), the field itself otherwise."""
        if (get_language() or "")[:2] == "en":
            english = self.title_en if field == "title" else (self.texts_en or {}).get(field)
            if english:
                return str(english)
        return str(getattr(self, field))

    @property
    def display_title(self) -> str:
        return self.in_language("title")

    @property
    def shown(self) -> dict[str, str]:
        """The drafted texts in the active language, for templates: ``alert.shown.risk_type``."""
        return {field: self.in_language(field) for field in ("title", *DRAFTED_TEXTS)}


class Subscription(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ews_subscription"
    )
    categories = models.JSONField(
        _("categories"), default=list, blank=True, help_text=_("Empty: every category.")
    )
    countries = models.JSONField(
        _("countries"), default=list, blank=True, help_text=_("Empty: every country.")
    )
    in_app = models.BooleanField(_("in the application"), default=True)
    email = models.BooleanField(_("by e-mail"), default=False)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")

    def __str__(self) -> str:
        return f"{self.user}"

    def matches(self, alert: Alert) -> bool:
        if self.categories and alert.category not in self.categories:
            return False
        return not self.countries or bool(set(self.countries) & set(alert.countries))


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ews_notifications"
    )
    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "alert"], name="ews_notification_once")
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.user}: {self.alert}"


# Analytical evidence and the spectral library live in their own file (registered here).
from cadis.apps.ews.models.evidence import (  # noqa: E402, F401
    DetectionEvidence,
    DetectionSpectrum,
    ReferenceSpectrum,
)
