"""Pre-export notifications in the field order of PEN Online (INCB), as CSV or XLSX.

One row per notification the reader may see, in the order in which a competent authority
fills in a notification in PEN Online: parties, the goods as article 12(10)(a) of the 1988
Convention asks (substance, trade name, HS code, quantity, concentration, pure substance,
packaging), the route (exit, transit, entry, mode of transport, intermediaries), dates and
permits, then the reply (status, deadline in working days of the importing country).

The order is our reading of the PEN Online form and of INCB's guidance; it was not checked
against a file exported from PEN Online itself (docs/exchange.md, INCB).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cadis.apps.precursors.models import PreExportNotification


def _code(obj: Any) -> str:
    return obj.code if obj is not None else ""


def _countries(n: PreExportNotification) -> str:
    return ", ".join(c.code for c in n.transit_countries.all())


def _intermediaries(n: PreExportNotification) -> str:
    return "; ".join(
        f"{p.get_role_display()}: {p.name}" + (f" ({p.country.code})" if p.country_id else "")
        for p in n.intermediaries.all()
    )


Field = tuple[Any, Callable[[PreExportNotification], Any]]

#: (column title, value of a notification) in PEN Online order.
PEN_ONLINE_FIELDS: tuple[Field, ...] = (
    (_("Exporting country"), lambda n: n.exporting_country.code),
    (_("Exporting competent authority"), lambda n: n.exporting_authority),
    (_("PEN reference"), lambda n: n.reference),
    (_("Date sent"), lambda n: n.sent_on),
    (_("Importing country"), lambda n: n.importing_country.code),
    (_("Importing competent authority"), lambda n: n.importing_authority),
    (_("Exporter"), lambda n: n.exporter),
    (_("Importer"), lambda n: n.importer),
    (_("Ultimate consignee"), lambda n: n.consignee),
    (_("Substance"), lambda n: n.substance),
    ("CAS", lambda n: n.cas),
    (_("Trade or preparation name"), lambda n: n.trade_name),
    (_("HS code"), lambda n: n.hs_code),
    (_("Quantity (net)"), lambda n: n.quantity),
    (_("Unit"), lambda n: n.unit),
    (_("Concentration, %"), lambda n: n.concentration),
    (_("Net weight of the pure substance"), lambda n: n.pure_quantity),
    (_("Number of packages"), lambda n: n.package_count),
    (_("Type of package"), lambda n: n.package_type),
    (_("Point of exit"), lambda n: n.exit_point),
    (_("Transit countries"), _countries),
    (_("Point of entry"), lambda n: n.entry_point),
    (_("Mode of transport"), lambda n: _code(n.transport_mode)),
    (_("Intermediaries"), _intermediaries),
    (_("Expected date of shipment"), lambda n: n.expected_shipment),
    (_("Expected date of arrival"), lambda n: n.expected_arrival),
    (_("Export authorization number"), lambda n: n.export_permit),
    (_("Import authorization number"), lambda n: n.import_permit),
    (_("Status"), lambda n: n.get_status_display()),
    (_("Working days for a reply"), lambda n: n.response_days),
    (_("Reply due"), lambda n: n.response_due),
    (_("Working days overdue"), lambda n: n.working_days_overdue_on(timezone.localdate())),
)


def header() -> list[str]:
    return [str(title) for title, _value in PEN_ONLINE_FIELDS]


def rows(notifications: Iterable[PreExportNotification]) -> Iterator[list[Any]]:
    """Typed values: dates as dates, quantities as numbers, counts as integers."""
    for notification in notifications:
        yield [value(notification) for _title, value in PEN_ONLINE_FIELDS]
