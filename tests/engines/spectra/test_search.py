"""Library search, suspect screening and confidence grades.

Every spectrum here is made by the project from structures (`synthetic.py`: fragment
masses, seeded intensities), then perturbed with noise, dropped peaks and extra peaks.
They are not real spectra and no third-party library is used.
"""

from __future__ import annotations

import numpy as np
import pytest

from cadis.engines.spectra import (
    Evidence,
    SpectralLibrary,
    Spectrum,
    SuspectIndex,
    adduct_mz,
    grade,
)  # fmt: skip
from cadis.engines.spectra.match import bin_unit_mass
from cadis.engines.spectra.synthetic import perturb, synthetic_spectrum

STRUCTURES = {
    "mephedrone": "CNC(C)C(=O)c1ccc(C)cc1",
    "3-MMC": "CNC(C)C(=O)c1cccc(C)c1",
    "alpha-PVP": "CCCC(N1CCCC1)C(=O)c1ccccc1",
    "alpha-PHP": "CCCCC(N1CCCC1)C(=O)c1ccccc1",
    "MDMA": "CNC(C)Cc1ccc2c(c1)OCO2",
    "ketamine": "CNC1(CCCCC1=O)c1ccccc1Cl",
    "JWH-018": "CCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21",
    "etizolam": "CCc1cc2c(s1)-n1c(C)nnc1CN=C2c1ccccc1Cl",
}


@pytest.fixture(scope="module")
def library():
    spectra = [synthetic_spectrum(s, n) for n, s in STRUCTURES.items()]
    return SpectralLibrary(spectra, list(STRUCTURES))


def test_an_identical_spectrum_scores_one_with_both_measures(library):
    query = synthetic_spectrum(STRUCTURES["MDMA"])
    top = library.search(query)[0]
    assert top.substance_id == "MDMA"
    assert top.cosine == pytest.approx(1.0) and top.entropy == pytest.approx(1.0)


@pytest.mark.parametrize("method", ["entropy", "cosine"])
def test_a_noisy_measured_spectrum_finds_its_substance_first(library, method):
    for i, (name, smiles) in enumerate(STRUCTURES.items()):
        query = perturb(synthetic_spectrum(smiles), seed=i)
        hits = library.search(query, k=5, method=method)
        assert len(hits) == 5 and hits[0].substance_id == name
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_scores_are_bounded_and_unrelated_spectra_score_low(library):
    query = Spectrum([500, 600, 700], [10, 100, 30])
    cosine, entropy, matched = library.scores(query)
    assert np.all((cosine >= 0) & (cosine <= 1)) and np.all((entropy >= 0) & (entropy <= 1))
    assert cosine.max() < 0.2 and entropy.max() < 0.2 and matched.max() == 0


def test_an_empty_library_answers_nothing():
    assert SpectralLibrary([]).search(Spectrum([41], [1])) == []


def test_suspect_screening_finds_the_adduct_within_five_ppm_and_not_beyond():
    index = SuspectIndex([("mephedrone", "Mephedrone", 177.115364), ("x", "X", 300.0)])
    measured = adduct_mz(177.115364, "[M+H]+") * (1 + 4e-6)
    [hit] = index.screen(measured)
    assert (hit.substance_id, hit.adduct) == ("mephedrone", "[M+H]+")
    assert hit.ppm_error == pytest.approx(4.0, abs=0.01)
    assert index.screen(adduct_mz(177.115364, "[M+H]+") * (1 + 6e-6)) == []
    sodium = index.screen(adduct_mz(177.115364, "[M+Na]+"))
    assert [h.adduct for h in sodium] == ["[M+Na]+"]
    negative = index.screen(adduct_mz(177.115364, "[M-H]-"), adducts=("[M-H]-",))
    assert [h.name for h in negative] == ["Mephedrone"]


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        (Evidence(("gc_ms",), retention_used=True, reference_standard=True), "confirmed"),
        (Evidence(("gc_ms",), retention_used=True), "identified"),
        (Evidence(("gc_ms",)), "indicative"),  # MS alone: Category A needs another technique
        (Evidence(("ftir", "colour_test")), "identified"),
        (Evidence(("tlc", "gc", "colour_test")), "identified"),  # no A: 3 techniques, 2 B
        (Evidence(("tlc", "colour_test")), "indicative"),
        (Evidence(("colour_test", "immunoassay")), "presumptive"),
        (Evidence(("unknown_method",)), "none"),
    ],
)
def test_the_swgdrug_grade_follows_the_category_rules(evidence, expected):
    assert grade(evidence).grade == expected


def _textbook_scores(query: Spectrum, reference: Spectrum) -> tuple[float, float]:
    """Cosine and entropy similarity of one pair, written from the formulas in match.py."""
    a, b = bin_unit_mass(query), bin_unit_mass(reference)
    masses = np.arange(a.size, dtype=float)
    wa, wb = a**0.6 * masses**3, b**0.6 * masses**3
    cosine = float(wa @ wb / (np.linalg.norm(wa) * np.linalg.norm(wb)))

    def weighted(v: np.ndarray) -> np.ndarray:
        p = v / v.sum()
        s = -sum(x * np.log(x) for x in p if x > 0)
        if s < 3:
            p = p ** (0.25 + 0.25 * s)
            p = p / p.sum()
        return p

    def entropy(p: np.ndarray) -> float:
        return float(-sum(x * np.log(x) for x in p if x > 0))

    pa, pb = weighted(a), weighted(b)
    similarity = 1 - (2 * entropy((pa + pb) / 2) - entropy(pa) - entropy(pb)) / np.log(4)
    return cosine, similarity


def test_the_library_layout_gives_the_textbook_scores_for_every_entry():
    # The search touches only library peaks at the query's m/z values; the scores must
    # still be exactly those of the formulas applied to each pair.
    rng = np.random.default_rng(3)
    spectra = [synthetic_spectrum(s) for s in STRUCTURES.values()]
    spectra += [perturb(spectra[i % len(spectra)], seed=100 + i) for i in range(40)]
    spectra += [Spectrum(rng.integers(15, 400, 12), rng.uniform(1, 999, 12)) for _ in range(10)]
    library = SpectralLibrary(spectra)
    for q in range(8):
        query = perturb(spectra[q], seed=q)
        cosine, entropy, matched = library.scores(query)
        for i, reference in enumerate(spectra):
            expected = _textbook_scores(query, reference)
            assert cosine[i] == pytest.approx(expected[0], abs=1e-12)
            assert entropy[i] == pytest.approx(expected[1], abs=1e-12)
            shared = np.count_nonzero(bin_unit_mass(query) * bin_unit_mass(reference))
            assert matched[i] == shared


def test_an_empty_query_is_similar_to_nothing(library):
    cosine, entropy, matched = library.scores(Spectrum([], []))
    assert cosine.max() == entropy.max() == matched.max() == 0
