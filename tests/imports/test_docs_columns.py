"""docs/imports.md lists every column and the everyday words of each import kind, generated from
the specifications: this test fails when the docs drift (UPDATE_SNAPSHOTS=1 rewrites the block)."""

from __future__ import annotations

import os
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "imports.md"
BEGIN, END = "<!-- generated: columns -->", "<!-- end generated -->"


def generated() -> str:
    from cadis.apps.ews import library_import
    from cadis.apps.precursors import declarations_check
    from cadis.apps.reference import everyday
    from cadis.apps.supply.importing.headers import ALIASES, REQUIRED
    from cadis.apps.supply.prices import importing as prices_import
    from cadis.apps.treatment import harms_import, importing

    lines = ["### Seizures (`cadis import seizures`, `/supply/imports/`)", ""]
    lines += ["| column | required | accepted headers |", "|---|---|---|"]
    for name, aliases in ALIASES.items():
        required = "yes" if name in REQUIRED else ""
        lines.append(f"| `{name}` | {required} | {', '.join(aliases)} |")
    lines += ["", "Everyday words understood besides the reference names and abbreviations:", ""]
    for vocabulary, words in everyday.BY_VOCABULARY.items():
        lines.append(f"- **{vocabulary}**:")
        for code, synonyms in words.items():
            lines.append(f"  - `{code}`: {', '.join(synonyms)}")
    words = {
        importing.SPEC.kind: everyday.TDI_BY_COLUMN,
        harms_import.SPEC.kind: everyday.HARMS_BY_COLUMN,
        prices_import.SPEC.kind: everyday.PRICES_BY_COLUMN,
    }
    commands = {
        importing.SPEC.kind: "`cadis import tdi`",
        harms_import.SPEC.kind: "`cadis import harms`",
        prices_import.SPEC.kind: "`cadis import prices`, `/supply/prices/import/`",
    }
    for spec in (importing.SPEC, harms_import.SPEC, prices_import.SPEC):
        lines += [
            "",
            f"### {spec.kind} ({commands[spec.kind]})",
            "",
            "| column | required | accepted headers | allowed values |",
            "|---|---|---|---|",
        ]
        for column in spec.columns:
            required = "yes" if column.required else ""
            values = ", ".join(f"`{v}`" for v in column.vocabulary)
            headers = ", ".join(column.aliases)
            lines.append(f"| `{column.name}` | {required} | {headers} | {values} |")
        lines += ["", "Everyday words understood besides the codes and names:", ""]
        for name, vocabulary in words[spec.kind].items():
            lines.append(f"- **{name}**:")
            for code, synonyms in vocabulary.items():
                lines.append(f"  - `{code}`: {', '.join(synonyms)}")
    titles = {
        library_import.SPEC.kind: "`cadis import nps`, `cadis nps import`",
        declarations_check.SPEC.kind: "`/precursors/screening/new/`, checked before screening",
    }
    for spec in (library_import.SPEC, declarations_check.SPEC):
        lines += [
            "",
            f"### {spec.kind} ({titles[spec.kind]})",
            "",
            "| column | required | accepted headers | allowed values |",
            "|---|---|---|---|",
        ]
        for column in spec.columns:
            required = "yes" if column.required else ""
            values = ", ".join(f"`{v}`" for v in column.vocabulary)
            lines.append(
                f"| `{column.name}` | {required} | {', '.join(column.aliases)} | {values} |"
            )
    return "\n".join(lines)


def test_the_column_lists_in_the_docs_match_the_specifications():
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN)
    _old, tail = rest.split(END)
    fresh = f"{head}{BEGIN}\n{generated()}\n{END}{tail}"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        DOC.write_text(fresh, encoding="utf-8")
    assert text == fresh, (
        "docs/imports.md drifted: UPDATE_SNAPSHOTS=1 pytest tests/imports/test_docs_columns.py"
    )
