"""Supply reduction: seizures, cases (with dismantled labs), official period statistics, imports."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cadis.apps.reference.models import Geocoded
from cadis.apps.reference.unit_labels import unit_label
from cadis.platform.records import JobTracked, ScopedRecord, optional_ref
from cadis.platform.scope import Owner
from cadis.platform.uploads import UnguessableUploadTo


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


class NormalisedUnit(models.TextChoices):
    KG = "kg", _("kg")
    COUNT = "count", _("count")


class Resolution(models.TextChoices):
    EXACT = "exact", _("exact name or code")
    SYNONYM = "synonym", _("synonym")
    FUZZY = "fuzzy", _("fuzzy match")
    UNRESOLVED = "unresolved", _("not in the vocabulary")
    CHOSEN = "chosen", _("chosen in a form")


class ImportBatch(JobTracked):
    """One uploaded file: its dry-run report and, once committed, the records it created.

    Confidential: its organisation and the focal point of its country."""

    OWNER = Owner(level=None)

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        CHECKING = "checking", _("Checking")
        CHECKED = "checked", _("Checked")
        COMMITTING = "committing", _("Importing")
        COMMITTED = "committed", _("Imported")
        REJECTED = "rejected", _("Rejected")

    # A file is checked (in the background when large), then committed; a failed commit goes
    # back to checked so that it can be committed again. A rejected file is checked again once
    # the organisation has mapped its unknown values (the dry-run page's fixes).
    MOVES = {
        Status.REJECTED: {Status.CHECKING, Status.CHECKED, Status.REJECTED},
        Status.UPLOADED: {Status.CHECKING, Status.CHECKED, Status.REJECTED},
        Status.CHECKING: {Status.CHECKED, Status.REJECTED},
        Status.CHECKED: {Status.COMMITTING, Status.COMMITTED},
        Status.COMMITTING: {Status.COMMITTED, Status.CHECKED},
    }

    kind = models.CharField(max_length=30, default="seizures")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    country = optional_ref(
        "reference.Country", help_text=_("The organisation's country (default country of rows).")
    )
    confidentiality = models.CharField(_("confidentiality"), max_length=20, default="restricted")
    file = models.FileField(upload_to=UnguessableUploadTo("supply/imports"), max_length=300, blank=True)
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UPLOADED)
    row_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)
    created_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import file")
        verbose_name_plural = _("import files")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"


class Case(ScopedRecord):
    """A criminal case or a (possibly joint, cross-country) operation."""

    reference = models.CharField(_("reference"), max_length=100)
    date_start = models.DateField(_("start date"), null=True, blank=True)
    date_end = models.DateField(_("end date"), null=True, blank=True)
    agencies = models.ManyToManyField(
        "reference.Agency", blank=True, related_name="+", verbose_name=_("agencies")
    )
    operation_name = models.CharField(_("operation name"), max_length=200, blank=True)
    groups_dismantled = models.PositiveIntegerField(_("groups dismantled"), default=0)
    group_members = models.PositiveIntegerField(_("members of the groups"), default=0)
    persons_arrested = models.PositiveIntegerField(_("persons arrested"), default=0)
    persons_prosecuted = models.PositiveIntegerField(_("persons prosecuted"), default=0)
    women = models.PositiveIntegerField(_("of whom women"), default=0)
    minors = models.PositiveIntegerField(_("of whom minors"), default=0)
    foreigners = models.PositiveIntegerField(_("of whom foreigners"), default=0)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["-date_start", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "reference"], name="supply_case_unique_reference"
            )
        ]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return f"{self.reference} {self.operation_name}".strip()


class LabDismantled(models.Model):
    class Kind(models.TextChoices):
        SYNTHETIC = "synthetic", _("Synthetic drug laboratory")
        EXTRACTION = "extraction", _("Extraction (plant-based) laboratory")
        TABLETING = "tableting", _("Tableting or packaging facility")
        CANNABIS_GROW = "cannabis_grow", _("Indoor cannabis cultivation")
        PRECURSOR = "precursor", _("Precursor production")
        OTHER = "other", _("Other")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="labs")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    products = models.CharField(_("what it produced"), max_length=300, blank=True)
    substance = optional_ref("reference.Substance", _("substance"))

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("dismantled laboratory")
        verbose_name_plural = _("dismantled laboratories")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.products}"


class Seizure(ScopedRecord, Geocoded):
    """One seizure event as reported, with its quantity normalised to kg or a count."""

    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    subdivision = optional_ref("reference.Subdivision", _("subdivision"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    agency = optional_ref("reference.Agency", _("agency"))
    substance = optional_ref("reference.Substance", _("substance"))
    substance_group = optional_ref(
        "reference.SubstanceGroup",
        editable=False,
        help_text=_("Top-level group of the substance, kept for analytics."),
    )
    substance_as_written = models.CharField(_("substance as written"), max_length=300)
    substance_resolution = models.CharField(
        max_length=12, choices=Resolution.choices, default=Resolution.CHOSEN
    )
    form = optional_ref("reference.DrugForm", _("form"))
    quantity_as_written = models.CharField(_("quantity as written"), max_length=100)
    unit_as_written = models.CharField(_("unit as written"), max_length=50, blank=True)
    quantity_value = models.FloatField(_("quantity"))
    quantity_unit = models.CharField(_("unit"), max_length=10)
    normalised_quantity = models.FloatField(_("normalised quantity"))
    normalised_unit = models.CharField(
        _("normalised unit"), max_length=5, choices=NormalisedUnit.choices
    )
    conversion_rule = models.CharField(_("conversion rule"), max_length=120)
    purity = models.FloatField(_("purity, %"), null=True, blank=True)
    concealment_methods = models.ManyToManyField(
        "reference.ConcealmentMethod",
        blank=True,
        related_name="+",
        verbose_name=_("concealment methods"),
    )
    transport_mode = optional_ref("reference.TransportMode", _("transport mode"))
    departure_country = optional_ref("reference.Country", _("departure country"))
    transit_countries = models.ManyToManyField(
        "reference.Country", blank=True, related_name="+", verbose_name=_("transit countries")
    )
    destination_country = optional_ref("reference.Country", _("destination country"))
    producing_country = optional_ref("reference.Country", _("producing country"))
    case = optional_ref(Case, _("case"), on_delete=models.SET_NULL, related_name="seizures")
    import_batch = optional_ref(ImportBatch, on_delete=models.SET_NULL, related_name="seizures")
    fingerprint = models.CharField(max_length=64, editable=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "fingerprint"], name="supply_seizure_unique_fingerprint"
            ),
            models.CheckConstraint(
                condition=models.Q(normalised_quantity__gte=0), name="supply_seizure_quantity_ge_0"
            ),
            models.CheckConstraint(
                condition=models.Q(purity__isnull=True) | models.Q(purity__gte=0, purity__lte=100),
                name="supply_seizure_purity_percent",
            ),
        ]
        indexes = [
            # Dashboard aggregates filter by period and country/group and read these columns only.
            models.Index(
                fields=["date", "country", "substance_group"],
                name="supply_sz_date_cty_grp",
                include=[
                    "normalised_unit",
                    "normalised_quantity",
                    "confidentiality",
                    "organisation",
                ],
            ),
            models.Index(fields=["country", "date"], name="supply_sz_cty_date"),
            models.Index(fields=["substance", "date"], name="supply_sz_subst_date"),
            models.Index(fields=["agency", "date"], name="supply_sz_agency_date"),
        ]
        verbose_name = _("seizure")
        verbose_name_plural = _("seizures")

    def __str__(self) -> str:
        return f"{self.date} {self.substance_as_written} {self.quantity_as_written} {self.unit_as_written}".strip()

    @property
    def is_synthetic(self) -> bool:
        return self.source_kind == "demo"


class PeriodStatistic(ScopedRecord):
    """An official aggregate figure for a period; never added to the event records."""

    class Indicator(models.TextChoices):
        QUANTITY_SEIZED = "quantity_seized", _("Quantity seized")
        SEIZURES = "seizures", _("Number of seizures")
        GROUPS_DISMANTLED = "groups_dismantled", _("Groups dismantled")
        GROUP_MEMBERS = "group_members", _("Members of dismantled groups")
        ARRESTS = "arrests", _("Persons arrested")
        LABS_DISMANTLED = "labs_dismantled", _("Laboratories dismantled")
        OFFENCES = "offences", _("Drug-law offences")

    indicator = models.CharField(_("indicator"), max_length=30, choices=Indicator.choices)
    substance = optional_ref("reference.Substance", _("substance"))
    substance_group = optional_ref("reference.SubstanceGroup", _("substance group"))
    value = models.FloatField(_("value"))
    unit = models.CharField(
        _("unit"),
        max_length=20,
        default="count",
        help_text=_("kg for quantities; count for numbers of events, groups or persons."),
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    agency = optional_ref("reference.Agency", _("agency"))
    source_text = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["-period_end", "indicator", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="supply_periodstat_period_order",
            ),
        ]
        verbose_name = _("period statistic")
        verbose_name_plural = _("period statistics")

    def __str__(self) -> str:
        return (
            f"{self.get_indicator_display()} {self.period_start}–{self.period_end}: "
            f"{self.value:g} {unit_label(self.unit)}"
        )


class SeizureRollup(models.Model):
    """Seizures summed by month, owner, confidentiality, substance group and one dimension.

    Derived data, rebuilt per (country, month) bucket by ``rollup.refresh`` in the same
    transaction as every write, so that dashboards over millions of seizures read thousands of
    rows. Carries country, organisation and confidentiality so the country scope applies as is.
    """

    month = models.DateField()
    country = models.ForeignKey("reference.Country", on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    confidentiality = models.CharField(max_length=20)
    substance_group = models.ForeignKey(
        "reference.SubstanceGroup", on_delete=models.CASCADE, null=True, related_name="+"
    )
    dimension = models.CharField(max_length=12)
    key1 = models.BigIntegerField(null=True)
    key2 = models.BigIntegerField(null=True)
    normalised_unit = models.CharField(max_length=5)
    quantity = models.FloatField()
    seizures = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["dimension", "month"], name="supply_rollup_dim_month"),
            models.Index(
                fields=["dimension", "country", "month"], name="supply_rollup_dim_cty_month"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.dimension} {self.key1}/{self.key2}: {self.seizures}"


# Price and purity records live in their own module (supply/prices/); Django finds models here.
from cadis.apps.supply.prices.models import PriceRecord  # noqa: E402, F401
