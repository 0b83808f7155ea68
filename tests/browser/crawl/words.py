"""Words of a text as the script-mixing check counts them (and as its allow-list is built).

A word is a run of letters. Left out as not words: tokens that are addresses, identifiers or
notations (with ``_``, ``@``, ``://``, ``=``, ``#``, brackets, a dot between letters, an
InChIKey), runs glued to a digit (``C9H11N``, ``5F``: formulas and codes) and, in a token
with digits, runs of capitals (``DOC-7-401``, ``JWH-018``, ``KZ-PEN-DEMO-2``: reference
numbers and code names). Other runs joined to a number by a hyphen are words
(``Aminoindane`` in ``1-Aminoindane``): an English substance name cannot hide behind its locant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NOT_WORDS = re.compile(r"_|@|://|[=#\[\]{}<>\\|]|[^\W\d_]\.[^\W\d_]")
_INCHIKEY = re.compile(r"[A-Z]{14}-[A-Z]{10}-[A-Z]")
_LETTER_RUN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def words(text: str) -> Iterator[str]:
    """The words of ``text``.

    >>> list(words("Изъято 5 kg; C9H11N, JWH-018, 1-Aminoindane, kg_focal@x.org, XLYOFNOQVPJJNP-UHFFFAOYSA-N"))
    ['Изъято', 'kg', 'Aminoindane']
    """
    for token in text.split():
        if _NOT_WORDS.search(token) or _INCHIKEY.search(token):
            continue
        has_digit = any(char.isdigit() for char in token)
        for match in _LETTER_RUN.finditer(token):
            start, end = match.span()
            if (start > 0 and token[start - 1].isdigit()) or (
                end < len(token) and token[end].isdigit()
            ):
                continue
            if has_digit and match.group(0).isupper():
                continue
            yield match.group(0)
