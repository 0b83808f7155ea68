"""LC-HRMS suspect screening: a measured precursor m/z against every catalogue substance.

The theoretical m/z of an adduct is ``(M * n + delta) / |z|`` with the monoisotopic neutral
mass M, the number of molecules n and the adduct's mass change delta (electron mass
included). A substance is a suspect when ``|measured - theoretical| / theoretical * 1e6``
is within the tolerance (5 ppm by default).

>>> hits = suspect_screen(178.1227, [("mephedrone", "Mephedrone", 177.115364)],
...                       adducts=("[M+H]+",))
>>> hits[0].name, hits[0].adduct
('Mephedrone', '[M+H]+')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .model import SuspectHit

PROTON = 1.007276
# name: (molecules, mass change in Da, charge)
ADDUCTS: dict[str, tuple[int, float, int]] = {
    "[M+H]+": (1, PROTON, 1),
    "[M+Na]+": (1, 22.989218, 1),
    "[M+NH4]+": (1, 18.033823, 1),
    "[M+K]+": (1, 38.963158, 1),
    "[M+H-H2O]+": (1, PROTON - 18.010565, 1),
    "[M+2H]2+": (1, 2 * PROTON, 2),
    "[2M+H]+": (2, PROTON, 1),
    "[M-H]-": (1, -PROTON, -1),
    "[M+Cl]-": (1, 34.969402, -1),
    "[M+HCOO]-": (1, 44.998201, -1),
    "[M+CH3COO]-": (1, 59.013851, -1),
}
POSITIVE = tuple(name for name, (_, _, z) in ADDUCTS.items() if z > 0)
NEGATIVE = tuple(name for name, (_, _, z) in ADDUCTS.items() if z < 0)


def adduct_mz(neutral_mass: float, adduct: str) -> float:
    """Theoretical m/z of `adduct` of a neutral monoisotopic mass."""
    n, delta, z = ADDUCTS[adduct]
    return (n * neutral_mass + delta) / abs(z)


class SuspectIndex:
    """Catalogue masses prepared once; `screen` answers one measured m/z in microseconds."""

    def __init__(self, substances: Iterable[tuple[str, str, float]]):
        rows = list(substances)
        self.ids = [r[0] for r in rows]
        self.names = [r[1] for r in rows]
        self.masses = np.array([r[2] for r in rows], dtype=float)

    def screen(self, measured_mz: float, *, adducts: Sequence[str] = POSITIVE,
               ppm: float = 5.0) -> list[SuspectHit]:  # fmt: skip
        hits: list[SuspectHit] = []
        for adduct in adducts:
            n, delta, z = ADDUCTS[adduct]
            theoretical = (n * self.masses + delta) / abs(z)
            error = (measured_mz - theoretical) / theoretical * 1e6
            for i in np.flatnonzero(np.abs(error) <= ppm):
                hits.append(SuspectHit(self.ids[i], self.names[i], adduct,
                                       round(float(theoretical[i]), 5), measured_mz,
                                       round(float(error[i]), 2)))  # fmt: skip
        return sorted(hits, key=lambda h: abs(h.ppm_error))


def suspect_screen(measured_mz: float, substances: Iterable[tuple[str, str, float]], *,
                   adducts: Sequence[str] = POSITIVE, ppm: float = 5.0) -> list[SuspectHit]:  # fmt: skip
    """Suspects for one measured m/z among (id, name, neutral monoisotopic mass) rows."""
    return SuspectIndex(substances).screen(measured_mz, adducts=adducts, ppm=ppm)
