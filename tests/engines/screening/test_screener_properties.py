from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.engines.screening import Screener, load_control_list_csv

SCREENER = Screener.from_control_list(load_control_list_csv())
CHEMICAL_WORDS = st.sampled_from(
    ["ацетон", "acetone", "к-та", "серная", "HCl", "эфир", "MEK", "67-64-1", "2915.24", "без"]
)
TEXT = st.lists(st.one_of(st.text(max_size=12), CHEMICAL_WORDS), max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(description=TEXT, hs_code=st.text(max_size=14), cas=st.text(max_size=14))
def test_screening_never_crashes_and_scores_stay_between_zero_and_one(description, hs_code, cas):
    result = SCREENER.screen(description, hs_code, cas, "KZ")
    for hit in result.hits:
        assert 0.5 <= hit.score <= 1.0
        for evidence in hit.evidence:
            if evidence.span is not None:
                start, end = evidence.span
                assert 0 <= start < end <= len(description)


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_screening_the_same_line_twice_gives_the_same_answer(description):
    first = [(h.cas, h.list, h.score) for h in SCREENER.screen_line(description)]
    assert [(h.cas, h.list, h.score) for h in SCREENER.screen_line(description)] == first
