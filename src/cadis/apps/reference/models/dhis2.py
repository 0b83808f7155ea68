"""The mapping of our aggregates to one DHIS2 instance: org units, data elements, combinations.

Each ministry of health runs its own DHIS2, so a mapping belongs to an instance. Our side is
written in our codes: ISO 3166 codes (``KZ``, or ISO 3166-2 ``KZ-75``), indicator codes
(``TDI_CLIENTS``, ``DRD_CASES``...) and disaggregations as ``category=option`` pairs joined
by ``;`` (``age=15-19;sex=female``). The DHIS2 side holds the instance's identifiers (UIDs,
or codes when the instance is addressed with the CODE id scheme) and, for ADX, the category
attributes of a combination (``SEX=F;AGE=Y15-19``). Editable in the admin; the exports read it
through ``cadis.apps.reports.dhis2.mapping_for``.
"""

from __future__ import annotations

import re

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

ISO_3166 = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
PAIRS = re.compile(r"^([a-z_]+=[A-Za-z0-9_.+<-]+)(;[a-z_]+=[A-Za-z0-9_.+<-]+)*$")
ADX_PAIRS = re.compile(
    r"^([A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9_.-]+)(;[A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9_.-]+)*$"
)
DHIS2_ID = re.compile(r"^[A-Za-z0-9_.-]{1,50}$")


def _check(pattern: re.Pattern, message) -> RegexValidator:
    return RegexValidator(pattern.pattern, message)


class Dhis2Instance(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_ru = models.CharField(
        _("name (Russian)"), max_length=200, blank=True, help_text=_("Empty: the name above.")
    )
    data_set = models.CharField(
        _("data set id"),
        max_length=50,
        blank=True,
        validators=[_check(DHIS2_ID, _("Not a DHIS2 id."))],
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        app_label = "reference"
        ordering = ["code"]
        verbose_name = _("DHIS2 instance")
        verbose_name_plural = _("DHIS2 instances")

    def __str__(self) -> str:
        if (get_language() or "ru").startswith("ru") and self.name_ru:
            return self.name_ru
        return self.name


class Dhis2OrgUnit(models.Model):
    instance = models.ForeignKey(Dhis2Instance, on_delete=models.CASCADE, related_name="org_units")
    iso_code = models.CharField(
        _("ISO 3166 code"),
        max_length=6,
        validators=[_check(ISO_3166, _("A country (KZ) or ISO 3166-2 subdivision (KZ-75) code."))],
    )
    dhis2_id = models.CharField(
        _("DHIS2 org unit"), max_length=50, validators=[_check(DHIS2_ID, _("Not a DHIS2 id."))]
    )

    class Meta:
        app_label = "reference"
        ordering = ["instance", "iso_code"]
        verbose_name = _("DHIS2 org unit")
        verbose_name_plural = _("DHIS2 org units")
        constraints = [
            models.UniqueConstraint(fields=["instance", "iso_code"], name="dhis2_ou_unique_iso"),
            models.UniqueConstraint(fields=["instance", "dhis2_id"], name="dhis2_ou_unique_id"),
        ]

    def __str__(self) -> str:
        return f"{self.iso_code} → {self.dhis2_id}"


class Dhis2DataElement(models.Model):
    instance = models.ForeignKey(
        Dhis2Instance, on_delete=models.CASCADE, related_name="data_elements"
    )
    indicator = models.CharField(_("indicator"), max_length=40)
    dhis2_id = models.CharField(
        _("DHIS2 data element"), max_length=50, validators=[_check(DHIS2_ID, _("Not a DHIS2 id."))]
    )

    class Meta:
        app_label = "reference"
        ordering = ["instance", "indicator"]
        verbose_name = _("DHIS2 data element")
        verbose_name_plural = _("DHIS2 data elements")
        constraints = [
            models.UniqueConstraint(fields=["instance", "indicator"], name="dhis2_de_unique_ind"),
            models.UniqueConstraint(fields=["instance", "dhis2_id"], name="dhis2_de_unique_id"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} → {self.dhis2_id}"


class Dhis2Combo(models.Model):
    """A category (or attribute) option combination; empty ``ours`` is the default one."""

    class Kind(models.TextChoices):
        CATEGORY = "category", _("category option combination")
        ATTRIBUTE = "attribute", _("attribute option combination")

    instance = models.ForeignKey(Dhis2Instance, on_delete=models.CASCADE, related_name="combos")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CATEGORY)
    ours = models.CharField(
        _("our disaggregation"),
        max_length=200,
        blank=True,
        validators=[
            _check(PAIRS, _("category=option pairs joined by ';', e.g. age=15-19;sex=female"))
        ],
    )
    dhis2_id = models.CharField(
        _("DHIS2 id"), max_length=50, validators=[_check(DHIS2_ID, _("Not a DHIS2 id."))]
    )
    adx = models.CharField(
        _("ADX category attributes"),
        max_length=200,
        blank=True,
        validators=[_check(ADX_PAIRS, _("NAME=CODE pairs joined by ';', e.g. SEX=F;AGE=Y15-19"))],
    )

    class Meta:
        app_label = "reference"
        ordering = ["instance", "kind", "ours"]
        verbose_name = _("DHIS2 option combination")
        verbose_name_plural = _("DHIS2 option combinations")
        constraints = [
            models.UniqueConstraint(
                fields=["instance", "kind", "ours"], name="dhis2_coc_unique_ours"
            ),
            models.UniqueConstraint(
                fields=["instance", "kind", "dhis2_id"], name="dhis2_coc_unique_id"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ours or 'default'} → {self.dhis2_id}"

    @staticmethod
    def split(text: str) -> tuple[tuple[str, str], ...]:
        """``age=15-19;sex=female`` -> (("age", "15-19"), ("sex", "female")), sorted."""
        return tuple(sorted(tuple(p.split("=", 1)) for p in text.split(";") if p))  # type: ignore[misc]
