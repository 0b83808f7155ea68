"""The cadis dataflows: treatment demand (DF_TDI), harms (DF_HARMS), seizures (DF_SEIZURES).

Each breakdown is its own dimension (the old single BREAKDOWN/CATEGORY pair produced
codes like ``primary_drug+centre_type``); a table "primary drug x sex" is the slice
where every other dimension is ``_T``. TDI codes map to SDMX codes with
:func:`tdi_code`: ``not_known`` becomes ``_U`` and the total ``_T``, as in the
cross-domain lists; other codes go through the id sanitiser.

>>> flow = tdi_dataflow()
>>> flow.structure.dimension_ids[:4]
('REF_AREA', 'INDICATOR', 'SEX', 'AGE')
>>> tdi_code("not_known"), tdi_code("1.5"), tdi_code("last_30d")
('_U', '1@5', 'last_30d')
"""

from __future__ import annotations

from cadis.engines.sdmx.codelists import (
    CL_AGE,
    CL_CONF_STATUS,
    CL_DECIMALS,
    CL_OBS_STATUS,
    CL_SEX,
    CL_UNIT_MEASURE,
    CL_UNIT_MULT,
    CONCEPTS,
    TOTAL,
    UNKNOWN,
    area_codelist,
)
from cadis.engines.sdmx.ids import sdmx_id
from cadis.engines.sdmx.model import (
    Attribute,
    Code,
    Codelist,
    Concept,
    Dataflow,
    DataStructure,
    Dimension,
    StructureSet,
    Text,
)
from cadis.engines.tdi.codes import NOT_KNOWN, PRIMARY_DRUGS, VARIABLES

#: The TDI items published as dimensions of DF_TDI, in key order after SEX and AGE.
TDI_DIMENSIONS = (
    "primary_drug",
    "centre_type",
    "treatment_status",
    "referral",
    "route",
    "frequency",
    "injecting",
)

ATTRIBUTES = (
    Attribute("OBS_STATUS", CL_OBS_STATUS, mandatory=True),
    Attribute("CONF_STATUS", CL_CONF_STATUS, mandatory=True),
    Attribute("UNIT_MEASURE", CL_UNIT_MEASURE, mandatory=True),
    Attribute("UNIT_MULT", CL_UNIT_MULT),
    Attribute("DECIMALS", CL_DECIMALS),
    Attribute("SOURCE_DETAIL"),
    Attribute("COMMENT_OBS"),
)


def tdi_code(code: str) -> str:
    """The SDMX code of a TDI code (``not_known`` -> ``_U``, totals stay ``_T``)."""
    if code == NOT_KNOWN:
        return UNKNOWN
    if code in (TOTAL, "all"):
        return TOTAL
    return sdmx_id(code)


def _totals(codes: list[Code], total_ru: str, total_en: str) -> tuple[Code, ...]:
    codes.append(Code(TOTAL, Text(total_ru, total_en)))
    return tuple(codes)


def tdi_codelist(item: str) -> Codelist:
    """CL_TDI_<ITEM>: the codes of a TDI item plus the total."""
    variable = VARIABLES[item]
    codes = [Code(tdi_code(c), Text(n.ru, n.en)) for c, n in variable.labels]
    return Codelist(
        f"CL_TDI_{item.upper()}",
        Text(variable.name.ru, variable.name.en),
        _totals(codes, "Всего", "Total"),
    )


def primary_drug_codelist(
    rows: tuple[tuple[str, str | None, str, str], ...] = PRIMARY_DRUGS,
) -> Codelist:
    """CL_TDI_DRUG: primary drugs as (code, parent, name_ru, name_en), hierarchy kept.

    The app passes its reference table (with national additions); the default is the
    protocol list.
    """
    codes = [
        Code(tdi_code(code), Text(ru, en), tdi_code(parent) if parent else None)
        for code, parent, ru, en in rows
    ]
    return Codelist(
        "CL_TDI_DRUG",
        Text("Основное вещество (TDI)", "Primary drug (TDI)"),
        _totals(codes, "Все вещества", "All substances"),
    )


def _indicators(codelist_id: str, rows: tuple[tuple[str, str, str], ...]) -> Codelist:
    return Codelist(
        codelist_id,
        Text("Показатель", "Indicator"),
        tuple(Code(c, Text(ru, en)) for c, ru, en in rows),
    )


