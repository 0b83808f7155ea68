"""Price and purity records (service, pages, API, personas) and the UNODC ARQ and IDS workbooks."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from cadis.platform.errors import ValidationError


@pytest.fixture
def heroin(refdata):
    from cadis.apps.reference.models import Substance

    return Substance.objects.get(code="heroin")


def _record(actor, heroin, **overrides):
    from cadis.apps.supply.prices import services

    data = {
        "substance": heroin,
        "market_level": "retail",
        "period_start": dt.date(2024, 1, 1),
        "period_end": dt.date(2024, 6, 30),
        "currency": "kgs",
        "price_unit": "g",
        "price_min": Decimal("1500"),
        "price_mean": Decimal("2000"),
        "price_max": Decimal("3000"),
        "price_sample_size": 12,
        "purity_min": Decimal("8"),
        "purity_mode": Decimal("20"),
        "purity_max": Decimal("45"),
        "purity_sample_size": 9,
        "purity_basis": "base",
        "confidentiality": "public",
        **overrides,
    }
    return services.price_record_create(actor=actor, data=data)


@pytest.mark.parametrize(
    "overrides",
    [
        {"price_min": Decimal("4000")},  # minimum above maximum
        {"price_mean": Decimal("9000")},  # typical outside min..max
        {"purity_max": Decimal("120")},
        {"currency": ""},
        {"price_unit": ""},
        {"period_end": dt.date(2025, 2, 1)},  # two calendar years
        {
            "price_min": None,
            "price_mean": None,
            "price_max": None,
            "purity_min": None,
            "purity_mode": None,
            "purity_max": None,
        },
    ],
)
def test_impossible_price_records_are_refused(personas, heroin, overrides):
    with pytest.raises(ValidationError):
        _record(personas.kg_provider, heroin, **overrides)


def test_a_record_keeps_its_year_and_upper_case_currency(personas, heroin):
    record = _record(personas.kg_provider, heroin)
    assert (record.year, record.currency, record.country.code) == (2024, "KGS", "KG")


def test_the_pages_follow_the_scope_of_each_persona(client_of, personas, heroin):
    public = _record(personas.kg_provider, heroin)
    hidden = _record(personas.kg_provider, heroin, confidentiality="restricted", place="Osh")
    anonymous = client_of(None)
    listing = anonymous.get("/supply/prices/")
    assert listing.status_code == 200 and [r.pk for r in listing.context["page"]] == [public.pk]
    assert anonymous.get(f"/supply/prices/{hidden.pk}/").status_code == 404
    assert client_of(personas.kg_analyst).get(f"/supply/prices/{hidden.pk}/").status_code == 200
    assert client_of(personas.tj_analyst).get(f"/supply/prices/{hidden.pk}/").status_code == 404
    assert anonymous.get("/supply/prices/new/").status_code == 302
    assert client_of(personas.kg_analyst).get("/supply/prices/new/").status_code == 403
    assert (
        client_of(personas.tj_provider).get(f"/supply/prices/{public.pk}/edit/").status_code == 403
    )
    assert (
        client_of(personas.kg_other_provider).get(f"/supply/prices/{public.pk}/edit/").status_code
        == 403
    )
    form = {
        "substance": heroin.pk,
        "market_level": "wholesale",
        "period_start": "2024-01-01",
        "period_end": "2024-12-31",
        "currency": "USD",
        "price_unit": "kg",
        "price_mode": "9000",
        "purity_basis": "salt",
        "confidentiality": "public",
    }
    created = client_of(personas.kg_provider).post("/supply/prices/new/", form)
    assert created.status_code == 302
    bad = client_of(personas.kg_provider).post("/supply/prices/new/", {**form, "purity_max": "101"})
    assert bad.status_code == 200 and bad.context["form"].errors
    sheet = load_workbook(
        io.BytesIO(b"".join(anonymous.get("/supply/prices/?format=xlsx").streaming_content))
    ).worksheets[0]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == 2
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        assert cells["year"].data_type == "n" and cells["period start"].is_date


def test_the_api_lists_creates_and_bounds_price_records(client_of, personas, heroin):
    _record(personas.kg_provider, heroin, confidentiality="restricted")
    anonymous = client_of(None)
    assert anonymous.get("/api/v1/supply/prices").json()["count"] == 0
    assert (
        client_of(personas.kg_analyst).get("/api/v1/supply/prices?year=2024").json()["count"] == 1
    )
    assert anonymous.get("/api/v1/supply/prices?year=3000").status_code == 400
    assert anonymous.get("/api/v1/supply/prices?market_level=street").status_code == 400
    body = {
        "substance": "heroin",
        "market_level": "wholesale",
        "period_start": "2024-01-01",
        "period_end": "2024-12-31",
        "currency": "USD",
        "price_unit": "kg",
        "price_mean": "8500.50",
        "purity_mean": "55",
    }
    assert (
        anonymous.post("/api/v1/supply/prices", body, content_type="application/json").status_code
        == 401
    )
    client = client_of(personas.kg_provider)
    created = client.post("/api/v1/supply/prices", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["price_mean"] == "8500.50"
    for bad in (
        {"purity_mean": "120"},
        {"currency": "DOLLARS"},
        {"substance": "unobtainium"},
        {"price_mean": "-1"},
    ):
        response = client.post(
            "/api/v1/supply/prices", {**body, **bad}, content_type="application/json"
        )
        assert response.status_code == 400, bad


def _seize(personas, day, quantity, substance, confidentiality="public"):
    from cadis.apps.supply import services

    return services.seizure_create(
        actor=personas.kg_provider,
        data={
            "date": day,
            "substance": substance,
            "quantity_as_written": quantity,
            "confidentiality": confidentiality,
        },
    )


def _book(response):
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def test_the_arq_workbook_traces_every_row_to_its_records(client_of, personas, heroin):
    first = _seize(personas, dt.date(2024, 3, 1), "1,5 кг", heroin)
    second = _seize(personas, dt.date(2024, 5, 1), "500 г", heroin)
    _seize(personas, dt.date(2024, 6, 1), "2 кг", heroin, confidentiality="restricted")
    _seize(personas, dt.date(2023, 6, 1), "9 кг", heroin)  # another year
    a = _record(personas.kg_provider, heroin, price_mean=Decimal("2000"), price_sample_size=3)
    b = _record(
        personas.kg_provider,
        heroin,
        period_start=dt.date(2024, 7, 1),
        period_end=dt.date(2024, 12, 31),
        price_min=Decimal("1000"),
        price_mean=Decimal("1000"),
        price_max=Decimal("3500"),
        price_sample_size=1,
    )
    book = _book(client_of(None).get("/supply/unodc/arq/KG/2024.xlsx"))
    assert book.sheetnames[1:3] == ["ARQ_SEIZURES", "ARQ_PRICES"]
    [seizures] = [[c for c in row] for row in book["ARQ_SEIZURES"].iter_rows(min_row=2)]
    assert [c.value for c in seizures][2:4] == [2, 2.0] and seizures[3].data_type == "n"
    header = [c.value for c in book["ARQ_PRICES"][1]]
    [prices] = [
        dict(zip(header, [c.value for c in row], strict=True))
        for row in book["ARQ_PRICES"].iter_rows(min_row=2)
    ]
    # (2000 x 3 + 1000 x 1) / 4 purchases
    assert prices["Типичная цена"] == 1750 and prices["Минимальная цена"] == 1000
    assert prices["Максимальная цена"] == 3500 and prices["Закупок учтено"] == 4
    records = [[c.value for c in row] for row in book.worksheets[-1].iter_rows(min_row=2)]
    assert {(r[0], r[3]) for r in records} == {
        ("ARQ_SEIZURES", first.pk),
        ("ARQ_SEIZURES", second.pk),
        ("ARQ_PRICES", a.pk),
        ("ARQ_PRICES", b.pk),
    }
    assert all(r[4] in (f"/supply/seizures/{r[3]}/", f"/supply/prices/{r[3]}/") for r in records)
    own = _book(client_of(personas.kg_analyst).get("/supply/unodc/arq/KG/2024.xlsx"))
    assert [c.value for c in next(own["ARQ_SEIZURES"].iter_rows(min_row=2))][2] == 3
    assert client_of(None).get("/supply/unodc/nope/KG/2024.xlsx").status_code == 404
    assert client_of(None).get("/supply/unodc/arq/FR/2024.xlsx").status_code == 404


def test_the_ids_workbook_has_one_typed_row_per_seizure(client_of, personas, heroin):
    seizure = _seize(personas, dt.date(2024, 3, 1), "1,5 кг", heroin)
    book = _book(client_of(None).get("/supply/unodc/ids/KG/2024.xlsx"))
    sheet = book["IDS"]
    header = [c.value for c in sheet[1]]
    [row] = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert row["id"].value == seizure.pk and row["Дата"].is_date
    assert row["Количество"].data_type == "n" and row["Количество"].value == 1.5
    assert row["Адрес"].value == f"/supply/seizures/{seizure.pk}/"
