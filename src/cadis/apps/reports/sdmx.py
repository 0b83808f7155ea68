"""SDMX open data: the structure message and SDMX-CSV 2.0 data of every published dataflow.

The observations are built from exactly what the web pages show the reader: the TDI
tables of the years the reader may see (small cells suppressed, ``treatment.tables``), the
harms figures the reader may see (``treatment.selectors``), and the seizure aggregates of the
supply analytics (``supply.analytics``, scoped). Nothing is computed twice: a suppressed
cell of a page is an observation with no value and CONF_STATUS ``C``/``D`` here.

    flow, observations = dataflow_observations(user, "DF_TDI", [kg])
    for chunk in iter_sdmx_csv(flow, observations): ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

from django.contrib.auth.models import AnonymousUser

from cadis.apps.reference.models import Country, Subdivision, SubstanceGroup, TdiDrug
from cadis.apps.reports import profile as report_profile
from cadis.apps.treatment import selectors as tdi
from cadis.apps.treatment import tables as tdi_tables
from cadis.engines.sdmx import (
    CONF_FREE,
    OBS_LOW_RELIABILITY,
    OBS_NORMAL,
    SEX_FROM_TDI,
    TOTAL,
    UNKNOWN,
    Dataflow,
    Observation,
    StructureSet,
    Text,
    age_code,
    area_codelist,
    cadis_structures,
    codelist_from_pairs,
    merge_shared_margins,
    primary_drug_codelist,
    sdmx_id,
    structure_message,
    table_observations,
    tdi_code,
)
from cadis.engines.sdmx.model import Code, Codelist

FLOW_IDS = ("DF_TDI", "DF_HARMS", "DF_SEIZURES")
#: Harms data quality to SDMX observation status (cross-domain CL_OBS_STATUS): figures with
#: partial coverage or from an estimate or small sample are of low reliability (``U``).
OBS_STATUS_FROM_QUALITY = {"good": OBS_NORMAL, "partial": OBS_LOW_RELIABILITY}
SYNTHETIC_COMMENT = "SYNTHETIC: demo data, not real figures"


def _drug_rows() -> tuple[tuple[str, str | None, str, str], ...]:
    """The TDI drug reference table with national additions, parents before children."""
    rows = TdiDrug.objects.select_related("parent").order_by("code")
    by_code = {d.code: d for d in rows}
    ordered: list[TdiDrug] = []
    placed: set[str] = set()

    def place(drug: TdiDrug) -> None:
        if drug.code in placed:
            return
        if drug.parent_id and drug.parent.code in by_code:
            place(by_code[drug.parent.code])
        placed.add(drug.code)
        ordered.append(drug)

    for drug in rows:
        place(drug)
    return tuple(
        (d.code, d.parent.code if d.parent_id else None, d.name_ru, d.name_en) for d in ordered
    )


def _seizure_drugs() -> Codelist:
    """CL_DRUG: the top-level substance groups (what seizures are aggregated by), total, unknown."""
    groups = SubstanceGroup.objects.filter(parent__isnull=True).order_by("code")
    base = codelist_from_pairs(
        "CL_DRUG",
        Text("Группа веществ", "Drug group"),
        [(g.code, g.name_ru, g.name_en) for g in groups],
    )
    return Codelist(
        base.id,
        base.name,
        base.codes
        + (
            Code(TOTAL, Text("Все наркотики", "All drugs")),
            Code(UNKNOWN, Text("Вещество не установлено", "Substance not identified")),
        ),
    )


def structures() -> StructureSet:
    """The published structures, with the code lists read from reference data."""
    subdivisions = tuple(
        (s.code, s.name_ru, s.name_en)
        for s in Subdivision.objects.filter(country__is_central_asia=True).order_by("code")
    )
    return cadis_structures(
        area=area_codelist(subdivisions),
        drugs=primary_drug_codelist(_drug_rows()),
        seizure_drugs=_seizure_drugs(),
    )


def structure_xml(*, prepared: str | None = None) -> bytes:
    return structure_message(structures(), prepared=prepared)


def flow_by_id(structure_set: StructureSet, flow_id: str) -> Dataflow:
    for flow in structure_set.dataflows:
        if flow.id == flow_id:
            return flow
    raise KeyError(flow_id)


# --- DF_TDI -----------------------------------------------------------------------------------


def tdi_observations(user, country: Country) -> Iterator[Observation]:
    """The suppressed standard TDI tables of every year the reader may see, as on the pages."""
    for year in sorted(report_profile.visible_tdi_years(user, country)):
        for table in tdi_tables.standard_tables([country.pk], year):
            rows, columns = table.key.split("__")
            yield from table_observations(
                table.records(),
                rows=rows,
                columns=columns,
                key={"REF_AREA": country.code},
                time=str(year),
            )


# --- DF_HARMS ---------------------------------------------------------------------------------


@dataclass
class _HarmCell:
    cases: int = 0
    tested: int = 0
    has_tested: bool = False
    quality: str = OBS_NORMAL
    sources: tuple[str, ...] = ()
    synthetic: bool = False


def _worse(status: str, other: str) -> str:
    return status if status != OBS_NORMAL else other


def harms_observations(user, country: Country) -> Iterator[Observation]:
    """The harms figures the reader may see; figures of one key (several organisations) add up."""
    cells: dict[tuple[str, str, str, str, int], _HarmCell] = {}
    for record in tdi.harm_list(user=user, country=country.code).order_by(
        "year", "indicator", "sex", "age_band", "id"
    ):
        substance = tdi_code(record.substance.code) if record.substance_id else TOTAL
        key = (
            record.indicator.upper(),
            SEX_FROM_TDI[record.sex],
            age_code(record.age_band),
            substance,
            record.year,
        )
        cell = cells.setdefault(key, _HarmCell())
        cell.cases += record.cases
        if record.tested is not None:
            cell.tested += record.tested
            cell.has_tested = True
        status = OBS_STATUS_FROM_QUALITY.get(record.data_quality, OBS_LOW_RELIABILITY)
        cell.quality = _worse(cell.quality, status)
        if record.source and record.source not in cell.sources:
            cell.sources += (record.source,)
        cell.synthetic = cell.synthetic or record.source_kind == "demo"
    for (indicator, sex, age, substance, year), cell in cells.items():
        dims = {"REF_AREA": country.code, "SEX": sex, "AGE": age, "SUBSTANCE": substance}
        attrs = {"OBS_STATUS": cell.quality, "CONF_STATUS": CONF_FREE, "UNIT_MULT": "0"}
        if cell.sources:
            attrs["SOURCE_DETAIL"] = "; ".join(cell.sources)[:1000]
        if cell.synthetic:
            attrs["COMMENT_OBS"] = SYNTHETIC_COMMENT
        persons = {**attrs, "UNIT_MEASURE": "PS", "DECIMALS": "0"}
        yield Observation(
            {**dims, "INDICATOR": f"{indicator}_CASES"}, str(year), cell.cases, persons
        )
        if cell.has_tested:
            yield Observation(
                {**dims, "INDICATOR": f"{indicator}_TESTED"}, str(year), cell.tested, persons
            )
            if cell.tested:
                yield Observation(
                    {**dims, "INDICATOR": f"{indicator}_PREV"},
                    str(year),
                    round(100.0 * cell.cases / cell.tested, 1),
                    {**attrs, "UNIT_MEASURE": "PC", "DECIMALS": "1"},
                )


# --- DF_SEIZURES ------------------------------------------------------------------------------


def seizure_observations(user, country: Country) -> Iterator[Observation]:
    """Seizures per year (all drugs, and by top-level substance group), as on the dashboard."""
    if not report_profile.supply_installed():
        return
    from cadis.apps.supply import analytics

    per_year = analytics.by_period(user, analytics.Filters(country=country.code, grain="year"))
    for row in per_year:
        year = int(row["code"][:4])
        yield from _seizure_pair(country, str(year), TOTAL, row)
        filters = analytics.Filters(
            country=country.code, date_from=dt.date(year, 1, 1), date_to=dt.date(year, 12, 31)
        )
        for group in analytics.by_dimension(user, filters, "substance_group", limit=None):
            drug = sdmx_id(group["code"]) if group["code"] else UNKNOWN
            yield from _seizure_pair(country, str(year), drug, group)


def _seizure_pair(country: Country, year: str, drug: str, row: dict) -> Iterator[Observation]:
    attrs = {"OBS_STATUS": OBS_NORMAL, "CONF_STATUS": CONF_FREE, "UNIT_MULT": "0"}
    key = {"REF_AREA": country.code, "DRUG": drug}
    yield Observation(
        {**key, "INDICATOR": "SEIZURES"},
        year,
        row["seizures"],
        {**attrs, "UNIT_MEASURE": "NUM", "DECIMALS": "0"},
    )
    yield Observation(
        {**key, "INDICATOR": "SEIZED_KG"},
        year,
        round(row["kg"], 1),
        {**attrs, "UNIT_MEASURE": "KG", "DECIMALS": "1"},
    )


# --- one dataflow -----------------------------------------------------------------------------

_BUILDERS = {
    "DF_TDI": tdi_observations,
    "DF_HARMS": harms_observations,
    "DF_SEIZURES": seizure_observations,
}


def published_countries() -> list[Country]:
    return list(tdi.tdi_countries())


def dataflow_observations(
    user, flow_id: str, countries: Iterable[Country], *, structure_set: StructureSet | None = None
) -> tuple[Dataflow, list[Observation]]:
    """The dataflow and its observations for the reader (shared TDI margins merged once).

    Raises ``KeyError`` for an unknown dataflow id.
    """
    build = _BUILDERS[flow_id]
    flow = flow_by_id(structure_set or structures(), flow_id)
    observations = chain.from_iterable(build(user, country) for country in countries)
    return flow, list(merge_shared_margins(observations, flow.structure.dimension_ids))


def public_user() -> AnonymousUser:
    """The anonymous reader: what ``cadis export sdmx`` publishes."""
    return AnonymousUser()
