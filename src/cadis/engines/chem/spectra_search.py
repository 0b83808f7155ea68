"""Spectra meet the catalogue: library hits and LC-HRMS suspects with their legal status.

`spectrum_report` answers, for each submitted spectrum, the five best reference spectra (EI
search, when a reference library is given) or the catalogue suspects within 5 ppm (a record
with a precursor m/z), each with the substance's legal status per jurisdiction. Plain dicts
out, ready for JSON (`cadis nps spectrum`) or a web page.

>>> from cadis.engines.spectra import parse_any
>>> [r] = spectrum_report(parse_any("BEGIN IONS\\nTITLE=q\\nPEPMASS=178.1227\\n58 1\\nEND IONS"))
>>> names = {h["name"] for h in r["suspects"]}  # isomers share an exact mass
>>> {"Mephedrone", "3-MMC"} <= names, r["suspects"][0]["status"]["international"]["status"]
(True, 'controlled')
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from cadis.engines.spectra import POSITIVE, SpectralLibrary, Spectrum, SuspectIndex

from .classify import Classifier, default_classifier


@lru_cache(maxsize=4)
def _suspect_index(classifier: Classifier) -> SuspectIndex:
    from rdkit.Chem.rdMolDescriptors import CalcExactMolWt as ExactMolWt

    return SuspectIndex(
        (s.id or s.name_en, s.name_en, ExactMolWt(s.molecule()))
        for s in classifier.library.substances
    )


def reference_library(spectra: Sequence[Spectrum], classifier: Classifier) -> SpectralLibrary:
    """A reference library whose entries are linked to catalogue substances by name/synonym."""
    ids = []
    for spectrum in spectra:
        found = classifier.library.by_name(spectrum.name)
        ids.append((found.id or found.name_en) if found else "")
    return SpectralLibrary(spectra, ids)


def spectrum_report(
    spectra: Sequence[Spectrum],
    *,
    library: SpectralLibrary | None = None,
    classifier: Classifier | None = None,
    ppm: float = 5.0,
    adducts: Sequence[str] = POSITIVE,
    k: int = 5,
) -> list[dict[str, object]]:
    """One result per spectrum: EI library hits and/or exact-mass suspects, with status."""
    classifier = classifier or default_classifier()
    by_id = {(s.id or s.name_en): s for s in classifier.library.substances}
    statuses: dict[str, dict[str, Any]] = {}

    def status_of(substance_id: str) -> dict[str, Any] | None:
        substance = by_id.get(substance_id)
        if substance is None:
            return None
        if substance_id not in statuses:
            statuses[substance_id] = classifier.classify(substance.smiles, use_opsin=False).status
        return statuses[substance_id]

    out: list[dict[str, object]] = []
    for spectrum in spectra:
        record: dict[str, object] = {"name": spectrum.name, "peaks": spectrum.n_peaks}
        if spectrum.precursor_mz is not None:
            record["precursor_mz"] = spectrum.precursor_mz
            chosen = (spectrum.adduct,) if spectrum.adduct in adducts else tuple(adducts)
            record["suspects"] = [
                {"substance_id": h.substance_id, "name": h.name, "adduct": h.adduct,
                 "theoretical_mz": h.theoretical_mz, "ppm_error": h.ppm_error,
                 "status": status_of(h.substance_id)}
                for h in _suspect_index(classifier).screen(spectrum.precursor_mz,
                                                           adducts=chosen, ppm=ppm)
            ]  # fmt: skip
        if library is not None and spectrum.precursor_mz is None:
            record["library_hits"] = [
                {"name": h.name, "substance_id": h.substance_id or None, "score": h.score,
                 "cosine": h.cosine, "entropy": h.entropy, "matched_peaks": h.matched_peaks,
                 "status": status_of(h.substance_id)}
                for h in library.search(spectrum, k=k)
            ]  # fmt: skip
        out.append(record)
    return out
