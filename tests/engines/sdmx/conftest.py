"""Engine tests need no Django: the project-wide autouse settings fixtures become no-ops here."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_media():
    yield


@pytest.fixture(autouse=True)
def _test_settings():
    yield
