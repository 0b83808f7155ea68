"""Screening codes in words: control lists (``table_I``, ``national:KZ``) and evidence kinds;
controlled chemicals by their name in the reader's language."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cadis.apps.precursors import chemical_names
from cadis.apps.reference.models import ControlList
from cadis.apps.reference.templatetags.countries import country_name

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


# The screening engine's remarks on a line (``WarningCode``), said in the reader's language; the
# values they name (the HS code, the CAS number) are shown on the line itself.
WARNING_WORDS = {
    "cas_malformed": _("A CAS number of the line is malformed; it was not used."),
    "cas_check_digit": _("A CAS number of the line has a wrong check digit; it was not used."),
    "hs_malformed": _("The HS code is not 6 to 10 digits; it was not used."),
    "below_threshold": _(
        "The stated concentration is below the national list's threshold; the line is not "
        "flagged for that list."
    ),
}


@register.filter
def warning_label(warning: dict | None) -> str:
    """A stored screening warning (``{"code", "message"}``) in words; an unknown code's
    message as the engine wrote it."""
    warning = warning or {}
    words = WARNING_WORDS.get(warning.get("code") or "")
    return str(words) if words is not None else str(warning.get("message") or "")


@register.filter
def list_label(name: str | None) -> str:
    """A control list of the screening engine (``table_I``, ``national:KZ``) in words."""
    name = name or ""
    kind, _sep, country = name.partition(":")
    if kind == ControlList.Kind.NATIONAL and country:
        # named, not coded; "national list: Kazakhstan" needs no case ending in Russian
        return gettext("national list: %(country)s") % {"country": country_name(country)}
    return str(dict(ControlList.Kind.choices).get(kind, name))


@register.filter
def evidence_label(kind: str | None) -> str:
    """How a line matched a controlled substance (``cas``, ``name`` …) in words."""
    return str(EVIDENCE_WORDS.get(kind or "", kind or ""))


@register.simple_tag
def chemical_name(name: str | None, cas: str | None = "") -> str:
    """``{% chemical_name incident.chemical incident.cas %}``: its Russian name on Russian pages."""
    return chemical_names.chemical_name(name, cas)
