"""The price import page: upload, dry run with preview and questions, commit; a rejected file
offers the file with an errors column and is taken again with the answers; the XLSX template;
who may open it. (Synthetic figures, for tests only.)"""

from __future__ import annotations

import base64
import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url
from openpyxl import load_workbook

from cadis.apps.reference.models import ImportMapping
from cadis.apps.supply.prices.models import PriceRecord
from tests.supply.test_price_import import CLERK, _csv

pytestmark = pytest.mark.django_db
URL = "/supply/prices/import/"
TEMPLATE = "/supply/prices/import/template.xlsx"


def _upload(client, data: bytes, *, dry_run=True, **extra):
    fields = {"file": SimpleUploadedFile("kg-prices.csv", data), "confidentiality": "public"}
    if dry_run:
        fields["dry_run"] = "on"
    return client.post(URL, {**fields, **extra})


def test_an_anonymous_visitor_is_sent_to_sign_in(client_of):
    for url in (URL, TEMPLATE):
        response = client_of(None).get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_only_those_who_may_record_for_their_organisation_may_import(client_of, personas):
    page = client_of(personas.kg_provider).get(URL)
    assert page.status_code == 200 and "<h1>Импорт цен и чистоты</h1>" in page.content.decode()
    assert client_of(personas.kg_focal).get(URL).status_code == 200
    assert client_of(personas.kg_analyst).get(URL).status_code == 403
    assert client_of(personas.regional).get(URL).status_code == 403
    assert client_of(personas.kg_analyst).post(URL, {}).status_code == 403


def test_the_provider_checks_then_imports_a_clerk_file(client_of, personas):
    client = client_of(personas.kg_provider)
    client.cookies["django_language"] = "en"
    page = _upload(client, _csv(CLERK))
    assert page.status_code == 200
    report = page.context["report"]
    assert report.ok and report.dry_run and (report.created, report.rows) == (4, 4)
    assert PriceRecord.objects.count() == 0
    assert "Check passed: nothing written yet" in page.content.decode()
    # the preview shows what the file says next to what will be written
    preview = page.context["preview"][0]["cells"]
    cells = dict(zip(page.context["preview_columns"], preview, strict=True))
    assert cells["currency"] == ("сом", "KGS") and cells["period_end"] == ("", "2024-12-31")

    client.cookies["django_language"] = "ru"
    page = _upload(client, _csv(CLERK), dry_run=False)
    assert page.status_code == 200 and page.context["report"].committed
    assert "<h2>Импортирован" in page.content.decode()
    assert (
        PriceRecord.objects.filter(organisation=personas.kg_org, confidentiality="public").count()
        == 4
    )
    page = _upload(client, _csv(CLERK), dry_run=False)
    assert page.context["report"].unchanged == 4 and PriceRecord.objects.count() == 4


def test_an_administrator_imports_for_the_national_organisation_chosen_on_the_page(
    client_of, personas
):
    client = client_of(personas.admin)
    client.cookies["django_language"] = "en"
    page = client.get(URL)
    assert page.status_code == 200
    choices = page.context["form"].fields["organisation"].queryset
    assert personas.kg_org in choices and all(o.country_id for o in choices)
    # without an organisation nothing is checked and the field says why
    page = _upload(client, _csv(CLERK), dry_run=False)
    assert page.context["report"] is None and "organisation" in page.context["form"].errors
    assert PriceRecord.objects.count() == 0
    page = _upload(client, _csv(CLERK), dry_run=False, organisation=personas.kg_org.pk)
    assert page.context["report"].committed
    assert PriceRecord.objects.filter(organisation=personas.kg_org).count() == 4
    assert {r.country.code for r in PriceRecord.objects.select_related("country")} == {"KG"}
    # the regional organisation has no country: it is not offered
    page = _upload(client, _csv(CLERK), organisation=personas.admin.organisation_id)
    assert page.context["report"] is None and "organisation" in page.context["form"].errors


