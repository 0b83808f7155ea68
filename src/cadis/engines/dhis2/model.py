"""Aggregate values, the caller's DHIS2 mapping, and the stable error codes of the readers.

Values are keyed in *our* terms: an indicator code, a :class:`Period`, an ISO 3166
code (country ``KZ`` or subdivision ``KZ-75``) and disaggregations as sorted
(category, option) pairs such as ``(("age", "15-19"), ("sex", "female"))``. The
:class:`Dhis2Mapping` (kept by the app in reference data, editable) translates them to
the receiving DHIS2 instance's identifiers.

>>> combo = Combo((("sex", "female"),), "F_COC", {"SEX": "F"})
>>> m = Dhis2Mapping({"KZ": "OU_KZ"}, {"TDI_CLIENTS": "DE_TDI"}, (DEFAULT_COMBO, combo))
>>> m.combo_by_adx({"SEX": "F"}).ours
(('sex', 'female'),)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cached_property
from typing import Any

from cadis.engines.dhis2.periods import Period

Disaggregation = tuple[tuple[str, str], ...]
Number = int | Decimal

_NUMBER = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,3})?")
_MAX_DIGITS = 30  # DHIS2 stores doubles; anything longer is an error, not a number


class ErrorCode(StrEnum):
    """Stable codes of everything a reader or writer refuses (shown to users, kept in logs)."""

    MALFORMED = "malformed"
    MISSING_FIELD = "missing_field"
    UNKNOWN_ORG_UNIT = "unknown_org_unit"
    UNKNOWN_DATA_ELEMENT = "unknown_data_element"
    UNKNOWN_CATEGORY_OPTION_COMBO = "unknown_category_option_combo"
    UNKNOWN_ATTRIBUTE_OPTION_COMBO = "unknown_attribute_option_combo"
    BAD_PERIOD = "bad_period"
    DUPLICATE_VALUE = "duplicate_value"
    NON_NUMERIC_VALUE = "non_numeric_value"


@dataclass(frozen=True)
class Problem:
    """One refused item: a stable code, an English message and where it was found.

    ``row`` is the source line of the ADX element or the 1-based position of the data
    value in a dataValueSets message; ``field`` the attribute or key at fault and
    ``value`` its text (shortened), so that an import report can name them.
    """

    code: ErrorCode
    message: str
    where: str = ""
    value: str = ""
    row: int | None = None
    field: str = ""


class Dhis2Error(ValueError):
    """Raised by the writers (a value the mapping cannot express)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.code}: {problem.message}")
        self.problem = problem


def disaggregation(**pairs: str) -> Disaggregation:
    """Sorted (category, option) pairs.

    >>> disaggregation(sex="female", age="15-19")
    (('age', '15-19'), ('sex', 'female'))
    """
    return tuple(sorted(pairs.items()))


@dataclass(frozen=True)
class AggregateValue:
    data_element: str
    period: Period
    org_unit: str
    value: Number
    disaggregation: Disaggregation = ()
    attribute: Disaggregation = ()
    comment: str = ""
    # Where a reader found it (see ``Problem.row``); not part of the value's identity.
    row: int | None = field(default=None, compare=False)

    @property
    def key(self) -> tuple[object, ...]:
        return (self.data_element, self.period, self.org_unit, self.disaggregation, self.attribute)


