"""Plain dataclasses of the spectral engine (no framework): spectra, hits, evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(slots=True)
class Spectrum:
    """A centroided mass spectrum: m/z and intensity arrays of equal length.

    `precursor_mz` and `adduct` describe an LC-HRMS (MS/MS) record; an EI spectrum has
    neither. `meta` keeps every other field of the source record (name, formula, ...).
    """

    mz: np.ndarray
    intensity: np.ndarray
    name: str = ""
    precursor_mz: float | None = None
    adduct: str = ""
    meta: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.mz = np.asarray(self.mz, dtype=float)
        self.intensity = np.asarray(self.intensity, dtype=float)
        if self.mz.shape != self.intensity.shape:
            raise ValueError("m/z and intensity arrays differ in length")

    @property
    def n_peaks(self) -> int:
        return int(self.mz.size)

    def peaks(self) -> list[tuple[float, float]]:
        return list(zip(self.mz.tolist(), self.intensity.tolist(), strict=True))


@dataclass(frozen=True, slots=True)
class LibraryHit:
    """One library spectrum matched to a query, best first in a result list."""

    index: int
    name: str
    substance_id: str
    cosine: float
    entropy: float
    score: float  # the ranking score (method chosen by the caller)
    matched_peaks: int


@dataclass(frozen=True, slots=True)
class SuspectHit:
    """A catalogue substance whose adduct m/z lies within the tolerance of a measured m/z."""

    substance_id: str
    name: str
    adduct: str
    theoretical_mz: float
    measured_mz: float
    ppm_error: float
