"""NPS chemistry engine (framework-free): parse, standardise, identify, classify, legal status.

>>> from cadis.engines.chem import classify
>>> classify("CCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21").category
'synthetic_cannabinoid'
"""

from __future__ import annotations

from .classify import Classification, Classifier, classify, default_classifier
from .derivative import ChangedPosition, DerivativeIndex, DerivativeParent, derivative_changes
from .errors import ChemError, ChemErrorCode, ChemWarningCode
from .legal import DEFAULT_JURISDICTIONS, Jurisdiction, LegalModel, load_jurisdictions
from .library import Library, Substance, load_library, substance_from_row
from .parse import parse_input
from .rules import CATEGORIES, RULES, categorise
from .runner import draw_svg, read_inputs, run_classify
from .standardise import Standardised, standardise

__all__ = [
    "CATEGORIES",
    "DEFAULT_JURISDICTIONS",
    "RULES",
    "ChangedPosition",
    "ChemError",
    "ChemErrorCode",
    "ChemWarningCode",
    "Classification",
    "Classifier",
    "DerivativeIndex",
    "DerivativeParent",
    "Jurisdiction",
    "LegalModel",
    "Library",
    "Standardised",
    "Substance",
    "categorise",
    "classify",
    "default_classifier",
    "derivative_changes",
    "draw_svg",
    "load_jurisdictions",
    "load_library",
    "parse_input",
    "read_inputs",
    "run_classify",
    "standardise",
    "substance_from_row",
]
