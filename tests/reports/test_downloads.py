"""Downloads: the PDF renders Russian text and charts; CSV, XLSX and SDMX-CSV open data."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from pdfminer.high_level import extract_text


def test_the_country_pdf_renders_russian_text_and_its_charts(client_of, kg_data):
    response = client_of(None).get("/reports/KG/profile.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    data = response.content
    text = " ".join(extract_text(io.BytesIO(data)).split())
    assert "Профиль страны: Кыргызстан" in text
    assert "Обзор ситуации: синтетический текст для проверки кириллицы." in text
    assert "Клиенты, начавшие лечение" in text  # a chart title drawn by vl-convert
    assert embedded_fonts(data) and all("DejaVu" in name for name in embedded_fonts(data))


def embedded_fonts(data: bytes) -> list[str]:
    """Names of the fonts whose program is embedded in the PDF."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    names = []
    for page in PDFPage.get_pages(io.BytesIO(data)):
        for font in (resolve1(page.resources.get("Font")) or {}).values():
            font = resolve1(font)
            descendants = resolve1(font.get("DescendantFonts")) or [font]
            for desc in descendants:
                descriptor = resolve1(resolve1(desc).get("FontDescriptor")) or {}
                if any(k in descriptor for k in ("FontFile", "FontFile2", "FontFile3")):
                    names.append(str(resolve1(font.get("BaseFont"))))
    return names


def test_the_regional_pdf_renders(client_of, kg_data):
    response = client_of(None).get("/reports/region.pdf")
    assert response.status_code == 200
    assert "Региональный обзор" in extract_text(io.BytesIO(response.content))


def test_sdmx_csv_follows_the_documented_structure_and_hides_small_cells(client_of, kg_data):
    from cadis.apps.reports.exports import COLUMNS

    response = client_of(None).get("/reports/KG/data.sdmx.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == COLUMNS and {r["DATAFLOW"] for r in rows} == {"CADIS:DF_DRUGS(1.0)"}
    total = [
        r
        for r in rows
        if r["INDICATOR"] == "TDI_CLIENTS"
        and r["TIME_PERIOD"] == "2023"
        and r["BREAKDOWN"] == "_T"
        and r["SEX"] == "_T"
    ]
    assert total and total[0]["OBS_VALUE"] == "14"
    hidden = [r for r in rows if r["CONF_STATUS"] in ("C", "D")]
    assert hidden and all(r["OBS_VALUE"] == "" for r in hidden)
    assert all(r["OBS_VALUE"] == "" or r["CONF_STATUS"] == "F" for r in rows)
    small = [
        r
        for r in rows
        if r["INDICATOR"] == "TDI_CLIENTS"
        and r["OBS_VALUE"] not in ("", "0")
        and int(r["OBS_VALUE"]) < 5
    ]
    assert small == []
    assert any(r["INDICATOR"] == "DRID_HIV_PREV" and r["OBS_VALUE"] == "15.0" for r in rows)


def test_csv_and_xlsx_carry_the_figures_and_the_chart_tables(client_of, kg_data):
    text = client_of(None).get("/reports/KG/data.csv").content.decode()
    assert "# figures" in text and "/treatment/tables/KG/2023/" in text
    book = load_workbook(io.BytesIO(client_of(None).get("/reports/KG/data.xlsx").content))
    assert "figures" in book.sheetnames and len(book.sheetnames) > 2
    assert client_of(None).get("/reports/KG/data.json").status_code == 404


def test_regional_open_data_covers_only_what_the_reader_may_see(client_of, personas, kg_data):
    from cadis.apps.treatment.models import TdiRelease

    TdiRelease.objects.all().delete()
    public = client_of(None).get("/reports/region.sdmx.csv").content.decode()
    assert "TDI_CLIENTS" not in public and "DRD_CASES" in public
    assert (
        "TDI_CLIENTS"
        in client_of(personas.kg_focal).get("/reports/region.sdmx.csv").content.decode()
    )