def test_a_rejected_file_offers_its_errors_and_is_taken_again_with_the_answers(client_of, personas):
    client = client_of(personas.kg_provider)
    rows = [dict(CLERK[0], price_min="1.300", price_mean="1 500", price_max="1 800"), CLERK[1]]
    rows.append(dict(CLERK[3], substance="ширка"))
    data = _csv(rows)
    page = _upload(client, data, dry_run=False)
    assert page.status_code == 200
    report = page.context["report"]
    assert not report.ok and not report.committed and PriceRecord.objects.count() == 0
    errors = page.context["errors_file"]
    assert errors.startswith("data:text/csv")
    lines = base64.b64decode(errors.split(",", 1)[1]).decode("utf-8-sig").splitlines()
    assert len(lines) == 4 and lines[1].split(",")[-1] and lines[2].endswith(",")
    questions = {q["column"]: q for q in page.context["questions"]}
    assert set(questions) == {"price_min", "substance"}
    assert questions["price_min"]["vocabulary"] == ImportMapping.DECIMAL
    assert any("Acetylated opium" == label for _v, label in questions["substance"]["choices"])

    answers = {}
    for column, choice in (("price_min", "thousands"), ("substance", "Acetylated opium")):
        number = questions[column]["number"]
        answers[f"q-{number}-vocabulary"] = questions[column]["vocabulary"]
        answers[f"q-{number}-source"] = questions[column]["source"]
        answers[f"q-{number}-choice"] = choice
    page = _upload(client, data, **answers)
    assert page.status_code == 200 and page.context["report"].ok, page.context["report"].issues
    assert ImportMapping.objects.filter(organisation=personas.kg_org, kind="prices").count() == 2
    page = _upload(client, data, dry_run=False)
    assert page.context["report"].committed and PriceRecord.objects.count() == 3


def test_the_template_has_russian_and_english_headers_help_and_lists(client_of, personas):
    client = client_of(personas.kg_provider)
    response = client.get(TEMPLATE + "?lang=ru")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    headers = [c.value for c in book.worksheets[0][1]]
    assert headers[:3] == ["Вещество", "Форма", "Уровень рынка"]
    lists = {column[0].value: [c.value for c in column[1:]] for column in book["lists"].columns}
    assert "Героин" in lists["Вещество"] and "Розница (уличный уровень)" in lists["Уровень рынка"]
    assert "KGS" in lists["Валюта"] and "за грамм" in lists["Цена за"]
    assert len(book.worksheets) == 3  # data, help, lists

    english = load_workbook(io.BytesIO(client.get(TEMPLATE + "?lang=en").content))
    headers = [c.value for c in english.worksheets[0][1]]
    assert headers[:3] == ["substance", "form", "market_level"]
    lists = {c[0].value: [x.value for x in c[1:]] for c in english["lists"].columns}
    assert "Heroin" in lists["substance"] and "Retail (street level)" in lists["market_level"]


def test_a_filled_template_imports(client_of, personas):
    client = client_of(personas.kg_provider)
    book = load_workbook(io.BytesIO(client.get(TEMPLATE + "?lang=ru").content))
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    row = {
        "Вещество": "Героин",
        "Уровень рынка": "Розница (уличный уровень)",
        "Год": 2024,
        "Валюта": "KGS",
        "Цена за": "за грамм",
        "Средняя цена": 2000,
        "Средняя чистота %": 25.5,
    }
    sheet.append([row.get(h) for h in headers])
    buffer = io.BytesIO()
    book.save(buffer)
    page = client.post(
        URL,
        {
            "file": SimpleUploadedFile("prices.xlsx", buffer.getvalue()),
            "confidentiality": "restricted",
        },
    )
    assert page.context["report"].committed, page.context["report"].issues
    record = PriceRecord.objects.get()
    assert (record.substance.code, record.year, record.currency) == ("heroin", 2024, "KGS")


def test_the_price_list_links_to_the_import_for_those_who_may_import(client_of, personas):
    assert URL in client_of(personas.kg_provider).get("/supply/prices/").content.decode()
    assert URL not in client_of(personas.kg_analyst).get("/supply/prices/").content.decode()
    assert URL not in client_of(None).get("/supply/prices/").content.decode()
