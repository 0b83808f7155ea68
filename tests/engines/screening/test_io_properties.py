from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadis.engines.screening.io import ScreeningInputError, read_declarations


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt", ""]))
def test_the_reader_raises_only_its_own_error_on_random_bytes(content, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        try:
            for _ in read_declarations(path):
                pass
        except ScreeningInputError:
            pass


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500))
def test_the_reader_raises_only_its_own_error_on_random_text(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.csv"
        path.write_text("description\n" + text, encoding="utf-8", errors="surrogatepass")
        try:
            rows = list(read_declarations(path))
        except ScreeningInputError:
            return
        assert all("description" in row.values for row in rows)
