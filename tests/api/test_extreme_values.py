"""Nothing stored can make a read fail: extreme numbers are written through every write
operation that takes a number; each is stored when it lies within the documented bounds and
refused with 400 otherwise (never a 500); afterwards every list of the API reads back with 200,
for the writer and for the anonymous public."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

API = "/api/v1"
BIG = 1_000_000_000

# Numbers that broke lists and writes before (4.96e228, 20-digit ids, 1e308), bounds, and
# just-outside values.
EXTREMES = [
    0, 1, -1, BIG, BIG + 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**20, 10**30, 4.96e228, 1e308,
    -1e308, 1e-9, 0.5, 99.99, 100, 100.001, 110, 111, 1899, 1900, 2100, 2101,
]


@dataclass(frozen=True)
class Target:
    """A numeric field of a write operation, its documented bounds and decimal places."""

    path: str
    field: str
    low: float
    high: float
    places: int | None = None  # decimal places allowed; None for integers, -1 for floats
    low_open: bool = False

    def accepts(self, value) -> bool:
        if self.places is None and (isinstance(value, float) and not value.is_integer()):
            return False
        number = Decimal(str(value))
        if self.places is not None and self.places >= 0:
            if -number.as_tuple().exponent > self.places:
                return False
        if self.low_open:
            return self.low < number <= self.high
        return self.low <= number <= self.high


TARGETS = [
    Target("/supply/seizures", "purity", 0, 100, -1),
    Target("/supply/cases", "persons_arrested", 0, BIG),
    Target("/supply/cases", "groups_dismantled", 0, BIG),
    Target("/supply/period-statistics", "value", 0, BIG, -1),
    Target("/supply/prices", "price_sample_size", 1, 10_000_000),
    Target("/supply/prices", "purity_mean", 0, 100, 2),
    Target("/ews/detections", "quantity", 0, BIG, 4),
    Target("/ews/detections", "purity", 0, 100, -1),
    Target("/ews/detections", "deaths", 0, BIG),
    Target("/precursors/notifications", "quantity", 0, BIG, 3, low_open=True),
    Target("/precursors/notifications", "pure_quantity", 0, BIG, 3),
    Target("/precursors/notifications", "package_count", 1, 1_000_000),
    Target("/precursors/incidents", "quantity", 0, BIG, 3),
    Target("/treatment/episodes", "age", 0, 110),
]

_serial = itertools.count(1)


def _base(path: str) -> dict:
    """A valid body for the operation; references are unique so that no write conflicts."""
    n = next(_serial)
    return {
        "/supply/seizures": {
            "date": "2026-01-02", "quantity_as_written": "1.5", "unit_as_written": "kg",
            "substance_as_written": "heroin", "place": f"place {n}",
        },
        "/supply/cases": {"reference": f"CASE-{n}"},
        "/supply/period-statistics": {
            "indicator": "seizures", "value": 1, "period_start": "2025-01-01",
            "period_end": "2025-12-31",
        },
        "/supply/prices": {
            "substance": "heroin", "market_level": "retail", "period_start": "2025-01-01",
            "period_end": "2025-12-31", "currency": "USD", "price_unit": "g", "price_mean": "50",
        },
        "/ews/detections": {"detected_on": "2026-01-02", "sample_type": "powder",
                            "structure": "CNC(C)C(=O)c1ccc(CC)cc1", "place": f"place {n}"},
        "/precursors/notifications": {
            "reference": f"KG-PEN-{n}", "exporting_country": "KG", "exporting_authority": "A",
            "importing_country": "UZ", "exporter": "E", "importer": "I", "substance": "Acetone",
            "quantity": "1000000000",  # the largest, so that any valid pure_quantity fits in it
        },
        "/precursors/incidents": {
            "reference": f"KG-INC-{n}", "kind": "diversion_attempt", "occurred_on": "2026-01-02",
            "chemical": "Acetone",
        },
        "/treatment/episodes": {"start_date": "2025-03-01", "primary_drug": "1.1",
                                "national_id": f"ID{n:08d}"},
    }[path]


@pytest.fixture
def writer(personas):
    """A KG focal point's read-write token (a focal point may write in every module)."""
    from cadis.apps.accounts import services
    from cadis.apps.accounts.models import ApiToken

    _, raw = services.api_token_create(
        actor=personas.kg_focal, user=personas.kg_focal, name="extremes",
        access=ApiToken.Access.READ_WRITE,
    )
    return {"Authorization": f"Bearer {raw}"}


def _lists(client) -> list[str]:
    document = client.get(f"{API}/openapi.json").json()
    return [
        path for path, methods in document["paths"].items()
        if "get" in methods and "{" not in path
        and "offset" in [p["name"] for p in methods["get"].get("parameters", [])]
    ]


NUMBERS = st.one_of(
    st.sampled_from(EXTREMES),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(min_value=0, max_value=150),
    st.floats(allow_nan=False, allow_infinity=False),
)


@pytest.mark.django_db
def test_extreme_numbers_are_stored_or_refused_and_every_list_still_reads(client, writer):
    stored: list[tuple[str, int]] = []

    @settings(max_examples=80, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(target=st.sampled_from(TARGETS), value=NUMBERS, as_string=st.booleans())
    def write(target, value, as_string):
        body = _base(target.path)
        decimal_field = target.places is not None and target.places >= 0
        body[target.field] = str(value) if (as_string and decimal_field) else value
        answer = client.post(
            f"{API}{target.path}", json.dumps(body), content_type="application/json",
            headers=writer,
        )
        expected = 201 if target.accepts(value) else 400
        assert answer.status_code == expected, (target, value, answer.content[:300])
        if expected == 201:
            created = answer.json()
            stored.append((target.path, created.get("detection", created)["id"]))

    write()
    assert {path for path, _ in stored} == {t.path for t in TARGETS}
    lists = _lists(client)
    assert len(lists) >= 25
    signed_in_only = {f"{API}/precursors/screenings"}  # the public gets 401 there
    for path in lists:
        listed = client.get(path, {"limit": 1000}, headers=writer)
        assert listed.status_code == 200, (path, listed.content[:300])
        public = client.get(path, {"limit": 1000})
        assert public.status_code == (401 if path in signed_in_only else 200), path
    details = {
        path.removeprefix(API).rsplit("/", 1)[0]
        for path, methods in client.get(f"{API}/openapi.json").json()["paths"].items()
        if "get" in methods and path.count("{") == 1 and path.endswith("}")
    }
    read_back = [(path, pk) for path, pk in stored if path in details]
    assert {path for path, _ in read_back} >= {"/supply/seizures", "/precursors/notifications"}
    for path, pk in read_back:
        assert client.get(f"{API}{path}/{pk}", headers=writer).status_code == 200, (path, pk)
