"""Reference vocabularies: countries, subdivisions, agencies, substances, units, lists.

Every vocabulary row carries its own names in Russian and English (and fields ready for
the five national languages); ``name`` picks the one of the active language.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cadis.platform.i18n import in_active_language
from cadis.platform.records import optional_ref


class MultilingualName(models.Model):
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_active_language(self, "name")


class NationalLanguageNames(models.Model):
    """Names in the national languages, filled where known."""

    name_kk = models.CharField(_("name (Kazakh)"), max_length=300, blank=True)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300, blank=True)
    name_tg = models.CharField(_("name (Tajik)"), max_length=300, blank=True)
    name_tk = models.CharField(_("name (Turkmen)"), max_length=300, blank=True)
    name_uz = models.CharField(_("name (Uzbek)"), max_length=300, blank=True)

    class Meta:
        abstract = True


class CodedQuerySet(models.QuerySet):
    def get_by_natural_key(self, code: str):
        return self.get(code=code)


CodedManager = models.Manager.from_queryset(CodedQuerySet)


class Coded(models.Model):
    objects = CodedManager()

    class Meta:
        abstract = True

    def natural_key(self) -> tuple[str]:
        return (self.code,)


CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")


class CountryQuerySet(CodedQuerySet):
    def names(self) -> dict[str, str]:
        """``{ISO code: name in the active language}`` of these countries, for labels built
        from codes (a route "Афганистан → Таджикистан"); a person reads names, not codes.
        """
        return {country.code: country.name for country in self.only("code", "name_ru", "name_en")}


class Country(Coded, MultilingualName):
    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    alpha3 = models.CharField(max_length=3, unique=True)
    numeric = models.CharField(max_length=3, blank=True)
    is_central_asia = models.BooleanField(_("Central Asian country"), default=False, db_index=True)

    objects = models.Manager.from_queryset(CountryQuerySet)()

    class Meta:
        ordering = ["-is_central_asia", "name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class Subdivision(Coded, MultilingualName):
    code = models.CharField(_("ISO 3166-2 code"), max_length=10, unique=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="subdivisions")
    kind = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("subdivision")
        verbose_name_plural = _("subdivisions")


class Agency(Coded, MultilingualName):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        LAW_ENFORCEMENT = "law_enforcement", _("Law-enforcement agency")
        CUSTOMS = "customs", _("Customs")
        BORDER_SERVICE = "border_service", _("Border service")
        SECURITY_SERVICE = "security_service", _("Security service")
        PROSECUTOR = "prosecutor", _("Prosecutor's office")
        DRUG_CONTROL_AGENCY = "drug_control_agency", _("Drug control agency")
        FORENSIC_LABORATORY = "forensic_laboratory", _("Forensic laboratory")
        FOCAL_POINT = "focal_point", _("National focal point")
        TREATMENT_CENTRE = "treatment_centre", _("Treatment centre")
        INTERNATIONAL = "international_organisation", _("International organisation")
        COMMISSION = "commission", _("State commission")

    code = models.SlugField(max_length=80, unique=True)
    country = optional_ref(
        Country,
        related_name="agencies",
        help_text=_("Empty for regional and international bodies."),
    )
    abbr_ru = models.CharField(_("abbreviation (Russian)"), max_length=60, blank=True)
    abbr_en = models.CharField(_("abbreviation (English)"), max_length=60, blank=True)
    kind = models.CharField(max_length=40, choices=Kind.choices)
    parent = optional_ref("self", on_delete=models.SET_NULL, related_name="units")

    class Meta:
        ordering = ["country__code", "name_en"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    @property
    def abbr(self) -> str:
        """The abbreviation in the active language, else the name in it (never the code)."""
        english = (get_language() or "ru").startswith("en")
        return (self.abbr_en if english else self.abbr_ru) or str(self.name)


class SubstanceGroup(Coded, MultilingualName):
    """UNODC drug groups (no parent) and subgroups."""

    code = models.SlugField(max_length=80, unique=True)
    parent = optional_ref("self", related_name="subgroups")

    class Meta:
        ordering = ["code"]
        verbose_name = _("substance group")
        verbose_name_plural = _("substance groups")

    @property
    def top_group(self) -> SubstanceGroup:
        return self.parent or self


class NpsCategory(Coded, MultilingualName):
    code = models.SlugField(max_length=40, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("NPS category")
        verbose_name_plural = _("NPS categories")


class TdiDrug(Coded, MultilingualName):
    """TDI 3.0 primary-drug hierarchy (1, 1.1, ... 99) with national additions."""

    code = models.CharField(max_length=40, unique=True)
    parent = optional_ref("self", related_name="children")

    class Meta:
        ordering = ["code"]
        verbose_name = _("TDI drug code")
        verbose_name_plural = _("TDI drug codes")

    @property
    def number(self) -> str:
        """The TDI number a person reads: "4.4" for the national addition "4.4.pregabalin"
        (shown with its name, "Прегабалин (национальная категория)"); the code itself else."""
        parts = self.code.split(".")
        numeric = [part for part in parts if part.isdigit()]
        return ".".join(numeric) if 0 < len(numeric) < len(parts) else self.code


class Substance(Coded, MultilingualName, NationalLanguageNames):
    class Kind(models.TextChoices):
        DRUG = "drug", _("Controlled drug")
        NPS = "nps", _("New psychoactive substance")
        PRECURSOR = "precursor", _("Precursor")
        GROUP_TERM = "group_term", _("Group term used in reports")

    class DefaultUnit(models.TextChoices):
        KG = "kg", _("kilograms")
        COUNT = "count", _("count")

    code = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    group = optional_ref(SubstanceGroup, related_name="substances")
    nps_category = models.ForeignKey(NpsCategory, on_delete=models.PROTECT, null=True, blank=True)
    tdi_code = models.ForeignKey(TdiDrug, on_delete=models.PROTECT, null=True, blank=True)
    default_unit = models.CharField(
        max_length=10, choices=DefaultUnit.choices, default=DefaultUnit.KG
    )
    cas = models.CharField("CAS", max_length=20, blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("substance")
        verbose_name_plural = _("substances")


class SubstanceSynonym(models.Model):
    substance = models.ForeignKey(Substance, on_delete=models.CASCADE, related_name="synonyms")
    lang = models.CharField(max_length=10)
    synonym = models.CharField(max_length=300)

    class Meta:
        ordering = ["substance__code", "lang", "synonym"]
        constraints = [
            models.UniqueConstraint(
                fields=["substance", "lang", "synonym"], name="unique_substance_synonym"
            )
        ]
        verbose_name = _("substance synonym")
        verbose_name_plural = _("substance synonyms")

    def __str__(self) -> str:
        return f"{self.synonym} ({self.lang})"


class Unit(Coded, MultilingualName):
    class Dimension(models.TextChoices):
        MASS = "mass", _("mass")
        VOLUME = "volume", _("volume")
        COUNT = "count", _("count")

    code = models.SlugField(max_length=20, unique=True)
    dimension = models.CharField(max_length=10, choices=Dimension.choices)
    factor_to_base = models.DecimalField(max_digits=20, decimal_places=9)
    base = models.CharField(max_length=10)
    aliases = models.TextField(blank=True, help_text=_("Alternative spellings separated by |"))

    class Meta:
        ordering = ["dimension", "factor_to_base"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")


class ConcealmentMethod(Coded, MultilingualName):
    code = models.SlugField(max_length=60, unique=True)
    description_en = models.TextField(blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("concealment method")
        verbose_name_plural = _("concealment methods")


class TransportMode(Coded, MultilingualName):
    code = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("transport mode")
        verbose_name_plural = _("transport modes")


class DrugForm(Coded, MultilingualName):
    code = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("drug form")
        verbose_name_plural = _("drug forms")


class ControlList(models.Model):
    """One version of a precursor control list (international table, watch list or national list)."""

    class Kind(models.TextChoices):
        TABLE_I = "table_I", _("1988 Convention, Table I")
        TABLE_II = "table_II", _("1988 Convention, Table II")
        WATCH = "watch", _("Watch list of non-scheduled chemicals")
        NATIONAL = "national", _("National list")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, null=True, blank=True)
    name = models.CharField(max_length=200)
    version = models.CharField(max_length=40)
    effective_from = models.DateField()
    effective_to = models.DateField(null=True, blank=True)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["kind", "country__code", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "country", "version"], name="unique_control_list_version"
            )
        ]
        verbose_name = _("control list")
        verbose_name_plural = _("control lists")

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"


class ControlListEntry(models.Model):
    control_list = models.ForeignKey(ControlList, on_delete=models.CASCADE, related_name="entries")
    name_en = models.CharField(max_length=300)
    name_ru = models.CharField(max_length=300, blank=True)
    other_names = models.TextField(blank=True)
    cas = models.CharField("CAS", max_length=20, blank=True)
    hs6 = models.CharField("HS6", max_length=10, blank=True)
    threshold_percent = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    under_control_since = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["control_list", "name_en"]
        verbose_name = _("control list entry")
        verbose_name_plural = _("control list entries")

    def __str__(self) -> str:
        return f"{self.name_en} ({self.cas})"


class ChemicalSynonym(models.Model):
    """Names under which a listed chemical appears in trade (keyed by the parent's CAS)."""

    cas = models.CharField("CAS", max_length=20, db_index=True)
    lang = models.CharField(max_length=10)
    synonym = models.CharField(max_length=300)
    kind = models.CharField(max_length=30, blank=True)

    class Meta:
        ordering = ["cas", "lang", "synonym"]
        constraints = [
            models.UniqueConstraint(
                fields=["cas", "lang", "synonym"], name="unique_chemical_synonym"
            )
        ]
        verbose_name = _("chemical synonym")
        verbose_name_plural = _("chemical synonyms")

    def __str__(self) -> str:
        return f"{self.synonym} ({self.cas})"
