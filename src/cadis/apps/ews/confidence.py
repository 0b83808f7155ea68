"""Identification confidence of a detection by the engine's SWGDRUG scheme, and its line in
alert texts (per language, or both in one line). Reads only: the writes are in `evidence.py`."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import override

from cadis.apps.ews.choices import Method
from cadis.apps.ews.models import Detection
from cadis.apps.ews.models.evidence import ConfidenceLevel, DetectionEvidence
from cadis.engines.spectra import Evidence, grade
from cadis.engines.spectra.confidence import CATEGORY, HYPHENATED

GRADE_MARK = "(SWGDRUG)"  # the alert line the grade is written on (replaced when it changes)


def technique_category(code: str) -> str:
    """SWGDRUG category of a method code: 'A', 'B', 'C', or 'A+B' for GC-MS / LC-MS."""
    if code in HYPHENATED:
        spectral_part, separation = HYPHENATED[code]
        return f"{CATEGORY[spectral_part]}+{CATEGORY[separation]}"
    return CATEGORY.get(code, "")


def technique_choices() -> list[tuple[str, str]]:
    return [(code, f"{label} ({technique_category(code)})") for code, label in Method.choices]


def evidence_of(detection: Detection) -> DetectionEvidence | None:
    try:
        return detection.evidence
    except DetectionEvidence.DoesNotExist:
        return None


def compute_grade(detection: Detection) -> dict[str, Any]:
    """The grade from the detection's evidence (its reported methods when none was entered)."""
    evidence = evidence_of(detection)
    scores = [s.best_score for s in detection.spectra.all() if s.best_score is not None]
    result = grade(
        Evidence(
            techniques=tuple(evidence.techniques if evidence else detection.methods),
            retention_used=bool(evidence and evidence.retention_used),
            reference_standard=bool(evidence and evidence.reference_standard),
            library_match_score=max(scores) if scores else None,
        )
    )
    return {
        "grade": result.grade,
        "meets_swgdrug": result.meets_swgdrug,
        "categories": result.categories,
        "reasons": result.reasons,
        "from_evidence": evidence is not None,
    }


def grade_label(code: str) -> str:
    return str(dict(ConfidenceLevel.choices).get(code, code))


def grade_line(code: str) -> str:
    """The alert text line in the active language."""
    return _("Identification confidence (SWGDRUG): %(grade)s") % {"grade": grade_label(code)}


def bilingual_grade_line(code: str) -> str:
    """The line in Russian and English, for a text a person wrote (it has one version only)."""
    parts = []
    for language in ("ru", "en"):
        with override(language):
            parts.append(grade_line(code))
    return " / ".join(parts)


def detection_grade_line(detection: Detection) -> str:
    """The line of the detection's grade in the active language."""
    return grade_line(compute_grade(detection)["grade"])
