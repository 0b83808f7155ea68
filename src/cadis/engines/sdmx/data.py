"""Observations and the SDMX-CSV 2.0 writer (streaming, checked against the structure).

A row is written only when it would be accepted by a registry: every dimension has a
code of its code list, the time period is an SDMX time period, coded attributes carry
codes of their lists, and no two rows share a series key and period. Missing and
suppressed observations follow SDMX-CSV 2.0 ("intentionally missing values"): the
measure is ``NaN`` (the measure is a double) with OBS_STATUS ``M`` or CONF_STATUS
``C``/``D``; an empty cell would mean "not reported / leave unchanged" in SDMX-CSV 2.0.
A value that carries CONF_STATUS ``C`` or ``D`` is refused: a confidential number must
never reach a published file.

>>> from cadis.engines.sdmx.dataflows import tdi_dataflow
>>> flow = tdi_dataflow()
>>> attrs = {"OBS_STATUS": "A", "CONF_STATUS": "F", "UNIT_MEASURE": "PS"}
>>> obs = Observation({"REF_AREA": "KZ", "INDICATOR": "TDI_CLIENTS"}, "2024", 120, attrs)
>>> print("".join(iter_sdmx_csv(flow, [obs])).splitlines()[1][:50])
dataflow,CADIS:DF_TDI(1.0),I,KZ,TDI_CLIENTS,_T,_T,
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TextIO

from cadis.engines.sdmx.codelists import (
    CONF_PRIMARY,
    CONF_SECONDARY,
    OBS_MISSING,
    TOTAL,
)
from cadis.engines.sdmx.model import Dataflow
from cadis.engines.tables import CsvLines

#: SDMX-CSV 2.0.0 action "I" (information): data for dissemination, loaded as "append".
ACTION = "I"
MISSING_VALUE = "NaN"
_PERIOD = re.compile(r"\d{4}(-(Q[1-4]|S[12]|W(0[1-9]|[1-4]\d|5[0-3])|(0[1-9]|1[0-2])(-\d{2})?))?")
_CONFIDENTIAL = frozenset({CONF_PRIMARY, CONF_SECONDARY})


class ObservationError(ValueError):
    """An observation that does not fit its data structure."""


class DuplicateKeyError(ObservationError):
    """Two observations with the same dimension values and period."""


@dataclass(frozen=True)
class Observation:
    """One observation. Dimensions left out of ``key`` are totals (``_T``).

    ``value`` is None for a missing or suppressed observation; the attributes must then
    say why (OBS_STATUS ``M``, or CONF_STATUS ``C``/``D``).
    """

    key: Mapping[str, str]
    time: str
    value: int | float | None
    attributes: Mapping[str, str] = field(default_factory=dict)

    def series_key(self, dimensions: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.key.get(d, TOTAL) for d in dimensions)


def _format_value(value: int | float | None) -> str:
    if value is None:
        return MISSING_VALUE
    if isinstance(value, bool):
        raise ObservationError("a boolean is not an observation value")
    if isinstance(value, float) and not math.isfinite(value):
        raise ObservationError(f"{value!r} is not a publishable value; use None")
    return str(value)


class _Checker:
    """Checks observations of one dataflow, remembering keys to refuse duplicates."""

    def __init__(self, flow: Dataflow) -> None:
        self.flow = flow
        self.dsd = flow.structure
        self.dims = self.dsd.dimension_ids
        self.codes = {d.id: d.codelist.ids for d in self.dsd.dimensions}
        self.attr_codes = {
            a.id: (a.codelist.ids if a.codelist is not None else None) for a in self.dsd.attributes
        }
        self.mandatory = [a.id for a in self.dsd.attributes if a.mandatory]
        self.seen: set[tuple[str, ...]] = set()

    def row(self, obs: Observation) -> list[str]:
        unknown = set(obs.key) - set(self.dims)
        if unknown:
            raise ObservationError(f"{self.flow.id} has no dimension {sorted(unknown)[0]}")
        key = obs.series_key(self.dims)
        for dim, code in zip(self.dims, key, strict=True):
            if code not in self.codes[dim]:
                raise ObservationError(
                    f"{self.flow.id}: {code!r} is not a code of {dim} "
                    f"({self.dsd.dimensions[self.dims.index(dim)].codelist.id})"
                )
        if not _PERIOD.fullmatch(obs.time):
            raise ObservationError(f"{obs.time!r} is not an SDMX time period")
        full_key = (*key, obs.time)
        if full_key in self.seen:
            shown = ", ".join(f"{d}={c}" for d, c in zip(self.dims, key, strict=True))
            raise DuplicateKeyError(
                f"{self.flow.id}: duplicate observation for {shown}, TIME_PERIOD={obs.time}"
            )
        self.seen.add(full_key)
        attributes = []
        for attr, allowed in self.attr_codes.items():
            value = obs.attributes.get(attr, "")
            if value and allowed is not None and value not in allowed:
                raise ObservationError(f"{self.flow.id}: {value!r} is not a code of {attr}")
            attributes.append(value)
        extra = set(obs.attributes) - set(self.attr_codes)
        if extra:
            raise ObservationError(f"{self.flow.id} has no attribute {sorted(extra)[0]}")
        for attr in self.mandatory:
            if not obs.attributes.get(attr):
                raise ObservationError(f"{self.flow.id}: attribute {attr} is mandatory")
        confidential = obs.attributes.get("CONF_STATUS") in _CONFIDENTIAL
        if obs.value is None:
            if not confidential and obs.attributes.get("OBS_STATUS") != OBS_MISSING:
                raise ObservationError(
                    f"{self.flow.id}: a missing value at {full_key} needs OBS_STATUS M "
                    "or CONF_STATUS C/D"
                )
        elif confidential:
            raise ObservationError(
                f"{self.flow.id}: a confidential observation at {full_key} must not carry its value"
            )
        return [
            "dataflow",
            self.flow.reference,
            ACTION,
            *key,
            obs.time,
            _format_value(obs.value),
            *attributes,
        ]


def header(flow: Dataflow) -> list[str]:
    dsd = flow.structure
    return [
        "STRUCTURE",
        "STRUCTURE_ID",
        "ACTION",
        *dsd.dimension_ids,
        dsd.time_dimension,
        dsd.measure,
        *dsd.attribute_ids,
    ]


def iter_sdmx_csv(
    flow: Dataflow, observations: Iterable[Observation], *, chunk_rows: int = 1000
) -> Iterator[str]:
    """SDMX-CSV 2.0 text in chunks of ``chunk_rows`` rows (for streaming responses).

    Raises :class:`ObservationError` (or :class:`DuplicateKeyError`) at the first
    observation that does not fit; rows already yielded are then incomplete output.
    """
    checker = _Checker(flow)
    buffer = io.StringIO()
    lines = CsvLines(buffer, formula_rule=False)  # codes and numbers for machines, as they are
    lines.write(header(flow))
    pending = 0
    for obs in observations:
        lines.write(checker.row(obs))
        pending += 1
        if pending >= chunk_rows:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue()


def write_sdmx_csv(flow: Dataflow, observations: Iterable[Observation], out: TextIO) -> int:
    """Write SDMX-CSV 2.0 to ``out``; returns the number of observations written.

    ``out`` should be opened with ``newline=""`` (RFC 4180 line ends are CRLF).
    """
    rows = 0

    def counted() -> Iterator[Observation]:
        nonlocal rows
        for obs in observations:
            rows += 1
            yield obs

    for chunk in iter_sdmx_csv(flow, counted()):
        out.write(chunk)
    return rows


def check_observations(flow: Dataflow, observations: Iterable[Observation]) -> int:
    """Run every check of the writer without writing; returns the number of observations."""
    checker = _Checker(flow)
    count = 0
    for obs in observations:
        checker.row(obs)
        count += 1
    return count


def merge_shared_margins(
    observations: Iterable[Observation], dimensions: tuple[str, ...]
) -> Iterator[Observation]:
    """Drop exact repeats of an observation (margins shared by several tables).

    Two tables of one year share their margins (e.g. the grand total appears in every
    TDI table); they are one observation in SDMX. A repeat with a different value or
    different attributes is a real conflict and raises :class:`DuplicateKeyError`.

    >>> a = Observation({"SEX": "F"}, "2024", 3)
    >>> [o.value for o in merge_shared_margins([a, a], ("SEX",))]
    [3]
    """
    seen: dict[tuple[str, ...], Observation] = {}
    for obs in observations:
        key = (*obs.series_key(dimensions), obs.time)
        first = seen.get(key)
        if first is None:
            seen[key] = obs
            yield obs
        elif first.value != obs.value or dict(first.attributes) != dict(obs.attributes):
            shown = ", ".join(f"{d}={c}" for d, c in zip(dimensions, key, strict=False))
            raise DuplicateKeyError(
                f"conflicting observations for {shown}, TIME_PERIOD={obs.time}: "
                f"{first.value!r} and {obs.value!r}"
            )
