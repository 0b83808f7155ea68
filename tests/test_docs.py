"""Docs that cannot drift: commands, settings and API sections must be documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(
    p.read_text(encoding="utf-8")
    for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
)
SETTINGS = (ROOT / "src" / "cadis" / "config" / "settings.py").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def cadis_commands() -> list[str]:
    return sorted(name for name, app in get_commands().items() if app.startswith("cadis."))


def test_there_are_cadis_commands_to_check():
    assert {"demo", "refdata", "worker", "backup", "restore"} <= set(cadis_commands())


@pytest.mark.parametrize("command", cadis_commands())
def test_every_cadis_command_is_documented(command):
    assert f"cadis {command}" in DOCS


@pytest.mark.parametrize(
    "variable", sorted(set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z0-9_]+)"', SETTINGS)))
)
def test_every_setting_read_from_the_environment_is_in_the_readme(variable):
    assert f"`{variable}`" in README


@pytest.mark.django_db
def test_every_api_operation_has_a_summary_and_its_section_is_documented():
    from cadis.api.api import api

    schema = api.get_openapi_schema(path_prefix="/api/v1")
    api_doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method.upper()} {path} has no summary"
            for tag in operation.get("tags", []):
                assert f"| {tag} |" in api_doc, f"API section {tag!r} is not in docs/api.md"
