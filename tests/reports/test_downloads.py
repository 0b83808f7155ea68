"""Downloads: the PDF renders Russian text and charts; CSV and XLSX of a profile (SDMX: test_sdmx)."""

from __future__ import annotations

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


def test_csv_and_xlsx_carry_the_figures_and_the_chart_tables(client_of, kg_data):
    text = client_of(None).get("/reports/KG/data.csv").content.decode()
    assert "# figures" in text and "/treatment/tables/KG/2023/" in text
    book = load_workbook(io.BytesIO(client_of(None).get("/reports/KG/data.xlsx").content))
    assert "figures" in book.sheetnames and len(book.sheetnames) > 2
    assert client_of(None).get("/reports/KG/data.json").status_code == 404


def test_the_xlsx_stores_years_and_counts_as_numbers_and_flags_suppressed_cells(client_of, kg_data):
    response = client_of(None).get("/reports/KG/data.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    suppressed = 0
    for sheet in book.worksheets:
        header = [c.value for c in sheet[1]]
        assert "Total" not in header and "figure" not in header  # Russian headers only
        for row in sheet.iter_rows(min_row=2):
            for title, cell in zip(header, row, strict=True):
                assert cell.value != "•"
                if title == "Год" and cell.value is not None:
                    assert cell.data_type == "n" and 1990 < cell.value < 2100
                if title and title.endswith(": признак") and cell.value:
                    suppressed += 1
                    value_cell = row[header.index(title[: -len(": признак")])]
                    assert value_cell.value is None
    assert suppressed  # kg_data has small cells


def test_the_profile_csv_has_flag_columns_and_no_suppression_mark(client_of, kg_data):
    text = client_of(None).get("/reports/KG/data.csv").content.decode()
    assert "•" not in text and ": признак" in text


def test_every_line_of_the_country_pdf_stays_on_its_page(client_of, kg_data):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    data = client_of(None).get("/reports/KG/profile.pdf").content
    for page in extract_pages(io.BytesIO(data)):
        for element in page:
            if isinstance(element, LTTextContainer):
                assert element.x0 >= 0 and element.x1 <= page.width, element.get_text()[:60]


def test_a_chart_with_suppressed_cells_says_so_under_it():
    from cadis.apps.reports.pdf import has_suppressed

    assert has_suppressed([["2023", 12], ["2024", "•"]])
    assert not has_suppressed([["2023", 12], ["2024", 0]])
