"""A treatment centre's TDI file and a ministry's harms file, written as clerks write them
(everyday drug, sex and referral words, cp1251, Russian dates and numbers), import after mapping
decisions only; every decision is remembered, and the next file with the same words imports
with no question (issue 19, acceptance, through the platform's one import pipeline)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.reference.import_mappings import mapping_save
from cadis.apps.reference.models import ImportMapping, TdiDrug
from cadis.apps.treatment.harms_import import import_harms
from cadis.apps.treatment.importing import import_episodes
from cadis.apps.treatment.models import HarmRecord, TreatmentEpisode

pytestmark = pytest.mark.django_db

TDI_HEADER = (
    "ПИН;Дата начала лечения;Возраст;Пол;Основной наркотик;Другие наркотики;Кем направлен;"
    "Способ употребления;Тип центра"
)
TDI_FIRST = [
    "20101199000011;12.03.2024;31;муж;героин;алкоголь;самообращение;в/в;стационар",
    "20505198800022;5 апреля 2024 г.;36;Ж;анаша;;суд;курение;амбулаторно",
    "21212199500033;2024-04-17;29;м;соль;спайс;родственники;нюхает;стационар",
    "20303199100044;18.04.2024;33;мужской;мет;;ЦСМ;в/в;амбулаторно",
    "20404198500055;19.04.2024;39;Ж;ширка;гер.;направлен милицией;в/в;стационар",
]
TDI_SECOND = [
    "20606199200066;02.05.2024;28;Эркек;мет;анаша;направлен милицией;в/в;стационар",
    "20707199300077;03.05.2024;41;аял;ширка;;сам;в/в;амбулаторно",
]
HARMS_HEADER = (
    "Показатель;Год;Пол;Возрастная группа;Вещество;Случаи;Обследовано;Источник;Качество данных"
)
HARMS_FIRST = [
    "смерти;2023;муж;все возрасты;героин;41;;Регистр смертности;хорошее",
    "ВИЧ;2023;оба пола;все возрасты;;12;1.250;Дозорный эпиднадзор;частичное",
    "Гепатит С;2023;Ж;все возрасты;;7;300;Дозорный эпиднадзор;частичное",
    "смерти;2023;всего;все возрасты;ширка;5;;Регистр смертности;хорошее",
]
HARMS_SECOND = [
    "ВИЧ;2024;оба пола;все возрасты;;15;1.400;Дозорный эпиднадзор;частичное",
    "смерти;2024;всего;все возрасты;ширка;6;;Регистр смертности;хорошее",
]


def _file(header: str, lines: list[str]) -> bytes:
    return ("\r\n".join([header, *lines]) + "\r\n").encode("cp1251")


def _tdi(actor, lines, name, dry_run=True):
    return import_episodes(
        actor=actor,
        organisation=actor.organisation,
        data=_file(TDI_HEADER, lines),
        file_name=name,
        dry_run=dry_run,
    )


def _harms(actor, lines, name, dry_run=True):
    return import_harms(
        actor=actor,
        organisation=actor.organisation,
        data=_file(HARMS_HEADER, lines),
        file_name=name,
        dry_run=dry_run,
    )


def _questions(report) -> dict[tuple[str, str], tuple[str, list[str]]]:
    return {
        (i.column, i.value): (str(i.code), list(i.suggestions))
        for i in report.issues
        if i.severity == "error"
    }


def _drug(code: str) -> int:
    return TdiDrug.objects.get(code=code).pk


def test_the_tdi_file_needs_only_mapping_decisions_and_the_next_file_none(personas):
    clerk = personas.kg_provider
    report = _tdi(clerk, TDI_FIRST, "centre-march.csv")
    questions = _questions(report)
    assert set(questions) == {
        ("primary_drug", "мет"),
        ("primary_drug", "ширка"),
        ("referral", "направлен милицией"),
    }, questions
    code, suggestions = questions[("primary_drug", "мет")]
    assert code == "ambiguous_value"
    assert set(suggestions) == {"Метадон (немедицинское употребление)", "Метамфетамины"}
    preview = {p["row"]: p for p in report.preview}
    assert [p["row"] for p in report.preview][:2] == [5, 6]  # rows with issues first
    assert preview[2]["parsed"]["primary_drug"] == "Героин"
    assert preview[3]["parsed"]["primary_drug"] == "Каннабис (трава или смола)"
    assert preview[4]["parsed"]["primary_drug"] == "Синтетические катиноны"
    assert preview[3]["parsed"]["start_date"] == "2024-04-05"
    assert "national_id" not in preview[2]["written"]  # identifiers are never shown
    assert TreatmentEpisode.objects.count() == 0

    decisions = [
        ("primary_drug", "мет", _drug("1.2")),
        ("primary_drug", "ширка", _drug("1.5")),
        ("referral", "направлен милицией", "legal"),
    ]
    for vocabulary, source, target in decisions:
        mapping_save(
            actor=clerk,
            organisation=clerk.organisation,
            kind="tdi_episodes",
            vocabulary=vocabulary,
            source=source,
            target=target,
        )
    assert AuditEntry.objects.filter(object_type="reference.importmapping").count() == 3

    report = _tdi(clerk, TDI_FIRST, "centre-march.csv", dry_run=False)
    assert report.ok and report.committed and report.created == 5, report.issues
    episodes = {e.source_ref["row"]: e for e in TreatmentEpisode.objects.all()}
    assert (episodes[2].sex, episodes[2].referral, episodes[2].route) == ("male", "self", "inject")
    assert episodes[2].centre_type == "inpatient" and episodes[3].centre_type == "outpatient"
    assert episodes[3].primary_drug.code == "7.1" and episodes[3].referral == "legal"
    assert episodes[4].route == "sniff" and episodes[4].secondary_drugs == ["7.2"]
    assert episodes[5].primary_drug.code == "1.2" and episodes[5].referral == "gp"
    assert episodes[6].primary_drug.code == "1.5" and episodes[6].referral == "legal"
    assert episodes[6].secondary_drugs == ["1.1"]
    notices = {(i.column, i.value): i.code for i in report.issues}
    assert notices[("primary_drug", "ширка")] == "value_mapped"

    again = _tdi(clerk, TDI_FIRST, "centre-march.csv", dry_run=False)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)

    second = _tdi(clerk, TDI_SECOND, "centre-may.csv", dry_run=False)
    assert second.ok and second.created == 2, second.issues
    may = TreatmentEpisode.objects.get(source_ref__file="centre-may.csv", source_ref__row=2)
    assert (may.sex, may.primary_drug.code, may.referral) == ("male", "1.2", "legal")


def test_the_harms_file_needs_only_mapping_decisions_and_the_next_file_none(personas):
    clerk = personas.kg_focal
    report = _harms(clerk, HARMS_FIRST, "moh-2023.csv")
    questions = _questions(report)
    assert set(questions) == {("tested", "1.250"), ("substance", "ширка")}, questions
    assert questions[("tested", "1.250")] == ("ambiguous_number", ["thousands", "decimal"])
    preview = {p["row"]: p for p in report.preview}
    assert preview[2]["parsed"]["indicator"] == "Drug-related deaths" or preview[2]["parsed"][
        "indicator"
    ].startswith("Смерт")
    assert preview[4]["parsed"]["sex"] in {"Female", "Женский"}

    for vocabulary, source, target in [
        (ImportMapping.DECIMAL, "tested", "thousands"),
        ("substance", "ширка", _drug("1.5")),
    ]:
        mapping_save(
            actor=clerk,
            organisation=clerk.organisation,
            kind="harms",
            vocabulary=vocabulary,
            source=source,
            target=target,
        )
    report = _harms(clerk, HARMS_FIRST, "moh-2023.csv", dry_run=False)
    assert report.ok and report.created == 4, report.issues
    hiv = HarmRecord.objects.get(indicator="drid_hiv")
    assert (hiv.cases, hiv.tested, hiv.sex, hiv.data_quality) == (12, 1250, "all", "partial")
    assert HarmRecord.objects.get(indicator="drid_hcv", year=2023).sex == "female"
    deaths = HarmRecord.objects.get(indicator="drd", substance__code="1.1")
    assert (deaths.sex, deaths.cases, deaths.data_quality) == ("male", 41, "good")
    assert HarmRecord.objects.get(indicator="drd", substance__code="1.5").sex == "all"

    again = _harms(clerk, HARMS_FIRST, "moh-2023.csv", dry_run=False)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    second = _harms(clerk, HARMS_SECOND, "moh-2024.csv", dry_run=False)
    assert second.ok and second.created == 2, second.issues
    assert HarmRecord.objects.get(indicator="drid_hiv", year=2024).tested == 1400


def test_a_file_that_shows_its_decimal_mark_decides_1_300_without_asking(personas):
    lines = [*HARMS_FIRST[:3], "ВИЧ;2022;оба пола;все возрасты;;2;1,5;Опрос;частичное"]
    report = _harms(personas.kg_focal, lines, "moh.csv")
    # "1,5" in the same column shows the comma is decimal, so "1.250" groups thousands
    assert ("tested", "1.250") not in _questions(report)


@pytest.mark.parametrize(
    ("kind", "header", "lines", "user"),
    [
        ("tdi", TDI_HEADER, TDI_FIRST, "kg_provider"),
        ("harms", HARMS_HEADER, HARMS_FIRST, "kg_focal"),
    ],
)
def test_the_dry_run_report_as_json_has_the_seizure_report_shape(
    personas, tmp_path, kind, header, lines, user
):
    path = tmp_path / f"{kind}.csv"
    path.write_bytes(_file(header, lines))
    out = io.StringIO()
    with pytest.raises(CommandError):  # exit status 1: the file asks questions
        call_command(
            "import",
            kind,
            str(path),
            "--dry-run",
            "--format",
            "json",
            "--user",
            user,
            stdout=out,
            stderr=io.StringIO(),
        )
    report = json.loads(out.getvalue())
    assert report["rows"] == len(lines) and report["errors"] >= 1
    assert {"file", "rows", "valid_rows", "errors", "issues", "preview"} <= set(report)
    question = next(i for i in report["issues"] if i["value"] == "ширка")
    assert set(question) == {"row", "column", "code", "severity", "value", "message", "suggestions"}
    assert question["column"] in {"primary_drug", "substance"} and question["severity"] == "error"
    assert TreatmentEpisode.objects.count() == 0 and HarmRecord.objects.count() == 0


def test_the_page_asks_saves_the_answers_with_the_file_again_and_offers_the_errors_file(
    personas, client_of
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_of(personas.kg_provider)
    data = _file(TDI_HEADER, TDI_FIRST)
    page = client.post(
        "/treatment/episodes/import/",
        {
            "file": SimpleUploadedFile("c.csv", data),
            "dry_run": "on",
            "confidentiality": "confidential",
        },
    )
    questions = page.context["questions"]
    assert {(q["column"], q["value"]) for q in questions} == {
        ("primary_drug", "мет"),
        ("primary_drug", "ширка"),
        ("referral", "направлен милицией"),
    }
    met = next(q for q in questions if q["value"] == "мет")
    assert [label for _v, label in met["choices"]][:2] == [
        "Метадон (немедицинское употребление)",
        "Метамфетамины",
    ]
    assert page.context["errors_file"].startswith("data:text/csv")
    assert page.context["preview"][0]["issues"]  # rows with issues first
    answers = {"file": SimpleUploadedFile("c.csv", data), "dry_run": "on"}
    answers["confidentiality"] = "confidential"
    for q in questions:
        answers[f"q-{q['number']}-vocabulary"] = q["vocabulary"]
        answers[f"q-{q['number']}-source"] = q["source"]
        answers[f"q-{q['number']}-choice"] = q["choices"][0][0]
    page = client.post("/treatment/episodes/import/", answers)
    assert page.context["report"].ok and not page.context["questions"]
    assert ImportMapping.objects.filter(kind="tdi_episodes").count() == 3
    assert TreatmentEpisode.objects.count() == 0  # a dry run


@pytest.mark.parametrize(
    "url", ["/treatment/episodes/import/template.xlsx", "/treatment/harms/import/template.xlsx"]
)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_xlsx_templates_list_the_columns_and_the_vocabularies(client, url, lang, refdata):
    from openpyxl import load_workbook

    response = client.get(f"{url}?lang={lang}")
    book = load_workbook(io.BytesIO(response.content))
    headers = [cell.value for cell in next(book.worksheets[0].iter_rows(max_row=1))]
    expected = {"ru": {"Пол", "Пол*", "Показатель*"}, "en": {"sex", "sex*", "indicator*"}}[lang]
    assert expected & {str(h) for h in headers}, headers
    assert book.worksheets[0].data_validations.dataValidation  # drop-down lists


def test_a_column_of_the_clerks_own_is_read_past_with_a_warning(personas):
    # "№ п/п" (a running number) and "Примечание врача" are not template columns: the file is
    # not refused for them; the report names them once, as warnings on the header row.
    header = "№ п/п;" + TDI_HEADER + ";Примечание врача"
    lines = [f"{n};{line};осмотрен" for n, line in enumerate(TDI_FIRST[:2], start=1)]
    report = import_episodes(
        actor=personas.kg_provider,
        organisation=personas.kg_provider.organisation,
        data=_file(header, lines),
        file_name="with-numbers.csv",
        dry_run=True,
    )
    assert report.ok
    assert [(i.row, i.column, str(i.code), i.severity) for i in report.issues] == [
        (1, "№ п/п", "unknown_column", "warning"),
        (1, "Примечание врача", "unknown_column", "warning"),
    ]
    assert report.created == 2
