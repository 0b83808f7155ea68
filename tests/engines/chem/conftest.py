from __future__ import annotations

import pytest

from cadis.engines.chem import Classifier, default_classifier


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    """The classifier over the shipped library (built once for the whole test session)."""
    return default_classifier()
