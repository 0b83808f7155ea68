"""Sentence splitting (language detection lives in language.py; re-exported here)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from razdel import sentenize

from cadis.engines.extract.language import detect_language

__all__ = ["Sentence", "detect_language", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; a line break inside a sentence (PDF layout) is kept.

    Paragraph numbers change at blank lines so context can be scoped to a paragraph.
    """
    sentences: list[Sentence] = []
    paragraph_starts = [m.end() for m in re.finditer(r"\n\s*\n", text)]
    for piece in sentenize(text):
        if not piece.text.strip():
            continue
        paragraph = sum(1 for start in paragraph_starts if start <= piece.start)
        # razdel keeps a heading glued to the next line; split on blank lines as well.
        offset = piece.start
        for part in re.split(r"(\n\s*\n)", piece.text):
            if part.strip() and not re.fullmatch(r"\n\s*\n", part):
                lead = len(part) - len(part.lstrip())
                stripped = part.strip()
                start = offset + lead
                paragraph = sum(1 for s in paragraph_starts if s <= start)
                sentences.append(Sentence(start, start + len(stripped), stripped, paragraph))
            offset += len(part)
    return _join_broken_lines(text, sentences)


def _join_broken_lines(text: str, sentences: list[Sentence]) -> list[Sentence]:
    # A page or layout break in the middle of a sentence ("связано с наличием\n\nсинтетических
    # наркотиков") leaves a piece without final punctuation followed by a lower-case start.
    joined: list[Sentence] = []
    for sentence in sentences:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and not re.search(r"[.!?:;»\")]\s*$", previous.text)
            and sentence.text[:1].islower()
        ):
            joined[-1] = Sentence(
                previous.start,
                sentence.end,
                text[previous.start : sentence.end],
                previous.paragraph,
            )
            continue
        joined.append(sentence)
    return joined
