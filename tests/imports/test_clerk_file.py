"""A file written as a Kyrgyz police clerk writes it imports after mapping decisions only, and
the next file with the same words imports with no question (issue 19, acceptance)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.reference.import_mappings import mapping_save
from cadis.apps.reference.models import Agency, ConcealmentMethod, ImportMapping, TransportMode
from cadis.apps.supply import imports
from cadis.apps.supply.models import ImportBatch, Seizure

pytestmark = pytest.mark.django_db

HEADER = "Дата;Ведомство;Вещество;Количество;Ед. изм.;Способ сокрытия;Вид транспорта"
FIRST = [
    "12.03.2024;МВД;героин;2;кг;в багаже;автомобиль",
    "14.03.2024;ГКНБ;гашиш;15;кг;в тайнике автомобиля;грузовик",
    "01.04.2024;ГТС;героин;1.300;кг;почтовое отправление;почта",
    "02.04.2024;УВД Чуйской области;марихуана;3;кг;в рюкзаке;Газель",
]
SECOND = [
    "05.05.2024;УВД Чуйской области;гашиш;1.250;кг;в рюкзаке;Газель",
    "06.05.2024;МВД;героин;4;кг;в багаже;автомобиль",
]


def _file(lines: list[str]) -> bytes:
    return ("\r\n".join([HEADER, *lines]) + "\r\n").encode("cp1251")


def _check(actor, lines, name):
    batch = imports.import_upload(actor=actor, data=_file(lines), file_name=name)
    return imports.import_check(actor=actor, batch=batch)


def _questions(batch) -> dict[tuple[str, str], tuple[str, list[str]]]:
    return {
        (i["params"]["field"], i["params"]["value"]): (i["code"], i["suggestions"])
        for i in batch.report["issues"]
        if i["severity"] == "error"
    }


def test_the_clerks_file_needs_only_mapping_decisions_and_the_next_file_none(personas):
    clerk = personas.kg_provider
    batch = _check(clerk, FIRST, "kg-march.csv")
    assert batch.status == ImportBatch.Status.REJECTED
    questions = _questions(batch)
    # everyday words were understood; only three words and one number are asked
    assert set(questions) == {
        ("agency", "УВД Чуйской области"),
        ("concealment", "в рюкзаке"),
        ("transport", "Газель"),
        ("quantity", "1.300"),
    }
    assert questions[("quantity", "1.300")] == ("ambiguous_number", ["thousands", "decimal"])
    assert (
        "Министерство внутренних дел Кыргызской Республики"
        in questions[("agency", "УВД Чуйской области")][1]
    )
    preview = {p["row"]: p for p in batch.report["preview"]}
    assert preview[2]["parsed"]["agency"] == "Министерство внутренних дел Кыргызской Республики"
    assert preview[3]["parsed"]["transport"] == "Грузовой автомобиль"
    assert batch.report["preview"][0]["row"] == 4  # rows with issues first

    decisions = [
        ("agency", "УВД Чуйской области", Agency.objects.get(code="kg_mvd").pk),
        (
            "concealment",
            "в рюкзаке",
            ConcealmentMethod.objects.get(code="luggage_personal_items").pk,
        ),
        ("transport", "Газель", TransportMode.objects.get(code="road_truck").pk),
        (ImportMapping.DECIMAL, "quantity", "decimal"),
    ]
    for vocabulary, source, target in decisions:
        mapping_save(
            actor=clerk,
            organisation=personas.kg_org,
            kind="seizures",
            vocabulary=vocabulary,
            source=source,
            target=target,
        )
    assert AuditEntry.objects.filter(object_type="reference.importmapping").count() == 4

    batch = imports.import_check(actor=clerk, batch=batch)
    assert batch.status == ImportBatch.Status.CHECKED, batch.report["issues"]
    imports.import_commit(actor=clerk, batch=batch)
    assert Seizure.objects.count() == 4
    posted = Seizure.objects.get(source_ref__row=4)
    assert (posted.normalised_quantity, posted.normalised_unit) == (1.3, "kg")
    assert posted.agency.code == "kg_customs" and posted.transport_mode.code == "post"
    assert list(posted.concealment_methods.values_list("code", flat=True)) == ["postal_parcel"]
    truck = Seizure.objects.get(source_ref__row=3)
    assert truck.agency.code == "kg_gknb" and truck.transport_mode.code == "road_truck"

    second = _check(clerk, SECOND, "kg-may.csv")
    assert second.status == ImportBatch.Status.CHECKED and second.error_count == 0
    imports.import_commit(actor=clerk, batch=second)
    chuy = Seizure.objects.get(source_ref__file="kg-may.csv", source_ref__row=2)
    assert chuy.agency.code == "kg_mvd" and chuy.normalised_quantity == 1.25


def test_another_organisations_mappings_do_not_apply(personas):
    mapping_save(
        actor=personas.kg_provider,
        organisation=personas.kg_org,
        kind="seizures",
        vocabulary="transport",
        source="Газель",
        target=TransportMode.objects.get(code="road_truck").pk,
    )
    from cadis.platform.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        mapping_save(
            actor=personas.tj_provider,
            organisation=personas.kg_org,
            kind="seizures",
            vocabulary="transport",
            source="Газель",
            target=1,
        )


def test_the_dry_run_report_as_json(personas, tmp_path):
    path = tmp_path / "kg.csv"
    path.write_bytes(_file(FIRST))
    out = io.StringIO()
    with pytest.raises(CommandError):  # exit status 1: the file has errors
        call_command(
            "import",
            "seizures",
            str(path),
            "--dry-run",
            "--format",
            "json",
            "--organisation",
            str(personas.kg_org.pk),
            "--user",
            "kg_provider",
            stdout=out,
            stderr=io.StringIO(),
        )
    report = json.loads(out.getvalue())
    assert report["rows"] == 4 and Seizure.objects.count() == 0
    gazel = next(i for i in report["issues"] if i["value"] == "Газель")
    assert set(gazel) == {"row", "column", "code", "severity", "value", "message", "suggestions"}
    assert (gazel["row"], gazel["column"], gazel["code"]) == (
        5,
        "Вид транспорта",
        "unknown_transport",
    )
