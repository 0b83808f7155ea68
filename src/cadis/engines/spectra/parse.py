"""Readers and writers for MSP (NIST text), MGF (Mascot generic) and JCAMP-DX mass spectra.

Readers never raise on arbitrary text: unreadable records are skipped (property-tested),
so a laboratory's odd export yields the spectra that can be read and nothing else.

>>> [s.name for s in parse_msp("Name: x\\nNum Peaks: 2\\n41 100\\n43 50\\n")]
['x']
"""

from __future__ import annotations

import math
import re

import numpy as np

from .model import Spectrum

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _finite(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _pairs(numbers: list[float]) -> tuple[list[float], list[float]]:
    mz, inten = numbers[0::2], numbers[1::2]
    n = min(len(mz), len(inten))
    keep = [i for i in range(n) if mz[i] > 0 and inten[i] >= 0]
    return [mz[i] for i in keep], [inten[i] for i in keep]


def _spectrum(name: str, mz: list[float], inten: list[float], meta: dict[str, str],
              precursor: float | None = None, adduct: str = "") -> Spectrum | None:  # fmt: skip
    if not mz:
        return None
    order = np.argsort(mz, kind="stable")
    return Spectrum(np.asarray(mz)[order], np.asarray(inten)[order], name, precursor, adduct, meta)


def parse_msp(text: str) -> list[Spectrum]:
    """Records separated by blank lines; `Name:` opens one; peaks are 'm/z intensity' pairs."""
    out: list[Spectrum] = []
    for block in re.split(r"\n\s*\n", str(text).replace("\r", "\n")):
        meta: dict[str, str] = {}
        numbers: list[float] = []
        in_peaks = False
        for line in block.split("\n"):
            if not line.strip():
                continue
            key, sep, value = line.partition(":")
            if sep and not in_peaks and not _NUMBER.fullmatch(key.strip()):
                meta[key.strip().lower()] = value.strip()
                in_peaks = key.strip().lower() == "num peaks"
                continue
            values = [_finite(v) for v in _NUMBER.findall(line.split('"')[0])]
            numbers.extend(v for v in values if v is not None)
        if "name" not in meta:
            continue
        mz, inten = _pairs(numbers)
        precursor = _finite(meta.get("precursormz", meta.get("precursor_mz", "")) or "x")
        spectrum = _spectrum(meta["name"], mz, inten, meta, precursor,
                             meta.get("precursor_type", meta.get("adduct", "")))  # fmt: skip
        if spectrum is not None:
            out.append(spectrum)
    return out


def parse_mgf(text: str) -> list[Spectrum]:
    """BEGIN IONS ... END IONS blocks with KEY=value headers (TITLE, PEPMASS, ION/ADDUCT)."""
    out: list[Spectrum] = []
    for block in re.findall(r"BEGIN IONS(.*?)END IONS", str(text), flags=re.S):
        meta: dict[str, str] = {}
        numbers: list[float] = []
        for line in block.replace("\r", "\n").split("\n"):
            key, sep, value = line.partition("=")
            if sep and key.strip().isupper():
                meta[key.strip().lower()] = value.strip()
                continue
            parts = [_finite(v) for v in _NUMBER.findall(line)[:2]]
            if len(parts) == 2 and None not in parts:
                numbers.extend(parts)  # type: ignore[arg-type]
        mz, inten = _pairs(numbers)
        pepmass = _NUMBER.findall(meta.get("pepmass", ""))
        precursor = _finite(pepmass[0]) if pepmass else None
        adduct = meta.get("adduct", meta.get("ion", ""))
        spectrum = _spectrum(meta.get("title", ""), mz, inten, meta, precursor, adduct)
        if spectrum is not None:
            out.append(spectrum)
    return out


def parse_jcamp(text: str) -> list[Spectrum]:
    """JCAMP-DX MS records: ##TITLE= opens one, ##PEAK TABLE=(XY..XY) holds 'x,y' pairs."""
    out: list[Spectrum] = []
    for block in re.split(r"(?=##TITLE=)", str(text)):
        if not block.startswith("##TITLE="):
            continue
        meta: dict[str, str] = {}
        numbers: list[float] = []
        in_table = False
        for line in block.replace("\r", "\n").split("\n"):
            if line.startswith("##"):
                key, _, value = line[2:].partition("=")
                meta[key.strip().lower()] = value.strip()
                in_table = key.strip().upper() in ("PEAK TABLE", "XYPOINTS")
                continue
            if in_table:
                values = [_finite(v) for v in _NUMBER.findall(line)]
                numbers.extend(v for v in values if v is not None)
        mz, inten = _pairs(numbers)
        spectrum = _spectrum(meta.get("title", ""), mz, inten, meta)
        if spectrum is not None:
            out.append(spectrum)
    return out


def _fmt(value: float) -> str:
    return repr(float(value))


def write_msp(spectra: list[Spectrum]) -> str:
    blocks = []
    for s in spectra:
        lines = [f"Name: {s.name}"]
        if s.precursor_mz is not None:
            lines.append(f"PrecursorMZ: {_fmt(s.precursor_mz)}")
        if s.adduct:
            lines.append(f"Precursor_type: {s.adduct}")
        lines.append(f"Num Peaks: {s.n_peaks}")
        lines += [f"{_fmt(m)} {_fmt(i)}" for m, i in s.peaks()]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def write_mgf(spectra: list[Spectrum]) -> str:
    blocks = []
    for s in spectra:
        lines = ["BEGIN IONS", f"TITLE={s.name}"]
        if s.precursor_mz is not None:
            lines.append(f"PEPMASS={_fmt(s.precursor_mz)}")
        if s.adduct:
            lines.append(f"ADDUCT={s.adduct}")
        lines += [f"{_fmt(m)} {_fmt(i)}" for m, i in s.peaks()]
        lines.append("END IONS")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def write_jcamp(spectra: list[Spectrum]) -> str:
    blocks = []
    for s in spectra:
        lines = [f"##TITLE={s.name}", "##JCAMP-DX=5.01", "##DATA TYPE=MASS SPECTRUM",
                 f"##NPOINTS={s.n_peaks}", "##PEAK TABLE=(XY..XY)"]  # fmt: skip
        lines += [f"{_fmt(m)},{_fmt(i)}" for m, i in s.peaks()]
        lines.append("##END=")
        blocks.append("\n".join(lines))
    return "\n".join(blocks) + "\n"


def parse_any(text: str, fmt: str | None = None) -> list[Spectrum]:
    """Parse by explicit format ('msp', 'mgf', 'jcamp') or by sniffing the text."""
    fmt = (fmt or "").lower()
    if fmt in ("mgf",) or (not fmt and "BEGIN IONS" in text):
        return parse_mgf(text)
    if fmt in ("jcamp", "jdx", "dx") or (not fmt and "##TITLE=" in text):
        return parse_jcamp(text)
    return parse_msp(text)
