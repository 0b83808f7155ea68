"""Language detection and sentence splitting."""

from __future__ import annotations

import re
from dataclasses import dataclass

from razdel import sentenize

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def detect_language(text: str) -> str:
    """'ru' when Cyrillic letters dominate, else 'en'.

    >>> detect_language("Изъято 5 кг героина")
    'ru'
    """
    cyrillic = len(_CYRILLIC.findall(text[:20000]))
    latin = len(_LATIN.findall(text[:20000]))
    return "ru" if cyrillic >= latin * 0.5 and cyrillic > 0 else "en"


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
