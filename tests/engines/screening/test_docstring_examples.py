from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "cadis.engines.screening",
    "cadis.engines.screening.cas",
    "cadis.engines.screening.data",
    "cadis.engines.screening.declarations",
    "cadis.engines.screening.fuzzy",
    "cadis.engines.screening.hs",
    "cadis.engines.screening.io",
    "cadis.engines.screening.matching",
    "cadis.engines.screening.normalise",
    "cadis.engines.screening.screener",
]


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_in_docstrings_are_true(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
