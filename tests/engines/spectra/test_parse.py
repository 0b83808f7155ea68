"""Spectrum readers: never crash on arbitrary text; write-then-read gives the same spectra."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.engines.spectra import (
    Spectrum,
    parse_any,
    parse_jcamp,
    parse_mgf,
    parse_msp,
    write_jcamp,
    write_mgf,
    write_msp,
)  # fmt: skip

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789-_ ,()", min_size=1,
                max_size=30).map(str.strip).filter(bool)  # fmt: skip
peak_lists = st.lists(
    st.tuples(st.floats(1, 2000, allow_nan=False), st.floats(0, 1e6, allow_nan=False)),
    min_size=1, max_size=40, unique_by=lambda p: p[0],
)  # fmt: skip


def spectra_strategy(with_precursor: bool):
    def build(name, peaks, precursor):
        peaks = sorted(peaks)
        return Spectrum([p[0] for p in peaks], [p[1] for p in peaks], name,
                        precursor if with_precursor else None,
                        "[M+H]+" if with_precursor else "")  # fmt: skip

    return st.builds(build, names, peak_lists, st.floats(50, 1500, allow_nan=False))


def same(a: list[Spectrum], b: list[Spectrum]) -> None:
    assert [s.name for s in a] == [s.name for s in b]
    for x, y in zip(a, b, strict=True):
        np.testing.assert_allclose(x.mz, y.mz)
        np.testing.assert_allclose(x.intensity, y.intensity)
        assert x.precursor_mz == y.precursor_mz and x.adduct == y.adduct


@given(st.text())
@settings(max_examples=300)
def test_no_reader_crashes_on_arbitrary_text(text):
    for reader in (parse_msp, parse_mgf, parse_jcamp, parse_any):
        assert isinstance(reader(text), list)


@given(st.text(alphabet="Name:NumPeaksBEGINIONSEND=#TITLE,.0123456789 \n-e", max_size=400))
@settings(max_examples=300)
def test_no_reader_crashes_on_text_made_of_format_words(text):
    for reader in (parse_msp, parse_mgf, parse_jcamp):
        for spectrum in reader(text):
            assert spectrum.mz.shape == spectrum.intensity.shape
            assert np.all(np.isfinite(spectrum.mz))


@given(st.lists(spectra_strategy(with_precursor=True), min_size=1, max_size=4))
def test_msp_and_mgf_round_trip(spectra):
    same(parse_msp(write_msp(spectra)), spectra)
    same(parse_mgf(write_mgf(spectra)), spectra)


@given(st.lists(spectra_strategy(with_precursor=False), min_size=1, max_size=4))
def test_jcamp_round_trips_an_ei_spectrum(spectra):
    same(parse_jcamp(write_jcamp(spectra)), spectra)


def test_a_hand_written_msp_record_with_metadata_and_quoted_annotations():
    text = 'Name: Mephedrone\nFormula: C11H15NO\nNum Peaks: 3\n58 999 "base"\n119 210\n177 30\n'
    [spectrum] = parse_msp(text)
    assert spectrum.name == "Mephedrone" and spectrum.meta["formula"] == "C11H15NO"
    assert spectrum.peaks() == [(58.0, 999.0), (119.0, 210.0), (177.0, 30.0)]


def test_an_mgf_record_gives_the_precursor_and_adduct():
    text = "BEGIN IONS\nTITLE=x\nPEPMASS=178.1226 1000\nADDUCT=[M+H]+\n58.07 100\nEND IONS\n"
    [spectrum] = parse_mgf(text)
    assert spectrum.precursor_mz == 178.1226 and spectrum.adduct == "[M+H]+"
