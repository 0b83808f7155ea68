"""Open data and downloads: SDMX-CSV 1.0, plain CSV and XLSX of a profile or the region.

Every observation is one row of the SDMX-CSV data structure documented in
docs/treatment-reports.md (dataflow CADIS:DF_DRUGS(1.0)). Suppressed TDI cells are
published with an empty OBS_VALUE and CONF_STATUS C (primary) or D (secondary).
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from cadis.apps.reference.models import Country
from cadis.apps.reports import profile as report_profile
from cadis.apps.treatment import tables as tdi_tables
from cadis.engines.stats import PRIMARY

DATAFLOW = "CADIS:DF_DRUGS(1.0)"
COLUMNS = [
    "DATAFLOW",
    "REF_AREA",
    "INDICATOR",
    "BREAKDOWN",
    "CATEGORY",
    "SEX",
    "TIME_PERIOD",
    "OBS_VALUE",
    "UNIT_MEASURE",
    "CONF_STATUS",
    "OBS_STATUS",
    "SOURCE",
]
SEX_CODES = {"male": "M", "female": "F", "not_known": "U", "_T": "_T", "all": "_T"}


def _conf(flag: str) -> str:
    if not flag:
        return "F"
    return "C" if flag == PRIMARY else "D"


def observations(user, countries: list[Country]) -> list[dict]:
    """Every published observation the reader may see, for the given countries."""
    rows: list[dict] = []
    for country in countries:
        for year in report_profile.visible_tdi_years(user, country):
            for table in tdi_tables.standard_tables([country.pk], year):
                dimension, by = table.key.split("__")
                for rec in table.records():
                    sex = SEX_CODES.get(rec["col"], "_T") if by == "sex" else "_T"
                    if by != "sex":
                        # primary drug x centre type: the centre type is a second breakdown.
                        breakdown, category = f"{dimension}+{by}", f"{rec['row']}+{rec['col']}"
                    else:
                        breakdown, category = dimension, rec["row"]
                    if rec["row"] == "_T":
                        breakdown, category = ("_T", "_T") if by == "sex" else (by, rec["col"])
                    rows.append(
                        {
                            "REF_AREA": country.code,
                            "INDICATOR": "TDI_CLIENTS",
                            "BREAKDOWN": breakdown,
                            "CATEGORY": category,
                            "SEX": sex,
                            "TIME_PERIOD": str(year),
                            "OBS_VALUE": "" if rec["value"] is None else rec["value"],
                            "UNIT_MEASURE": "PS",
                            "CONF_STATUS": _conf(rec["flag"]),
                            "OBS_STATUS": "A",
                            "SOURCE": "TDI",
                        }
                    )
        for record in report_profile.tdi.harm_list(user=user, country=country.code):
            indicator = record.indicator.upper()
            base = {
                "REF_AREA": country.code,
                "BREAKDOWN": "age_band" if record.age_band != "all" else "_T",
                "CATEGORY": record.age_band if record.age_band != "all" else "_T",
                "SEX": SEX_CODES.get(record.sex, "_T"),
                "TIME_PERIOD": str(record.year),
                "CONF_STATUS": "F",
                "OBS_STATUS": "A" if record.data_quality == "good" else "E",
                "SOURCE": ("SYNTHETIC " if record.source_kind == "demo" else "") + record.source,
            }
            if record.substance_id:
                base["BREAKDOWN"] += "+substance"
                base["CATEGORY"] += f"+{record.substance.code}"
            rows.append(
                {
                    **base,
                    "INDICATOR": f"{indicator}_CASES",
                    "OBS_VALUE": record.cases,
                    "UNIT_MEASURE": "PS",
                }
            )
            if record.tested:
                rows.append(
                    {
                        **base,
                        "INDICATOR": f"{indicator}_TESTED",
                        "OBS_VALUE": record.tested,
                        "UNIT_MEASURE": "PS",
                    }
                )
                rows.append(
                    {
                        **base,
                        "INDICATOR": f"{indicator}_PREV",
                        "OBS_VALUE": round(100.0 * record.cases / record.tested, 2),
                        "UNIT_MEASURE": "PC",
                    }
                )
        supply = report_profile._supply(user, country)
        for r in (supply or {}).get("per_year", []):
            base = {
                "REF_AREA": country.code,
                "BREAKDOWN": "_T",
                "CATEGORY": "_T",
                "SEX": "_T",
                "TIME_PERIOD": r["year"],
                "CONF_STATUS": "F",
                "OBS_STATUS": "A",
                "SOURCE": "SEIZURES",
            }
            rows.append(
                {**base, "INDICATOR": "SEIZURES", "OBS_VALUE": r["seizures"], "UNIT_MEASURE": "NUM"}
            )
            rows.append(
                {**base, "INDICATOR": "SEIZED_KG", "OBS_VALUE": r["kg"], "UNIT_MEASURE": "KG"}
            )
    for row in rows:
        row["DATAFLOW"] = DATAFLOW
    return rows


def sdmx_csv(user, countries: list[Country]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(observations(user, countries))
    return out.getvalue()


def profile_sheets(profile: dict) -> list[tuple[str, list[str], list[list]]]:
    """(sheet name, header, rows) of a profile: key figures, then every chart's data table."""
    sheets = [
        (
            "figures",
            ["figure", "value", "source"],
            [
                [f["label"], "" if f["value"] is None else f["value"], f["url"]]
                for f in profile["figures"]
            ],
        )
    ]
    for table in profile["tables"]:
        header = ["", *table.col_labels, "Total"]
        rows = [[label, *cells, total] for label, cells, total in table.rows]
        rows.append(["Total", *table.table.col_totals, table.table.total])
        sheets.append((table.key[:31], header, rows))
    for chart in profile.get("charts", []):
        sheets.append((chart["id"][-31:], [str(c) for c in chart["columns"]], chart["rows"]))
    return sheets


def profile_csv(profile: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for name, header, rows in profile_sheets(profile):
        writer.writerow([f"# {name}"])
        writer.writerow(header)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        writer.writerow([])
    return out.getvalue()


def profile_xlsx(profile: dict) -> bytes:
    book = Workbook()
    book.remove(book.active)
    used = set()
    for name, header, rows in profile_sheets(profile):
        title = name.replace("/", "-")[:31]
        while title in used:
            title = title[:28] + f"_{len(used)}"
        used.add(title)
        sheet = book.create_sheet(title)
        sheet.append([str(h) for h in header])
        for row in rows:
            sheet.append(
                ["" if v is None else (v if isinstance(v, int | float) else str(v)) for v in row]
            )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