def parse_number(text: object) -> Number | None:
    """A DHIS2 numeric value as int or Decimal; None when it is not a plain finite number.

    >>> parse_number("12"), parse_number("7.50"), parse_number("1e3"), parse_number("NaN")
    (12, Decimal('7.50'), 1000, None)
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        text = str(text)
    elif isinstance(text, float):
        text = repr(text)
    if not isinstance(text, str):
        return None
    text = text.strip()
    if len(text) > 2 * _MAX_DIGITS or not _NUMBER.fullmatch(text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None
    if number.adjusted() > _MAX_DIGITS:
        return None
    if number == number.to_integral_value():
        return int(number)
    return number


def format_number(value: Number) -> str:
    """Plain decimal text (never an exponent), as DHIS2 stores it.

    >>> format_number(12), format_number(Decimal("1E+2")), format_number(Decimal("7.50"))
    ('12', '100', '7.50')
    """
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"{value!r} is not an int or Decimal")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value!r} is not a finite number")
        if value == value.to_integral_value():
            return str(int(value))
        return format(value, "f")
    return str(value)


@dataclass(frozen=True)
class Combo:
    """A category (or attribute) option combination in both our and DHIS2's terms.

    ``dhis2_id`` is what dataValueSets carry (a UID or a code, by the chosen id
    scheme); ``adx`` the attributes ADX writes instead (DHIS2 category code -> option
    code). The default combination has no disaggregation and no ADX attributes.
    """

    ours: Disaggregation
    dhis2_id: str
    adx: Mapping[str, str] = field(default_factory=dict)

    @property
    def adx_key(self) -> frozenset[tuple[str, str]]:
        return frozenset(self.adx.items())


DEFAULT_COMBO = Combo((), "HllvX50cXC0")  # the UID DHIS2 gives its "default" combination


def _unique(name: str, pairs: list[tuple[Any, Any]]) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for key, value in pairs:
        if key in out and out[key] != value:
            raise ValueError(f"mapping: {name} {key!r} is mapped twice")
        out[key] = value
    return out


@dataclass(frozen=True)
class Dhis2Mapping:
    """Our codes to one DHIS2 instance's identifiers; every direction must be one-to-one.

    ``org_units``: ISO 3166 code -> org unit id; ``data_elements``: indicator code ->
    data element id; ``combos`` the category option combinations and
    ``attribute_combos`` the attribute option combinations (both include the default
    one when it is used).
    """

    org_units: Mapping[str, str]
    data_elements: Mapping[str, str]
    combos: tuple[Combo, ...] = (DEFAULT_COMBO,)
    attribute_combos: tuple[Combo, ...] = (DEFAULT_COMBO,)
    data_set: str = ""

    def __post_init__(self) -> None:
        for name in ("org_units_back", "data_elements_back", "_combo_index", "_aoc_index"):
            getattr(self, name)  # build the indexes now: a bad mapping fails at once

    @cached_property
    def org_units_back(self) -> dict[str, str]:
        return _unique("org unit", [(v, k) for k, v in self.org_units.items()])

    @cached_property
    def data_elements_back(self) -> dict[str, str]:
        return _unique("data element", [(v, k) for k, v in self.data_elements.items()])

    @staticmethod
    def _index(
        combos: tuple[Combo, ...], what: str
    ) -> tuple[dict[Any, Combo], dict[str, Combo], dict[Any, Combo]]:
        ours = _unique(what, [(c.ours, c) for c in combos])
        by_id = _unique(f"{what} id", [(c.dhis2_id, c) for c in combos])
        by_adx = _unique(f"{what} ADX attribute set", [(c.adx_key, c) for c in combos])
        return ours, by_id, by_adx

    @cached_property
    def _combo_index(self) -> tuple[dict[Any, Combo], dict[str, Combo], dict[Any, Combo]]:
        return self._index(self.combos, "category option combo")

    @cached_property
    def _aoc_index(self) -> tuple[dict[Any, Combo], dict[str, Combo], dict[Any, Combo]]:
        return self._index(self.attribute_combos, "attribute option combo")

    def combo(self, ours: Disaggregation) -> Combo | None:
        return self._combo_index[0].get(ours)

    def combo_by_id(self, dhis2_id: str) -> Combo | None:
        return self._combo_index[1].get(dhis2_id)

    def combo_by_adx(self, attributes: Mapping[str, str]) -> Combo | None:
        return self._combo_index[2].get(frozenset(attributes.items()))

    def attribute_combo(self, ours: Disaggregation) -> Combo | None:
        return self._aoc_index[0].get(ours)

    def attribute_combo_by_id(self, dhis2_id: str) -> Combo | None:
        return self._aoc_index[1].get(dhis2_id)

    def attribute_combo_by_adx(self, attributes: Mapping[str, str]) -> Combo | None:
        return self._aoc_index[2].get(frozenset(attributes.items()))


@dataclass
class ReadResult:
    """What a reader found: the values, and every problem (an import is all or nothing)."""

    values: list[AggregateValue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    max_problems: int = 200
    items: int = 0  # data values met in the message, good or bad

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def add(
        self,
        code: ErrorCode,
        message: str,
        where: str = "",
        *,
        value: object = "",
        row: int | None = None,
        field: str = "",
    ) -> None:
        self.problem_count += 1
        if len(self.problems) < self.max_problems:
            text = value if isinstance(value, str) else str(value)
            self.problems.append(Problem(code, message, where, text[:60], row, field))

    @property
    def codes(self) -> set[ErrorCode]:
        return {p.code for p in self.problems}


class _Deduplicator:
    """Refuses a second value for a key already read (DUPLICATE_VALUE)."""

    def __init__(self, result: ReadResult) -> None:
        self.result = result
        self.seen: dict[tuple[object, ...], str] = {}

    def accept(self, value: AggregateValue, where: str) -> None:
        first = self.seen.get(value.key)
        if first is not None:
            self.result.add(
                ErrorCode.DUPLICATE_VALUE,
                f"a second value for {value.data_element} {value.period.dhis2} "
                f"{value.org_unit} (first at {first})",
                where,
                value=value.data_element,
                row=value.row,
                field="dataElement",
            )
            return
        self.seen[value.key] = where
        self.result.values.append(value)
