"""The document text cut into plain and highlighted segments for the review page."""

from __future__ import annotations

from dataclasses import dataclass

# Mentions overlap the facts they belong to; the page highlights facts first.
MENTION_TYPES = ("organisation", "country")


@dataclass
class Segment:
    text: str
    fact: object | None = None


def segments(text: str, facts: list) -> list[Segment]:
    """Non-overlapping segments: each fact's span highlighted unless an earlier one covers it."""
    ordered = sorted(
        (f for f in facts if 0 <= f.span_start < f.span_end <= len(text)),
        key=lambda f: (f.type in MENTION_TYPES, f.span_start, -(f.span_end - f.span_start)),
    )
    chosen: list = []
    for fact in ordered:
        if all(fact.span_end <= c.span_start or fact.span_start >= c.span_end for c in chosen):
            chosen.append(fact)
    chosen.sort(key=lambda f: f.span_start)
    out: list[Segment] = []
    position = 0
    for fact in chosen:
        if fact.span_start > position:
            out.append(Segment(text[position : fact.span_start]))
        out.append(Segment(text[fact.span_start : fact.span_end], fact))
        position = fact.span_end
    if position < len(text):
        out.append(Segment(text[position:]))
    return out
