"""EI library search on unit-mass bins: weighted cosine and spectral entropy similarity.

Both scores compare a query with every library spectrum at once. The library is kept by
nominal mass (CSC layout: for each m/z bin, the spectra that have a peak there), so a query
touches only the library peaks at its own m/z values; everything a score needs from the
rest of a library spectrum is summed once when the library is built. This is exact (no
prefilter can drop a true match) and keeps a query against 100,000 spectra well under a
second (`benchmarks/bench_spectra.py`).

**Weighted cosine** (Stein and Scott, J. Am. Soc. Mass Spectrom. 5 (1994) 859-866): each
peak is binned to its nominal mass m and weighted ``w = I**0.6 * m**3`` (intensity damped,
heavier ions favoured, as in the NIST composite score); vectors are L2-normalised and the
score is their dot product, ``cos = sum(w_q * w_l) / (|w_q| |w_l|)``, in [0, 1].

**Spectral entropy similarity** (Li et al., Nature Methods 18 (2021) 1524-1531): intensities
are normalised to sum 1 (``p``); a spectrum of entropy ``S = -sum p ln p`` below 3 is
re-weighted with ``p**w``, ``w = 0.25 + 0.25 S`` (then normalised again). With ``AB`` the
merged spectrum ``(A + B) / 2``, the similarity is ``1 - (2 S(AB) - S(A) - S(B)) / ln 4``,
also in [0, 1]. With ``f(x) = -x ln x``, ``S(AB)`` splits into the query's own terms
``sum f(a/2)``, the library spectrum's own terms ``sum f(b/2)`` (summed at build time), and
a correction ``f((a+b)/2) - f(a/2) - f(b/2)`` at the shared m/z values only.

>>> lib = SpectralLibrary([Spectrum([41, 43, 58], [20, 40, 100], "x")])
>>> hits = lib.search(Spectrum([41, 43, 58], [20, 40, 100]))
>>> hits[0].name, round(hits[0].cosine, 3), round(hits[0].entropy, 3)
('x', 1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .model import LibraryHit, Spectrum

MAX_MZ = 1000  # EI spectra of NPS stay far below m/z 1000
INTENSITY_POWER = 0.6
MASS_POWER = 3.0
LN4 = float(np.log(4.0))


def bin_unit_mass(spectrum: Spectrum) -> np.ndarray:
    """Dense vector of summed intensities per nominal mass (m/z rounded), 0..MAX_MZ."""
    vector = np.zeros(MAX_MZ + 1)
    mz = np.rint(spectrum.mz).astype(int)
    keep = (mz >= 0) & (mz <= MAX_MZ) & (spectrum.intensity > 0)
    np.add.at(vector, mz[keep], spectrum.intensity[keep])
    return vector


def _weighted(vector: np.ndarray) -> np.ndarray:
    weighted = vector**INTENSITY_POWER * np.arange(vector.size, dtype=float) ** MASS_POWER
    norm = np.linalg.norm(weighted)
    return weighted / norm if norm > 0 else weighted


def _xlogx(x: np.ndarray) -> np.ndarray:
    out = np.zeros_like(x)
    positive = x > 0
    out[positive] = x[positive] * np.log(x[positive])
    return out


def entropy_weighted(vector: np.ndarray) -> np.ndarray:
    """Normalised intensities with the low-entropy re-weighting of Li et al. (2021)."""
    total = vector.sum()
    if total <= 0:
        return vector
    p = vector / total
    entropy = -_xlogx(p).sum()
    if entropy < 3:
        p = p ** (0.25 + 0.25 * entropy)
        p = p / p.sum()
    weighted: np.ndarray = p
    return weighted


class SpectralLibrary:
    """Reference EI spectra prepared once for fast search.

    `substance_ids` links each spectrum to a catalogue substance (same order as `spectra`).
    """

    def __init__(self, spectra: Sequence[Spectrum], substance_ids: Sequence[str] | None = None):
        self.names = [s.name for s in spectra]
        self.substance_ids = list(substance_ids) if substance_ids else [""] * len(spectra)
        counts, cols, cos_vals, ent_vals = [], [], [], []
        for spectrum in spectra:
            vector = bin_unit_mass(spectrum)
            nz = np.flatnonzero(vector)
            counts.append(nz.size)
            cols.append(nz)
            cos_vals.append(_weighted(vector)[nz])
            ent_vals.append(entropy_weighted(vector)[nz])
        empty = np.zeros(0)
        bins = np.concatenate(cols) if cols else empty.astype(int)
        cos_data = np.concatenate(cos_vals) if cols else empty
        ent_data = np.concatenate(ent_vals) if cols else empty
        rows = np.repeat(np.arange(len(counts)), counts)
        n = len(counts)
        # Per spectrum, everything the entropy score needs from its own peaks.
        self._lib_entropy = -np.bincount(rows, weights=_xlogx(ent_data), minlength=n)
        self._lib_half_terms = -np.bincount(rows, weights=_xlogx(ent_data / 2), minlength=n)
        # CSC layout: peaks grouped by m/z bin (rows ascending within a bin).
        order = np.argsort(bins, kind="stable")
        self._col_rows = rows[order].astype(np.int32)
        self._col_cos = cos_data[order]
        self._col_ent = ent_data[order]
        self._col_half = _xlogx(self._col_ent / 2)
        self._col_start = np.searchsorted(bins[order], np.arange(MAX_MZ + 2))

    def __len__(self) -> int:
        return len(self.names)

    def _shared(self, query_bins: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positions in the CSC arrays of the library peaks at the query's bins, and how
        many there are per query bin."""
        starts = self._col_start[query_bins]
        lengths = self._col_start[query_bins + 1] - starts
        total = int(lengths.sum())
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        return np.arange(total) + offsets, lengths

    def scores(self, query: Spectrum) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(cosine, entropy similarity, matched peak count) of the query to every entry."""
        vector = bin_unit_mass(query)
        n = len(self)
        query_bins = np.flatnonzero(vector)
        if query_bins.size == 0:  # nothing to compare: no similarity at all
            return np.zeros(n), np.zeros(n), np.zeros(n)
        at, per_bin = self._shared(query_bins)
        rows = self._col_rows[at]
        cosine = np.bincount(
            rows, weights=self._col_cos[at] * np.repeat(_weighted(vector)[query_bins], per_bin),
            minlength=n,
        )  # fmt: skip
        a = entropy_weighted(vector)
        s_a = -_xlogx(a).sum()
        a_at = np.repeat(a[query_bins], per_bin)
        b = self._col_ent[at]
        # f((a+b)/2) - f(a/2) - f(b/2) with f(x) = -x ln x, at the shared m/z values only.
        correction = -_xlogx((a_at + b) / 2) + _xlogx(a_at / 2) + self._col_half[at]
        s_ab = (
            -_xlogx(a / 2).sum()
            + self._lib_half_terms
            + np.bincount(rows, weights=correction, minlength=n)
        )
        entropy = 1 - (2 * s_ab - s_a - self._lib_entropy) / LN4
        matched = np.bincount(rows, minlength=n).astype(float)
        return np.clip(cosine, 0, 1), np.clip(entropy, 0, 1), matched

    def search(self, query: Spectrum, k: int = 5, method: str = "entropy") -> list[LibraryHit]:
        """The k best library spectra for an EI query, best first (`method`: entropy|cosine)."""
        if len(self) == 0:
            return []
        cosine, entropy, matched = self.scores(query)
        ranking = entropy if method == "entropy" else cosine
        top = min(k, len(self))
        best = np.argpartition(-ranking, top - 1)[:top]
        best = best[np.argsort(-ranking[best], kind="stable")]
        return [
            LibraryHit(int(i), self.names[i], self.substance_ids[i], round(float(cosine[i]), 4),
                       round(float(entropy[i]), 4), round(float(ranking[i]), 4), int(matched[i]))
            for i in best
        ]  # fmt: skip
