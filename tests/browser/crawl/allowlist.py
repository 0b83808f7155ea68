"""What may appear on a page although it looks like a code or belongs to the other script.

Built from data where it can be (the demo database's labels, synonyms, people, usernames;
RDKit's table of element symbols) and by hand only for acronyms and file formats that
Russian texts write in Latin letters too. Every hand-written entry is a real acronym,
a format name or a proper name; an English word never goes here: if a Russian page shows
one, the page has to change, not this list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tests.browser.crawl.words import words

# Acronyms and names that Russian technical texts write in Latin letters (and English ones
# keep as they are). Grouped for review; keep each group sorted.
ACRONYMS: frozenset[str] = frozenset(
    {
        # organisations and programmes of the field
        "CADAP",
        "EMCDDA",
        "EU",
        "EUDA",
        "FIIAPP",
        "INCB",
        "SWGDRUG",  # Scientific Working Group for the Analysis of Seized Drugs
        "UN",
        "UNODC",
        "WHO",
        # chemistry and identification (analytical methods, notations, structure file formats)
        "CAS",
        "FTIR",
        "GC",
        "HRMS",
        "HS",
        "InChI",
        "InChIKey",
        "IR",
        "LC",
        "MOL",
        "MS",
        "NMR",
        "NPS",
        "SMARTS",  # substructure notation of Daylight
        "SMILES",
        # mass spectra: library file formats and the unit of a mass error
        "MGF",
        "MSP",
        "ppm",
        # drug-monitoring vocabularies
        "DRD",
        "DRID",
        "TDI",
        # file formats, encodings and interfaces that a download, an import or an API names
        "ADX",  # DHIS2's aggregate data exchange format (IHE ADX)
        "API",
        "Atom",
        "CSV",
        "JSON",
        "PDF",
        "PNG",
        "SDMX",
        "SVG",
        "URL",
        "UTF",
        "Windows",
        "XLSX",
        "XML",
        # currencies: ISO 4217 codes of the region's prices (the code is how prices name them)
        "ISO",
        "KGS",
        "KZT",
        "TJS",
        "TMT",
        "USD",
        "UZS",
    }
)

# Names written as one that the word cutting splits ("JCAMP-DX" into "JCAMP" and "DX"):
# allowed as whole names only, like the sources below.
NAMES_AS_WRITTEN: tuple[str, ...] = (
    "JCAMP-DX",  # spectra file format
    "PEN Online",  # INCB's pre-export notification system
    "SDMX-ML",  # SDMX's XML message format
)

# Names of data sources and their licences that the pages credit, as they are written.
SOURCE_NAMES: tuple[str, ...] = ("CC BY", "GeoNames", "Natural Earth")

# The product's own name, written in Latin letters in both languages.
BRAND: frozenset[str] = frozenset({"cadis"})

# A language switcher names each language in that language (the accepted practice), so a
# Russian page shows "English" and an English page shows "Русский".
LANGUAGE_AUTONYMS: dict[str, frozenset[str]] = {
    "ru": frozenset({"English"}),
    "en": frozenset({"Русский"}),
}

_LATIN = re.compile(r"^[A-Za-z'’]+$")
_CYRILLIC = re.compile(r"^[\u0400-\u04FF'’]+$")


def element_symbols() -> frozenset[str]:
    """Two-letter element symbols ("Cl", "Br"), which explanations of structures name.

    >>> "Cl" in element_symbols()
    True
    """
    try:
        from rdkit import Chem
    except ImportError:  # pragma: no cover - rdkit is a runtime dependency of cadis
        return frozenset()
    table = Chem.GetPeriodicTable()
    return frozenset(s for s in (table.GetElementSymbol(n) for n in range(1, 119)) if len(s) == 2)


def _words_of(texts, script: re.Pattern[str]) -> set[str]:
    """Words of one script in ``texts``, cut as the check cuts them (``words``)."""
    return {word for text in texts for word in words(text) if script.match(word)}


@dataclass(frozen=True)
class AllowList:
    """Allowed words and phrases per interface language, and allowed identifiers."""

    words: dict[str, frozenset[str]] = field(default_factory=dict)
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    identifiers: frozenset[str] = frozenset()

    def phrase_pattern(self, language: str) -> re.Pattern[str] | None:
        phrases = sorted(self.phrases.get(language, ()), key=len, reverse=True)
        if not phrases:
            return None
        # Whole words only: the synonym "ice" must not eat the middle of "officers".
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)")


def allowlist_from_vocabulary(vocabulary: dict[str, list[str]]) -> AllowList:
    """The allow-list of a demo installation, from ``vocabulary_dump``'s output.

    - On Russian pages: Latin words that the catalogue's own Russian labels use
      ("Альфа-PVP" allows "PVP"), the acronyms, element symbols and usernames; whole
      people's names, expert organisations and language-neutral substance synonyms.
    - On English pages: Cyrillic words of the English labels, and the same names.
    An English label shown on a Russian page (a substance without a Russian name) is *not*
    allowed: that is the mixing the check is for.
    """
    symbols = element_symbols()
    usernames = frozenset(vocabulary.get("usernames", ()))
    names = tuple(
        sorted(
            {
                *vocabulary.get("people", ()),
                *vocabulary.get("organisations", ()),
                *vocabulary.get("substance_synonyms", ()),
                *SOURCE_NAMES,
                *NAMES_AS_WRITTEN,
            }
        )
    )
    common = ACRONYMS | BRAND | symbols | usernames
    return AllowList(
        words={
            "ru": frozenset(
                common
                | LANGUAGE_AUTONYMS["ru"]
                | _words_of(vocabulary.get("labels_ru", ()), _LATIN)
            ),
            "en": frozenset(
                common
                | LANGUAGE_AUTONYMS["en"]
                | _words_of(vocabulary.get("labels_en", ()), _CYRILLIC)
            ),
        },
        phrases={"ru": names, "en": names},
        identifiers=usernames,
    )
