"""SDMX identifiers: the IDType pattern and a reversible sanitiser for our own codes.

SDMX 2.1 code ids must match ``[A-Za-z0-9_@$-]+`` (``common:IDType``); code list, concept
and component ids the stricter ``[A-Za-z][A-Za-z0-9_-]*`` (``common:NCNameIDType``). Our
vocabularies use codes such as ``1.5.tramadol``, ``<15`` or ``1+outpatient``. ``+`` is
also the OR operator of SDMX REST keys and ``.`` separates dimensions there, so neither
may survive into a published id.

The mapping is a bijection between non-empty strings and its image, so distinct codes
always get distinct ids and ``decode_id`` gives the original back:

- letters, digits, ``_`` and ``-`` stay as they are, so SDMX special codes (``_T``),
  our slugs (``not_known``) and ISO 3166-2 codes (``KZ-10``) are published verbatim;
- ``.`` (the TDI hierarchy separator) becomes ``@``, which keeps drug codes readable;
- every other character, including ``@`` and ``$`` themselves, becomes ``$`` and two
  upper-case hex digits (``$3C`` for ``<``, ``$2B`` for ``+``), or ``$u`` and six hex
  digits beyond U+00FF. ``u`` is not a hex digit, so the escapes are prefix-free and
  decoding is unique.

Where a standard code list exists the caller should prefer its codes (age bands map to
the SDMX ``AGE`` codes ``Y_LT15``, ``Y15T19`` ... ``Y_GE65``, see ``codelists.age_code``);
the sanitiser is the safety net for everything else.

>>> sdmx_id("1.5.tramadol"), sdmx_id("KZ-10"), sdmx_id("<15"), sdmx_id("1+outpatient")
('1@5@tramadol', 'KZ-10', '$3C15', '1$2Boutpatient')
>>> decode_id("primary_drug$2Bcentre_type")
'primary_drug+centre_type'
"""

from __future__ import annotations

import re

ID_PATTERN = re.compile(r"[A-Za-z0-9_@$\-]+")
NCNAME_ID_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*")

_KEPT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_READABLE = {".": "@"}
_READABLE_BACK = {v: k for k, v in _READABLE.items()}
_HEX = frozenset("0123456789ABCDEF")


def is_sdmx_id(value: str) -> bool:
    """True when ``value`` is a valid SDMX code id (``common:IDType``).

    >>> is_sdmx_id("_T"), is_sdmx_id("1+2")
    (True, False)
    """
    return bool(ID_PATTERN.fullmatch(value))


def is_ncname_id(value: str) -> bool:
    """True when ``value`` may name a code list, concept or component (``NCNameIDType``)."""
    return bool(NCNAME_ID_PATTERN.fullmatch(value))


def sdmx_id(code: str) -> str:
    """The SDMX code id of one of our codes (see the module docstring for the rules).

    >>> sdmx_id("_T"), sdmx_id("not_known"), sdmx_id("65+")
    ('_T', 'not_known', '65$2B')
    """
    if not code:
        raise ValueError("an SDMX id cannot be empty")
    out: list[str] = []
    for char in code:
        if char in _KEPT:
            out.append(char)
        elif char in _READABLE:
            out.append(_READABLE[char])
        elif ord(char) <= 0xFF:
            out.append(f"${ord(char):02X}")
        else:
            out.append(f"$u{ord(char):06X}")
    return "".join(out)


def decode_id(identifier: str) -> str:
    """The original code of an id made by :func:`sdmx_id`.

    >>> decode_id("$3C15")
    '<15'
    """
    out: list[str] = []
    i = 0
    while i < len(identifier):
        char = identifier[i]
        if char in _KEPT:
            out.append(char)
            i += 1
        elif char in _READABLE_BACK:
            out.append(_READABLE_BACK[char])
            i += 1
        elif char == "$":
            if identifier[i + 1 : i + 2] == "u":
                digits, i = identifier[i + 2 : i + 8], i + 8
                width = 6
            else:
                digits, i = identifier[i + 1 : i + 3], i + 3
                width = 2
            if len(digits) != width or not set(digits) <= _HEX:
                raise ValueError(f"{identifier!r} is not an id made by sdmx_id")
            out.append(chr(int(digits, 16)))
        else:
            raise ValueError(f"{identifier!r} is not an id made by sdmx_id")
    return "".join(out)
