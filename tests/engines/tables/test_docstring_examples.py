"""The examples in the tables engine's docstrings are true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import cadis.engines.tables as package

MODULES = [package.__name__] + [
    f"{package.__name__}.{info.name}" for info in pkgutil.iter_modules(package.__path__)
]


def test_every_module_is_listed():
    assert len(MODULES) >= 12


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_in_docstrings_are_true(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
