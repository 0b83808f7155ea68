"""Identification confidence of a detection by the engine's SWGDRUG scheme, and its line in
alert texts (per language, or both in one line). Reads only: the writes are in `evidence.py`."""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from cadis.apps.ews.choices import Method
from cadis.apps.ews.models import Detection
from cadis.apps.ews.models.evidence import ConfidenceLevel, DetectionEvidence
from cadis.engines.spectra import Evidence, Reason, grade
from cadis.engines.spectra.confidence import CATEGORY, HYPHENATED

GRADE_MARK = "(SWGDRUG)"  # the alert line the grade is written on (replaced when it changes)

# The engine's technique codes in words. Acronyms stay as the methods' own labels write them
# ("GC-MS", "LC-HRMS", "FTIR"); the rest are words of the reader's language.
TECHNIQUE_LABELS = {
    "ir": "IR",
    "ftir": "FTIR",
    "ms": "MS",
    "hrms": "HRMS",
    "gc": "GC",
    "lc": "LC",
    "nmr": Method.NMR.label,
    "raman": Method.RAMAN.label,
    "tlc": Method.TLC.label,
    "colour_test": Method.COLOUR_TEST.label,
    "immunoassay": Method.IMMUNOASSAY.label,
    "xrd": gettext_lazy("X-ray diffraction"),
    "ce": gettext_lazy("Capillary electrophoresis"),
    "ims": gettext_lazy("Ion mobility spectrometry"),
    "sfc": gettext_lazy("Supercritical fluid chromatography"),
    "microcrystalline": gettext_lazy("Microcrystalline tests"),
    "pharmacognostic": gettext_lazy("Pharmacognostic examination"),
    "macroscopic": gettext_lazy("Macroscopic examination"),
    "microscopic": gettext_lazy("Microscopic examination"),
    "fluorescence": gettext_lazy("Fluorescence"),
    "melting_point": gettext_lazy("Melting point"),
    "uv": gettext_lazy("UV spectroscopy"),
}

# The engine's reasons (``cadis.engines.spectra.confidence.REASONS``) in the reader's language.
REASON_TEXTS = {
    "category_a_plus_another": gettext_lazy("Category A (%(techniques)s) plus another technique"),
    "three_without_category_a": gettext_lazy(
        "three techniques without Category A, two of them Category B"
    ),
    "category_a_alone": gettext_lazy(
        "a Category A technique alone is not enough: add another technique"
    ),
    "three_needed_without_category_a": gettext_lazy(
        "without Category A, three techniques (two Category B) are needed"
    ),
    "reference_standard": gettext_lazy("compared with a reference standard"),
    "no_reference_standard": gettext_lazy(
        "no reference standard: library or literature comparison"
    ),
    "category_c_only": gettext_lazy("Category C tests only"),
    "no_technique": gettext_lazy("no recognised technique"),
    "library_match_score": gettext_lazy("best library match score %(score)s"),
}


def technique_label(code: str) -> str:
    """An engine technique code (``nmr``, ``hrms``) in words; an unknown code as it is."""
    return str(TECHNIQUE_LABELS.get(code, code))


def reason_text(reason: Reason) -> str:
    """One reason of a grade as a sentence of the active language."""
    if reason.code not in REASON_TEXTS:
        return str(reason)
    score = "" if reason.score is None else number_format(round(reason.score, 2), 2)
    return str(REASON_TEXTS[reason.code]) % {
        "techniques": ", ".join(technique_label(t) for t in reason.techniques),
        "score": score,
    }


def categories_in_words(categories: dict[str, list[str]]) -> list[tuple[str, str]]:
    """``{"A": ["nmr", "hrms"]}`` -> ``[("Category A", "NMR, HRMS")]`` in the active language."""
    return [
        (
            _("Category %(letter)s") % {"letter": letter},
            ", ".join(technique_label(code) for code in codes),
        )
        for letter, codes in categories.items()
    ]


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
        "reasons": [reason_text(reason) for reason in result.reasons],
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
