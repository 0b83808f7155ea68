"""Workbooks built for the tests: real XLSX files, including hostile ones."""

from __future__ import annotations

import io
import struct
import zipfile

import openpyxl

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def workbook(rows: list[list[object]], merges: tuple[str, ...] = ()) -> bytes:
    """An XLSX saved by openpyxl (the way a spreadsheet program writes it)."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for area in merges:
        sheet.merge_cells(area)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def raw_workbook(sheet_data: str, shared: list[str] | str = (), sheet_extra: str = "") -> bytes:
    """An XLSX written part by part: a sheet XML body and shared strings, compressed."""
    if isinstance(shared, str):
        strings = shared
    else:
        items = "".join(f"<si><t>{s}</t></si>" for s in shared)
        strings = f'<sst xmlns="{MAIN}" count="{len(shared)}">{items}</sst>'
    sheet = (
        f'<worksheet xmlns="{MAIN}"><sheetData>{sheet_data}</sheetData>{sheet_extra}</worksheet>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", strings)
    return buffer.getvalue()


def understate_size(data: bytes, member: str, claimed: int) -> bytes:
    """The archive with ``member``'s unpacked size replaced by ``claimed`` in both the local
    header and the central directory (a lying directory; the CRC is left as it was)."""
    out = bytearray(data)
    name = member.encode()
    position = 0
    while (position := out.find(b"PK\x03\x04", position)) != -1:
        length = struct.unpack_from("<H", out, position + 26)[0]
        if out[position + 30 : position + 30 + length] == name:
            struct.pack_into("<I", out, position + 22, claimed)
        position += 4
    position = 0
    while (position := out.find(b"PK\x01\x02", position)) != -1:
        length = struct.unpack_from("<H", out, position + 28)[0]
        if out[position + 46 : position + 46 + length] == name:
            struct.pack_into("<I", out, position + 24, claimed)
        position += 4
    return bytes(out)
