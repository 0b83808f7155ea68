"""Bases and helpers for records that carry data: owner, confidentiality, provenance."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cadis.platform.errors import Conflict


class Confidentiality(models.TextChoices):
    PUBLIC = "public", _("Public")
    RESTRICTED = "restricted", _("Restricted (own country and regional analysts)")
    CONFIDENTIAL = (
        "confidential",
        _("Confidential (own organisation and the country's focal point)"),
    )


class SourceKind(models.TextChoices):
    FORM = "form", _("Form")
    IMPORT = "import", _("Import file")
    DOCUMENT = "document", _("Extracted from a document")
    API = "api", _("API")
    CLI = "cli", _("Command line")
    SYSTEM = "system", _("System")
    DEMO = "demo", _("Synthetic demo data")


def actor_or_none(actor: Any) -> Any:
    """The user to store as ``created_by``: the actor when signed in, else None (system, and
    the command line's unsaved administrator, ``imports.commands.command_actor``).

    >>> actor_or_none(None) is None
    True
    """
    if getattr(actor, "is_authenticated", False) and getattr(actor, "pk", None) is not None:
        return actor
    return None


def optional_ref(
    to: Any,
    verbose_name: Any = None,
    *,
    on_delete: Any = models.PROTECT,
    related_name: str | None = "+",
    **options: Any,
) -> models.ForeignKey[Any, Any]:
    """A nullable reference (an optional vocabulary entry, an optional parent record).

    ``optional_ref("reference.Substance", _("substance"))`` is the foreign key written out as
    ``ForeignKey(..., on_delete=PROTECT, null=True, blank=True, related_name="+", verbose_name=...)``;
    the migrations see exactly that field.
    """
    return models.ForeignKey(
        to,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )


class ScopedRecord(models.Model):
    """Base of every record that carries data: owner, country, confidentiality, provenance."""

    country: models.ForeignKey[Any, Any] = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    organisation: models.ForeignKey[Any, Any] = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    confidentiality: models.CharField[Any, Any] = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Confidentiality.choices,
        default=Confidentiality.RESTRICTED,
        db_index=True,
    )
    source_kind: models.CharField[Any, Any] = models.CharField(
        _("source"), max_length=20, choices=SourceKind.choices, default=SourceKind.FORM
    )
    source_ref: models.JSONField[Any, Any] = models.JSONField(
        _("provenance"), default=dict, blank=True
    )
    created_by = optional_ref(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL)
    created_at: models.DateTimeField[Any, Any] = models.DateTimeField(auto_now_add=True)
    updated_at: models.DateTimeField[Any, Any] = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class JobTracked(models.Model):
    """A record whose work runs in the background (an import file, a screening, an extraction).

    It has one status machine. A subclass declares its ``status`` field with its own choices and
    ``MOVES``: for each state, the states it may move to. ``move_to`` is the only way the status
    changes: it writes the new status with the other values in one UPDATE guarded by the states
    that may lead there, so two workers cannot both move a record, and it stamps
    ``finished_at`` on reaching a final state (one with no moves out).
    """

    MOVES: ClassVar[Mapping[str, Collection[str]]] = {}

    status: models.CharField[Any, Any]
    job = optional_ref("jobs.Job", _("job"), on_delete=models.SET_NULL)
    created_by = optional_ref(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL)
    created_at: models.DateTimeField[Any, Any] = models.DateTimeField(auto_now_add=True)
    finished_at: models.DateTimeField[Any, Any] = models.DateTimeField(
        _("finished at"), null=True, blank=True
    )

    class Meta:
        abstract = True

    @classmethod
    def final_states(cls) -> set[str]:
        field = cls._meta.get_field("status")
        states = {value for value, _label in getattr(field, "choices", None) or ()}
        return {state for state in states if not cls.MOVES.get(state)}

    @property
    def is_final(self) -> bool:
        return self.status in self.final_states()

    def move_to(self, status: str, *, strict: bool = True, **values: Any) -> bool:
        """Move to ``status`` and store ``values`` with it; False (nothing written) when the stored
        state may not move there, or a Conflict when ``strict``."""
        sources = [source for source, targets in self.MOVES.items() if status in targets]
        if status in self.final_states():
            values.setdefault("finished_at", timezone.now())
        moved = (
            type(self)
            ._default_manager.filter(pk=self.pk, status__in=sources)
            .update(status=status, **values)
        )
        if not moved:
            if strict:
                raise Conflict(
                    gettext("This %(record)s cannot become “%(status)s” from where it stands.")
                    % {"record": self._meta.verbose_name, "status": status}
                )
            return False
        self.status = status
        for name, value in values.items():
            setattr(self, name, value)
        return True
