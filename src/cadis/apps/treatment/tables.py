"""The standard TDI tables, always small-cell suppressed: they leave the confidential level.

Counts are of first episodes in the year (possible duplicates excluded) of every episode
of the selected countries and year, whoever recorded them; who may see a table is decided
by ``selectors.tables_visible``.

Two families are published for a country-year: the tables of the pages (a dimension by sex,
primary drug by centre type) and the EUDA standard tables of ``engines.tdi`` (nationality,
first injection, OST history, test results). They share margins (clients by sex, by primary
drug, by injecting status, the grand total; and within the EUDA tables the margins of the
same sub-population), so they are suppressed together: a margin hidden in one table is
hidden in every table that shows it, until no table hides a further shared margin.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadis.apps.reference.models import TdiDrug
from cadis.apps.treatment import choices as c
from cadis.apps.treatment.models import TreatmentEpisode
from cadis.engines.stats import (
    AGE_BANDS,
    AGE_UNKNOWN,
    SuppressedTable,
    age_band,
    suppress_counts,
    suppress_table,
)
from cadis.engines.tdi.codes import VARIABLES
from cadis.engines.tdi.tables import STANDARD_TABLES, ComputedTable, compute_table

SEXES = [c.Sex.MALE, c.Sex.FEMALE, c.Sex.NOT_KNOWN]
DIMENSIONS = {
    "primary_drug": gettext_lazy("Primary drug"),
    "centre_type": gettext_lazy("Centre type"),
    "treatment_status": gettext_lazy("Treatment status"),
    "age_band": gettext_lazy("Age at treatment entry"),
    "referral": gettext_lazy("Referral source"),
    "route": gettext_lazy("Usual route of administration"),
    "frequency": gettext_lazy("Frequency of use (last 30 days)"),
    "injecting": gettext_lazy("Injecting"),
}
CHOICES = {
    "centre_type": c.CentreType,
    "treatment_status": c.TreatmentStatus,
    "referral": c.Referral,
    "route": c.Route,
    "frequency": c.Frequency,
    "injecting": c.Injecting,
}


@dataclass(frozen=True)
class TdiTable:
    key: str
    title: str
    row_keys: list[str]
    row_labels: list[str]
    col_keys: list[str]
    col_labels: list[str]
    table: SuppressedTable

    @property
    def rows(self) -> list[tuple[str, list[int | None], int | None]]:
        return list(zip(self.row_labels, self.table.cells, self.table.row_totals, strict=True))

    def records(self) -> list[dict]:
        """Long form: one dict per published cell and margin (None where hidden)."""
        out = []
        keys = [*self.row_keys, "_T"]
        cols = [*self.col_keys, "_T"]
        for i, row in enumerate(self.table.grid()):
            for j, value in enumerate(row):
                out.append(
                    {
                        "row": keys[i],
                        "col": cols[j],
                        "value": value,
                        "flag": self.table.flags.get((i, j), ""),
                    }
                )
        return out


def first_episodes(country_ids, year: int):
    return TreatmentEpisode.objects.filter(
        country_id__in=list(country_ids), year=year, duplicate_of__isnull=True
    )


def top_drug_code(code: str) -> str:
    return code.split(".", 1)[0]


def _drug_labels() -> dict[str, str]:
    return {d.code: d.name for d in TdiDrug.objects.filter(parent__isnull=True)}


def _counts(queryset, dimension: str, other: str) -> Counter:
    counts: Counter = Counter()
    if dimension == "primary_drug":
        field = "primary_drug__code"
    elif dimension == "age_band":
        field = "age"
    else:
        field = dimension
    other_field = "primary_drug__code" if other == "primary_drug" else other
    for row in queryset.values(field, other_field).annotate(n=Count("id")).order_by():
        key = row[field]
        if dimension == "primary_drug":
            key = top_drug_code(key)
        elif dimension == "age_band":
            key = age_band(key)
        col = top_drug_code(row[other_field]) if other == "primary_drug" else row[other_field]
        counts[(key, col)] += row["n"]
    return counts


def _keys_and_labels(dimension: str, drug_labels: dict[str, str]) -> tuple[list[str], list[str]]:
    if dimension == "primary_drug":
        keys = list(drug_labels)
        return keys, [drug_labels[k] for k in keys]
    if dimension == "age_band":
        keys = [label for label, _lo, _hi in AGE_BANDS] + [AGE_UNKNOWN]
        return keys, [k if k != AGE_UNKNOWN else str(_("Not known")) for k in keys]
    if dimension == "sex":
        return list(SEXES), [str(c.Sex(s).label) for s in SEXES]
    cls = CHOICES[dimension]
    return list(cls.values), [str(label) for label in cls.labels]


def build_table(
    queryset,
    dimension: str,
    by: str = "sex",
    *,
    drop_empty_rows: bool = True,
    hidden_margins: frozenset = frozenset(),
    counts: Counter | None = None,
) -> TdiTable:
    """One table; ``hidden_margins`` are margins hidden in another table that shares them."""
    drug_labels = _drug_labels()
    counts = counts if counts is not None else _counts(queryset, dimension, by)
    row_keys, row_labels = _keys_and_labels(dimension, drug_labels)
    col_keys, col_labels = _keys_and_labels(by, drug_labels)
    if drop_empty_rows:
        # Empty categories carry no information; the structure of the TDI protocol is kept
        # by the row keys of the open-data export.
        keep = [i for i, k in enumerate(row_keys) if any(counts[(k, col)] for col in col_keys)]
        row_keys = [row_keys[i] for i in keep] or row_keys[:1]
        row_labels = [row_labels[i] for i in keep] or row_labels[:1]
        if by != "sex":
            keep_c = [
                j for j, col in enumerate(col_keys) if any(counts[(k, col)] for k in row_keys)
            ]
            col_keys = [col_keys[j] for j in keep_c] or col_keys[:1]
            col_labels = [col_labels[j] for j in keep_c] or col_labels[:1]
    cells = [[counts[(k, col)] for col in col_keys] for k in row_keys]
    forced = [
        (i, len(col_keys)) for i, k in enumerate(row_keys) if (dimension, k) in hidden_margins
    ]
    forced += [(len(row_keys), j) for j, k in enumerate(col_keys) if (by, k) in hidden_margins]
    if "total" in hidden_margins:
        forced.append((len(row_keys), len(col_keys)))
    title = (
        str(DIMENSIONS[dimension]) + " × " + (str(_("sex")) if by == "sex" else str(DIMENSIONS[by]))
    )
    return TdiTable(
        key=f"{dimension}__{by}",
        title=title,
        row_keys=row_keys,
        row_labels=row_labels,
        col_keys=col_keys,
        col_labels=col_labels,
        table=suppress_table(cells, forced=forced),
    )


def standard_tables(country_ids, year: int) -> list[TdiTable]:
    """Primary drug × centre type, then every dimension × sex (suppressed with the EUDA tables)."""
    return published_tables(country_ids, year)[0]


def euda_tables(country_ids, year: int) -> dict[str, ComputedTable]:
    """The EUDA standard tables of ``engines.tdi`` (suppressed with the page tables)."""
    return published_tables(country_ids, year)[1]


# Margins are named (population, axis, code), the grand total (population, "*", "*"); the
# page tables count all clients ("all") and call the primary-drug axis "primary_drug".
Margin = tuple[str, str, str]
_AXIS = {"primary_drug_group": "primary_drug"}
GRAND_TOTAL = ("*", "*")


def _axis(name: str) -> str:
    return _AXIS.get(name, name)


def episode_records(country_ids, year: int) -> list[dict]:
    """First episodes of the year as plain records for ``engines.tdi`` (no identifiers)."""
    items = [item for item in VARIABLES if item != "sex"]
    fields = ("year", "age", "sex", *items, *FIRST_ITEMS)
    rows = first_episodes(country_ids, year).values(*fields, "primary_drug__code").order_by()
    return [{**row, "primary_drug": row.pop("primary_drug__code")} for row in rows]


FIRST_ITEMS = ("age_first_injection", "year_first_injection", "year_first_ost")


def _page_hidden(hidden: set[Margin]) -> frozenset:
    out: set = set()
    for population, axis, code in hidden:
        if population != "all":
            continue
        out.add("total" if (axis, code) == GRAND_TOTAL else (axis, code))
    return frozenset(out)


def _euda_forced(table_id: str, hidden: set[Margin]) -> list[tuple[int, int]]:
    spec = STANDARD_TABLES[table_id]
    population = spec.population.id
    rows, cols = spec.rows.codes, spec.columns.codes
    forced = [
        (i, len(cols)) for i, k in enumerate(rows) if (population, _axis(spec.rows.id), k) in hidden
    ]
    forced += [
        (len(rows), j)
        for j, k in enumerate(cols)
        if (population, _axis(spec.columns.id), k) in hidden
    ]
    if (population, *GRAND_TOTAL) in hidden:
        forced.append((len(rows), len(cols)))
    return forced


def _euda_margins(table: ComputedTable) -> set[Margin]:
    spec = table.spec
    population = spec.population.id
    rows, cols = spec.rows.codes, spec.columns.codes
    out: set[Margin] = set()
    for i, j in table.table.flags:
        if i == len(rows) and j == len(cols):
            out.add((population, *GRAND_TOTAL))
        elif j == len(cols):
            out.add((population, _axis(spec.rows.id), rows[i]))
        elif i == len(rows):
            out.add((population, _axis(spec.columns.id), cols[j]))
    return out


def _page_margins(table: TdiTable) -> set[Margin]:
    return {
        ("all", *GRAND_TOTAL) if m == "total" else ("all", _axis(m[0]), m[1])
        for m in hidden_margins_of(table)
    }


def published_tables(country_ids, year: int) -> tuple[list[TdiTable], dict[str, ComputedTable]]:
    """The page tables and the EUDA tables of a country-year, suppressed together."""
    queryset = first_episodes(country_ids, year)
    specs = [("primary_drug", "centre_type")] + [(dim, "sex") for dim in DIMENSIONS]
    counts = {spec: _counts(queryset, *spec) for spec in specs}
    episodes = episode_records(country_ids, year)
    hidden: set[Margin] = set()
    while True:
        page_hidden = _page_hidden(hidden)
        tables = [
            build_table(queryset, dim, by, hidden_margins=page_hidden, counts=counts[(dim, by)])
            for dim, by in specs
        ]
        euda = {
            table_id: compute_table(spec, episodes, forced=_euda_forced(table_id, hidden))
            for table_id, spec in STANDARD_TABLES.items()
        }
        now = set().union(
            *(_page_margins(t) for t in tables), *(_euda_margins(t) for t in euda.values())
        )
        if now <= hidden:
            return tables, euda
        hidden |= now


def hidden_margins_of(table: TdiTable) -> set:
    dimension, by = table.key.split("__")
    n_rows, n_cols = len(table.row_keys), len(table.col_keys)
    out: set = set()
    for i, j in table.table.flags:
        if i == n_rows and j == n_cols:
            out.add("total")
        elif j == n_cols:
            out.add((dimension, table.row_keys[i]))
        elif i == n_rows:
            out.add((by, table.col_keys[j]))
    return out


def headline(country_ids, year: int) -> dict:
    """Suppressed key figures of a year: clients, by sex, injecting share."""
    queryset = first_episodes(country_ids, year)
    by_sex = dict(queryset.values_list("sex").annotate(n=Count("id")).order_by())
    values = [by_sex.get(s, 0) for s in SEXES]
    table = suppress_table([values])
    injecting = queryset.filter(injecting=c.Injecting.LAST_30D).count()
    shown, _total = suppress_counts([injecting, sum(values) - injecting])
    shown_injecting = shown[0] if table.total is not None else None
    return {
        "year": year,
        "total": table.total,
        "injecting_last_30d": shown_injecting,
        "by_sex": dict(zip(SEXES, table.cells[0], strict=True)),
    }
