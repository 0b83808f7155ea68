"""`cadis nps spectrum FILE`: suspects by exact mass and EI library hits, each with status.

The spectra are written here by the project (synthetic, not real measurements).
"""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from cadis.engines.spectra import write_msp
from cadis.engines.spectra.synthetic import perturb, synthetic_spectrum

pytestmark = pytest.mark.django_db


def run(*args) -> list[dict]:
    out = StringIO()
    call_command("nps", "spectrum", *map(str, args), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


def test_an_lc_hrms_record_lists_catalogue_suspects_with_their_status(tmp_path):
    path = tmp_path / "q.mgf"
    path.write_text("BEGIN IONS\nTITLE=powder 7\nPEPMASS=178.1227\nADDUCT=[M+H]+\n58 1\nEND IONS\n")
    [result] = run(path)
    names = {s["name"] for s in result["suspects"]}
    assert {"Mephedrone", "3-MMC"} <= names
    assert all(abs(s["ppm_error"]) <= 5 for s in result["suspects"])
    assert all(s["status"]["international"]["status"] == "controlled" for s in result["suspects"]
               if s["name"] in ("Mephedrone", "3-MMC"))  # fmt: skip


def test_an_ei_spectrum_is_searched_in_the_given_reference_library(tmp_path):
    refs = [synthetic_spectrum("CCCC(N1CCCC1)C(=O)c1ccccc1", "alpha-PVP"),
            synthetic_spectrum("CNC(C)Cc1ccc2c(c1)OCO2", "MDMA")]  # fmt: skip
    (tmp_path / "lib.msp").write_text(write_msp(refs))
    (tmp_path / "q.msp").write_text(write_msp([perturb(refs[0], seed=3)]))
    [result] = run(tmp_path / "q.msp", "--library", tmp_path / "lib.msp")
    top = result["library_hits"][0]
    assert top["name"] == "alpha-PVP" and top["status"]["TM"]["status"] == "controlled"


def test_a_file_without_spectra_is_refused(tmp_path):
    path = tmp_path / "empty.msp"
    path.write_text("nothing here")
    with pytest.raises(Exception, match="No spectrum"):
        run(path)
