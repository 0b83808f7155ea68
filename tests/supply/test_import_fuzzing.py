"""Hypothesis: whatever the bytes, the importer answers with issues and never writes part of a file."""

from __future__ import annotations

import io

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from cadis.apps.supply import imports
from cadis.apps.supply.importing.headers import ALIASES
from cadis.apps.supply.models import ImportBatch, Seizure

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

HEADERS = [aliases[0] for aliases in ALIASES.values()] + ["дата", "количество", "вещество", "???"]
CELL = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        [
            "1.300",
            "1 300,5",
            "20,374",
            "15 т 106 кг 549 г",
            "-1",
            "12.13.2024",
            "2024-02-30",
            "героин",
            "KG",
            "TJ",
            "кг",
            "г",
            "таблеток",
            "=cmd()",
            "\x00",
            "1e400",
            "NaN",
        ]
    ),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


def attempt(actor, data: bytes, name: str) -> None:
    before = Seizure.objects.count()
    batch = imports.import_upload(actor=actor, data=data, file_name=name)
    batch = imports.import_check(actor=actor, batch=batch)
    assert batch.status in (ImportBatch.Status.CHECKED, ImportBatch.Status.REJECTED)
    assert all(i["code"] and i["file"] == name for i in batch.report["issues"])
    if batch.status == ImportBatch.Status.CHECKED:
        batch = imports.import_commit(actor=actor, batch=batch)
        assert Seizure.objects.count() == before + batch.created_count
        assert batch.created_count + batch.unchanged_count == batch.report["valid_rows"]
    else:
        assert Seizure.objects.count() == before


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_never_crash(personas, data):
    attempt(personas.kg_provider, data, "random.csv")


@FUZZ
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8),
    rows=st.lists(st.lists(CELL, max_size=9), max_size=6),
    sep=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1251"]),
)
def test_broken_csv_with_wrong_types_never_crashes(personas, header, rows, sep, encoding):
    text = "\n".join(sep.join(line) for line in [header, *rows])
    data = text.encode(encoding, errors="replace")
    attempt(personas.kg_provider, data, "broken.csv")


@FUZZ
@given(
    rows=st.lists(
        st.lists(
            st.one_of(
                CELL,
                st.floats(allow_nan=False, allow_infinity=False),
                st.dates().map(lambda d: d),
                st.none(),
            ),
            max_size=6,
        ),
        max_size=5,
    ),
    cut=st.integers(0, 2000),
)
def test_xlsx_with_wrong_types_or_truncated_never_crashes(personas, rows, cut):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Дата", "Вещество", "Количество", "Единица"])
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    attempt(personas.kg_provider, data[: len(data) - cut] if cut else data, "book.xlsx")
