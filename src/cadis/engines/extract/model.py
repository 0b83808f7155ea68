"""What extraction returns: facts with their evidence spans, and the result's JSON shape."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

FACT_TYPES = (
    "seizure",
    "precursor_seizure",
    "groups_dismantled",
    "arrests",
    "detained",
    "prosecuted",
    "lab_dismantled",
    "nps_mention",
    "concealment",
    "route",
    "trend",
    "event",
    "organisation",
    "country",
)


@dataclass(frozen=True)
class StatedPeriod:
    """A period as the text states it, with dates when derivable."""

    text: str
    start: date | None = None
    end: date | None = None
    kind: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }


@dataclass
class Fact:
    """One fact and the words it came from (`span` indexes the document text).

    Fields that do not apply to a fact type stay None.
    """

    type: str
    text: str
    span: tuple[int, int]
    sentence: str = ""
    substance: str | None = None  # as written
    substance_resolved: str | None = None  # vocabulary code
    substance_group: str | None = None  # e.g. synthetic_cannabinoids for smoking mixtures
    quantity: float | None = None
    unit: str | None = None
    quantity_kg: float | None = None
    count: int | None = None
    members: int | None = None
    conversion_rule: str | None = None
    qualifier: str | None = None  # more_than, about, almost, up_to, at_least, less_than
    qualifier_text: str | None = None
    aggregate: bool | None = None
    period: StatedPeriod | None = None
    country: str | None = None
    country_source: str | None = None  # sentence, agency, context
    subdivision: str | None = None
    agency: str | None = None
    agency_code: str | None = None
    origin: list[str] = field(default_factory=list)
    transit: list[str] = field(default_factory=list)
    destination: list[str] = field(default_factory=list)
    method: str | None = None  # concealment method
    defeats: str | None = None  # what the concealment defeats
    subject: str | None = None  # trend subject
    direction: str | None = None  # up, down
    name: str | None = None  # event name, organisation name
    place: str | None = None
    countries: list[str] = field(default_factory=list)  # event participants
    ambiguity: str | None = None
    # Review aids (see confidence.py): every span that states this fact (headline, lead,
    # body), how sure the rules are (0-1) and why, and what a reviewer must confirm.
    spans: list[tuple[int, int]] = field(default_factory=list)
    language: str | None = None
    confidence: float | None = None
    reasons: list[str] = field(default_factory=list)
    plausibility: list[str] = field(default_factory=list)

    def duplicate_key(self) -> tuple[Any, ...]:
        """What makes two facts from different documents "the same figure".

        Two releases repeating "1,300 kg seized in 2024 by the agency" give equal keys;
        the review flags the second as a probable duplicate.
        """
        amount = round(self.quantity_kg, 3) if self.quantity_kg is not None else self.count
        period = (self.period.start, self.period.end) if self.period else (None, None)
        return (self.type, self.substance_resolved, amount, self.members, self.country, *period)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span)
        data["period"] = self.period.to_json() if self.period else None
        return {key: value for key, value in data.items() if value not in (None, [], "")} | {
            "type": self.type,
            "text": self.text,
            "span": list(self.span),
            "spans": [list(span) for span in (self.spans or [self.span])],
            "reasons": list(self.reasons),
            "plausibility": list(self.plausibility),
        }


@dataclass
class ExtractionResult:
    language: str
    facts: list[Fact]
    document: str | None = None
    script: str | None = None  # Cyrl or Latn

    def of_type(self, fact_type: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.type == fact_type]

    def to_json(self) -> dict[str, Any]:
        """The CLI shape: {"document", "language", "script", "facts": [...]}; absent fields omitted."""
        return {
            "document": self.document,
            "language": self.language,
            "script": self.script,
            "facts": [fact.to_json() for fact in self.facts],
        }

    def to_json_line(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)
