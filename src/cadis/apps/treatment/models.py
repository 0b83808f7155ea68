"""Treatment episodes (TDI 3.0), harms indicators (DRD, DRID) and yearly TDI releases.

A client is known only by a pseudonym (see ``pseudonym.py``); no clear identifier, name
or date of birth is ever stored.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cadis.apps.treatment import choices as c
from cadis.engines.stats import AGE_BANDS, AGE_UNKNOWN
from cadis.platform.records import ScopedRecord, optional_ref

AGE_BAND_CHOICES = [(label, label) for label, _low, _high in AGE_BANDS] + [
    (AGE_UNKNOWN, _("Not known")),
    ("all", _("All ages")),
]
SEX_ALL_CHOICES = [*c.Sex.choices, ("all", _("Both sexes"))]


def _choice(label, choices, **kwargs):
    return models.CharField(label, max_length=20, choices=choices, default=c.NOT_KNOWN, **kwargs)


class TreatmentEpisode(ScopedRecord):
    """One treatment episode started in a year, reported by a treatment centre."""

    pseudonym = models.CharField(
        _("client pseudonym"), max_length=64, db_index=True, editable=False
    )
    start_date = models.DateField(_("treatment start date"))
    year = models.PositiveSmallIntegerField(_("year"), db_index=True, editable=False)
    centre_type = _choice(_("centre type"), c.CentreType.choices)
    treatment_status = _choice(_("treatment status"), c.TreatmentStatus.choices)
    sex = _choice(_("sex"), c.Sex.choices)
    nationality = _choice(_("nationality"), c.Nationality.choices)
    age = models.PositiveSmallIntegerField(_("age at treatment entry"), null=True, blank=True)
    referral = _choice(_("referral source"), c.Referral.choices)
    living_with = _choice(_("living with"), c.LivingWith.choices)
    living_with_children = _choice(_("living with children"), c.YesNo.choices)
    living_where = _choice(_("living where"), c.LivingWhere.choices)
    education = _choice(_("education"), c.Education.choices)
    labour_status = _choice(_("labour status"), c.LabourStatus.choices)
    primary_drug = models.ForeignKey(
        "reference.TdiDrug",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("primary drug"),
    )
    route = _choice(_("usual route of administration"), c.Route.choices)
    frequency = _choice(_("frequency of use (last 30 days)"), c.Frequency.choices)
    age_first_use = models.PositiveSmallIntegerField(_("age at first use"), null=True, blank=True)
    secondary_drugs = models.JSONField(
        _("secondary drugs"),
        default=list,
        blank=True,
        help_text=_("Up to three TDI codes; 'alcohol' is allowed here."),
    )
    polydrug = _choice(_("polydrug problem"), c.YesNo.choices)
    injecting = _choice(_("injecting"), c.Injecting.choices)
    age_first_injection = models.PositiveSmallIntegerField(
        _("age at first injection"), null=True, blank=True
    )
    year_first_injection = models.PositiveSmallIntegerField(
        _("year of first injection"), null=True, blank=True
    )
    needle_sharing = _choice(_("needle sharing"), c.NeedleSharing.choices)
    hiv_testing = _choice(_("HIV testing"), c.Testing.choices)
    hiv_result = _choice(_("HIV test result"), c.TestResult.choices)
    hcv_testing = _choice(_("HCV testing"), c.Testing.choices)
    hcv_result = _choice(_("HCV test result"), c.TestResult.choices)
    ost = _choice(_("opioid substitution treatment"), c.Ost.choices)
    year_first_ost = models.PositiveSmallIntegerField(
        _("year of first opioid substitution treatment"), null=True, blank=True
    )
    duplicate_of = optional_ref(
        "self",
        _("possible duplicate of"),
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text=_("An earlier episode of the same client that started less than a year before."),
    )

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("treatment episode")
        verbose_name_plural = _("treatment episodes")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "pseudonym", "start_date"],
                name="unique_episode_per_client_day",
            )
        ]
        indexes = [
            models.Index(fields=["country", "year"]),
            models.Index(fields=["pseudonym", "start_date"]),
        ]

    def __str__(self) -> str:
        return f"TDI {self.start_date:%Y-%m-%d} {self.pseudonym[:8]}"

    @property
    def is_first_in_year(self) -> bool:
        return self.duplicate_of_id is None


class HarmRecord(ScopedRecord):
    """An aggregate harms figure: deaths (DRD) or infections among PWID (DRID)."""

    indicator = models.CharField(_("indicator"), max_length=20, choices=c.HarmIndicator.choices)
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    sex = models.CharField(_("sex"), max_length=20, choices=SEX_ALL_CHOICES, default="all")
    age_band = models.CharField(
        _("age band"), max_length=20, choices=AGE_BAND_CHOICES, default="all"
    )
    substance = optional_ref(
        "reference.TdiDrug", _("substance"), help_text=_("Empty for all substances.")
    )
    cases = models.PositiveIntegerField(
        _("cases"), help_text=_("Deaths (DRD) or people testing positive (DRID).")
    )
    tested = models.PositiveIntegerField(
        _("people tested"),
        null=True,
        blank=True,
        help_text=_(
            "DRID only: people who inject drugs tested, the denominator of the prevalence."
        ),
    )
    source = models.CharField(_("source"), max_length=300)
    data_quality = models.CharField(_("data quality"), max_length=20, choices=c.DataQuality.choices)
    quality_note = models.TextField(_("data-quality note"), blank=True)

    class Meta:
        ordering = ["-year", "indicator", "sex", "age_band"]
        verbose_name = _("harms figure")
        verbose_name_plural = _("harms figures")
        indexes = [models.Index(fields=["country", "indicator", "year"])]

    def __str__(self) -> str:
        return f"{self.get_indicator_display()} {self.year} {self.sex} {self.age_band}"

    @property
    def prevalence(self) -> float | None:
        return 100.0 * self.cases / self.tested if self.tested else None


class TdiRelease(ScopedRecord):
    """A country's TDI year released by its focal point: its suppressed tables become public."""

    year = models.PositiveSmallIntegerField(_("year"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("TDI release")
        verbose_name_plural = _("TDI releases")
        constraints = [
            models.UniqueConstraint(fields=["country", "year"], name="unique_tdi_release")
        ]

    def __str__(self) -> str:
        return f"TDI {self.country_id} {self.year}"


class ImportedAggregate(ScopedRecord):
    """A TDI aggregate received from another system (a DHIS2 import), not from episodes.

    One figure per organisation, indicator, year and disaggregation (``sex=female``, empty for
    the total), so that importing the same file again changes nothing. The DHIS2 export reads
    these figures for a country and year that has no episode rows (``reports.dhis2``).
    """

    indicator = models.CharField(_("indicator"), max_length=40)
    year = models.PositiveSmallIntegerField(_("year"))
    disaggregation = models.CharField(
        _("disaggregation"),
        max_length=200,
        blank=True,
        help_text=_("category=option pairs joined by ';' (empty for the total)."),
    )
    value = models.PositiveIntegerField(_("value"))
    batch = models.CharField(
        _("source batch"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("SHA-256 of the file that last set the value."),
    )

    class Meta:
        ordering = ["-year", "indicator", "disaggregation"]
        verbose_name = _("imported aggregate")
        verbose_name_plural = _("imported aggregates")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "country", "indicator", "year", "disaggregation"],
                name="unique_imported_aggregate",
            )
        ]
        indexes = [models.Index(fields=["country", "indicator", "year"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year} {self.disaggregation or 'total'}"
