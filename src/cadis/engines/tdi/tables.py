"""EUDA TDI standard tables as declarative specs, computed from plain episode records.

A :class:`TableSpec` names a population (a filter on episodes), a row axis and a column
axis; every axis lists all its categories in protocol order, so a published table keeps
its shape even where a category is empty. :func:`compute_table` counts the episodes and
suppresses small cells with ``engines.stats.suppress_table`` (margins included).

Episodes are plain mappings with the TDI item names of ``codes.VARIABLES`` plus
``year``, ``age``, ``primary_drug`` (a TDI code), ``age_first_injection``,
``year_first_injection`` and ``year_first_ost`` (ints or None). The caller passes the
first episodes of the year only (possible duplicates excluded), as for every TDI table.

>>> spec = STANDARD_TABLES["TDI_OST_HISTORY"]
>>> rows = [{"year": 2024, "primary_drug": "1.1", "ost": "currently",
...          "treatment_status": "previously"}] * 6
>>> table = compute_table(spec, rows)
>>> table.value("currently", "previously"), table.table.total
(6, 6)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from cadis.engines.stats import AGE_BANDS, AGE_UNKNOWN, SuppressedTable, age_band, suppress_table
from cadis.engines.tdi.codes import NOT_KNOWN, PRIMARY_DRUGS, VARIABLES, Name, drug_group

Episode = Mapping[str, object]
_EVER_INJECTED = frozenset({"ever_not_12m", "last_12m", "last_30d"})
_EVER_OST = frozenset({"ever_not_now", "currently"})


@dataclass(frozen=True)
class Axis:
    """One dimension of a table: its categories and how an episode falls into one."""

    id: str
    name: Name
    categories: tuple[tuple[str, Name], ...]
    classify: Callable[[Episode], str]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _name in self.categories)


@dataclass(frozen=True)
class Population:
    id: str
    name: Name
    includes: Callable[[Episode], bool]


@dataclass(frozen=True)
class TableSpec:
    id: str
    title: Name
    population: Population
    rows: Axis
    columns: Axis
    note: str = ""


def _item_axis(item: str) -> Axis:
    variable = VARIABLES[item]

    def classify(episode: Episode) -> str:
        value = episode.get(item) or NOT_KNOWN
        return value if value in variable.codes else NOT_KNOWN

    return Axis(item, variable.name, variable.labels, classify)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def first_injection_age(episode: Episode) -> int | None:
    """Age at first injection: recorded, or derived from the year of first injection.

    >>> first_injection_age({"year": 2024, "age": 30, "year_first_injection": 2014})
    20
    """
    recorded = _int(episode.get("age_first_injection"))
    if recorded is not None:
        return recorded
    year, age, first = (_int(episode.get(k)) for k in ("year", "age", "year_first_injection"))
    if year is None or age is None or first is None or first > year:
        return None
    derived = age - (year - first)
    return derived if derived >= 0 else None


def _banded(edges: tuple[tuple[str, int, int | None], ...], value: int | None) -> str:
    if value is None or value < 0:
        return NOT_KNOWN
    for label, low, high in edges:
        if value >= low and (high is None or value <= high):
            return label
    return NOT_KNOWN


def _band_axis(
    axis_id: str,
    name: Name,
    edges: tuple[tuple[str, int, int | None], ...],
    ru_unknown: str = "Не известно",
    en_unknown: str = "Not known",
    *,
    get: Callable[[Episode], int | None],
) -> Axis:
    categories = tuple((label, Name(label, label)) for label, _lo, _hi in edges)
    categories += ((NOT_KNOWN, Name(ru_unknown, en_unknown)),)
    return Axis(axis_id, name, categories, lambda e: _banded(edges, get(e)))


# Band limits for first injection and time since first OST follow the age bands of the
# other TDI tables; the protocol's exact limits could not be checked (see UNVERIFIED).
FIRST_INJECTION_BANDS = (
    ("<15", 0, 14),
    ("15-19", 15, 19),
    ("20-24", 20, 24),
    ("25-29", 25, 29),
    ("30-34", 30, 34),
    ("35-39", 35, 39),
    ("40+", 40, None),
)
YEARS_SINCE_OST_BANDS = (
    ("0", 0, 0),
    ("1-2", 1, 2),
    ("3-5", 3, 5),
    ("6-10", 6, 10),
    ("11+", 11, None),
)


def _years_since_first_ost(episode: Episode) -> int | None:
    year, first = _int(episode.get("year")), _int(episode.get("year_first_ost"))
    if year is None or first is None or first > year:
        return None
    return year - first


AXES: dict[str, Axis] = {
    **{item: _item_axis(item) for item in VARIABLES},
    "primary_drug_group": Axis(
        "primary_drug_group",
        Name("Основное вещество", "Primary drug"),
        tuple((code, Name(ru, en)) for code, parent, ru, en in PRIMARY_DRUGS if parent is None),
        lambda e: drug_group(str(e.get("primary_drug") or "99")),
    ),
    "age_band": Axis(
        "age_band",
        Name("Возраст при обращении", "Age at treatment entry"),
        tuple((label, Name(label, label)) for label, _lo, _hi in AGE_BANDS)
        + ((AGE_UNKNOWN, Name("Не известно", "Not known")),),
        lambda e: age_band(_int(e.get("age"))),
    ),
    "first_injection_age": _band_axis(
        "first_injection_age",
        Name("Возраст первой инъекции", "Age at first injection"),
        FIRST_INJECTION_BANDS,
        get=first_injection_age,
    ),
    "years_since_first_ost": _band_axis(
        "years_since_first_ost",
        Name("Лет с начала первой ОЗТ", "Years since first OST"),
        YEARS_SINCE_OST_BANDS,
        get=_years_since_first_ost,
    ),
}

ALL_CLIENTS = Population("all", Name("Все обратившиеся", "All clients"), lambda e: True)
EVER_INJECTED = Population(
    "ever_injected",
    Name("Когда-либо употреблявшие инъекционно", "Clients who ever injected"),
    lambda e: e.get("injecting") in _EVER_INJECTED,
)
OPIOID_CLIENTS = Population(
    "opioid_clients",
    Name("Обратившиеся по поводу опиоидов", "Clients with an opioid as primary drug"),
    lambda e: drug_group(str(e.get("primary_drug") or "99")) == "1",
)
EVER_OST = Population(
    "ever_ost",
    Name("Когда-либо получавшие ОЗТ", "Clients ever in opioid substitution treatment"),
    lambda e: e.get("ost") in _EVER_OST,
)


def _spec(
    table_id: str, ru: str, en: str, population: Population, rows: str, columns: str, note: str = ""
) -> TableSpec:
    return TableSpec(table_id, Name(ru, en), population, AXES[rows], AXES[columns], note)


STANDARD_TABLES: dict[str, TableSpec] = {
    spec.id: spec
    for spec in (
        _spec(
            "TDI_NATIONALITY",
            "Гражданство по полу",
            "Nationality by sex",
            ALL_CLIENTS,
            "nationality",
            "sex",
        ),
        _spec(
            "TDI_INJECTING",
            "Инъекционное употребление по основному веществу",
            "Injecting by primary drug",
            ALL_CLIENTS,
            "injecting",
            "primary_drug_group",
        ),
        _spec(
            "TDI_FIRST_INJECTION_AGE_SEX",
            "Возраст первой инъекции по полу",
            "Age at first injection by sex",
            EVER_INJECTED,
            "first_injection_age",
            "sex",
        ),
        _spec(
            "TDI_FIRST_INJECTION_AGE_DRUG",
            "Возраст первой инъекции по основному веществу",
            "Age at first injection by primary drug",
            EVER_INJECTED,
            "first_injection_age",
            "primary_drug_group",
        ),
        _spec(
            "TDI_NEEDLE_SHARING",
            "Совместное использование игл по полу",
            "Needle and syringe sharing by sex",
            EVER_INJECTED,
            "needle_sharing",
            "sex",
        ),
        _spec(
            "TDI_OST_HISTORY",
            "Опыт ОЗТ по наличию предыдущего лечения",
            "OST history by treatment status",
            OPIOID_CLIENTS,
            "ost",
            "treatment_status",
        ),
        _spec(
            "TDI_YEARS_SINCE_FIRST_OST",
            "Лет с начала первой ОЗТ по полу",
            "Years since first OST by sex",
            EVER_OST,
            "years_since_first_ost",
            "sex",
        ),
        _spec(
            "TDI_HIV_TESTING",
            "Тестирование на ВИЧ по полу",
            "HIV testing by sex",
            EVER_INJECTED,
            "hiv_testing",
            "sex",
        ),
        _spec(
            "TDI_HIV_RESULT",
            "Результат теста на ВИЧ по полу",
            "HIV test result by sex",
            EVER_INJECTED,
            "hiv_result",
            "sex",
        ),
        _spec(
            "TDI_HCV_TESTING",
            "Тестирование на гепатит C по полу",
            "HCV testing by sex",
            EVER_INJECTED,
            "hcv_testing",
            "sex",
        ),
        _spec(
            "TDI_HCV_RESULT",
            "Результат теста на гепатит C по полу",
            "HCV test result by sex",
            EVER_INJECTED,
            "hcv_result",
            "sex",
        ),
    )
}


@dataclass(frozen=True)
class ComputedTable:
    spec: TableSpec
    population: int
    table: SuppressedTable

    def value(self, row: str, column: str) -> int | None:
        """A published cell (None where suppressed); ``_T`` addresses the margins."""
        rows, cols = (*self.spec.rows.codes, "_T"), (*self.spec.columns.codes, "_T")
        return self.table.grid()[rows.index(row)][cols.index(column)]

    def records(self) -> list[dict[str, object]]:
        """Long form, one dict per cell and margin: row, column, value, flag."""
        rows, cols = (*self.spec.rows.codes, "_T"), (*self.spec.columns.codes, "_T")
        return [
            {
                "row": rows[i],
                "column": cols[j],
                "value": value,
                "flag": self.table.flags.get((i, j), ""),
            }
            for i, line in enumerate(self.table.grid())
            for j, value in enumerate(line)
        ]


def compute_table(
    spec: TableSpec,
    episodes: Iterable[Episode],
    *,
    threshold: int = 5,
    forced: Iterable[tuple[int, int]] = (),
) -> ComputedTable:
    """Count ``episodes`` of the spec's population into its grid, then suppress small cells.

    ``forced`` lists grid entries (row, column; the row and column count for the margins)
    hidden anyway, e.g. margins hidden in another published table that shares them.
    """
    row_index = {code: i for i, code in enumerate(spec.rows.codes)}
    col_index = {code: j for j, code in enumerate(spec.columns.codes)}
    cells = [[0] * len(col_index) for _ in row_index]
    population = 0
    for episode in episodes:
        if not spec.population.includes(episode):
            continue
        population += 1
        cells[row_index[spec.rows.classify(episode)]][
            col_index[spec.columns.classify(episode)]
        ] += 1
    table = suppress_table(cells, threshold=threshold, forced=forced)
    return ComputedTable(spec, population, table)


def compute_standard_tables(
    episodes: Iterable[Episode], *, threshold: int = 5
) -> dict[str, ComputedTable]:
    """Every standard table over the same episodes (read once)."""
    episodes = list(episodes)
    return {
        table_id: compute_table(spec, episodes, threshold=threshold)
        for table_id, spec in STANDARD_TABLES.items()
    }


def episode_problems(episode: Episode) -> list[str]:
    """What is wrong with the TDI 3.0 items of one record (codes, years), for validation.

    >>> episode_problems({"year": 2024, "age": 30, "year_first_ost": 2025, "hiv_result": "x"})
    ["hiv_result: 'x' is not a code", 'year_first_ost 2025 is after the episode year 2024']
    """
    problems = []
    for item, variable in VARIABLES.items():
        value = episode.get(item)
        if value not in (None, "") and value not in variable.codes:
            problems.append(f"{item}: {value!r} is not a code")
    year, age = _int(episode.get("year")), _int(episode.get("age"))
    for item in ("year_first_injection", "year_first_ost"):
        first = _int(episode.get(item))
        if first is None:
            continue
        if year is not None and first > year:
            problems.append(f"{item} {first} is after the episode year {year}")
        elif year is not None and age is not None and first < year - age:
            problems.append(f"{item} {first} is before the client's birth")
    first_age = _int(episode.get("age_first_injection"))
    if first_age is not None and age is not None and first_age > age:
        problems.append(f"age_first_injection {first_age} is above the age at entry {age}")
    return problems
