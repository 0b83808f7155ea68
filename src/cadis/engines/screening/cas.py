"""CAS Registry Numbers: format and check digit."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CAS_SHAPE = re.compile(r"^(\d{2,7})-(\d{2})-(\d)$")
# Inside free text: not glued to other digits or hyphens (batch numbers, dates).
CAS_IN_TEXT = re.compile(
    r"(?<![\d-])(\d{2,7})[-\u2010\u2011\u2013](\d{2})[-\u2010\u2011\u2013](\d)(?![\d-])"
)


@dataclass(frozen=True, slots=True)
class CasCheck:
    value: str
    valid: bool
    problem: str = ""  # "", "malformed" or "check_digit"


def cas_check_digit(body: str) -> int:
    """Check digit of the digits before it (without hyphens).

    >>> cas_check_digit("6764")  # acetone, 67-64-1
    1
    """
    return sum(int(d) * w for w, d in enumerate(reversed(body), start=1)) % 10


def canonical_cas(raw: str) -> str:
    """Unify dashes and spaces: ``" 67 – 64 – 1 "`` -> ``"67-64-1"``."""
    text = raw.strip().replace("\u2010", "-").replace("\u2011", "-").replace("\u2013", "-")
    return re.sub(r"\s*-\s*", "-", text)


def check_cas(raw: str) -> CasCheck:
    """Validate one CAS number.

    >>> check_cas("108-24-7").valid, check_cas("108-24-8").problem, check_cas("10824").problem
    (True, 'check_digit', 'malformed')
    """
    value = canonical_cas(raw)
    match = _CAS_SHAPE.match(value)
    if match is None:
        return CasCheck(value, False, "malformed")
    body = match.group(1) + match.group(2)
    if cas_check_digit(body) != int(match.group(3)):
        return CasCheck(value, False, "check_digit")
    return CasCheck(value, True)


def split_cas_field(raw: str) -> list[str]:
    """The CAS numbers written in a CAS column: several may be given, with labels around them,
    or without hyphens (the last digit is the check digit, the two before it the middle part).

    >>> split_cas_field("CAS 67-64-1; 108-88-3 / 78933")
    ['67-64-1', '108-88-3', '78-93-3']
    """
    found: list[str] = []
    for part in re.split(r"[;,/|]+|\s{2,}", raw.strip()):
        part = part.strip()
        if not part:
            continue
        in_part = [m.group(0) for m in CAS_IN_TEXT.finditer(part)]
        if in_part:
            found.extend(in_part)
        elif part.isdigit() and 5 <= len(part) <= 10:
            found.append(f"{part[:-3]}-{part[-3:-1]}-{part[-1]}")
        else:
            found.append(part)
    return found
