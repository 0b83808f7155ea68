"""Which encoding a CSV file is in, decided one way for every caller.

The rule, in order:

1. A byte-order mark decides: UTF-8 (``EF BB BF``), UTF-16 LE (``FF FE``), UTF-16 BE (``FE FF``).
2. UTF-16 without a mark: text in a CSV always has ASCII separators and line ends, whose
   high byte is zero. When at least 1 in 100 two-byte units of the sample has a zero byte on
   the same side, and the other side has at most a tenth as many, it is UTF-16 of that
   byte order (little-endian when the zeros are at odd offsets).
3. Otherwise, zero bytes mean a binary file: refused.
4. Valid UTF-8 is UTF-8 (plain ASCII included).
5. Otherwise a Cyrillic single-byte code page: Windows-1251 or KOI8-R, whichever reads as
   more likely Russian text (letter frequencies, and capitals inside words count against).
   Most non-ASCII characters must then be Cyrillic letters, or the file is refused.

The sample is the file's first 64 KB; when those are plain ASCII, the first stretch of the
file that is not (an English header and many ASCII rows may come before the first
Cyrillic word). A file whose later bytes do not decode in the chosen encoding is refused at
the row where it breaks.

>>> detect_encoding("Дата;Вещество\\n".encode("cp1251"))
'cp1251'
>>> detect_encoding("Дата;Вещество\\n".encode("koi8-r"))
'koi8-r'
>>> detect_encoding("Дата;Вещество\\n".encode("utf-16-le"))
'utf-16-le'
"""

from __future__ import annotations

import codecs
import math
from typing import IO

from .errors import TableError, TableErrorCode

SNIFF_BYTES = 64 * 1024

# Relative frequencies of Russian letters (per cent, rounded; any general corpus gives
# about these). Used only to tell Windows-1251 from KOI8-R.
_FREQUENCY = dict(
    zip(
        "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
        (
            10.97,
            8.45,
            8.01,
            7.35,
            6.70,
            6.26,
            5.47,
            4.73,
            4.54,
            4.40,
            3.49,
            3.21,
            2.98,
            2.81,
            2.62,
            2.01,
            1.90,
            1.74,
            1.70,
            1.65,
            1.59,
            1.44,
            1.21,
            0.97,
            0.94,
            0.73,
            0.64,
            0.48,
            0.36,
            0.32,
            0.26,
            0.04,
            0.04,
        ),
        strict=True,
    )
)
_LOG_FREQUENCY = {letter: math.log(value) for letter, value in _FREQUENCY.items()}
_RARE = math.log(0.01)


def _is_cyrillic_letter(ch: str) -> bool:
    return "\u0410" <= ch <= "\u044f" or ch in "Ёё"


def _russian_score(text: str) -> float:
    """Mean log-frequency of the Cyrillic letters, less a penalty for a capital inside a word."""
    total = 0.0
    letters = 0
    previous = ""
    for ch in text:
        if _is_cyrillic_letter(ch):
            letters += 1
            total += _LOG_FREQUENCY.get(ch.lower(), _RARE)
            if ch.isupper() and previous.islower():
                total -= 3.0
        previous = ch
    return total / letters if letters else -math.inf


def _plausible_single_byte(text: str) -> bool:
    non_ascii = [ch for ch in text if ch > "\x7f"]
    if not non_ascii:
        return True
    cyrillic = sum(_is_cyrillic_letter(ch) for ch in non_ascii)
    # Typographic marks (dashes, quotes, №, NBSP) are fine in small numbers.
    odd = len(non_ascii) - cyrillic
    return cyrillic > 0 and odd * 50 <= len(text) and odd * 2 <= len(non_ascii)


def _utf16_without_bom(sample: bytes) -> str | None:
    units = len(sample) // 2
    if units < 2:
        return None
    even = sample[0 : units * 2 : 2].count(0)
    odd = sample[1 : units * 2 : 2].count(0)
    if odd >= max(2, units // 100) and even * 10 <= odd:
        return "utf-16-le"
    if even >= max(2, units // 100) and odd * 10 <= even:
        return "utf-16-be"
    return None


def _bad(detail: str = "") -> TableError:
    return TableError(TableErrorCode.BAD_ENCODING, detail=detail)


def _control_characters(text: str) -> bool:
    return any(ch < " " and ch not in "\t\r\n" for ch in text)


def detect_encoding(sample: bytes) -> str:
    """The Python codec name of a CSV sample; raises :class:`TableError` ``bad_encoding``.

    The names returned are ``utf-8-sig``, ``utf-8``, ``utf-16`` (with a BOM, which the codec
    consumes), ``utf-16-le``, ``utf-16-be``, ``cp1251`` and ``koi8-r``.

    >>> detect_encoding(codecs.BOM_UTF8 + "Дата".encode())
    'utf-8-sig'
    >>> detect_encoding(b"date,drug\\n")
    'utf-8'
    >>> detect_encoding(bytes(range(128, 256)))
    Traceback (most recent call last):
    ...
    cadis.engines.tables.errors.TableError: the text is not UTF-8, UTF-16, Windows-1251 \
(cp1251) or KOI8-R; save it as UTF-8 CSV
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        little = sample.startswith(codecs.BOM_UTF16_LE)
        body = sample[2 : len(sample) - len(sample) % 2]
        # ASCII characters (separators, line ends) have their zero byte second in
        # little-endian text: zeros on the other side contradict the mark.
        high, low = body[1::2].count(0), body[0::2].count(0)
        if (low > high) if little else (high > low):
            raise _bad()
        text = body.decode("utf-16-le" if little else "utf-16-be", errors="replace")
        if "\ufffd" in text[:-1] or _control_characters(text):
            raise _bad()
        return "utf-16"
    guessed = _utf16_without_bom(sample)
    if guessed:
        text = sample[: len(sample) - len(sample) % 2].decode(guessed, errors="replace")
        if "\ufffd" not in text[:-1] and not _control_characters(text):
            return guessed
    if b"\x00" in sample:
        raise _bad(" (the file holds zero bytes: it is binary)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    candidates: list[tuple[float, str]] = []
    for encoding in ("cp1251", "koi8-r"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:  # cp1251 leaves 0x98 undefined
            continue
        if not _control_characters(text) and _plausible_single_byte(text):
            candidates.append((_russian_score(text), encoding))
    if not candidates:
        raise _bad()
    return max(candidates)[1]


def encoding_sample(raw: IO[bytes], head: bytes) -> bytes:
    """The bytes to decide the encoding on: the head, or, when the head is plain ASCII, the
    first stretch of the file that is not. ``raw`` must be seekable; it is left anywhere."""
    if not head.isascii() or b"\x00" in head:
        return head
    raw.seek(len(head))
    while chunk := raw.read(1 << 20):
        if not chunk.isascii():
            first = next(i for i, byte in enumerate(chunk) if byte > 127)
            # Start on ASCII (a character boundary) and keep enough text to judge.
            return chunk[max(0, first - 256) : first + SNIFF_BYTES]
    return head


def decode_text(data: bytes, *, file: str = "") -> str:
    """A whole small text file decoded by the same rule as a CSV (the BOM dropped).

    >>> decode_text("CCO\\nэтанол\\n".encode("koi8-r"))
    'CCO\\nэтанол\\n'
    """
    try:
        encoding = detect_encoding(data[:SNIFF_BYTES] if not data[:SNIFF_BYTES].isascii() else data)
        return data.decode(encoding)
    except TableError as error:
        raise error.located(file=file) from None
    except UnicodeDecodeError:
        raise TableError(TableErrorCode.BAD_ENCODING, file=file) from None
