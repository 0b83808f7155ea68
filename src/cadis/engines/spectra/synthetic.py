"""Synthetic EI-like spectra made from structures, for tests and benchmarks only.

These are *not* real mass spectra: the project ships no third-party spectral library, so
tests need spectra it makes itself. A structure's "spectrum" holds its molecular ion and
the nominal masses of the pieces obtained by breaking each acyclic single bond (and each
piece minus a hydrogen), with intensities drawn from a generator seeded by the structure,
so the same structure always gives the same spectrum. `perturb` then imitates a measured
spectrum: intensity noise, dropped peaks, extra noise peaks, a shifted base peak.

>>> s = synthetic_spectrum("CNC(C)C(=O)c1ccc(C)cc1", "mephedrone")
>>> int(s.mz.max()), s.name
(177, 'mephedrone')
"""

from __future__ import annotations

import hashlib

import numpy as np
from rdkit import Chem
from rdkit.Chem import rdMolDescriptors

from .model import Spectrum


def _seed(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")


def synthetic_spectrum(smiles: str, name: str = "") -> Spectrum:
    """A deterministic EI-like spectrum of a structure (see the module note: not real)."""
    mol = Chem.MolFromSmiles(smiles)
    if mol is None:
        raise ValueError(f"invalid SMILES: {smiles}")
    rng = np.random.default_rng(_seed(Chem.MolToSmiles(mol)))
    masses = {round(rdMolDescriptors.CalcExactMolWt(mol))}
    bonds = [b.GetIdx() for b in mol.GetBonds()
             if not b.IsInRing() and b.GetBondType() == Chem.BondType.SINGLE]  # fmt: skip
    for idx in bonds:
        pieces = Chem.GetMolFrags(Chem.FragmentOnBonds(mol, [idx], addDummies=False),
                                  asMols=True, sanitizeFrags=False)  # fmt: skip
        for piece in pieces:
            mass = round(rdMolDescriptors.CalcExactMolWt(piece))
            if mass >= 14:
                masses.update({mass, mass - 1})
    mz = np.array(sorted(masses), dtype=float)
    intensity = rng.gamma(0.6, 30.0, mz.size) + 1.0
    intensity[rng.integers(mz.size)] = 999.0  # a base peak
    return Spectrum(mz, np.round(intensity / intensity.max() * 999.0, 1), name)


def perturb(spectrum: Spectrum, seed: int, *, noise: float = 0.25, drop: float = 0.2,
            extra_peaks: int = 5) -> Spectrum:  # fmt: skip
    """A 'measured' version: lognormal intensity noise, dropped and added peaks."""
    rng = np.random.default_rng(seed)
    keep = rng.random(spectrum.n_peaks) >= drop
    keep[np.argmax(spectrum.intensity)] = True  # the base peak survives
    mz = spectrum.mz[keep]
    intensity = spectrum.intensity[keep] * rng.lognormal(0.0, noise, int(keep.sum()))
    extra = rng.integers(15, max(int(mz.max()), 20), extra_peaks).astype(float)
    mz = np.concatenate([mz, extra])
    intensity = np.concatenate([intensity, rng.uniform(1, 30, extra_peaks)])
    return Spectrum(mz, intensity, spectrum.name)
