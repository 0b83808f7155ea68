"""Column headers in Russian and English mapped to seizure fields."""

from __future__ import annotations

from cadis.engines.tables import HeaderSpec, match_header, normalise_header
from cadis.platform.imports.issues import Issue, issue

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


def header_label(field: str, language: str) -> str:
    """A field named by its first accepted header in ``language`` (Cyrillic on Russian pages).

    >>> header_label("date", "ru"), header_label("date", "en")
    ('Дата', 'Date')
    """
    aliases = ALIASES[field]
    cyrillic = [a for a in aliases if not a.isascii()]
    return (cyrillic[0] if language == "ru" and cyrillic else aliases[0]).capitalize()


REQUIRED = ("date", "substance", "quantity")


SPEC = HeaderSpec(ALIASES, required=REQUIRED)


def header_key(text: str) -> str:
    """A header as compared with the aliases (the tables engine's one normalisation)."""
    return normalise_header(text)


def map_headers(headers: list[str], file: str) -> tuple[dict[str, int], list[Issue]]:
    """(field -> column index, issues). Missing required and duplicate columns are errors."""
    match = match_header(list(headers), SPEC)
    issues: list[Issue] = []
    found = sorted(
        [(index, header, "unknown_column") for index, header in match.unknown]
        + [(index, header, "duplicate_column") for index, header in match.duplicates]
    )
    for _index, header, code in found:
        issues.append(issue(file, 1, header[:100], code, column=header[:100]))
    for field in match.missing:
        issues.append(
            issue(file, 1, field, "missing_column", column=field, aliases=", ".join(ALIASES[field]))
        )
    return match.columns, issues
