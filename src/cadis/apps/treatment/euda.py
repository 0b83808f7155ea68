"""EUDA workbooks: the TDI 3.0 standard tables and the DRD and DRID tables of a country-year.

The TDI tables are those of ``engines.tdi`` (nationality, injecting, first injection, needle
sharing, OST history, years since first OST, HIV and HCV testing and results), computed from
the first episodes of the year and suppressed together with the tables of the pages
(``tables.published_tables``). A withheld cell is empty with a flag column next to it.

The DRD and DRID sheets lay out the harms figures the reader may see (``selectors.harm_list``),
as recorded: a cell without a recorded figure is empty and flagged "not reported", never 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cadis.apps.reference.models import Country
from cadis.apps.treatment import selectors, tables
from cadis.engines.stats import AGE_BANDS, AGE_UNKNOWN, PRIMARY
from cadis.engines.tdi.codes import UNVERIFIED, Name
from cadis.engines.tdi.tables import ComputedTable
from cadis.platform.exports import Column, Sheet, Suppressed


def _name(name: Name) -> str:
    return name.en if (get_language() or "ru").startswith("en") else name.ru


def _flag(kind: str) -> str:
    if kind == PRIMARY:
        return _("suppressed: small count")
    return _("suppressed: would reveal a small count")


def flagged_columns(header: Sequence[str], rows: Iterable[Sequence]) -> list[str | Column]:
    """A flag column next to every column that holds a withheld (``Suppressed``) cell."""
    rows = list(rows)
    marked = {j for row in rows for j, v in enumerate(row) if isinstance(v, Suppressed)}
    return [
        Column(title, flag=_("%(column)s: flag") % {"column": title}) if j in marked else title
        for j, title in enumerate(header)
    ]


def tdi_table_sheet(table: ComputedTable) -> Sheet:
    """One standard table: a row per category and the total, a column per category and total."""
    spec = table.spec
    header = [_name(spec.rows.name), *(_name(n) for _c, n in spec.columns.categories), _("Total")]
    labels = [*(_name(n) for _c, n in spec.rows.categories), _("Total")]
    rows = []
    for i, (label, line) in enumerate(zip(labels, table.table.grid(), strict=True)):
        cells = [
            Suppressed(_flag(table.table.flags[(i, j)])) if value is None else value
            for j, value in enumerate(line)
        ]
        rows.append([label, *cells])
    return Sheet(spec.id[:31], flagged_columns(header, rows), rows)


def _cover(country: Country, year: int, what: str, notes: list[tuple[str, object]]) -> Sheet:
    rows: list[list[object]] = [
        [_("Country"), country.code],
        [_("Year"), year],
        [_("Content"), what],
        *([label, value] for label, value in notes),
    ]
    return Sheet(_("about")[:31], [_("Item"), _("Value")], rows)


def tdi_workbook_sheets(country: Country, year: int) -> list[Sheet]:
    """The cover sheet and one sheet per EUDA TDI standard table (suppressed)."""
    computed = tables.euda_tables([country.pk], year)
    notes: list[tuple[str, object]] = [
        (_("Population of the table %(table)s") % {"table": t.spec.id}, t.population)
        for t in computed.values()
    ]
    notes.append(
        (
            _("Suppression"),
            _(
                "Counts below 5 are withheld with enough other cells that none can be "
                "recomputed, together with the tables of the pages."
            ),
        )
    )
    notes += [
        (_("Unverified: %(item)s") % {"item": item}, text) for item, text in UNVERIFIED.items()
    ]
    cover = _cover(country, year, _("EUDA TDI 3.0 standard tables"), notes)
    return [cover, *(tdi_table_sheet(t) for t in computed.values())]


# --- DRD and DRID -----------------------------------------------------------------------------

SEX_COLUMNS = ("male", "female", "not_known", "all")
AGE_ROWS = (*(label for label, _lo, _hi in AGE_BANDS), AGE_UNKNOWN, "all")


def _not_reported() -> Suppressed:
    return Suppressed(_("not reported"))


def _sex_label(sex: str) -> str:
    return {
        "male": _("Male"),
        "female": _("Female"),
        "not_known": _("Not known"),
        "all": _("Total"),
    }[sex]


def _age_label(band: str) -> str:
    return {AGE_UNKNOWN: _("Not known"), "all": _("Total")}.get(band, band)


def _harm_cells(user, country: Country, year: int, indicator: str) -> dict:
    """Recorded figures by (sex, age band, substance code or None): summed over organisations."""
    cells: dict[tuple[str, str, str | None], tuple[int, int | None]] = {}
    records = selectors.harm_list(user=user, country=country.code, indicator=indicator, year=year)
    for record in records:
        key = (record.sex, record.age_band, record.substance.code if record.substance_id else None)
        cases, tested = cells.get(key, (0, None))
        if record.tested is not None:
            tested = (tested or 0) + record.tested
        cells[key] = (cases + record.cases, tested)
    return cells


def drd_sheets(user, country: Country, year: int) -> list[Sheet]:
    """Drug-induced deaths by age band and sex, and by substance (EUDA DRD layout, unverified)."""
    cells = _harm_cells(user, country, year, "drd")
    header = [_("Age band"), *(_sex_label(s) for s in SEX_COLUMNS)]
    rows = [
        [
            _age_label(band),
            *(
                cells[(sex, band, None)][0] if (sex, band, None) in cells else _not_reported()
                for sex in SEX_COLUMNS
            ),
        ]
        for band in AGE_ROWS
    ]
    by_age = Sheet("DRD_AGE_SEX", flagged_columns(header, rows), rows)
    substances = sorted({key[2] for key in cells if key[2] is not None})
    sub_rows = [
        [
            code,
            *(
                cells[(sex, "all", code)][0] if (sex, "all", code) in cells else _not_reported()
                for sex in SEX_COLUMNS
            ),
        ]
        for code in substances
    ]
    sub_header = [_("Substance (TDI code)"), *(_sex_label(s) for s in SEX_COLUMNS)]
    by_substance = Sheet("DRD_SUBSTANCE", flagged_columns(sub_header, sub_rows), sub_rows)
    return [by_age, by_substance]


def drid_sheet(user, country: Country, year: int) -> Sheet:
    """HIV, HCV and HBV among people who inject drugs: tested, positive, prevalence, by sex."""
    header = [_("Infection"), _("Sex"), _("People tested"), _("Positive"), _("Prevalence, %")]
    rows = []
    for indicator, label in (("drid_hiv", "HIV"), ("drid_hcv", "HCV"), ("drid_hbv", "HBV")):
        cells = _harm_cells(user, country, year, indicator)
        for sex in SEX_COLUMNS:
            found = cells.get((sex, "all", None))
            if found is None:
                rows.append(
                    [label, _sex_label(sex), _not_reported(), _not_reported(), _not_reported()]
                )
                continue
            cases, tested = found
            prevalence = round(100.0 * cases / tested, 1) if tested else _not_reported()
            rows.append(
                [
                    label,
                    _sex_label(sex),
                    tested if tested is not None else _not_reported(),
                    cases,
                    prevalence,
                ]
            )
    return Sheet("DRID_PREVALENCE", flagged_columns(header, rows), rows)


def harms_workbook_sheets(user, country: Country, year: int) -> list[Sheet]:
    notes: list[tuple[str, object]] = [
        (
            _("Unverified"),
            _(
                "The sheet layouts follow the EUDA standard tables on drug-induced deaths and "
                "infectious diseases as far as they could be checked; the table numbers and "
                "the exact breakdowns were not verified against the EUDA templates."
            ),
        ),
        (
            _("Empty cells"),
            _("A figure that was not recorded is empty and flagged 'not reported'."),
        ),
    ]
    cover = _cover(country, year, _("EUDA drug-related deaths (DRD) and infections (DRID)"), notes)
    return [cover, *drd_sheets(user, country, year), drid_sheet(user, country, year)]
