"""Identification of a reported structure or name through the engine, with translated messages."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cadis.apps.accounts.errors import ValidationError
from cadis.apps.ews.library import classifier
from cadis.engines.chem import ChemErrorCode, ChemWarningCode, Classification


def error_message(code: str, detail: str = "") -> str:
    messages = {
        ChemErrorCode.EMPTY_INPUT: _(
            "Enter a structure (SMILES, InChI or MOL block) or a substance name."
        ),
        ChemErrorCode.INVALID_STRUCTURE: _(
            "This is not a valid SMILES, InChI or MOL block. Check brackets, ring numbers and atom symbols."
        ),
        ChemErrorCode.UNKNOWN_NAME: _(
            "The name '%(detail)s' is not in the substance library. Enter the structure as SMILES."
        ),
        ChemErrorCode.NAME_RESOLVER_UNAVAILABLE: _(
            "The name '%(detail)s' is not in the substance library, and systematic names cannot be "
            "read on this server (Java is not installed). Enter the structure as SMILES."
        ),
        ChemErrorCode.INORGANIC: _(
            "The structure contains a metal or is inorganic (%(detail)s); only organic substances "
            "can be identified."
        ),
        ChemErrorCode.TOO_LARGE: _(
            "The structure is too large (%(detail)s heavy atoms); new psychoactive substances are "
            "small molecules. Enter the active substance only."
        ),
        ChemErrorCode.NO_ORGANIC_FRAGMENT: _("No organic component was found in the input."),
    }
    text = messages.get(code)
    if text is None:
        return _("The structure could not be identified.")
    return text % {"detail": detail[:80]} if "%(detail)s" in text else text


def warning_message(code: str, detail: str = "") -> str:
    messages = {
        ChemWarningCode.MIXTURE: _(
            "The input is a mixture; the largest organic component was identified (%(detail)s). "
            "Report each substance of a mixture separately."
        ),
        ChemWarningCode.SALT_STRIPPED: _("Salt or solvent removed: %(detail)s."),
        ChemWarningCode.CHARGE_NEUTRALISED: _("Charges neutralised: %(detail)s."),
        ChemWarningCode.NAME_RESOLVED: _("The name was resolved to a structure: %(detail)s."),
    }
    text = messages.get(code, "%(detail)s")
    return text % {"detail": detail[:120]}


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


def explanation_text(data: dict) -> str:
    """The engine's explanation rebuilt from the structured result, in the current language."""
    parts = []
    known, rule = data.get("known"), data.get("rule") or ""
    if known:
        parts.append(
            _("Identified as %(name)s (library match on InChIKey).") % {"name": known["name"]}
        )
    elif rule.startswith("library.nearest_neighbour") and data.get("nearest"):
        top = data["nearest"][0]
        parts.append(
            _(
                "No family rule matched; the category is taken from the nearest known substance "
                "%(name)s (Tanimoto %(sim)s)."
            )
            % {"name": top["name"], "sim": top["similarity"]}
        )
    elif rule:
        parts.append(_("Category assigned by the structural rule %(rule)s.") % {"rule": rule})
    derivative = [
        _("%(code)s: derivative of %(parent)s") % {"code": code, "parent": value["parent"]}
        for code, value in (data.get("status") or {}).items()
        if value.get("status") == "controlled_derivative"
    ]
    if derivative:
        parts.append(_("Derivative rule: %(list)s.") % {"list": "; ".join(derivative)})
    return " ".join(parts)
