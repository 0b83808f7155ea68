"""Quantities as releases write them, on top of the units engine's reader.

The units engine reads "15 т 106 кг 549 г", "1,5 тонны", "three tonnes". Releases also
write "48 kg and 620 grams", "one kilogram and 240 grams", "полкило", "half a tonne",
"более тонны" (a unit without a number: one), and in the region's languages "5 келі 300
грамм", "20 kilogramm 450 gramm", "2 000 дона". This module finds those too and joins the
parts of a compound quantity into one value.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cadis.engines.extract.language import REGIONAL
from cadis.engines.extract.lexicon import NUMBER_WORD_PATTERN, number_word_value, words
from cadis.engines.units import (
    Quantity,
    QuantityMatch,
    UnitsError,
    find_quantities,
    parse_number,
)
from cadis.engines.units.numbers import NumberStyle
from cadis.engines.units.quantity import DIGITS_PATTERN
from cadis.engines.units.unit_names import UNITS_BY_CODE
from cadis.engines.units.words import word_value

# A compound's parts are joined by nothing, a comma or "and" in any of the languages.
_JOINER = re.compile(
    r"\s*,?\s*(?:(?:and|и|а\s+также|va|ва|және|jane|жана|we|ham|ҳам)\s+)?", re.IGNORECASE
)
_HALF = re.compile(
    r"(?<![\w])(?:пол(?:-|\s)?(?P<ru>кило(?:грамм\w*)?|тонн\w*|литр\w*)"
    r"|half\s+an?\s+(?P<en>kilo(?:gram(?:me)?)?s?|tonnes?|tons?|litres?|liters?))(?![\w])",
    re.IGNORECASE,
)
# "one and a half tons", "два с половиной килограмма": a number and a half.
_AND_A_HALF = re.compile(
    rf"(?<![\w])(?P<n>\d+|{NUMBER_WORD_PATTERN}|[a-z]+|[а-я]+)\s+(?:and\s+a\s+half|с\s+половиной)\s+"
    r"(?P<unit>тонн\w*|килограмм\w*|кг|литр\w*|tonnes?|tons?|kilo(?:gram(?:me)?)?s?|kg|litres?|liters?)(?![\w])",
    re.IGNORECASE,
)
# "более тонны", "около килограмма", "more than a tonne": one unit, stated roughly.
_BARE_UNIT = re.compile(
    r"(?<![\w])(?P<q>более|свыше|около|почти|порядка|больше|over|more\s+than|about|around|nearly|almost)"
    r"\s+(?P<article>(?:an?|one)\s+)?(?P<unit>тонн[ыу]|килограмма|литра|tonnes?|tons?|kilograms?|kilos?)(?![\w])",
    re.IGNORECASE,
)
_UNIT_OF_WORD = (
    (re.compile(r"кило|kilo", re.IGNORECASE), "kg"),
    (re.compile(r"тонн|ton", re.IGNORECASE), "t"),
    (re.compile(r"литр|lit", re.IGNORECASE), "l"),
)


def _unit_code(word: str) -> str:
    for regex, code in _UNIT_OF_WORD:
        if regex.match(word):
            return code
    return "kg"


@lru_cache(maxsize=1)
def _regional_quantity() -> re.Pattern[str]:
    units = "|".join(
        f"(?P<{code}>{words(category)})"
        for code, category in (
            ("kg", "unit_kg"),
            ("g", "unit_g"),
            ("t", "unit_t"),
            ("l", "unit_l"),
            ("unit", "unit_count"),
        )
    )
    return re.compile(
        rf"(?P<number>{DIGITS_PATTERN}|{NUMBER_WORD_PATTERN})\s*(?:{units})", re.IGNORECASE
    )


def _regional_matches(text: str, style: NumberStyle) -> list[QuantityMatch]:
    found = []
    for match in _regional_quantity().finditer(text):
        number = match.group("number")
        code = next(c for c in ("kg", "g", "t", "l", "unit") if match.group(c))
        try:
            value = parse_number(number, style=style).value
        except UnitsError:
            word_value = number_word_value(number)
            if word_value is None:
                continue
            value = float(word_value)
        if code == "g" and re.fullmatch(r"(?:19|20)\d\d", number):
            continue
        found.append(
            QuantityMatch(
                match.start(),
                match.end(),
                Quantity(value, code, match.group(0), parts=((value, code),)),
            )
        )
    return found


def _half_and_bare_matches(text: str) -> list[QuantityMatch]:
    found = []
    for match in _AND_A_HALF.finditer(text):
        number = match.group("n")
        value = float(number) if number.isdigit() else word_value(number)
        if value is None:
            continue
        code = _unit_code(match.group("unit"))
        found.append(
            QuantityMatch(
                match.start(),
                match.end(),
                Quantity(value + 0.5, code, match.group(0), parts=((value + 0.5, code),)),
            )
        )
    for match in _HALF.finditer(text):
        code = _unit_code(match.group("ru") or match.group("en") or "kilo")
        found.append(
            QuantityMatch(
                match.start(),
                match.end(),
                Quantity(0.5, code, match.group(0), parts=((0.5, code),)),
            )
        )
    for match in _BARE_UNIT.finditer(text):
        code = _unit_code(match.group("unit"))
        start = match.start("article") if match.group("article") else match.start("unit")
        found.append(
            QuantityMatch(
                start,
                match.end(),
                Quantity(1.0, code, text[start : match.end()], parts=((1.0, code),)),
            )
        )
    return found


def _without_overlaps(matches: list[QuantityMatch]) -> list[QuantityMatch]:
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[QuantityMatch] = []
    for match in matches:
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


def _can_follow(first: Quantity, second: Quantity) -> bool:
    a, b = (
        UNITS_BY_CODE[first.parts[-1][1] if first.parts else first.unit],
        UNITS_BY_CODE[second.parts[0][1] if second.parts else second.unit],
    )
    return a.dimension == b.dimension and a.dimension != "count" and a.factor > b.factor


def _joined(text: str, group: list[QuantityMatch]) -> QuantityMatch:
    if len(group) == 1:
        return group[0]
    parts = tuple(
        part
        for match in group
        for part in (match.quantity.parts or ((match.quantity.value, match.quantity.unit),))
    )
    dimension = UNITS_BY_CODE[parts[0][1]].dimension
    base = "kg" if dimension == "mass" else "l"
    total = sum(value * UNITS_BY_CODE[code].factor for value, code in parts)
    total /= UNITS_BY_CODE[base].factor
    ambiguous = any(m.quantity.ambiguous for m in group)
    alternative = None
    reason = next((m.quantity.reason for m in group if m.quantity.reason), None)
    if ambiguous:
        alternative = (
            sum(
                (
                    m.quantity.alternative
                    if m.quantity.ambiguous and m.quantity.alternative is not None
                    else m.quantity.value
                )
                * UNITS_BY_CODE[m.quantity.unit].factor
                for m in group
            )
            / UNITS_BY_CODE[base].factor
        )
    start, end = group[0].start, group[-1].end
    return QuantityMatch(
        start,
        end,
        Quantity(round(total, 9), base, text[start:end], ambiguous, alternative, reason, parts),
    )


def find_document_quantities(
    text: str, *, language: str, style: NumberStyle
) -> list[QuantityMatch]:
    """Every quantity in `text` (a sentence), compound parts joined, earliest first.

    >>> [round(m.quantity.value, 3) for m in find_document_quantities(
    ...     "seized 48 kg and 620 grams of heroin", language="en", style="en")]
    [48.62]
    >>> [m.quantity.value for m in find_document_quantities("полкило гашиша", language="ru", style="ru")]
    [0.5]
    """
    matches = list(find_quantities(text, style=style))
    matches += _half_and_bare_matches(text)
    if language in REGIONAL:
        matches += _regional_matches(text, style)
    matches = _without_overlaps(matches)
    joined: list[QuantityMatch] = []
    group: list[QuantityMatch] = []
    for match in matches:
        if group:
            gap = text[group[-1].end : match.start]
            if _JOINER.fullmatch(gap) and _can_follow(group[-1].quantity, match.quantity):
                group.append(match)
                continue
            joined.append(_joined(text, group))
        group = [match]
    if group:
        joined.append(_joined(text, group))
    return joined
