"""Fixtures for supply tests: synthetic seizure files and records (invented, for tests only)."""

from __future__ import annotations

import datetime as dt

import pytest

HEADER_RU = (
    "Дата;Страна;Ведомство;Вещество;Количество;Единица измерения;Способ сокрытия;Вид транспорта"
)


def csv_bytes(lines: list[str], *, encoding: str = "utf-8", header: str = HEADER_RU) -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode(encoding)


GOOD_ROWS = [
    "12.03.2024;KG;kg_mvd;героин;1 300,5;г;Вакуумная упаковка;Легковой автомобиль",
    "2024-04-01;KG;;гашиш;20,374;кг;;",
    "05.2024;KG;;марихуана;15 т 106 кг 549 г;;;",
]


@pytest.fixture
def good_csv() -> bytes:
    return csv_bytes(GOOD_ROWS)


@pytest.fixture
def make_seizure(personas):
    """A seizure created through the service, owned by the KG police unless told otherwise."""
    from cadis.apps.reference.models import Substance
    from cadis.apps.supply import services

    def make(
        actor=None,
        *,
        confidentiality="restricted",
        date=dt.date(2024, 3, 12),
        substance="heroin",
        quantity="2",
        unit="кг",
        **extra,
    ):
        data = {
            "date": date,
            "date_precision": "day",
            "substance": Substance.objects.get(code=substance),
            "quantity_as_written": quantity,
            "unit_as_written": unit,
            "confidentiality": confidentiality,
            **extra,
        }
        return services.seizure_create(actor=actor or personas.kg_provider, data=data)

    return make
