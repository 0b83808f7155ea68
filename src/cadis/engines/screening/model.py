"""Plain data carried in and out of the screener."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EvidenceKind(StrEnum):
    CAS = "cas"
    HS = "hs"
    HS_RESIDUAL = "hs_residual"
    NAME = "name"
    ABBREVIATION = "abbreviation"
    SALT = "salt"
    FUZZY = "fuzzy"


class WarningCode(StrEnum):
    """Stable codes for remarks on a line that are not hits."""

    CAS_MALFORMED = "cas_malformed"
    CAS_CHECK_DIGIT = "cas_check_digit"
    HS_MALFORMED = "hs_malformed"
    BELOW_THRESHOLD = "below_threshold"


@dataclass(frozen=True, slots=True)
class ControlledSubstance:
    """One entry of a control list.

    ``country`` is empty for the international tables and the watch list, and an ISO code
    for a national addition; ``threshold_percent`` applies to national entries only.
    """

    cas: str
    name: str
    list: str
    names_en: tuple[str, ...] = ()
    names_ru: tuple[str, ...] = ()
    names_other: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    salt_names: tuple[str, ...] = ()
    exclusions: tuple[str, ...] = ()
    salt_cas: tuple[str, ...] = ()
    hs6: str = ""
    # "specific": the subheading names this substance; "shared": it also covers other goods
    # (2904.20 all nitro derivatives); "residual": an "other" subheading. Only "specific"
    # codes are strong evidence on their own.
    hs_scope: str = "specific"
    threshold_percent: float | None = None
    country: str = ""

    @property
    def is_national(self) -> bool:
        return bool(self.country)


@dataclass(frozen=True, slots=True)
class ControlList:
    version: str
    entries: tuple[ControlledSubstance, ...]
    effective_from: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a substance was suspected: ``span`` is (start, end) in the description, if any."""

    kind: EvidenceKind
    text: str
    span: tuple[int, int] | None
    score: float
    note: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "text": self.text,
            "span": list(self.span) if self.span else None,
            "score": round(self.score, 3),
            "note": self.note,
        }


# An alias, because inside Hit the field called ``list`` hides the builtin for type checkers.
EvidenceItems = list[Evidence]


@dataclass(slots=True)
class Hit:
    cas: str
    substance: str
    list: str
    evidence: EvidenceItems
    score: float
    explanation: str
    list_version: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "cas": self.cas,
            "substance": self.substance,
            "list": self.list,
            "score": round(self.score, 3),
            "evidence": [item.as_dict() for item in self.evidence],
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class LineWarning:
    code: WarningCode
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code.value, "message": self.message}


@dataclass(slots=True)
class LineResult:
    id: str
    hits: list[Hit] = field(default_factory=list)
    warnings: list[LineWarning] = field(default_factory=list)
    list_version: str = ""

    @property
    def flagged(self) -> bool:
        return bool(self.hits)
