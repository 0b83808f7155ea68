"""Controlled chemicals named in the reader's language.

Records name a chemical as it was entered (``PrecursorIncident.chemical``,
``PreExportNotification.substance``, a screening hit's ``substance``): the English name of the
control lists, with its CAS number. The control-list entries carry a Russian name
(``ControlListEntry.name_ru``, from ``precursors.csv``), so a Russian page shows that one; a
chemical no list names in Russian is shown as it was entered.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from cadis.apps.reference.models import ControlListEntry

# (by lower-case English name, by CAS number) -> first Russian name; read once per process.
_RUSSIAN: list[tuple[dict[str, str], dict[str, str]]] = []


def _russian_names() -> tuple[dict[str, str], dict[str, str]]:
    if _RUSSIAN:
        return _RUSSIAN[0]
    by_name: dict[str, str] = {}
    by_cas: dict[str, str] = {}
    rows = ControlListEntry.objects.exclude(name_ru="").values_list(
        "cas", "name_en", "other_names", "name_ru"
    )
    for cas, name_en, other_names, name_ru in rows:
        russian = name_ru.split(";")[0].strip()  # "Перманганат калия; калия перманганат"
        for english in (name_en, *other_names.split(";")):
            if english.strip():
                by_name.setdefault(english.strip().lower(), russian)
        if cas:
            by_cas.setdefault(cas, russian)
    if by_name:  # an empty table (no reference data yet) is read again next time
        _RUSSIAN.append((by_name, by_cas))
    return by_name, by_cas


def _forget(**_kwargs) -> None:
    _RUSSIAN.clear()


post_save.connect(_forget, sender=ControlListEntry, dispatch_uid="chemical-names-saved")
post_delete.connect(_forget, sender=ControlListEntry, dispatch_uid="chemical-names-deleted")


def chemical_name(name: str | None, cas: str | None = "") -> str:
    """``name`` (as entered, usually the lists' English name) in the active language: on a
    Russian page the control lists' Russian name of the chemical of that English name (or,
    when no name was entered, of that CAS number); else ``name`` as entered. A name the lists
    do not hold ("Potassium permanganate, 5 % solution") stays as entered, whatever its CAS.

    >>> from django.utils.translation import override
    >>> with override("en"):
    ...     chemical_name("Potassium permanganate", "7722-64-7")
    'Potassium permanganate'
    """
    name = name or ""
    if not (get_language() or "ru").startswith("ru"):
        return name
    by_name, by_cas = _russian_names()
    if not name.strip():
        return by_cas.get((cas or "").strip(), name)
    return by_name.get(name.strip().lower(), name)
