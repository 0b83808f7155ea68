"""Analytical evidence on a detection and the regional spectral library (models).

Imported at the end of `models.py`, so Django registers them with the ews app.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cadis.platform.records import ScopedRecord
from cadis.platform.scope import Owner


class SpectrumFormat(models.TextChoices):
    MSP = "msp", "MSP (NIST)"
    JCAMP = "jcamp", "JCAMP-DX"
    MGF = "mgf", "MGF"
    MANUAL = "manual", _("Entered precursor m/z")


class SpectrumKind(models.TextChoices):
    EI = "ei", _("EI mass spectrum (GC-MS)")
    LC_HRMS = "lc_hrms", _("LC-HRMS precursor")


class ConfidenceLevel(models.TextChoices):
    """The grades of `cadis.engines.spectra.confidence` (SWGDRUG scheme)."""

    CONFIRMED = "confirmed", _("Confirmed (SWGDRUG minimum met, reference standard)")
    IDENTIFIED = "identified", _("Identified (SWGDRUG minimum met)")
    INDICATIVE = "indicative", _("Indicative (short of the SWGDRUG minimum)")
    PRESUMPTIVE = "presumptive", _("Presumptive (Category C tests only)")
    NONE = "none", _("No usable technique")


# Records that belong to a detection are read and changed with their detection.
WITH_DETECTION = Owner(
    country="detection__country",
    organisation="detection__organisation",
    level="detection__confidentiality",
)


class DetectionEvidence(models.Model):
    """How a laboratory identified the substance of one detection, and the grade it earns."""

    OWNER = WITH_DETECTION

    detection = models.OneToOneField(
        "ews.Detection", on_delete=models.CASCADE, related_name="evidence"
    )
    techniques = models.JSONField(
        _("techniques"), default=list, blank=True, help_text=_("Codes of the analytical methods.")
    )
    reference_standard = models.BooleanField(
        _("compared with a reference standard run in the laboratory"), default=False
    )
    reference_standard_note = models.CharField(
        _("reference standard (supplier, lot)"), max_length=300, blank=True
    )
    retention_time = models.FloatField(_("retention time, min"), null=True, blank=True)
    retention_index = models.FloatField(_("retention index"), null=True, blank=True)
    grade = models.CharField(
        _("identification confidence"),
        max_length=12,
        choices=ConfidenceLevel.choices,
        default=ConfidenceLevel.NONE,
    )
    grade_detail = models.JSONField(default=dict, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("analytical evidence")
        verbose_name_plural = _("analytical evidence")

    def __str__(self) -> str:
        return f"{self.detection}: {self.grade}"

    @property
    def retention_used(self) -> bool:
        return self.retention_time is not None or self.retention_index is not None


def spectrum_file_name(instance: object, filename: str) -> str:
    """An unguessable name in the media storage; the original name is kept in the record."""
    return f"ews/spectra/{uuid.uuid4().hex}.txt"


class DetectionSpectrum(models.Model):
    """A spectrum uploaded for a detection (EI file) or an LC-HRMS precursor with its adduct."""

    OWNER = WITH_DETECTION

    detection = models.ForeignKey("ews.Detection", on_delete=models.CASCADE, related_name="spectra")
    kind = models.CharField(_("kind"), max_length=10, choices=SpectrumKind.choices)
    file_format = models.CharField(_("format"), max_length=10, choices=SpectrumFormat.choices)
    file = models.FileField(_("file"), upload_to=spectrum_file_name, blank=True, max_length=200)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    name = models.CharField(_("name in the file"), max_length=300, blank=True)
    peaks = models.JSONField(default=list, blank=True, editable=False)
    precursor_mz = models.FloatField(_("precursor m/z"), null=True, blank=True)
    adduct = models.CharField(_("adduct"), max_length=20, blank=True)
    best_score = models.FloatField(_("best library score"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("detection spectrum")
        verbose_name_plural = _("detection spectra")

    def __str__(self) -> str:
        return self.name or self.file_name or f"{self.kind} {self.pk}"


class ReferenceSpectrum(ScopedRecord):
    """A laboratory's reference EI spectrum of a catalogue substance (the regional library)."""

    profile = models.ForeignKey(
        "ews.SubstanceProfile",
        on_delete=models.PROTECT,
        related_name="reference_spectra",
        verbose_name=_("substance"),
    )
    laboratory = models.CharField(_("laboratory"), max_length=300, blank=True)
    name = models.CharField(_("name in the file"), max_length=300, blank=True)
    file_format = models.CharField(_("format"), max_length=10, choices=SpectrumFormat.choices)
    peaks = models.JSONField(default=list, editable=False)
    instrument = models.CharField(_("instrument and conditions"), max_length=300, blank=True)
    retention_index = models.FloatField(_("retention index"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["profile__name_en", "id"]
        verbose_name = _("reference spectrum")
        verbose_name_plural = _("reference spectra")

    def __str__(self) -> str:
        return f"{self.profile} ({self.laboratory or self.organisation})"

    @property
    def is_synthetic(self) -> bool:
        return self.source_kind == "demo"
