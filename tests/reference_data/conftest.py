"""These tests read CSV files only; they run with or without pytest-django.

The project's root conftest has autouse fixtures that need pytest-django's `settings`; the
fixtures below shadow them here so `pytest -p no:django tests/reference_data` works too.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_media() -> None:
    """Nothing to isolate: no media files are touched."""


@pytest.fixture(autouse=True)
def _no_second_factor_by_default() -> None:
    """No users are signed in here."""
