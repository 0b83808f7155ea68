"""Quantities in text: "15 т 106 кг 549 г", "1,5 тонны", "двух тысяч таблеток", "2 kg 300 g"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from cadis.engines.units.errors import NumberFormatError, QuantityError, UnitsErrorCode
from cadis.engines.units.numbers import NumberStyle, parse_number
from cadis.engines.units.unit_names import UNIT_PATTERN, UNITS_BY_CODE, unit_from_match
from cadis.engines.units.words import (
    MULTIPLIER_PATTERN,
    NUMBER_WORD_PATTERN,
    combine_number_tokens,
    multiplier_value,
    word_value,
)

_SPACE = r"[ \u00a0\u202f\u2009\u2007]"
# Digits: space-grouped thousands first ("1 300,5"), then dotted/commaed forms.
DIGITS_PATTERN = (
    rf"(?<![\w.,])(?:\d{{1,3}}(?:{_SPACE}\d{{3}}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,']\d+)*)(?![\w])"
)
_ATOM = rf"(?:{DIGITS_PATTERN}|{NUMBER_WORD_PATTERN})"
_GROUP = rf"{_ATOM}(?:(?:\s+and\s+|\s+|-)(?:{NUMBER_WORD_PATTERN}))*"
NUMBER_EXPRESSION_PATTERN = rf"{_GROUP}(?:\s+(?:{MULTIPLIER_PATTERN})(?:\s+{_GROUP})?)*"

_TOKEN_RE = re.compile(
    rf"(?P<digits>{DIGITS_PATTERN})|(?P<mult>{MULTIPLIER_PATTERN})|(?P<word>[\w]+)"
)
_NUMBER_EXPRESSION_RE = re.compile(NUMBER_EXPRESSION_PATTERN, re.IGNORECASE)
_ONE_QUANTITY = rf"(?P<number>{NUMBER_EXPRESSION_PATTERN})\s*(?P<unit>{UNIT_PATTERN})"
_ONE_QUANTITY_RE = re.compile(_ONE_QUANTITY, re.IGNORECASE)
_COMPOUND_RE = re.compile(
    rf"{_ONE_QUANTITY.replace('?P<', '?:<').replace('(?:<number>', '(?:').replace('(?:<unit>', '(?:')}"
    rf"(?:\s*,?\s*{_ONE_QUANTITY.replace('(?P<number>', '(?:').replace('(?P<unit>', '(?:')})*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A quantity as read: value in `unit` (canonical code), with the ambiguity of its number."""

    value: float
    unit: str
    text: str
    ambiguous: bool = False
    alternative: float | None = None
    reason: str | None = None
    parts: tuple[tuple[float, str], ...] = field(default_factory=tuple)

    @property
    def dimension(self) -> str:
        return UNITS_BY_CODE[self.unit].dimension


@dataclass(frozen=True)
class QuantityMatch:
    start: int
    end: int
    quantity: Quantity


def parse_number_expression(
    text: str, *, style: NumberStyle = "ru"
) -> tuple[float, bool, float | None, str | None]:
    """Value of digits and/or number words: "1 тысяча 163", "двух тысяч", "twenty-five".

    Returns (value, ambiguous, alternative, reason).

    >>> parse_number_expression("1 тысяча 163")[0]
    1163.0
    """
    tokens: list[tuple[str, float]] = []
    alt_tokens: list[tuple[str, float]] = []
    ambiguous, reason = False, None
    for match in _TOKEN_RE.finditer(text):
        if match.group("digits"):
            parsed = parse_number(match.group("digits"), style=style)
            tokens.append(("num", parsed.value))
            alt_tokens.append(("num", parsed.alternative if parsed.ambiguous else parsed.value))  # type: ignore[arg-type]
            ambiguous = ambiguous or parsed.ambiguous
            reason = reason or parsed.reason
        elif match.group("mult"):
            value = multiplier_value(match.group("mult"))
            tokens.append(("mult", value or 1.0))
            alt_tokens.append(("mult", value or 1.0))
        else:
            word = match.group("word").lower()
            if word == "and":
                continue
            value = word_value(word)
            if value is None:
                raise NumberFormatError(UnitsErrorCode.NOT_A_NUMBER, f"'{text}' is not a number.")
            kind = "hundred" if word == "hundred" else "num"
            tokens.append((kind, value))
            alt_tokens.append((kind, value))
    if not tokens:
        raise NumberFormatError(UnitsErrorCode.NOT_A_NUMBER, f"'{text}' is not a number.")
    value = combine_number_tokens(tokens)
    alternative = combine_number_tokens(alt_tokens) if ambiguous else None
    return value, ambiguous, alternative, reason


