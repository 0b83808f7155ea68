"""Checks shared by the knowledge services."""

from __future__ import annotations

from typing import Any

from cadis.apps.accounts.errors import PermissionDenied, ValidationError
from cadis.apps.accounts.scope import can_create_in
from cadis.apps.reference.models import Country


def check_choices(value: Any, allowed, label: str, *, many: bool = False) -> None:
    values = value if many else [value]
    if many and not isinstance(value, list):
        raise ValidationError(f"'{label}' must be a list.", details={"field": label})
    bad = [v for v in values if v not in allowed]
    if bad:
        raise ValidationError(
            f"Unknown {label}: {', '.join(map(str, bad))}.", details={"field": label, "values": bad}
        )


def owner(actor, country: Country | None, organisation) -> tuple[Country, Any]:
    organisation = organisation or getattr(actor, "organisation", None)
    if country is None and organisation is not None and organisation.country_id:
        country = organisation.country
    if country is None or organisation is None:
        raise ValidationError(
            "Say which country and organisation the record belongs to.",
            details={"field": "country"},
        )
    if actor is not None and not can_create_in(
        actor, country_id=country.pk, organisation_id=organisation.pk
    ):
        raise PermissionDenied("You may not add records for this country or organisation.")
    return country, organisation
