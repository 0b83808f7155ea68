"""Downloads of a profile: plain CSV and XLSX (the SDMX open data is ``reports.sdmx``)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cadis.apps.treatment import tables as tdi_tables
from cadis.engines.stats import PRIMARY
from cadis.engines.tables import iter_csv
from cadis.platform import exports

# What profile_charts writes in a chart's data table for a suppressed value.
CHART_SUPPRESSED_MARK = "•"


def _flag_text(kind: str) -> str:
    if kind == PRIMARY:
        return str(_("suppressed: small count"))
    if kind:
        return str(_("suppressed: would reveal a small count"))
    return str(_("suppressed"))


def _with_flags(
    header: list[str], rows: list[list]
) -> tuple[list[str | exports.Column], list[list]]:
    """Columns holding a suppressed value get a flag column next to them."""
    flagged = {i for row in rows for i, v in enumerate(row) if isinstance(v, exports.Suppressed)}
    columns: list[str | exports.Column] = [
        exports.Column(title, flag=str(_("%(column)s: flag") % {"column": title}))
        if i in flagged
        else title
        for i, title in enumerate(header)
    ]
    return columns, rows


def _table_sheet(table) -> tuple[str, list, list[list]]:
    dimension = table.key.split("__")[0]
    header = [str(tdi_tables.DIMENSIONS.get(dimension, "")), *table.col_labels, str(_("Total"))]
    flags = table.table.flags
    rows = []
    labels = [*table.row_labels, str(_("Total"))]
    for i, (label, values) in enumerate(zip(labels, table.table.grid(), strict=True)):
        rows.append(
            [
                label,
                *(
                    exports.Suppressed(_flag_text(flags.get((i, j), ""))) if v is None else v
                    for j, v in enumerate(values)
                ),
            ]
        )
    return (table.key[:31], *_with_flags(header, rows))


def _chart_sheet(chart: dict) -> tuple[str, list, list[list]]:
    header = [str(c) for c in chart["columns"]]
    year = header.index(str(_("Year"))) if str(_("Year")) in header else None
    rows = []
    for row in chart["rows"]:
        cells = []
        for j, v in enumerate(row):
            if v == CHART_SUPPRESSED_MARK:
                v = exports.Suppressed(_flag_text(""))
            elif v == "":
                v = None
            elif j == year and isinstance(v, str) and v.isascii() and v.isdigit():
                v = int(v)
            cells.append(v)
        rows.append(cells)
    return (chart["id"][-31:], *_with_flags(header, rows))


def profile_sheets(profile: dict) -> list[tuple[str, list, list[list]]]:
    """(sheet name, columns, rows) of a profile: key figures, then every chart's data table.

    Years and counts are numbers; a suppressed value is an ``exports.Suppressed`` (an empty
    cell with a flag column next to it); every header is in the active language.
    """
    sheets = [
        (
            "figures",
            [str(_("Figure")), str(_("Value")), str(_("Source"))],
            [[f["label"], f["value"], f["url"]] for f in profile["figures"]],
        )
    ]
    for table in profile["tables"]:
        sheets.append(_table_sheet(table))
    for chart in profile.get("charts", []):
        sheets.append(_chart_sheet(chart))
    return sheets


def profile_csv(profile: dict) -> str:
    """Every sheet of the profile, one after the other, each under a ``# name`` line."""
    out = []
    for name, columns, rows in profile_sheets(profile):
        out.append(f"# {name}\r\n")
        out.extend(iter_csv(columns, rows, bom=False))
        out.append("\r\n")
    return "".join(out)


def profile_xlsx(profile: dict) -> bytes:
    sheets = [
        exports.Sheet(name.replace("/", "-"), columns, rows)
        for name, columns, rows in profile_sheets(profile)
    ]
    with exports.xlsx_file(sheets) as handle:
        return handle.read()
