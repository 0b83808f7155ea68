"""What an organisation's files mean by their own words: remembered import mappings.

A data clerk maps an unknown or ambiguous value once (in the dry-run page or the API); the
mapping is saved for the organisation and applied to its next files. An exact name or
synonym always wins over a mapping (``cadis.platform.imports.matcher``), so a mapping can only
fill a gap, never contradict the vocabulary. Changes are audited (``import_mappings``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cadis.platform.scope import Owner


class ImportMapping(models.Model):
    """value as written (its comparison key) -> vocabulary entry, for one organisation."""

    OWNER = Owner(level=None)

    # The pseudo-vocabulary of the decimal mark: source is the column, target the convention.
    DECIMAL = "decimal_mark"

    country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", null=True
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("import kind"), max_length=30)
    vocabulary = models.CharField(_("vocabulary"), max_length=30)
    source = models.CharField(_("as written"), max_length=300)
    target = models.CharField(_("read as"), max_length=60)
    target_label = models.CharField(_("read as (label)"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "vocabulary", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "vocabulary", "source"],
                name="unique_import_mapping",
            )
        ]
        verbose_name = _("import mapping")
        verbose_name_plural = _("import mappings")

    def __str__(self) -> str:
        return f"{self.vocabulary}: {self.source} → {self.target_label or self.target}"
