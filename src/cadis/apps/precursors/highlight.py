"""The engine's evidence spans marked inside the description (HTML-safe)."""

from __future__ import annotations

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def evidence_spans(description: str, hits: list[dict]) -> list[tuple[int, int, str]]:
    """Merged (start, end, label) spans of the evidence found inside the description."""
    spans: list[tuple[int, int, str]] = []
    length = len(description)
    for hit in hits or []:
        for item in hit.get("evidence") or []:
            span = item.get("span")
            if not span or len(span) != 2:
                continue
            start, end = int(span[0]), int(span[1])
            if 0 <= start < end <= length:
                spans.append((start, end, f"{hit.get('substance', '')}: {item.get('kind', '')}"))
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if merged and start < merged[-1][1]:
            last_start, last_end, last_label = merged[-1]
            labels = last_label if label in last_label.split("; ") else f"{last_label}; {label}"
            merged[-1] = (last_start, max(last_end, end), labels)
        else:
            merged.append((start, end, label))
    return merged


def highlight(description: str, hits: list[dict]) -> SafeString:
    """``<mark>`` around each evidence span, everything else escaped.

    >>> str(highlight("Acetone <tech>", [{"substance": "Acetone", "evidence": [{"kind": "name", "span": [0, 7]}]}]))
    '<mark title="Acetone: name">Acetone</mark> &lt;tech&gt;'
    """
    parts: list[str] = []
    position = 0
    for start, end, label in evidence_spans(description, hits):
        parts.append(escape(description[position:start]))
        parts.append(format_html('<mark title="{}">{}</mark>', label, description[start:end]))
        position = end
    parts.append(escape(description[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped
