"""Checks shared by the knowledge services."""

from __future__ import annotations

from typing import Any

from cadis.platform.errors import ValidationError


def check_choices(value: Any, allowed, label: str, *, many: bool = False) -> None:
    values = value if many else [value]
    if many and not isinstance(value, list):
        raise ValidationError(f"'{label}' must be a list.", details={"field": label})
    bad = [v for v in values if v not in allowed]
    if bad:
        raise ValidationError(
            f"Unknown {label}: {', '.join(map(str, bad))}.", details={"field": label, "values": bad}
        )
