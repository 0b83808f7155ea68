"""The grade's reasons are codes with the techniques they name, so that a page can say them in
its reader's language; their English sentence is ``str(reason)``."""

from __future__ import annotations

from cadis.engines.spectra import Evidence, Reason, grade
from cadis.engines.spectra.confidence import REASONS


def test_a_category_a_pair_names_its_techniques_as_codes():
    result = grade(Evidence(techniques=("nmr", "lc_hrms")))
    assert result.grade == "identified"
    assert result.reasons == [
        Reason("category_a_plus_another", techniques=("nmr", "hrms")),
        Reason("no_reference_standard"),
    ]
    assert [str(r) for r in result.reasons] == [
        "Category A (nmr, hrms) plus another technique",
        "no reference standard: library or literature comparison",
    ]


def test_the_library_score_travels_as_a_number():
    result = grade(Evidence(techniques=("gc_ms",), library_match_score=0.8765))
    assert result.reasons[-1] == Reason("library_match_score", score=0.8765)
    assert str(result.reasons[-1]) == "best library match score 0.88"


def test_every_grade_gives_only_known_reason_codes():
    cases = [
        Evidence(techniques=("gc_ms",), retention_used=True, reference_standard=True),
        Evidence(techniques=("gc_ms",)),
        Evidence(techniques=("tlc", "gc", "colour_test")),
        Evidence(techniques=("gc", "tlc")),
        Evidence(techniques=("colour_test", "immunoassay")),
        Evidence(techniques=()),
    ]
    codes = {reason.code for evidence in cases for reason in grade(evidence).reasons}
    assert codes <= set(REASONS)
    assert {"reference_standard", "category_a_alone", "category_c_only", "no_technique"} <= codes
