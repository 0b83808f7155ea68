"""Identification of a reported structure or name through the engine, with translated messages."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cadis.apps.ews.chem_messages import error_message, warning_message
from cadis.apps.ews.library import classifier
from cadis.apps.reference.models import Country
from cadis.engines.chem import Classification
from cadis.platform.errors import ValidationError


def identify(text: str, *, use_opsin: bool = True) -> Classification:
    """Classify a structure or name with the database library; raise ValidationError if impossible.

    Systematic names go to OPSIN (a Java process) unless `use_opsin` is false.
    """
    result = classifier().classify(text or "", use_opsin=use_opsin)
    if result.error is not None:
        raise ValidationError(
            error_message(result.error.code, result.error.detail),
            details={"error_code": result.error.code.value},
        )
    return result


def classification_json(result: Classification) -> dict:
    """The stored and displayed shape: the engine's JSON plus translated warnings."""
    data = result.to_json()
    data["warnings"] = [
        {**w, "message": warning_message(w.get("code", ""), w.get("detail", ""))}
        for w in data.get("warnings", [])
    ]
    return data


def substance_name_in_language(entry: dict) -> str:
    """``entry["name_ru"]`` on Russian pages when there is one, else ``entry["name"]`` (English).

    >>> substance_name_in_language({"name": "Fentanyl", "name_ru": "Фентанил"})  # ru is default
    'Фентанил'
    """
    russian = (get_language() or "ru").startswith("ru")
    return str((russian and entry.get("name_ru")) or entry.get("name") or "")


def explanation_text(data: dict) -> str:
    """The engine's explanation rebuilt from the structured result, in the current language."""
    parts = []
    known, rule = data.get("known"), data.get("rule") or ""
    if known:
        parts.append(
            _("Identified as %(name)s (library match on InChIKey).")
            % {"name": substance_name_in_language(known)}
        )
    elif rule.startswith("library.nearest_neighbour") and data.get("nearest"):
        top = data["nearest"][0]
        parts.append(
            _(
                "No family rule matched; the category is taken from the nearest known substance "
                "%(name)s (Tanimoto %(sim)s)."
            )
            % {"name": substance_name_in_language(top), "sim": top["similarity"]}
        )
    elif rule:
        parts.append(_("Category assigned by the structural rule %(rule)s.") % {"rule": rule})
    derivatives = {
        code: value["parent"]
        for code, value in (data.get("status") or {}).items()
        if value.get("status") == "controlled_derivative"
    }
    names = Country.objects.filter(code__in=list(derivatives)).names() if derivatives else {}
    derivative = [
        _("%(code)s: derivative of %(parent)s") % {"code": names.get(code, code), "parent": parent}
        for code, parent in derivatives.items()
    ]
    if derivative:
        parts.append(_("Derivative rule: %(list)s.") % {"list": "; ".join(derivative)})
    return " ".join(parts)
