"""Evidence spans highlighted in the description: always escaped, never crashing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cadis.apps.precursors.highlight import evidence_spans, highlight


def test_overlapping_spans_are_merged_and_labelled():
    hits = [
        {
            "substance": "A",
            "evidence": [{"kind": "name", "span": [0, 5]}, {"kind": "cas", "span": [3, 8]}],
        },
        {
            "substance": "B",
            "evidence": [{"kind": "name", "span": [10, 12]}, {"kind": "hs", "span": None}],
        },
    ]
    assert evidence_spans("0123456789abcdef", hits) == [
        (0, 8, "A: name; A: cas"),
        (10, 12, "B: name"),
    ]


def test_markup_in_the_description_is_escaped():
    html = str(
        highlight(
            "<b>acetone</b>",
            [{"substance": "Acetone", "evidence": [{"kind": "name", "span": [3, 10]}]}],
        )
    )
    assert html == '&lt;b&gt;<mark title="Acetone: name">acetone</mark>&lt;/b&gt;'


spans = st.one_of(st.none(), st.lists(st.integers(-5, 60), min_size=0, max_size=3))
hits = st.lists(
    st.fixed_dictionaries(
        {
            "substance": st.text(max_size=10),
            "evidence": st.one_of(
                st.none(),
                st.lists(
                    st.fixed_dictionaries({"kind": st.text(max_size=5), "span": spans}), max_size=4
                ),
            ),
        }
    ),
    max_size=3,
)


@given(description=st.text(max_size=50), hits=hits)
def test_highlighting_never_fails_and_keeps_the_text(description, hits):
    import html
    import re

    marked = str(highlight(description, hits))
    assert html.unescape(re.sub(r"<[^>]+>", "", marked)) == description
