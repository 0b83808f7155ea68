"""Harmonized System codes: national forms reduced to the 6-digit subheading."""

from __future__ import annotations

import re

_NON_DIGITS = re.compile(r"[\s.\-]")


def reduce_to_hs6(raw: str | None) -> str | None:
    """Return ``"NNNN.NN"`` for a 6- to 10-digit code in any common notation, else ``None``.

    >>> reduce_to_hs6("2915240000"), reduce_to_hs6("2841 61 000 0"), reduce_to_hs6("2915.24")
    ('2915.24', '2841.61', '2915.24')
    """
    if not raw:
        return None
    digits = _NON_DIGITS.sub("", str(raw).strip())
    if not digits.isdigit() or not 6 <= len(digits) <= 10:
        return None
    return f"{digits[:4]}.{digits[4:6]}"


def hs6_codes(raw: str | None) -> list[str]:
    """All HS6 codes of an HS column that may hold several codes or a label.

    >>> hs6_codes("ТН ВЭД 2914 11 000 0; 2902.30")
    ['2914.11', '2902.30']
    """
    codes: list[str] = []
    for part in re.split(r"[;,/|]+", str(raw or "")):
        digits = re.sub(r"\D", "", part)
        if 6 <= len(digits) <= 10:
            code = f"{digits[:4]}.{digits[4:6]}"
            if code not in codes:
                codes.append(code)
    return codes


def is_residual(hs6: str) -> bool:
    """Residual "other" subheadings (…9) cover many goods, so they are weak evidence only.

    >>> is_residual("2933.39"), is_residual("2933.32")
    (True, False)
    """
    return hs6.endswith("9") and not hs6.endswith(".00")
