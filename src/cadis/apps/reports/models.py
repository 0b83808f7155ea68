"""Text sections of the country profiles and the regional overview, written by focal points."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cadis.platform.records import optional_ref


class ReportText(models.Model):
    """One editable section of a report, per country (empty: the regional overview) and language."""

    class Section(models.TextChoices):
        SUMMARY = "summary", _("Summary")
        TREATMENT = "treatment", _("Treatment demand")
        HARMS = "harms", _("Drug-related harms")
        SUPPLY = "supply", _("Drug supply")
        NOTES = "notes", _("Sources and notes")

    country = optional_ref(
        "reference.Country", _("country"), help_text=_("Empty for the regional overview.")
    )
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    text = models.TextField(_("text"), blank=True)
    updated_by = optional_ref(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["country__code", "section", "language"]
        verbose_name = _("report text")
        verbose_name_plural = _("report texts")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "section", "language"], name="unique_report_text"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country_id or 'region'} {self.section} {self.language}"
