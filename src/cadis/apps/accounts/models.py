"""Organisations, users with roles, API tokens and the audit log.

The record base (``ScopedRecord``), confidentiality levels and source kinds live in
``cadis.platform.records``; the role vocabulary in ``cadis.platform.roles``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from cadis.platform import audit
from cadis.platform.i18n import in_active_language
from cadis.platform.records import SourceKind, optional_ref
from cadis.platform.roles import Role
from cadis.platform.scope import Owner


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        LAW_ENFORCEMENT = "law_enforcement", _("Law-enforcement agency")
        CUSTOMS = "customs", _("Customs")
        FORENSIC_LABORATORY = "forensic_laboratory", _("Forensic laboratory")
        TREATMENT_CENTRE = "treatment_centre", _("Treatment centre")
        NGO = "ngo", _("NGO")
        INTERNATIONAL = "international_organisation", _("International organisation")
        RESEARCH = "research_institute", _("Research institute")

    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    country = optional_ref(
        "reference.Country",
        _("country"),
        related_name="organisations",
        help_text=_("Empty for regional organisations."),
    )
    agency = optional_ref(
        "reference.Agency", _("agency"), on_delete=models.SET_NULL, related_name="organisations"
    )

    class Meta:
        ordering = ["country__code", "name_en"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_active_language(self, "name")

    @property
    def is_regional(self) -> bool:
        return self.country_id is None


class User(AbstractUser):
    organisation = optional_ref(Organisation, _("organisation"), related_name="users")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, default=Role.ANALYST)
    preferred_language = models.CharField(max_length=5, choices=settings.LANGUAGES, default="ru")

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def country_id(self) -> int | None:
        return self.organisation.country_id if self.organisation_id else None


class ApiToken(models.Model):
    class Access(models.TextChoices):
        READ = "read", _("Read only")
        READ_WRITE = "read_write", _("Read and write")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    key_hash = models.CharField(max_length=64)
    access = models.CharField(
        _("access"), max_length=12, choices=Access.choices, default=Access.READ
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class AuditEntry(models.Model):
    Action = audit.Action
    # Administrators read the whole log; a focal point the entries about their country.
    OWNER = Owner(organisation=None, level=None)

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    actor_repr = models.CharField(max_length=200)
    action = models.CharField(max_length=10, choices=Action.choices)
    object_type = models.CharField(max_length=100, db_index=True)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    country = models.ForeignKey(
        "reference.Country", on_delete=models.SET_NULL, null=True, blank=True
    )
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    source_kind = models.CharField(max_length=20, choices=SourceKind.choices)
    source_detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_repr} {self.action} {self.object_repr}"

    @property
    def actor_label(self) -> str:
        """Who acted, as the log shows it: the username, or "System" in the reader's language."""
        if self.actor_id is None and self.actor_repr == audit.SYSTEM_ACTOR:
            return str(_("System"))
        return self.actor_repr

    @property
    def changed_fields(self) -> list[str]:
        before, after = self.before or {}, self.after or {}
        return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
