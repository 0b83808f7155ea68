"""Programme registry, treatment services directory and document library."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from cadis.apps.knowledge import choices as c
from cadis.platform.i18n import in_active_language
from cadis.platform.records import ScopedRecord, SourceKind, optional_ref


def facet_string(pairs: list[tuple[str, str]]) -> str:
    """``|facet:value|facet:value|``: filterable with a plain substring test on every database."""
    return "|" + "|".join(f"{facet}:{value}" for facet, value in pairs) + "|" if pairs else ""


class Programme(models.Model):
    """A curated, public catalogue entry: an intervention described by the international standards."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    summary_ru = models.TextField(_("summary (Russian)"))
    summary_en = models.TextField(_("summary (English)"))
    area = models.CharField(_("area"), max_length=30, choices=c.Area.choices, db_index=True)
    level = models.CharField(
        _("prevention level"), max_length=20, choices=c.Level.choices, blank=True
    )
    settings = models.JSONField(_("settings"), default=list, blank=True)
    target_group_ru = models.CharField(_("target group (Russian)"), max_length=300)
    target_group_en = models.CharField(_("target group (English)"), max_length=300)
    life_stages = models.JSONField(_("life stages"), default=list, blank=True)
    substances = models.ManyToManyField(
        "reference.Substance", blank=True, related_name="programmes", verbose_name=_("substances")
    )
    standard = models.CharField(
        _("international standard"), max_length=40, choices=c.Standard.choices
    )
    standard_section = models.CharField(_("section of the standard"), max_length=200, blank=True)
    evidence = models.CharField(
        _("evidence rating"), max_length=30, choices=c.Evidence.choices, db_index=True
    )
    evidence_basis_ru = models.TextField(_("evidence basis (Russian)"))
    evidence_basis_en = models.TextField(_("evidence basis (English)"))
    references = models.JSONField(
        _("references"),
        default=list,
        blank=True,
        help_text=_("A list of {title, publisher, year, url}."),
    )
    gender_responsive = models.BooleanField(_("gender-responsive"), default=False)
    gender_notes_ru = models.TextField(_("gender notes (Russian)"), blank=True)
    gender_notes_en = models.TextField(_("gender notes (English)"), blank=True)
    materials = models.JSONField(
        _("materials and manuals"),
        default=list,
        blank=True,
        help_text=_("A list of {title, url, language}."),
    )
    facet_keys = models.TextField(editable=False, blank=True, db_index=False)
    source_kind = models.CharField(
        _("source"), max_length=20, choices=SourceKind.choices, default=SourceKind.SYSTEM
    )
    source_ref = models.JSONField(_("provenance"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["area", "code"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.facet_keys = self.compute_facets()
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        return in_active_language(self, "title")

    @property
    def summary(self) -> str:
        return in_active_language(self, "summary")

    @property
    def target_group(self) -> str:
        return in_active_language(self, "target_group")

    @property
    def evidence_basis(self) -> str:
        return in_active_language(self, "evidence_basis")

    @property
    def gender_notes(self) -> str:
        return in_active_language(self, "gender_notes")

    def setting_labels(self) -> list[str]:
        return [str(c.Setting(s).label) for s in self.settings if s in c.Setting.values]

    def life_stage_labels(self) -> list[str]:
        return [str(c.LifeStage(s).label) for s in self.life_stages if s in c.LifeStage.values]

    def compute_facets(self) -> str:
        pairs = [("area", self.area), ("evidence", self.evidence), ("standard", self.standard)]
        if self.level:
            pairs.append(("level", self.level))
        pairs += [("setting", s) for s in self.settings] + [("stage", s) for s in self.life_stages]
        pairs.append(("gender", "yes" if self.gender_responsive else "no"))
        return facet_string(pairs)


class ProgrammeImplementation(ScopedRecord):
    """Where a programme runs: owned by the country's organisation that reports it."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="implementations",
        verbose_name=_("programme"),
    )
    status = models.CharField(_("status"), max_length=20, choices=c.ImplementationStatus.choices)
    since = models.PositiveSmallIntegerField(_("since (year)"), null=True, blank=True)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["programme__code", "country__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "country", "organisation"], name="knowledge_impl_unique"
            )
        ]
        verbose_name = _("programme implementation")
        verbose_name_plural = _("programme implementations")

    def __str__(self) -> str:
        return f"{self.programme.code} · {self.country.code}"


class TreatmentService(ScopedRecord):
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    subdivision = optional_ref("reference.Subdivision", _("region"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    modalities = models.JSONField(_("modalities"), default=list)
    capacity = models.PositiveIntegerField(_("capacity (places)"), null=True, blank=True)
    serves_women = models.BooleanField(_("services for women"), default=False)
    serves_young_people = models.BooleanField(_("services for young people"), default=False)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    facet_keys = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["country__code", "name_en"]
        verbose_name = _("treatment service")
        verbose_name_plural = _("treatment services")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_active_language(self, "name")

    def modality_labels(self) -> list[str]:
        return [str(c.Modality(m).label) for m in self.modalities if m in c.Modality.values]

    def save(self, *args, **kwargs):
        self.facet_keys = facet_string([("modality", m) for m in self.modalities])
        super().save(*args, **kwargs)


class Document(ScopedRecord):
    """A library document; ``country`` is the owner's, ``countries`` those the document is about."""

    title = models.CharField(_("title"), max_length=500)
    doc_type = models.CharField(
        _("type"), max_length=20, choices=c.DocumentType.choices, default=c.DocumentType.OTHER
    )
    language = models.CharField(
        _("language"), max_length=8, choices=c.Language.choices, default=c.Language.RU
    )
    countries = models.ManyToManyField(
        "reference.Country", blank=True, related_name="+", verbose_name=_("countries concerned")
    )
    topics = models.JSONField(_("topics"), default=list, blank=True)
    published_on = models.DateField(_("date"), null=True, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    file_path = models.CharField(
        _("stored file"),
        max_length=300,
        blank=True,
        help_text=_("The file's name in the media storage (MEDIA_ROOT)."),
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    media_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    text = models.TextField(_("text"), blank=True)
    search_tokens = models.TextField(editable=False, blank=True)

    # The audit log keeps a digest of these, not the whole text of every document.
    audit_exclude = ("text", "search_tokens")
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    def topic_labels(self) -> list[str]:
        return [str(c.Topic(t).label) for t in self.topics if t in c.Topic.values]

    def excerpt(self, length: int = 300) -> str:
        text = " ".join(self.text.split())
        return text[:length] + ("…" if len(text) > length else "")
