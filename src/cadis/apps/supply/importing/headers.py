"""Column headers in Russian and English mapped to seizure fields."""

from __future__ import annotations

import re

from cadis.apps.supply.importing.issues import Issue, issue

# field -> accepted headers (compared case-, space- and punctuation-insensitively)
ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("date", "seizure date", "date of seizure", "дата", "дата изъятия"),
    "country": ("country", "country code", "страна", "государство"),
    "subdivision": (
        "subdivision",
        "region",
        "province",
        "oblast",
        "регион",
        "область",
        "административная единица",
    ),
    "place": ("place", "location", "locality", "место", "место изъятия", "населенный пункт"),
    "agency": (
        "agency",
        "law enforcement agency",
        "ведомство",
        "орган",
        "правоохранительный орган",
    ),
    "substance": (
        "substance",
        "drug",
        "substance as written",
        "вещество",
        "наркотик",
        "наименование вещества",
        "вид наркотика",
    ),
    "form": ("form", "drug form", "форма", "вид", "форма наркотика"),
    "quantity": ("quantity", "amount", "weight", "количество", "вес", "масса", "объем"),
    "unit": ("unit", "units", "unit of measure", "единица", "единица измерения", "ед изм", "ед"),
    "purity": (
        "purity",
        "purity %",
        "purity percent",
        "чистота",
        "чистота %",
        "содержание",
        "концентрация",
    ),
    "concealment": (
        "concealment",
        "concealment method",
        "concealment methods",
        "способ сокрытия",
        "способы сокрытия",
        "сокрытие",
    ),
    "transport": (
        "transport",
        "transport mode",
        "mode of transport",
        "вид транспорта",
        "транспорт",
    ),
    "departure": ("departure country", "departure", "origin", "страна отправления", "откуда"),
    "transit": ("transit countries", "transit country", "transit", "страны транзита", "транзит"),
    "destination": ("destination country", "destination", "страна назначения", "куда"),
    "producing": (
        "producing country",
        "country of production",
        "страна производства",
        "страна происхождения",
    ),
    "case": ("case", "case reference", "case number", "дело", "номер дела", "уголовное дело"),
    "confidentiality": ("confidentiality", "access", "конфиденциальность", "доступ"),
    "notes": ("notes", "note", "comment", "comments", "примечание", "примечания", "комментарий"),
}
REQUIRED = ("date", "substance", "quantity")


def header_key(text: str) -> str:
    cleaned = str(text).replace("\ufeff", "").casefold().replace("ё", "е")
    cleaned = re.sub(r"[\s_./,:;()\-\"'«»№]+", " ", cleaned)
    return cleaned.strip()


_LOOKUP: dict[str, str] = {
    header_key(alias): field for field, aliases in ALIASES.items() for alias in aliases
}
_LOOKUP.update({field: field for field in ALIASES})


def map_headers(headers: list[str], file: str) -> tuple[dict[str, int], list[Issue]]:
    """(field -> column index, issues). Missing required and duplicate columns are errors."""
    mapping: dict[str, int] = {}
    issues: list[Issue] = []
    for index, header in enumerate(headers):
        if not str(header).strip():
            continue
        field = _LOOKUP.get(header_key(header))
        if field is None:
            issues.append(
                issue(file, 1, str(header)[:100], "unknown_column", column=str(header)[:100])
            )
        elif field in mapping:
            issues.append(
                issue(file, 1, str(header)[:100], "duplicate_column", column=str(header)[:100])
            )
        else:
            mapping[field] = index
    for field in REQUIRED:
        if field not in mapping:
            issues.append(
                issue(
                    file,
                    1,
                    field,
                    "missing_column",
                    column=field,
                    aliases=", ".join(ALIASES[field]),
                )
            )
    return mapping, issues
