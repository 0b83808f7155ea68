"""Article 12(10)(a) fields of a notification, working-day deadlines, the PEN Online export and
Form D's seizure tables; spreadsheets read back with openpyxl."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from cadis.apps.precursors import services
from cadis.apps.precursors.working_days import add_working_days, working_days_between
from cadis.apps.reference.models import Country, TransportMode
from cadis.platform.errors import ValidationError
from tests.precursors.factories import incident, notification


def test_working_days_skip_weekends_holidays_and_count_moved_working_saturdays():
    # Nauryz (21-23 March, moved days off) in Kazakhstan; a plain week in a country without
    # a holiday calendar.
    assert add_working_days(dt.date(2025, 3, 19), 3, "KZ") == dt.date(2025, 3, 27)
    assert add_working_days(dt.date(2025, 3, 19), 3, "ZZ") == dt.date(2025, 3, 24)
    # Saturday 4 January 2025 is not a working day, but Sunday 5 January is in KZ (moved).
    assert add_working_days(dt.date(2025, 1, 3), 1, "KZ") == dt.date(2025, 1, 5)
    assert working_days_between(dt.date(2025, 3, 27), dt.date(2025, 3, 31), "KZ") == 2
    with pytest.raises(ValueError):
        add_working_days(dt.date(2025, 1, 1), 400, "KZ")


def test_the_notification_records_the_article_12_fields_and_intermediaries(personas):
    road = TransportMode.objects.order_by("code").first()
    n = notification(
        personas.kg_provider,
        trade_name="Synthetic AA 99",
        hs_code="2915.24",
        concentration=Decimal("99.5"),
        package_count=6,
        package_type="drums of 200 l",
        exit_point="Synthetic border post (KG)",
        entry_point="Synthetic crossing (TJ)",
        transport_mode=road,
        intermediaries=[
            {
                "role": "broker",
                "name": "Broker (synthetic)",
                "country": Country.objects.get(code="AE"),
            },
            {"role": "freight_forwarder", "name": "Forwarder (synthetic)"},
        ],
    )
    n.refresh_from_db()
    assert n.pure_quantity == Decimal("1194.498")  # 1200.5 kg x 99.5 %
    assert [(p.position, p.role) for p in n.intermediaries.all()] == [
        (1, "broker"),
        (2, "freight_forwarder"),
    ]
    with pytest.raises(ValidationError):
        notification(personas.kg_provider, reference="KG-PEN-0002", pure_quantity=Decimal("1300"))
    with pytest.raises(ValidationError):
        notification(
            personas.kg_provider,
            reference="KG-PEN-0003",
            concentration=Decimal("50"),
            pure_quantity=Decimal("1000"),
        )


def test_the_api_takes_structured_route_and_refuses_bad_inputs(client_of, personas):
    body = {
        "reference": "KG-PEN-API-1",
        "exporting_country": "KG",
        "exporting_authority": "Synthetic authority",
        "importing_country": "TJ",
        "exporter": "Exporter (synthetic)",
        "importer": "Importer (synthetic)",
        "substance": "Acetic anhydride",
        "quantity": "500",
        "hs_code": "291524",
        "concentration": "98",
        "exit_point": "Synthetic post",
        "entry_point": "Synthetic crossing",
        "transit_countries": ["UZ"],
        "intermediaries": [{"role": "carrier", "name": "Carrier (synthetic)", "country": "KZ"}],
    }
    client = client_of(personas.kg_provider)
    created = client.post("/api/v1/precursors/notifications", body, content_type="application/json")
    assert created.status_code == 201
    data = created.json()
    assert data["pure_quantity"] == "490.000" and data["hs_code"] == "291524"
    assert data["intermediaries"] == [
        {
            "position": 1,
            "role": "carrier",
            "name": "Carrier (synthetic)",
            "country": "KZ",
            "address": "",
        }
    ]
    for bad in (
        {"hs_code": "29A5"},
        {"concentration": "150"},
        {"intermediaries": [{"role": "smuggler", "name": "x"}]},
        {"intermediaries": [{"role": "broker", "name": "x"}] * 11},
        {"quantity": "-1"},
        {"response_days": 0},
    ):
        response = client.post(
            "/api/v1/precursors/notifications",
            {**body, "reference": "KG-PEN-API-2", **bad},
            content_type="application/json",
        )
        assert response.status_code == 400, bad
    unknown = client.post(
        "/api/v1/precursors/notifications",
        {**body, "reference": "KG-PEN-API-3", "transport_mode": "rocket"},
        content_type="application/json",
    )
    assert unknown.status_code == 400 and unknown.json()["details"]["field"] == "transport_mode"


def test_the_form_saves_intermediaries_from_its_formset(client_of, personas):
    client = client_of(personas.kg_provider)
    page = client.get("/precursors/notifications/new/")
    assert page.status_code == 200 and b"intermediaries-TOTAL_FORMS" in page.content
    kg, tj = Country.objects.get(code="KG"), Country.objects.get(code="TJ")
    post = {
        "reference": "KG-PEN-FORM-1",
        "exporting_country": kg.pk,
        "exporting_authority": "Synthetic authority",
        "importing_country": tj.pk,
        "exporter": "Exporter (synthetic)",
        "importer": "Importer (synthetic)",
        "substance": "Toluene",
        "quantity": "10",
        "unit": "kg",
        "response_days": "15",
        "confidentiality": "restricted",
        "intermediaries-TOTAL_FORMS": "2",
        "intermediaries-INITIAL_FORMS": "0",
        "intermediaries-MIN_NUM_FORMS": "0",
        "intermediaries-MAX_NUM_FORMS": "10",
        "intermediaries-0-role": "agent",
        "intermediaries-0-name": "Agent (synthetic)",
        "intermediaries-1-role": "",
        "intermediaries-1-name": "",
    }
    response = client.post("/precursors/notifications/new/", post)
    assert response.status_code == 302
    from cadis.apps.precursors.models import PreExportNotification

    saved = PreExportNotification.objects.get(reference="KG-PEN-FORM-1")
    assert [p.name for p in saved.intermediaries.all()] == ["Agent (synthetic)"]


def _sent(personas, reference, sent_on):
    n = notification(personas.kg_provider, reference=reference, hs_code="2915.24")
    services.notification_respond(
        actor=personas.kg_provider, notification=n, status="sent", responded_on=sent_on
    )
    return n


def test_the_pen_online_export_keeps_the_field_order_types_and_scope(client_of, personas):
    _sent(personas, "KG-PEN-0010", dt.date(2020, 1, 6))
    notification(
        personas.tj_provider,
        reference="TJ-PEN-0001",
        exporting_country=Country.objects.get(code="TJ"),
        importing_country=Country.objects.get(code="KZ"),
    )
    response = client_of(personas.kg_analyst).get("/precursors/notifications/pen-online.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert (
        header.index("Код ТН ВЭД (HS)")
        < header.index("Количество (нетто)")
        < header.index("Пункт выезда")
        < header.index("Пункт въезда")
        < header.index("Посредники")
    )
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert [r["Номер уведомления"].value for r in rows] == ["KG-PEN-0010"]
    row = rows[0]
    assert row["Количество (нетто)"].data_type == "n" and row["Количество (нетто)"].value == 1200.5
    assert row["Дата отправки"].is_date and row["Дата отправки"].value.date() == dt.date(2020, 1, 6)
    assert (
        row["Рабочих дней просрочки"].data_type == "n"
        and row["Рабочих дней просрочки"].value > 1000
    )
    # Tajikistan is the importing country: its users see the notification; KZ users do not.
    tj = client_of(personas.tj_analyst).get("/precursors/notifications/pen-online.csv")
    text = b"".join(tj.streaming_content).decode("utf-8-sig")
    assert {r["Номер уведомления"] for r in csv.DictReader(io.StringIO(text))} == {
        "TJ-PEN-0001",
        "KG-PEN-0010",
    }
    anonymous = client_of(None).get("/precursors/notifications/pen-online.csv")
    assert b"KG-PEN" not in b"".join(anonymous.streaming_content)
    assert client_of(None).get("/precursors/notifications/pen-online.json").status_code == 404


def test_form_d_tables_come_from_incidents_and_precursor_seizures_with_their_records(
    client_of, personas
):
    from cadis.apps.reference.models import Substance
    from cadis.apps.supply import services as supply

    incident(personas.kg_provider, confidentiality="public")  # potassium permanganate, 250 kg
    incident(
        personas.kg_provider,
        reference="KG-PICS-0002",
        quantity=Decimal("500"),
        unit="g",
        confidentiality="public",
    )
    incident(personas.kg_provider, reference="KG-PICS-0003", confidentiality="restricted")
    incident(
        personas.kg_provider,
        reference="KG-PICS-0004",
        kind="stopped_shipment",
        confidentiality="public",
    )
    precursor = Substance.objects.filter(kind="precursor").exclude(cas="").first()
    supply.seizure_create(
        actor=personas.kg_provider,
        data={
            "date": dt.date(2026, 5, 4),
            "substance": precursor,
            "quantity_as_written": "40 л",
            "confidentiality": "public",
        },
    )
    path = "/precursors/form-d/KG/2026.xlsx"
    book = load_workbook(io.BytesIO(b"".join(client_of(None).get(path).streaming_content)))
    assert book.sheetnames[1:3] == ["Table_I_II", "Not_in_Tables"]
    scheduled = [[c.value for c in row] for row in book["Table_I_II"].iter_rows(min_row=2)]
    permanganate = next(r for r in scheduled if r[1] == "Potassium permanganate")
    assert permanganate[0] == "I" and permanganate[3] == 250.5 and permanganate[4] == "kg"
    assert permanganate[5] == 2 and permanganate[6] == "CN"
    records = [[c.value for c in row] for row in book.worksheets[-1].iter_rows(min_row=2)]
    assert len([r for r in records if r[1] == "Potassium permanganate"]) == 2
    assert all(isinstance(r[4], int) and r[5].startswith("/") for r in records)
    litres = [
        r
        for r in scheduled
        + [[c.value for c in row] for row in book["Not_in_Tables"].iter_rows(min_row=2)]
        if r[4] == "l"
    ]
    assert litres and litres[0][3] == 40 and litres[0][5] == 1
    own = load_workbook(
        io.BytesIO(b"".join(client_of(personas.kg_analyst).get(path).streaming_content))
    )
    own_rows = [[c.value for c in row] for row in own["Table_I_II"].iter_rows(min_row=2)]
    assert next(r for r in own_rows if r[1] == "Potassium permanganate")[5] == 3
    assert client_of(None).get("/precursors/form-d/FR/2026.xlsx").status_code == 404
