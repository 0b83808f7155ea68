"""The founding-document tests fail in CI when the shared folder is missing, skip elsewhere."""

from __future__ import annotations

import pytest
from _pytest.outcomes import Failed, Skipped

from tests import founding


def test_ci_without_the_shared_folder_fails(monkeypatch, tmp_path):
    monkeypatch.setattr(founding, "FOUNDING", tmp_path / "absent.txt")
    monkeypatch.setenv("CI", "1")
    with pytest.raises(Failed, match="CI is set"):
        founding.founding_path()


def test_a_clone_elsewhere_skips_saying_why(monkeypatch, tmp_path):
    monkeypatch.setattr(founding, "FOUNDING", tmp_path / "absent.txt")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(Skipped, match="absent"):
        founding.founding_path()


def test_the_document_is_found_where_ci_puts_it(monkeypatch, tmp_path):
    seed = tmp_path / "seed.txt"
    seed.write_text("текст", encoding="utf-8")
    monkeypatch.setattr(founding, "FOUNDING", seed)
    assert founding.founding_path() == seed
