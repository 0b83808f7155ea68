"""Synthetic notifications and incidents for the tests (invented companies and references)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cadis.apps.precursors import services
from cadis.apps.reference.models import Country


def notification_data(**overrides) -> dict:
    data = {
        "reference": "KG-PEN-0001",
        "exporting_country": Country.objects.get(code="KG"),
        "exporting_authority": "Synthetic drug control service",
        "importing_country": Country.objects.get(code="TJ"),
        "importing_authority": "Synthetic import authority",
        "exporter": "Example Chem LLC (synthetic)",
        "importer": "Sample Trade Co (synthetic)",
        "consignee": "",
        "substance": "Acetic anhydride",
        "cas": "108-24-7",
        "quantity": Decimal("1200.5"),
        "unit": "kg",
        "route": "Bishkek – Osh – Khujand",
        "transit_countries": [Country.objects.get(code="UZ")],
        "expected_shipment": dt.date(2026, 3, 1),
        "expected_arrival": dt.date(2026, 3, 5),
        "export_permit": "EXP-1",
        "import_permit": "IMP-1",
        "response_days": 15,
        "notes": "",
        "confidentiality": "restricted",
    }
    data.update(overrides)
    return data


def notification(actor, **overrides):
    return services.notification_create(actor=actor, data=notification_data(**overrides))


def incident_data(**overrides) -> dict:
    data = {
        "reference": "KG-PICS-0001",
        "kind": "seizure",
        "occurred_on": dt.date(2026, 2, 10),
        "place": "Synthetic border post",
        "chemical": "Potassium permanganate",
        "cas": "7722-64-7",
        "quantity": Decimal("250"),
        "unit": "kg",
        "origin_country": Country.objects.get(code="CN"),
        "destination_country": Country.objects.get(code="AF"),
        "transit_countries": [Country.objects.get(code="TJ")],
        "modus_operandi": "Declared as a water-treatment chemical",
        "companies": "Example Trading (synthetic)",
        "description": "",
        "confidentiality": "restricted",
    }
    data.update(overrides)
    return data


def incident(actor, **overrides):
    return services.incident_create(actor=actor, data=incident_data(**overrides))
