"""Mass-spectral engine (framework-free): read spectra, search a library, screen suspects,
grade identification confidence.

>>> from cadis.engines.spectra import SpectralLibrary, Spectrum, parse_any
>>> lib = SpectralLibrary(parse_any("Name: a\\n41 10\\n58 100\\n"), ["a_id"])
>>> lib.search(parse_any("Name: q\\n41 12\\n58 100\\n")[0])[0].substance_id
'a_id'
"""

from __future__ import annotations

from .confidence import ConfidenceGrade, Evidence, Reason, grade
from .match import SpectralLibrary, bin_unit_mass
from .model import LibraryHit, Spectrum, SuspectHit
from .parse import parse_any, parse_jcamp, parse_mgf, parse_msp, write_jcamp, write_mgf, write_msp
from .suspect import ADDUCTS, NEGATIVE, POSITIVE, SuspectIndex, adduct_mz, suspect_screen

__all__ = [
    "ADDUCTS",
    "NEGATIVE",
    "POSITIVE",
    "ConfidenceGrade",
    "Evidence",
    "LibraryHit",
    "Reason",
    "SpectralLibrary",
    "Spectrum",
    "SuspectHit",
    "SuspectIndex",
    "adduct_mz",
    "bin_unit_mass",
    "grade",
    "parse_any",
    "parse_jcamp",
    "parse_mgf",
    "parse_msp",
    "suspect_screen",
    "write_jcamp",
    "write_mgf",
    "write_msp",
]
