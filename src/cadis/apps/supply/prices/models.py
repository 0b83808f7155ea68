"""A price and purity record: what a drug cost and how pure it was, at one market level,
in one place and period, summarised over the purchases or samples observed.

UNODC's annual report questionnaire asks, per drug and per market level (retail, wholesale),
for the typical, minimum and maximum price with its currency and unit, and for the typical,
minimum and maximum purity. We keep the mean and the mode apart (both are "typical" in
practice), the sample sizes, and whether purity is expressed as base or as salt (heroin base
or hydrochloride, cocaine base or hydrochloride).
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cadis.platform.records import ScopedRecord, optional_ref
from cadis.platform.scope import Owner

CURRENCY = RegexValidator(r"^[A-Z]{3}$", _("An ISO 4217 currency code: three capital letters."))
PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class MarketLevel(models.TextChoices):
    RETAIL = "retail", _("Retail (street level)")
    WHOLESALE = "wholesale", _("Wholesale")


class PriceUnit(models.TextChoices):
    GRAM = "g", _("per gram")
    KILOGRAM = "kg", _("per kilogram")
    UNIT = "unit", _("per unit (tablet, dose, blotter)")
    LITRE = "l", _("per litre")


class PurityBasis(models.TextChoices):
    BASE = "base", _("as base")
    SALT = "salt", _("as salt (e.g. hydrochloride)")
    NOT_KNOWN = "not_known", _("not known")


def _price(label):
    return models.DecimalField(label, max_digits=14, decimal_places=2, null=True, blank=True)


def _purity(label):
    return models.DecimalField(
        label, max_digits=5, decimal_places=2, null=True, blank=True, validators=PERCENT
    )


class PriceRecord(ScopedRecord):
    """Price and purity of one drug at one market level, in one place and period."""

    # Owned like any record: its country, organisation and confidentiality level.
    OWNER = Owner()

    substance = models.ForeignKey(
        "reference.Substance", on_delete=models.PROTECT, related_name="+", verbose_name=_("drug")
    )
    form = optional_ref("reference.DrugForm", _("form"))
    market_level = models.CharField(_("market level"), max_length=10, choices=MarketLevel.choices)
    subdivision = optional_ref("reference.Subdivision", _("subdivision"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    year = models.PositiveSmallIntegerField(_("year"), editable=False, db_index=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True, validators=[CURRENCY])
    price_unit = models.CharField(
        _("price unit"), max_length=4, choices=PriceUnit.choices, blank=True
    )
    price_min = _price(_("minimum price"))
    price_max = _price(_("maximum price"))
    price_mean = _price(_("mean price"))
    price_mode = _price(_("most frequent price (mode)"))
    price_sample_size = models.PositiveIntegerField(_("purchases observed"), null=True, blank=True)
    purity_min = _purity(_("minimum purity, %"))
    purity_max = _purity(_("maximum purity, %"))
    purity_mean = _purity(_("mean purity, %"))
    purity_mode = _purity(_("most frequent purity (mode), %"))
    purity_sample_size = models.PositiveIntegerField(_("samples analysed"), null=True, blank=True)
    purity_basis = models.CharField(
        _("purity expressed"), max_length=10, choices=PurityBasis.choices, default="not_known"
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        app_label = "supply"
        ordering = ["-period_end", "substance", "market_level", "id"]
        verbose_name = _("price and purity record")
        verbose_name_plural = _("price and purity records")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="supply_price_period_order",
            ),
            models.CheckConstraint(
                condition=models.Q(purity_min__isnull=True)
                | models.Q(purity_min__gte=0, purity_min__lte=100),
                name="supply_price_purity_min_percent",
            ),
            models.CheckConstraint(
                condition=models.Q(purity_max__isnull=True)
                | models.Q(purity_max__gte=0, purity_max__lte=100),
                name="supply_price_purity_max_percent",
            ),
        ]
        indexes = [
            models.Index(fields=["country", "year", "substance"], name="supply_price_cty_yr_sub")
        ]

    def __str__(self) -> str:
        return f"{self.substance} {self.get_market_level_display()} {self.period_start:%Y-%m}"
