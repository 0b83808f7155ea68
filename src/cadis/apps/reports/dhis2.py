"""TDI and harms aggregates for DHIS2: ADX (XML) and dataValueSets (JSON), one instance's mapping.

The values are the SDMX observations of ``reports.sdmx`` (so scope and small-cell
suppression are exactly those of the pages and of the open data), restricted to what a
DHIS2 data set carries:

- ``TDI_CLIENTS``: clients entering treatment per country and year, in total and by sex
  (the sex margins of the published TDI tables); a withheld cell is not sent (DHIS2 has
  no "confidential" mark; an absent value is not a zero);
- ``DRD_CASES``, ``DRID_*_CASES`` and ``DRID_*_TESTED``: the harms figures the reader may
  see, in total, by sex or by age band (figures by substance are not sent).

Values whose org unit or combination the instance's mapping does not list are left out
and counted (``Export.skipped``), never guessed. A country-year without episode rows sends
the TDI aggregates imported from DHIS2 instead (``imported_values``), so that an importing
country's re-export gives the aggregates it received.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cadis.apps.reference.dhis2 import mapping_for as mapping_for  # re-exported (views)
from cadis.apps.reference.models import Country
from cadis.apps.reports import sdmx
from cadis.apps.treatment import selectors as tdi_selectors
from cadis.apps.treatment.dhis2_import import HARM_ELEMENTS, TDI_ELEMENTS
from cadis.engines.dhis2 import AggregateValue, Dhis2Mapping, Period
from cadis.engines.dhis2.periods import YEARLY
from cadis.engines.sdmx import SEX_FROM_TDI, TOTAL, Observation, age_code
from cadis.engines.stats import AGE_BANDS, AGE_UNKNOWN

SEX_FROM_SDMX = {code: ours for ours, code in SEX_FROM_TDI.items() if ours not in ("all", TOTAL)}
AGE_FROM_SDMX = {age_code(band): band for band in [b for b, _lo, _hi in AGE_BANDS] + [AGE_UNKNOWN]}
TDI_INDICATORS = TDI_ELEMENTS  # the data elements the import takes back, too
HARMS_INDICATORS = tuple(HARM_ELEMENTS)


def _disaggregation(obs: Observation, allowed: tuple[str, ...]) -> tuple | None:
    """Our (category, option) pairs of an observation, or None when it is not sent."""
    pairs = []
    for dim, code in obs.key.items():
        if dim in ("REF_AREA", "INDICATOR") or code == TOTAL:
            continue
        if dim not in allowed:
            return None
        if dim == "SEX":
            pairs.append(("sex", SEX_FROM_SDMX[code]))
        elif dim == "AGE":
            pairs.append(("age", AGE_FROM_SDMX[code]))
    return tuple(sorted(pairs))


def _values(observations: Iterable[Observation], indicators, allowed) -> list[AggregateValue]:
    out = []
    for obs in observations:
        indicator = obs.key.get("INDICATOR")
        if indicator not in indicators or obs.value is None:
            continue
        pairs = _disaggregation(obs, allowed)
        if pairs is None:
            continue
        out.append(
            AggregateValue(
                indicator, Period.from_dhis2(obs.time), obs.key["REF_AREA"], int(obs.value), pairs
            )
        )
    return out


def imported_values(user, countries: list[Country]) -> list[AggregateValue]:
    """Imported TDI aggregates (``ImportedAggregate``) of the country-years without episodes.

    The rule: where a country has episode rows for a year, its TDI figures are computed from
    them (and suppressed as on the pages); a year without episodes sends the imported figures
    the reader may see, added up over the organisations that imported them.
    """
    ids = {country.pk: country.code for country in countries}
    with_episodes = tdi_selectors.episode_country_years(ids)
    out = []
    for (country_id, indicator, year, text), total in sorted(
        tdi_selectors.imported_aggregate_sums(user, ids).items()
    ):
        if (country_id, year) in with_episodes or indicator not in TDI_INDICATORS:
            continue
        pairs = tuple(sorted(tuple(p.split("=", 1)) for p in text.split(";") if p))
        out.append(AggregateValue(indicator, Period(YEARLY, year), ids[country_id], total, pairs))
    return out


def aggregate_values(user, countries: list[Country]) -> list[AggregateValue]:
    """The TDI and harms values the reader may see, in our terms."""
    structure_set = sdmx.structures()
    _flow, tdi = sdmx.dataflow_observations(user, "DF_TDI", countries, structure_set=structure_set)
    _flow, harms = sdmx.dataflow_observations(
        user, "DF_HARMS", countries, structure_set=structure_set
    )
    return (
        _values(tdi, TDI_INDICATORS, ("SEX",))
        + imported_values(user, countries)
        + _values(harms, HARMS_INDICATORS, ("SEX", "AGE"))
    )


@dataclass
class Export:
    values: list[AggregateValue]
    skipped: int


def mapped(values: list[AggregateValue], mapping: Dhis2Mapping) -> Export:
    """The values the mapping can express, and how many it cannot."""
    kept = [
        v
        for v in values
        if v.org_unit in mapping.org_units
        and v.data_element in mapping.data_elements
        and mapping.combo(v.disaggregation) is not None
        and mapping.attribute_combo(v.attribute) is not None
    ]
    return Export(kept, len(values) - len(kept))
