"""INCB Form D, the seizure tables: precursor seizures of a country and year, with their records.

Form D ("Annual information on substances frequently used in the illicit manufacture of
narcotic drugs and psychotropic substances") asks for the seizures of the substances in
Tables I and II of the 1988 Convention and, separately, of substances not in those tables,
with quantities, the number of seizures and the countries of origin where known. Here:

- the records are the precursor incidents of kind "seizure" that occurred in the year and
  the country (``precursors``), and the supply seizures of substances of kind "precursor"
  (``supply``) that are not part of a case an incident already covers (an incident linked to
  a supply case stands for that case's seizures, so they are not counted twice);
- a substance is placed in Table I or Table II by its CAS number in the lists in force on
  31 December of the year; otherwise it goes to the "not in Tables I and II" sheet;
- quantities are summed in kilograms (mass) or litres (volume), never converted between the
  two (densities differ); any other unit is shown as written;
- the sheet "records" lists, for each cell, the records behind it (type, id, address).

Unverified: the exact column layout of the current Form D edition (docs/exchange.md, INCB).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _

from cadis.apps.precursors import control_lists, selectors
from cadis.apps.precursors.models import IncidentKind
from cadis.apps.reference.models import ControlList, Country
from cadis.platform.exports import Sheet
from cadis.platform.scope import visible

MASS = {"kg": Decimal(1), "g": Decimal("0.001"), "mg": Decimal("0.000001"), "t": Decimal(1000)}
VOLUME = {"l": Decimal(1), "ml": Decimal("0.001"), "m3": Decimal(1000)}
TABLES = {ControlList.Kind.TABLE_I: "I", ControlList.Kind.TABLE_II: "II"}


def measured(quantity: Decimal | float | None, unit: str) -> tuple[Decimal | None, str]:
    """(quantity, unit) in kg or litres; other units unchanged.

    >>> measured(Decimal("250"), "g"), measured(Decimal("2"), "L")
    ((Decimal('0.250'), 'kg'), (Decimal('2'), 'l'))
    """
    if quantity is None:
        return None, unit
    value = Decimal(str(quantity))
    key = (unit or "").strip().lower().replace("³", "3")
    if key in MASS:
        return value * MASS[key], "kg"
    if key in VOLUME:
        return value * VOLUME[key], "l"
    return value, unit or ""


@dataclass
class Cell:
    table: str
    substance: str
    cas: str
    unit: str
    quantity: Decimal = Decimal(0)
    seizures: int = 0
    origins: set[str] = field(default_factory=set)
    records: list[tuple[str, int, str]] = field(default_factory=list)


def _schedule(on: dt.date) -> dict[str, str]:
    """CAS -> "I" or "II" for the international tables in force on a date."""
    try:
        lists = control_lists.lists_in_force(on)
    except control_lists.NoControlLists:
        return {}
    out: dict[str, str] = {}
    for control_list in lists:
        table = TABLES.get(control_list.kind)
        if table is None:
            continue
        for cas in control_list.entries.exclude(cas="").values_list("cas", flat=True):
            out[cas] = table
    return out


def _add(cells: dict, schedule: dict, *, name: str, cas: str, quantity, unit, origin, record):
    amount, unit = measured(quantity, unit)
    table = schedule.get(cas, "")
    cell = cells.setdefault((table, name.strip().lower(), unit), Cell(table, name, cas, unit))
    cell.quantity += amount or 0
    cell.seizures += 1
    if origin:
        cell.origins.add(origin)
    cell.records.append(record)


def seizure_cells(user, country: Country, year: int) -> list[Cell]:
    """The Form D cells of a country-year from the records the reader may see."""
    schedule = _schedule(dt.date(year, 12, 31))
    cells: dict[tuple[str, str, str], Cell] = {}
    incidents = (
        selectors.incident_list(actor=user)
        .filter(country=country, kind=IncidentKind.SEIZURE, occurred_on__year=year)
        .order_by("occurred_on", "pk")
    )
    covered_cases = set()
    for incident in incidents:
        if incident.supply_case_id:
            covered_cases.add(incident.supply_case_id)
        _add(
            cells,
            schedule,
            name=incident.chemical,
            cas=incident.cas,
            quantity=incident.quantity,
            unit=incident.unit,
            origin=incident.origin_country.code if incident.origin_country_id else "",
            record=(
                _("precursor incident"),
                incident.pk,
                reverse("precursors:incident_detail", args=[incident.pk]),
            ),
        )
    if apps.is_installed("cadis.apps.supply"):
        seizure_model = apps.get_model("supply", "Seizure")
        seizures = (
            visible(seizure_model.objects.all(), user)
            .filter(country=country, date__year=year, substance__kind="precursor")
            .exclude(case_id__in=covered_cases)
            .select_related("substance", "departure_country", "producing_country")
            .order_by("date", "pk")
        )
        for seizure in seizures:
            origin = seizure.producing_country or seizure.departure_country
            _add(
                cells,
                schedule,
                name=seizure.substance.name_en,
                cas=seizure.substance.cas or "",
                quantity=seizure.quantity_value,
                unit=seizure.quantity_unit,
                origin=origin.code if origin else "",
                record=(
                    _("seizure"),
                    seizure.pk,
                    reverse("supply:seizure_detail", args=[seizure.pk]),
                ),
            )
    return sorted(cells.values(), key=lambda c: (c.table or "Z", c.substance.lower(), c.unit))


def _table_rows(cells: list[Cell]) -> list[list]:
    return [
        [
            c.table or None,
            c.substance,
            c.cas,
            c.quantity,
            c.unit,
            c.seizures,
            ", ".join(sorted(c.origins)),
        ]
        for c in cells
    ]


def workbook_sheets(user, country: Country, year: int) -> list[Sheet]:
    cells = seizure_cells(user, country, year)
    header = [
        _("Table (1988 Convention)"),
        _("Substance"),
        "CAS",
        _("Quantity seized"),
        _("Unit"),
        _("Number of seizures"),
        _("Countries of origin"),
    ]
    scheduled = [c for c in cells if c.table]
    other = [c for c in cells if not c.table]
    records = [
        [c.table or None, c.substance, c.unit, kind, pk, link]
        for c in cells
        for kind, pk, link in c.records
    ]
    cover = [
        [_("Country"), country.code],
        [_("Year"), year],
        [_("Form"), _("INCB Form D, seizures of precursors")],
        [
            _("Unverified"),
            _(
                "The columns follow Form D's seizure tables as far as they could be checked; "
                "compare them with the current edition of the form before sending."
            ),
        ],
    ]
    return [
        Sheet(_("about"), [_("Item"), _("Value")], cover),
        Sheet("Table_I_II", header, _table_rows(scheduled)),
        Sheet("Not_in_Tables", header, _table_rows(other)),
        Sheet(
            _("records"),
            [
                _("Table (1988 Convention)"),
                _("Substance"),
                _("Unit"),
                _("Record"),
                "id",
                _("Address"),
            ],
            records,
        ),
    ]
