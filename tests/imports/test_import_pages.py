"""The dry-run page asks, remembers and previews; the rejected page leads to a good file."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cadis.apps.reference.models import ImportMapping
from cadis.apps.supply import imports
from cadis.apps.supply.models import ImportBatch, Seizure
from tests.imports.test_clerk_file import FIRST, _file

pytestmark = pytest.mark.django_db


def test_the_clerk_answers_the_questions_in_the_page_and_imports(client, personas):
    client.force_login(personas.kg_provider)
    batch = imports.import_upload(actor=personas.kg_provider, data=_file(FIRST), file_name="kg.csv")
    imports.import_check(actor=personas.kg_provider, batch=batch)
    url = reverse("supply:import_detail", args=[batch.pk])
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Газель" in text and 'id="upload-again"' in text and 'id="errors-file"' in text
    assert "Грузовой автомобиль" in text  # the preview shows what "грузовик" becomes
    gazel = next(q for q in page.context["questions"] if q["value"] == "Газель")
    assert ("Грузовой автомобиль", "Грузовой автомобиль") in gazel["choices"]  # every entry offered

    errors = client.get(reverse("supply:import_errors", args=[batch.pk]))
    assert errors.status_code == 200
    lines = b"".join(errors.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 5 and "Газель" in lines[4] and lines[1].endswith(",")

    answers = [
        ("agency", "увд чуйской области", "Министерство внутренних дел Кыргызской Республики"),
        ("concealment", "в рюкзаке", "Личные вещи и ручная кладь"),
        ("transport", "газель", "Грузовой автомобиль"),
        (ImportMapping.DECIMAL, "quantity", "decimal"),
    ]
    for vocabulary, source, choice in answers:
        response = client.post(
            reverse("supply:import_map", args=[batch.pk]),
            {"vocabulary": vocabulary, "source": source, "choice": choice},
        )
        assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED and ImportMapping.objects.count() == 4
    assert client.post(reverse("supply:import_commit", args=[batch.pk])).status_code == 302
    assert Seizure.objects.filter(organisation=personas.kg_org).count() == 4


def test_another_organisation_cannot_answer_for_a_file_it_does_not_see(client, personas):
    batch = imports.import_upload(actor=personas.kg_provider, data=_file(FIRST), file_name="kg.csv")
    imports.import_check(actor=personas.kg_provider, batch=batch)
    client.force_login(personas.tj_provider)
    response = client.post(
        reverse("supply:import_map", args=[batch.pk]),
        {"vocabulary": "transport", "source": "газель", "choice": "Грузовой автомобиль"},
    )
    assert response.status_code == 404 and ImportMapping.objects.count() == 0
    assert client.get(reverse("supply:import_errors", args=[batch.pk])).status_code == 404


def test_the_template_has_help_and_drop_down_lists_and_imports_when_filled(client, personas):
    import io

    from openpyxl import load_workbook

    client.force_login(personas.kg_provider)
    response = client.get(reverse("supply:import_template") + "?lang=ru")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["Дата", "Страна", "Регион"]
    lists = book["lists"]
    transport = [c.value for c in lists[get_letter(lists, "Вид транспорта")]]
    assert "Легковой автомобиль" in transport
    formulas = {
        str(v.sqref).split(":")[0].rstrip("0123456789"): v.formula1
        for v in sheet.data_validations.dataValidation
    }
    assert len(formulas) == 5  # country, agency, form, concealment, transport
    assert formulas[get_letter(sheet, "Вид транспорта")].startswith("=lists!$")
    assert len(book.worksheets) == 3 and book.worksheets[1].max_row > len(headers)
    english = load_workbook(
        io.BytesIO(client.get(reverse("supply:import_template") + "?lang=en").content)
    )
    assert [c.value for c in english.worksheets[0][1]][:2] == ["Date", "Country"]

    row = {
        "Дата": "12.03.2024",
        "Вещество": "героин",
        "Количество": "2",
        "Единица": "кг",
        "Вид транспорта": "Легковой автомобиль",
    }
    sheet.append([row.get(h, "") for h in headers])
    out = io.BytesIO()
    book.save(out)
    batch = imports.import_upload(
        actor=personas.kg_provider, data=out.getvalue(), file_name="t.xlsx"
    )
    batch = imports.import_check(actor=personas.kg_provider, batch=batch)
    assert batch.status == ImportBatch.Status.CHECKED, batch.report["issues"]


def get_letter(sheet, header: str) -> str:
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        if cell.value == header:
            return get_column_letter(cell.column)
    raise AssertionError(header)


def test_the_mappings_page_lists_and_deletes_with_an_audit_entry(client, personas):
    from cadis.apps.accounts.models import AuditEntry
    from cadis.apps.reference.import_mappings import mapping_save
    from cadis.apps.reference.models import TransportMode

    mapping = mapping_save(
        actor=personas.kg_provider,
        organisation=personas.kg_org,
        kind="seizures",
        vocabulary="transport",
        source="Газель",
        target=TransportMode.objects.get(code="road_truck").pk,
        target_label="Грузовой автомобиль",
    )
    client.force_login(personas.tj_provider)
    assert "газель" not in client.get(reverse("supply:import_mappings")).content.decode()
    assert client.post(reverse("supply:import_mappings"), {"pk": mapping.pk}).status_code == 302
    assert ImportMapping.objects.count() == 1
    client.force_login(personas.kg_provider)
    page = client.get(reverse("supply:import_mappings"))
    assert page.status_code == 200 and "газель" in page.content.decode()
    assert client.post(reverse("supply:import_mappings"), {"pk": mapping.pk}).status_code == 302
    assert ImportMapping.objects.count() == 0
    actions = list(
        AuditEntry.objects.filter(object_type="reference.importmapping").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["create", "delete"]