def _is_year_not_grams(number_text: str, unit_text: str) -> bool:
    # "в 2024 г." is a year, not 2024 grams; likewise "2024 г" and "2024 гг.".
    return unit_text.lower().startswith("г") and bool(re.fullmatch(r"(1[89]|20)\d\d", number_text))


def _build(pieces: list[tuple[re.Match[str], str]], style: NumberStyle) -> Quantity:
    parts: list[tuple[float, str]] = []
    ambiguous, alternative_total, reason = False, 0.0, None
    units = []
    for match, _text in pieces:
        unit = unit_from_match(match)
        value, is_ambiguous, alternative, why = parse_number_expression(
            match.group("number"), style=style
        )
        parts.append((value, unit.code))
        units.append(unit)
        alternative_total += (
            alternative if is_ambiguous and alternative is not None else value
        ) * unit.factor
        ambiguous = ambiguous or is_ambiguous
        reason = reason or why
    text = " ".join(t for _, t in pieces)
    if len(parts) == 1:
        value, code = parts[0]
        alt = (alternative_total / units[0].factor) if ambiguous else None
        return Quantity(value, code, text, ambiguous, alt, reason, tuple(parts))
    base = "kg" if units[0].dimension == "mass" else units[0].code
    base_factor = UNITS_BY_CODE[base].factor
    total = sum(v * UNITS_BY_CODE[c].factor for v, c in parts) / base_factor
    alt = alternative_total / base_factor if ambiguous else None
    return Quantity(round(total, 9), base, text, ambiguous, alt, reason, tuple(parts))


def _compound_ok(pieces: list[re.Match[str]]) -> bool:
    units = [unit_from_match(m) for m in pieces]
    if any(u.dimension != units[0].dimension or u.dimension == "count" for u in units):
        return False
    return all(a.factor > b.factor for a, b in zip(units, units[1:], strict=False))


def find_quantities(text: str, *, style: NumberStyle = "ru") -> Iterator[QuantityMatch]:
    """Every quantity with a unit in `text`, compound quantities joined into one.

    >>> [m.quantity.value for m in find_quantities("изъято 15 т 106 кг 549 г героина")]
    [15106.549]
    """
    singles: list[re.Match[str]] = []
    for match in _ONE_QUANTITY_RE.finditer(text):
        if _is_year_not_grams(match.group("number").strip(), match.group("unit")):
            continue
        singles.append(match)
    index = 0
    while index < len(singles):
        group = [singles[index]]
        while index + 1 < len(singles):
            following = singles[index + 1]
            gap = text[group[-1].end() : following.start()]
            if re.fullmatch(r"\s*,?\s*", gap) and _compound_ok([*group, following]):
                group.append(following)
                index += 1
            else:
                break
        index += 1
        try:
            quantity = _build([(m, m.group(0)) for m in group], style)
        except NumberFormatError:
            continue
        yield QuantityMatch(group[0].start(), group[-1].end(), quantity)


def parse_quantity(text: str, *, style: NumberStyle | None = None) -> Quantity:
    """Read a whole string as one quantity (compound allowed).

    `style` None reads Cyrillic text Russian-style and other text English-style.

    >>> parse_quantity("15 тонн 106 килограммов 549 грамма").value
    15106.549
    >>> parse_quantity("1,5 тонны")
    Quantity(value=1.5, unit='t', ...)
    """
    if not isinstance(text, str) or not text.strip():
        raise QuantityError(UnitsErrorCode.EMPTY, "The quantity is empty.")
    stripped = text.strip()
    if style is None:
        # Without a hint, Cyrillic text is read Russian-style and Latin text English-style.
        style = "ru" if re.search(r"[а-яё]", stripped, re.IGNORECASE) else "en"
    matches = list(find_quantities(stripped, style=style))
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(stripped.rstrip(". ")):
        return matches[0].quantity
    if len(matches) == 1 and not stripped[matches[0].end :].strip(" .;"):
        if not stripped[: matches[0].start].strip():
            return matches[0].quantity
    if not matches:
        if _NUMBER_EXPRESSION_RE.fullmatch(stripped):
            raise QuantityError(UnitsErrorCode.NO_UNIT, f"'{stripped}' has no unit.")
        raise QuantityError(
            UnitsErrorCode.UNKNOWN_UNIT, f"'{stripped}' is not a quantity with a known unit."
        )
    raise QuantityError(
        UnitsErrorCode.MIXED_DIMENSIONS,
        f"'{stripped}' holds several quantities that do not add up to one.",
    )
