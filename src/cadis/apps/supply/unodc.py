"""UNODC workbooks of a country and year: the ARQ drug-supply tables and the IDS rows.

ARQ (annual report questionnaire, drug supply): seizures by drug (number of seizures,
quantity in kilograms, quantity in units) and prices and purity by drug and market level
(typical, minimum and maximum price with currency and unit; typical, minimum and maximum
purity with its basis). IDS (individual drug seizures): one row per seizure with date,
drug, quantity, purity, place, routes, transport and concealment.

Every cell can be traced: the sheet "records" lists, for each row and column of the ARQ
tables, the ids and addresses of the records behind it; every IDS row carries its own.

What was checked and what was not: UNODC collects seizures, prices and purity through the
ARQ (drug supply part) and significant individual seizures through the IDS form; the
column layout here is ours, following that practice. The official sheets' exact layout
and drug list were not available to check (docs/exchange.md, UNODC).

Typical values of several price records for one drug and market level are the weighted
mean of their typical values (the mode where given, else the mean), weighted by the number
of purchases or samples (1 where unknown); minimum and maximum are the extremes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadis.apps.reference.models import Country
from cadis.apps.supply import selectors
from cadis.apps.supply.prices import selectors as price_selectors
from cadis.apps.supply.prices.models import PriceRecord
from cadis.platform.exports import Sheet


def _name(obj) -> str:
    return obj.name if obj is not None else ""


def _code(obj) -> str:
    return obj.code if obj is not None else ""


@dataclass
class Trace:
    """The records behind one row of an ARQ table."""

    table: str
    row: str
    records: list[tuple[str, int, str]] = field(default_factory=list)


def seizure_link(pk: int) -> str:
    return reverse("supply:seizure_detail", args=[pk])


def price_link(pk: int) -> str:
    return reverse("supply:price_detail", args=[pk])


def _seizures(user, country: Country, year: int):
    return (
        selectors.seizure_list(user, country=country.code)
        .filter(date__year=year)
        .prefetch_related("concealment_methods", "transit_countries")
        .order_by("date", "pk")
    )


def arq_seizure_rows(user, country: Country, year: int) -> tuple[list[list], list[Trace]]:
    """One row per drug: seizures, kilograms, units; with the records behind each row."""
    by_drug: dict[str, dict] = {}
    for seizure in _seizures(user, country, year):
        key = seizure.substance.code if seizure.substance_id else f"?{seizure.substance_as_written}"
        label = seizure.substance.name if seizure.substance_id else seizure.substance_as_written
        row = by_drug.setdefault(
            key,
            {
                "label": label,
                "code": _code(seizure.substance),
                "n": 0,
                "kg": 0.0,
                "units": 0.0,
                "ids": [],
            },
        )
        row["n"] += 1
        row["kg" if seizure.normalised_unit == "kg" else "units"] += seizure.normalised_quantity
        row["ids"].append(seizure.pk)
    rows, traces = [], []
    for row in sorted(by_drug.values(), key=lambda r: r["label"].lower()):
        rows.append(
            [row["label"], row["code"], row["n"], round(row["kg"], 3), round(row["units"], 3)]
        )
        traces.append(
            Trace(
                "ARQ_SEIZURES",
                row["label"],
                [(_("seizure"), pk, seizure_link(pk)) for pk in row["ids"]],
            )
        )
    return rows, traces


def _typical(record: PriceRecord, kind: str) -> Decimal | None:
    mode, mean = getattr(record, f"{kind}_mode"), getattr(record, f"{kind}_mean")
    return mode if mode is not None else mean


def _weighted(records: Iterable[PriceRecord], kind: str) -> Decimal | None:
    total, weight = Decimal(0), 0
    for record in records:
        value = _typical(record, kind)
        if value is None:
            continue
        n = getattr(record, f"{kind}_sample_size") or 1
        total += value * n
        weight += n
    return (total / weight).quantize(Decimal("0.01")) if weight else None


def _extreme(records: Iterable[PriceRecord], name: str, pick) -> Decimal | None:
    values = [getattr(r, name) for r in records if getattr(r, name) is not None]
    return pick(values) if values else None


def arq_price_rows(user, country: Country, year: int) -> tuple[list[list], list[Trace]]:
    """Prices and purity per drug, market level, currency, unit and purity basis."""
    groups: dict[tuple, list[PriceRecord]] = {}
    for record in price_selectors.price_list(user, country=country.code, year=year).order_by("pk"):
        key = (
            record.substance.name,
            record.get_market_level_display(),
            record.currency,
            record.get_price_unit_display() if record.price_unit else "",
            record.get_purity_basis_display(),
        )
        groups.setdefault(key, []).append(record)
    rows, traces = [], []
    for key in sorted(groups):
        records = groups[key]
        drug, level, currency, unit, basis = key
        rows.append(
            [
                drug,
                level,
                _weighted(records, "price"),
                _extreme(records, "price_min", min),
                _extreme(records, "price_max", max),
                currency,
                unit,
                sum(r.price_sample_size or 0 for r in records) or None,
                _weighted(records, "purity"),
                _extreme(records, "purity_min", min),
                _extreme(records, "purity_max", max),
                basis,
                sum(r.purity_sample_size or 0 for r in records) or None,
            ]
        )
        traces.append(
            Trace(
                "ARQ_PRICES",
                f"{drug} / {level}",
                [(_("price and purity record"), r.pk, price_link(r.pk)) for r in records],
            )
        )
    return rows, traces


def _records_sheet(traces: Iterable[Trace]) -> Sheet:
    rows = [
        [trace.table, trace.row, kind, pk, link]
        for trace in traces
        for kind, pk, link in trace.records
    ]
    return Sheet(_("records"), [_("Table"), _("Row"), _("Record"), "id", _("Address")], rows)


def _cover(country: Country, year: int, what: str) -> Sheet:
    rows = [
        [_("Country"), country.code],
        [_("Year"), year],
        [_("Content"), what],
        [
            _("Unverified"),
            _(
                "The layout follows UNODC practice (ARQ drug supply part, individual drug "
                "seizures) as far as it could be checked; compare it with the current "
                "questionnaire before sending."
            ),
        ],
    ]
    return Sheet(_("about"), [_("Item"), _("Value")], rows)


def arq_sheets(user, country: Country, year: int) -> list[Sheet]:
    seizures, seizure_traces = arq_seizure_rows(user, country, year)
    prices, price_traces = arq_price_rows(user, country, year)
    return [
        _cover(country, year, _("UNODC annual report questionnaire: drug supply")),
        Sheet(
            "ARQ_SEIZURES",
            [
                _("Drug"),
                _("Code"),
                _("Number of seizures"),
                _("Quantity, kg"),
                _("Quantity, units"),
            ],
            seizures,
        ),
        Sheet(
            "ARQ_PRICES",
            [
                _("Drug"),
                _("Market level"),
                _("Typical price"),
                _("Minimum price"),
                _("Maximum price"),
                _("Currency"),
                _("Price unit"),
                _("Purchases observed"),
                _("Typical purity, %"),
                _("Minimum purity, %"),
                _("Maximum purity, %"),
                _("Purity expressed"),
                _("Samples analysed"),
            ],
            prices,
        ),
        _records_sheet([*seizure_traces, *price_traces]),
    ]


IDS_COLUMNS = (
    ("id", lambda s: s.pk),
    (gettext_lazy("Date"), lambda s: s.date),
    (gettext_lazy("Date precision"), lambda s: s.get_date_precision_display()),
    (gettext_lazy("Drug"), lambda s: _name(s.substance) or s.substance_as_written),
    (gettext_lazy("Drug as reported"), lambda s: s.substance_as_written),
    (gettext_lazy("Form"), lambda s: _name(s.form)),
    (gettext_lazy("Quantity"), lambda s: s.normalised_quantity),
    (gettext_lazy("Unit"), lambda s: s.normalised_unit),
    (
        gettext_lazy("Quantity as reported"),
        lambda s: f"{s.quantity_as_written} {s.unit_as_written}".strip(),
    ),
    (gettext_lazy("Purity, %"), lambda s: s.purity),
    (gettext_lazy("Subdivision"), lambda s: _code(s.subdivision)),
    (gettext_lazy("Place"), lambda s: s.place),
    (gettext_lazy("Agency"), lambda s: _code(s.agency)),
    (gettext_lazy("Mode of transport"), lambda s: _code(s.transport_mode)),
    (gettext_lazy("Concealment"), lambda s: "; ".join(c.code for c in s.concealment_methods.all())),
    (gettext_lazy("Country of departure"), lambda s: _code(s.departure_country)),
    (
        gettext_lazy("Transit countries"),
        lambda s: ", ".join(c.code for c in s.transit_countries.all()),
    ),
    (gettext_lazy("Country of destination"), lambda s: _code(s.destination_country)),
    (gettext_lazy("Country of production"), lambda s: _code(s.producing_country)),
    (gettext_lazy("Address"), lambda s: seizure_link(s.pk)),
)


def ids_sheets(user, country: Country, year: int) -> list[Sheet]:
    header = [str(title) for title, _value in IDS_COLUMNS]
    rows = ([value(s) for _t, value in IDS_COLUMNS] for s in _seizures(user, country, year))
    return [
        _cover(country, year, _("UNODC individual drug seizures")),
        Sheet("IDS", header, list(rows)),
    ]


REPORTS = {"arq": arq_sheets, "ids": ids_sheets}
