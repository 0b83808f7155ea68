"""The regional spectral library and LC-HRMS suspect screening, read through the country scope.

EI search runs the engine's `SpectralLibrary` (weighted cosine on unit-mass bins and spectral
entropy similarity, `cadis.engines.spectra.match`) over the reference spectra the *reader*
may see, so a restricted laboratory spectrum never names a hit to another country. Suspect
screening compares a precursor m/z with every substance of the catalogue (the identification
library) for the common adducts within a ppm tolerance. Every hit carries the substance's
legal status from the classifier (the same answer as the detection and profile pages).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from django.utils.translation import gettext as _

from cadis.apps.ews.library import classifier
from cadis.apps.ews.models import SubstanceProfile
from cadis.apps.ews.models.evidence import ReferenceSpectrum
from cadis.engines.spectra import (
    ADDUCTS,
    POSITIVE,
    SpectralLibrary,
    Spectrum,
    SuspectIndex,
    parse_any,
)
from cadis.platform.errors import ValidationError
from cadis.platform.scope import visible

TOP_K = 5
MAX_SPECTRUM_BYTES = 2 * 1024 * 1024
FORMATS = ("msp", "jcamp", "mgf")

_lock = threading.Lock()
_cache: dict[str, object] = {}


def parse_upload(text: str, fmt: str | None = None) -> list[Spectrum]:
    """Spectra read from an uploaded MSP, JCAMP-DX or MGF text; refused when none is readable."""
    if len(text.encode("utf-8", "replace")) > MAX_SPECTRUM_BYTES:
        raise ValidationError(
            _("The spectrum file is larger than 2 MB."), details={"field": "file"}
        )
    fmt = fmt if fmt in FORMATS else None
    spectra = parse_any(text, fmt)
    if not spectra:
        raise ValidationError(
            _("No spectrum could be read from the file (MSP, JCAMP-DX or MGF expected)."),
            details={"field": "file"},
        )
    return spectra


def detect_format(text: str, file_name: str = "") -> str:
    """The format of an uploaded text: by its content first, then by the file extension."""
    if "BEGIN IONS" in text:
        return "mgf"
    if "##TITLE=" in text or "##JCAMP" in text.upper():
        return "jcamp"
    lowered = file_name.lower()
    if lowered.endswith((".jdx", ".dx", ".jcamp")):
        return "jcamp"
    if lowered.endswith(".mgf"):
        return "mgf"
    return "msp"


def peaks_of(spectrum: Spectrum) -> list[list[float]]:
    return [[round(m, 4), round(i, 4)] for m, i in spectrum.peaks()]


def spectrum_of(peaks: Sequence[Sequence[float]], name: str = "") -> Spectrum:
    return Spectrum([p[0] for p in peaks], [p[1] for p in peaks], name)


# --- legal status of a profile ------------------------------------------------------------


def _engine():
    """The classifier and caches that live as long as it does (statuses, suspect index)."""
    engine = classifier()
    with _lock:
        if _cache.get("engine") is not engine:
            _cache.clear()
            _cache.update(engine=engine, statuses={})
    return engine


def status_of(profile: SubstanceProfile) -> dict:
    """The profile's legal status per jurisdiction, from the classifier (cached per library)."""
    engine = _engine()
    statuses: dict = _cache["statuses"]  # type: ignore[assignment]
    if profile.inchikey not in statuses:
        statuses[profile.inchikey] = engine.classify(profile.smiles, use_opsin=False).status
    return statuses[profile.inchikey]


# --- EI search ----------------------------------------------------------------------------


def reference_spectra(*, user, profile: SubstanceProfile | None = None):
    qs = visible(
        ReferenceSpectrum.objects.select_related("profile", "organisation", "country"), user
    )
    return qs.filter(profile=profile) if profile is not None else qs


def ei_search(*, user, query: Spectrum, k: int = TOP_K) -> list[dict]:
    """The k best reference spectra the user may see for an EI query, each with legal status."""
    refs = list(reference_spectra(user=user))
    if not refs:
        return []
    library = SpectralLibrary(
        [spectrum_of(r.peaks, r.name) for r in refs], [str(i) for i in range(len(refs))]
    )
    out = []
    for hit in library.search(query, k=k):
        ref = refs[int(hit.substance_id)]
        out.append(
            {
                "reference_id": ref.pk,
                "profile": ref.profile,
                "profile_id": ref.profile_id,
                "name": ref.profile.name_en,
                "laboratory": ref.laboratory or str(ref.organisation),
                "synthetic": ref.is_synthetic,
                "score": hit.score,
                "cosine": hit.cosine,
                "entropy": hit.entropy,
                "matched_peaks": hit.matched_peaks,
                "status": status_of(ref.profile),
            }
        )
    return out


# --- LC-HRMS suspect screening --------------------------------------------------------------


def _suspect_index() -> tuple[SuspectIndex, dict[str, SubstanceProfile]]:
    from rdkit import Chem
    from rdkit.Chem.rdMolDescriptors import CalcExactMolWt

    _engine()
    with _lock:
        found = _cache.get("suspects")
    if found is None:
        profiles = {p.inchikey: p for p in SubstanceProfile.objects.filter(in_library=True)}
        rows = []
        for key, profile in profiles.items():
            mol = Chem.MolFromSmiles(profile.smiles)
            if mol is not None:
                rows.append((key, profile.name_en, CalcExactMolWt(mol)))
        found = (SuspectIndex(rows), profiles)
        with _lock:
            _cache["suspects"] = found
    return found  # type: ignore[return-value]


def suspect_screen(
    precursor_mz: float, *, adducts: Sequence[str] = (), ppm: float = 5.0
) -> list[dict]:
    """Catalogue substances whose adduct m/z lies within `ppm` of the measured m/z."""
    if precursor_mz <= 0:
        raise ValidationError(_("The precursor m/z must be positive."), details={"field": "mz"})
    if not 0 < ppm <= 50:
        raise ValidationError(_("The tolerance must be between 0 and 50 ppm."))
    unknown = [a for a in adducts if a not in ADDUCTS]
    if unknown:
        raise ValidationError(
            _("Unknown adduct: %(adduct)s") % {"adduct": ", ".join(unknown)},
            details={"field": "adduct"},
        )
    index, profiles = _suspect_index()
    out = []
    for hit in index.screen(precursor_mz, adducts=tuple(adducts) or POSITIVE, ppm=ppm):
        profile = profiles[hit.substance_id]
        out.append(
            {
                "profile": profile,
                "profile_id": profile.pk,
                "name": profile.name_en,
                "adduct": hit.adduct,
                "theoretical_mz": hit.theoretical_mz,
                "ppm_error": hit.ppm_error,
                "status": status_of(profile),
            }
        )
    return out
