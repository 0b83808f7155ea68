"""Screening codes in words: control lists (``table_I``, ``national:KZ``) and evidence kinds."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cadis.apps.reference.models import ControlList

register = template.Library()

EVIDENCE_WORDS = {
    "cas": _("CAS number"),
    "hs": _("HS code"),
    "hs_residual": _("HS code of a group"),
    "name": _("name"),
    "abbreviation": _("abbreviation"),
    "salt": _("salt or form"),
    "fuzzy": _("similar spelling"),
}


@register.filter
def list_label(name: str | None) -> str:
    """A control list of the screening engine (``table_I``, ``national:KZ``) in words."""
    name = name or ""
    kind, _sep, country = name.partition(":")
    if kind == ControlList.Kind.NATIONAL and country:
        return gettext("national list of %(country)s") % {"country": country}
    return str(dict(ControlList.Kind.choices).get(kind, name))


@register.filter
def evidence_label(kind: str | None) -> str:
    """How a line matched a controlled substance (``cas``, ``name`` …) in words."""
    return str(EVIDENCE_WORDS.get(kind or "", kind or ""))
