"""Russian and English labels of categories, rules, status values and listing bases.

The interface shows words, not codes: every code the engine reports has its two labels in
`data/labels.csv`.

>>> label("category", "semi_synthetic_cannabinoid", "ru")
'Полусинтетический каннабиноид'
>>> label("rule", "library.nearest_neighbour:Mephedrone", "en")
'Category of the nearest catalogue substance'
"""

from __future__ import annotations

from functools import lru_cache

from cadis.engines.tables import data_records

from .library import DEFAULT_DATA_DIR

LABEL_KINDS = ("category", "status", "basis", "rule")


@lru_cache(maxsize=1)
def labels() -> dict[tuple[str, str], dict[str, str]]:
    """{(kind, code): {"en": ..., "ru": ...}} from `labels.csv`."""
    return {
        (row["kind"], row["code"]): {"en": row["name_en"], "ru": row["name_ru"]}
        for row in data_records(DEFAULT_DATA_DIR / "labels.csv")
    }


def label(kind: str, code: str, lang: str = "en") -> str:
    """The label of a code in `lang` ("en" or "ru"); the code itself when none is held.

    Rule ids with a detail after a colon (``library.nearest_neighbour:<name>``) use the
    label of the part before it.
    """
    entry = labels().get((kind, code)) or labels().get((kind, code.split(":", 1)[0]))
    return entry[lang] if entry else code
