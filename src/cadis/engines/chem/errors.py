"""Stable error and warning codes of the chemistry engine.

The Django layer translates the English messages; the codes never change.
"""

from __future__ import annotations

from enum import StrEnum


class ChemErrorCode(StrEnum):
    EMPTY_INPUT = "empty_input"
    INVALID_STRUCTURE = "invalid_structure"
    UNKNOWN_NAME = "unknown_name"
    NAME_RESOLVER_UNAVAILABLE = "name_resolver_unavailable"
    INORGANIC = "inorganic_or_metal"
    TOO_LARGE = "too_large"
    NO_ORGANIC_FRAGMENT = "no_organic_fragment"


class ChemWarningCode(StrEnum):
    MIXTURE = "mixture"
    SALT_STRIPPED = "salt_stripped"
    CHARGE_NEUTRALISED = "charge_neutralised"
    NAME_RESOLVED = "name_resolved"
    # Identified through a structure that differs from the catalogue entry only in
    # stereochemistry: another stereoisomer (e.g. iso-LSD, cis-THC) or no stereo given.
    STEREOISOMER_OF = "stereoisomer_of"
    STEREO_UNSPECIFIED = "stereo_unspecified"


ERROR_MESSAGES: dict[ChemErrorCode, str] = {
    ChemErrorCode.EMPTY_INPUT: "The input is empty.",
    ChemErrorCode.INVALID_STRUCTURE: "The input is not a valid SMILES, InChI or MOL block: {detail}",
    ChemErrorCode.UNKNOWN_NAME: "The name '{detail}' is not in the substance library "
    "and could not be parsed as a systematic name.",
    ChemErrorCode.NAME_RESOLVER_UNAVAILABLE: "The name '{detail}' is not in the substance library; "
    "systematic names need Java (OPSIN), which is not installed.",
    ChemErrorCode.INORGANIC: "The structure contains a metal or is inorganic ({detail}); "
    "only organic substances can be classified.",
    ChemErrorCode.TOO_LARGE: "The structure is too large ({detail} heavy atoms); "
    "new psychoactive substances are small molecules.",
    ChemErrorCode.NO_ORGANIC_FRAGMENT: "No organic component was found in the input.",
}


class ChemError(ValueError):
    """An input the engine cannot classify, with a stable code.

    >>> str(ChemError(ChemErrorCode.EMPTY_INPUT))
    'The input is empty.'
    """

    def __init__(self, code: ChemErrorCode, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(ERROR_MESSAGES[code].format(detail=detail))

    @property
    def message(self) -> str:
        return str(self)

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code.value, "message": self.message}
