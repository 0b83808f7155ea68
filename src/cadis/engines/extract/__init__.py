"""Document extraction engine: press releases and reports (ru, en and the region's
languages) -> facts with evidence.

Framework-free. The Django layer calls `load_document_text` then `extract` and stores
the facts for review.

>>> from cadis.engines.extract import extract
>>> [f.type for f in extract("Изъято 5 кг героина.", mentions=False).facts]
['seizure']
"""

from __future__ import annotations

from cadis.engines.extract.engine import extract
from cadis.engines.extract.errors import ExtractError, ExtractErrorCode
from cadis.engines.extract.gazetteer import DEFAULT_GAZETTEER, Agency, AgencyMention, Gazetteer
from cadis.engines.extract.language import LanguageGuess, detect, detect_language
from cadis.engines.extract.loaders import (
    MAX_BYTES,
    DocumentMeta,
    load_document_bytes,
    load_document_text,
)
from cadis.engines.extract.mentions import load_models
from cadis.engines.extract.model import FACT_TYPES, ExtractionResult, Fact, StatedPeriod
from cadis.engines.extract.vocabulary import (
    BuiltinVocabulary,
    SubstanceMention,
    SubstanceVocabulary,
    SynonymVocabulary,
    find_substances,
)

__all__ = [
    "DEFAULT_GAZETTEER",
    "FACT_TYPES",
    "MAX_BYTES",
    "Agency",
    "AgencyMention",
    "BuiltinVocabulary",
    "DocumentMeta",
    "ExtractError",
    "ExtractErrorCode",
    "ExtractionResult",
    "Fact",
    "Gazetteer",
    "LanguageGuess",
    "StatedPeriod",
    "SubstanceMention",
    "SubstanceVocabulary",
    "SynonymVocabulary",
    "detect",
    "detect_language",
    "extract",
    "find_substances",
    "load_document_bytes",
    "load_document_text",
    "load_models",
]
