"""Numbers as the region writes them: "1 300,5", "20,374", "1.300", "1,300.50".

Central Asian press uses a space or a dot to group thousands and a comma as the
decimal mark ("1.300 кг" = 1,300 kg; "20,374 кг" = 20.374 kg), while English texts
use the comma to group thousands. A single dot followed by exactly three digits
cannot be decided from the number alone: it is read in the style's usual way and
flagged, with the other reading as the alternative, unless the other values of the
same column settle it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from cadis.engines.units.errors import NumberFormatError, UnitsErrorCode

NumberStyle = Literal["ru", "en"]
Convention = Literal["comma_decimal", "dot_decimal"]

# Spaces that mean "group of thousands": plain, no-break, narrow no-break, thin, figure.
_GROUP_SPACES = " \u00a0\u202f\u2009\u2007"
_MINUS_SIGNS = "-\u2212\u2013"
_NUMBER_SHAPE = re.compile(r"(?:\d[\d.,' ]*\d|\d|[.,]\d+)\Z")


@dataclass(frozen=True)
class ParsedNumber:
    """A number read from text; `alternative` is the other reading when `ambiguous`."""

    value: float
    ambiguous: bool = False
    alternative: float | None = None
    reason: str | None = None


def _clean(text: str) -> tuple[str, float]:
    cleaned = text.strip()
    for space in _GROUP_SPACES[1:]:
        cleaned = cleaned.replace(space, " ")
    cleaned = cleaned.replace("\u2019", "'")
    sign = 1.0
    # `"" in _MINUS_SIGNS` is True in Python, so test the first character only when there is one.
    if cleaned and (cleaned[0] in _MINUS_SIGNS or cleaned[0] == "+"):
        sign = -1.0 if cleaned[0] in _MINUS_SIGNS else 1.0
        cleaned = cleaned[1:].lstrip()
    cleaned = re.sub(r" +", " ", cleaned)
    return cleaned, sign


def _grouped(integer_part: str, separator: str) -> bool:
    groups = integer_part.split(separator)
    return (
        1 <= len(groups[0]) <= 3
        and not (groups[0].startswith("0") and len(groups) > 1)
        and all(len(g) == 3 and g.isdigit() for g in groups[1:])
        and groups[0].isdigit()
    )


def _to_float(integer_part: str, fraction: str = "") -> float:
    digits = re.sub(r"[ ',.]", "", integer_part) or "0"
    return float(f"{digits}.{fraction}" if fraction else digits)


def _bad(text: str, code: UnitsErrorCode = UnitsErrorCode.BAD_GROUPING) -> NumberFormatError:
    if code is UnitsErrorCode.BAD_GROUPING:
        return NumberFormatError(code, f"'{text}' has digit groups that are not thousands.")
    return NumberFormatError(code, f"'{text}' is not a number.")


def column_convention(values: Iterable[str]) -> Convention | None:
    """Which decimal mark a column uses, judged from its unambiguous values.

    >>> column_convention(["1.300", "2.5", "17"])
    'dot_decimal'
    """
    seen: set[Convention] = set()
    for raw in values:
        if not isinstance(raw, str):
            continue
        cleaned, _ = _clean(raw)
        if not _NUMBER_SHAPE.match(cleaned):
            continue
        dots, commas = cleaned.count("."), cleaned.count(",")
        if dots and commas:
            seen.add("comma_decimal" if cleaned.rfind(",") > cleaned.rfind(".") else "dot_decimal")
        elif dots > 1:
            seen.add("comma_decimal")
        elif commas > 1:
            seen.add("dot_decimal")
        elif dots == 1 and (len(cleaned.split(".")[1]) != 3 or " " in cleaned):
            seen.add("dot_decimal")
        elif commas == 1 and (len(cleaned.split(",")[1]) != 3 or " " in cleaned):
            seen.add("comma_decimal")
    return seen.pop() if len(seen) == 1 else None


def _single_separator(
    cleaned: str, mark: str, style: NumberStyle, convention: Convention | None
) -> ParsedNumber:
    integer_part, fraction = cleaned.split(mark)
    if not fraction.isdigit():
        raise _bad(cleaned, UnitsErrorCode.NOT_A_NUMBER)
    if " " in integer_part:
        # Spaces already group the thousands, so the mark can only be decimal.
        if not _grouped(integer_part, " "):
            raise _bad(cleaned)
        return ParsedNumber(_to_float(integer_part, fraction))
    could_group = len(fraction) == 3 and _grouped(integer_part or "x", " ")
    if not could_group or integer_part == "0":
        return ParsedNumber(_to_float(integer_part, fraction))
    as_decimal = _to_float(integer_part, fraction)
    as_thousands = _to_float(integer_part + fraction)
    mark_is_decimal_by_column = {"comma_decimal": ",", "dot_decimal": "."}.get(convention or "")
    if mark_is_decimal_by_column is not None:
        if mark_is_decimal_by_column == mark:
            return ParsedNumber(as_decimal, reason="decimal mark settled by the column")
        return ParsedNumber(as_thousands, reason="thousands separator settled by the column")
    if mark == ",":
        # Russian style: "20,374" is a decimal comma; English style: "1,300" groups thousands.
        if style == "ru":
            return ParsedNumber(as_decimal)
        return ParsedNumber(as_thousands)
    reason = f"'{cleaned}': the dot may separate thousands or mark decimals"
    if style == "ru":
        return ParsedNumber(as_thousands, True, as_decimal, reason)
    return ParsedNumber(as_decimal, True, as_thousands, reason)


def parse_number(
    text: str,
    *,
    column_values: Iterable[str] | None = None,
    convention: Convention | None = None,
    style: NumberStyle = "ru",
) -> ParsedNumber:
    """Read one number written in Russian or English style.

    `column_values` are the other values of the same column; when they show which
    mark is decimal, a "1.300" is no longer ambiguous. A caller reading a whole column
    judges it once with `column_convention` and passes `convention` instead, which keeps
    a file's parsing linear.

    >>> parse_number("1 300,5").value
    1300.5
    >>> parse_number("1.300")
    ParsedNumber(value=1300.0, ambiguous=True, alternative=1.3, reason="'1.300': ...")
    """
    if not isinstance(text, str) or not text.strip():
        raise NumberFormatError(UnitsErrorCode.EMPTY, "The number is empty.")
    cleaned, sign = _clean(text)
    if not _NUMBER_SHAPE.match(cleaned):
        raise _bad(text.strip(), UnitsErrorCode.NOT_A_NUMBER)
    cleaned = cleaned.replace("'", " ")
    if convention is None and column_values is not None:
        convention = column_convention(column_values)
    dots, commas = cleaned.count("."), cleaned.count(",")
    if cleaned[0] in ".,":
        cleaned = "0" + cleaned
    if dots and commas:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        grouping = "." if decimal == "," else ","
        integer_part, _, fraction = cleaned.rpartition(decimal)
        if integer_part.count(decimal) or not fraction.isdigit():
            raise _bad(cleaned)
        integer_part = integer_part.replace(" ", grouping) if " " in integer_part else integer_part
        if not _grouped(integer_part, grouping):
            raise _bad(cleaned)
        parsed = ParsedNumber(_to_float(integer_part, fraction))
    elif dots > 1 or commas > 1:
        grouping = "." if dots else ","
        if " " in cleaned or not _grouped(cleaned, grouping):
            raise _bad(cleaned)
        parsed = ParsedNumber(_to_float(cleaned))
    elif dots == 1 or commas == 1:
        parsed = _single_separator(cleaned, "." if dots else ",", style, convention)
    else:
        if " " in cleaned and not _grouped(cleaned, " "):
            raise _bad(cleaned)
        parsed = ParsedNumber(_to_float(cleaned))
    if sign < 0:
        alternative = -parsed.alternative if parsed.alternative is not None else None
        return ParsedNumber(-parsed.value, parsed.ambiguous, alternative, parsed.reason)
    return parsed
