"""The chemistry engine's stable error and warning codes as messages in the active language."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cadis.engines.chem import ChemErrorCode, ChemWarningCode


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
