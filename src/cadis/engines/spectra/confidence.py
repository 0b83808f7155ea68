"""Identification confidence from the analytical evidence, by the SWGDRUG scheme.

SWGDRUG Recommendations (Part III B, "Methods of analysis / drug identification") sort
techniques by discriminating power: **Category A** (IR, MS, NMR, Raman, X-ray diffraction),
**Category B** (CE, GC, IMS, LC, microcrystalline tests, pharmacognostic examination, SFC,
TLC; for cannabis macroscopic/microscopic examination) and **Category C** (colour tests,
fluorescence, immunoassay, melting point, UV). An identification needs either a Category A
technique plus at least one other technique (A, B or C), or, without Category A, at least
three techniques of which two are uncorrelated and at least two are Category B. A hyphenated
technique counts for each part whose data are used (GC-MS: GC by retention, MS by spectrum).

Grades reported here:

- ``confirmed``: the SWGDRUG minimum is met, with a Category A technique, *and* the
  comparison was made against a reference standard analysed in the laboratory;
- ``identified``: the SWGDRUG minimum is met (library or literature comparison);
- ``indicative``: some selective evidence, but short of the minimum (e.g. MS alone);
- ``presumptive``: only Category C tests;
- ``none``: no usable technique.

>>> grade(Evidence(techniques=("gc_ms",), retention_used=True)).grade
'identified'
>>> grade(Evidence(techniques=("colour_test", "immunoassay"))).grade
'presumptive'

Reasons are codes with the techniques or the score they name (``Reason``), so that an
interface says them in its reader's language; ``str(reason)`` is the English sentence.

>>> [str(r) for r in grade(Evidence(techniques=("nmr", "lc_hrms"))).reasons]
['Category A (nmr, hrms) plus another technique', 'no reference standard: library or literature comparison']
"""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORY = {
    "ir": "A", "ftir": "A", "ms": "A", "nmr": "A", "raman": "A", "xrd": "A", "hrms": "A",
    "ce": "B", "gc": "B", "ims": "B", "lc": "B", "microcrystalline": "B",
    "pharmacognostic": "B", "sfc": "B", "tlc": "B", "macroscopic": "B", "microscopic": "B",
    "colour_test": "C", "fluorescence": "C", "immunoassay": "C", "melting_point": "C",
    "uv": "C",
}  # fmt: skip
# Hyphenated techniques and the parts they contribute (retention parts need retention data).
HYPHENATED = {
    "gc_ms": ("ms", "gc"), "lc_ms": ("ms", "lc"), "lc_hrms": ("hrms", "lc"),
    "lc_msms": ("ms", "lc"), "gc_ir": ("ir", "gc"),
}  # fmt: skip
GRADES = ("confirmed", "identified", "indicative", "presumptive", "none")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a laboratory reports for one identification (plain data, from a form or an API)."""

    techniques: tuple[str, ...]
    retention_used: bool = False  # retention time/index compared (counts GC/LC of GC-MS, LC-MS)
    reference_standard: bool = False  # compared against a reference standard run in-house
    library_match_score: float | None = None  # best spectral match score, if searched


# Why a grade was given: one code per sentence, in English here; interfaces translate the codes.
REASONS = {
    "category_a_plus_another": "Category A ({techniques}) plus another technique",
    "three_without_category_a": "three techniques without Category A, two of them Category B",
    "category_a_alone": "a Category A technique alone is not enough: add another technique",
    "three_needed_without_category_a": (
        "without Category A, three techniques (two Category B) are needed"
    ),
    "reference_standard": "compared with a reference standard",
    "no_reference_standard": "no reference standard: library or literature comparison",
    "category_c_only": "Category C tests only",
    "no_technique": "no recognised technique",
    "library_match_score": "best library match score {score:.2f}",
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason of a grade: a code of ``REASONS`` and the techniques or score it names."""

    code: str
    techniques: tuple[str, ...] = ()
    score: float | None = None

    def __str__(self) -> str:
        return REASONS[self.code].format(techniques=", ".join(self.techniques), score=self.score)


@dataclass(frozen=True, slots=True)
class ConfidenceGrade:
    grade: str
    categories: dict[str, list[str]] = field(default_factory=dict)
    reasons: list[Reason] = field(default_factory=list)
    meets_swgdrug: bool = False


def _parts(evidence: Evidence) -> list[str]:
    parts: list[str] = []
    for technique in evidence.techniques:
        code = technique.strip().lower().replace("-", "_")
        if code in HYPHENATED:
            spectral, separation = HYPHENATED[code]
            parts.append(spectral)
            if evidence.retention_used:
                parts.append(separation)
        elif code in CATEGORY:
            parts.append(code)
    return list(dict.fromkeys(parts))  # each technique counts once


def grade(evidence: Evidence) -> ConfidenceGrade:
    """The SWGDRUG-based confidence grade of one identification, with its reasons."""
    parts = _parts(evidence)
    by_category: dict[str, list[str]] = {"A": [], "B": [], "C": []}
    for part in parts:
        by_category[CATEGORY[part]].append(part)
    a, b, c = (by_category[k] for k in "ABC")
    reasons: list[Reason] = []
    if a and len(parts) >= 2:
        meets = True
        reasons.append(Reason("category_a_plus_another", techniques=tuple(a)))
    elif not a and len(parts) >= 3 and len(b) >= 2:
        # each technique counts once, so repeating one (two GC runs) cannot reach three;
        # whether two different techniques are uncorrelated is the analyst's statement
        meets = True
        reasons.append(Reason("three_without_category_a"))
    else:
        meets = False
        if a:
            reasons.append(Reason("category_a_alone"))
        elif b:
            reasons.append(Reason("three_needed_without_category_a"))
    if meets and a and evidence.reference_standard:
        level = "confirmed"
        reasons.append(Reason("reference_standard"))
    elif meets:
        level = "identified"
        if not evidence.reference_standard:
            reasons.append(Reason("no_reference_standard"))
    elif a or b:
        level = "indicative"
    elif c:
        level = "presumptive"
        reasons.append(Reason("category_c_only"))
    else:
        level = "none"
        reasons.append(Reason("no_technique"))
    if evidence.library_match_score is not None:
        reasons.append(Reason("library_match_score", score=evidence.library_match_score))
    return ConfidenceGrade(level, {k: v for k, v in by_category.items() if v}, reasons, meets)