CL_TDI_INDICATOR = _indicators(
    "CL_TDI_INDICATOR",
    (("TDI_CLIENTS", "Обратившиеся за лечением", "Clients entering treatment"),),
)
CL_HARMS_INDICATOR = _indicators(
    "CL_HARMS_INDICATOR",
    (
        ("DRD_CASES", "Смерти, связанные с наркотиками", "Drug-related deaths"),
        ("DRID_HIV_CASES", "ВИЧ у ЛУИН: положительные", "HIV among PWID: positive"),
        ("DRID_HIV_TESTED", "ВИЧ у ЛУИН: обследованы", "HIV among PWID: tested"),
        ("DRID_HIV_PREV", "ВИЧ у ЛУИН: распространённость", "HIV among PWID: prevalence"),
        ("DRID_HCV_CASES", "ВГС у ЛУИН: положительные", "HCV among PWID: positive"),
        ("DRID_HCV_TESTED", "ВГС у ЛУИН: обследованы", "HCV among PWID: tested"),
        ("DRID_HCV_PREV", "ВГС у ЛУИН: распространённость", "HCV among PWID: prevalence"),
        ("DRID_HBV_CASES", "ВГВ у ЛУИН: положительные", "HBV among PWID: positive"),
        ("DRID_HBV_TESTED", "ВГВ у ЛУИН: обследованы", "HBV among PWID: tested"),
        ("DRID_HBV_PREV", "ВГВ у ЛУИН: распространённость", "HBV among PWID: prevalence"),
    ),
)
CL_SUPPLY_INDICATOR = _indicators(
    "CL_SUPPLY_INDICATOR",
    (
        ("SEIZURES", "Число изъятий", "Number of seizures"),
        ("SEIZED_KG", "Изъято, кг", "Quantity seized, kg"),
    ),
)

EXTRA_CONCEPTS = (
    Concept("PRIMARY_DRUG", Text("Основное вещество", "Primary drug")),
    Concept("SUBSTANCE", Text("Вещество", "Substance")),
    Concept("DRUG", Text("Наркотик", "Drug")),
    *(
        Concept(item.upper(), Text(VARIABLES[item].name.ru, VARIABLES[item].name.en))
        for item in TDI_DIMENSIONS[1:]
    ),
)


def tdi_dataflow(*, area: Codelist | None = None, drugs: Codelist | None = None) -> Dataflow:
    drugs = drugs or primary_drug_codelist()
    dims = [
        Dimension("REF_AREA", area or area_codelist()),
        Dimension("INDICATOR", CL_TDI_INDICATOR),
        Dimension("SEX", CL_SEX),
        Dimension("AGE", CL_AGE),
        Dimension("PRIMARY_DRUG", drugs),
        *(Dimension(item.upper(), tdi_codelist(item)) for item in TDI_DIMENSIONS[1:]),
    ]
    dsd = DataStructure(
        "DSD_TDI",
        Text("Спрос на лечение (TDI 3.0)", "Treatment demand (TDI 3.0)"),
        tuple(dims),
        ATTRIBUTES,
    )
    return Dataflow(
        "DF_TDI",
        Text(
            "Обратившиеся за лечением наркологических расстройств",
            "Clients entering drug treatment",
        ),
        dsd,
    )


def harms_dataflow(*, area: Codelist | None = None, drugs: Codelist | None = None) -> Dataflow:
    substance = drugs or primary_drug_codelist()
    dsd = DataStructure(
        "DSD_HARMS",
        Text("Вред, связанный с наркотиками (DRD, DRID)", "Drug-related harms (DRD, DRID)"),
        (
            Dimension("REF_AREA", area or area_codelist()),
            Dimension("INDICATOR", CL_HARMS_INDICATOR),
            Dimension("SEX", CL_SEX),
            Dimension("AGE", CL_AGE),
            Dimension("SUBSTANCE", substance),
        ),
        ATTRIBUTES,
    )
    return Dataflow(
        "DF_HARMS",
        Text("Смерти и инфекции, связанные с наркотиками", "Drug-related deaths and infections"),
        dsd,
    )


def seizures_dataflow(*, area: Codelist | None = None, drugs: Codelist | None = None) -> Dataflow:
    """DF_SEIZURES; ``drugs`` is the app's drug code list (default: the total only)."""
    drugs = drugs or Codelist(
        "CL_DRUG",
        Text("Наркотик", "Drug"),
        (Code(TOTAL, Text("Все наркотики", "All drugs")),),
    )
    dsd = DataStructure(
        "DSD_SEIZURES",
        Text("Изъятия наркотиков", "Drug seizures"),
        (
            Dimension("REF_AREA", area or area_codelist()),
            Dimension("INDICATOR", CL_SUPPLY_INDICATOR),
            Dimension("DRUG", drugs),
        ),
        ATTRIBUTES,
    )
    return Dataflow("DF_SEIZURES", Text("Изъятия наркотиков", "Drug seizures"), dsd)


def cadis_structures(
    *,
    area: Codelist | None = None,
    drugs: Codelist | None = None,
    seizure_drugs: Codelist | None = None,
) -> StructureSet:
    """All cadis dataflows with their code lists and concepts, ready for one message."""
    return StructureSet(
        dataflows=(
            tdi_dataflow(area=area, drugs=drugs),
            harms_dataflow(area=area, drugs=drugs),
            seizures_dataflow(area=area, drugs=seizure_drugs),
        ),
        concepts=CONCEPTS + EXTRA_CONCEPTS,
    )
