"""Every Russian catalogue is complete and its compiled .mo matches the .po."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "cadis"
CATALOGUES = sorted(SRC.rglob("locale/ru/LC_MESSAGES/django.po"))


def _unquote(line: str) -> str:
    return (
        line.strip()[1:-1]
        .encode("utf-8")
        .decode("unicode_escape")
        .encode("latin-1")
        .decode("utf-8")
    )


def parse_po(path: Path) -> list[dict]:
    """A small .po reader: entries with msgid, msgid_plural, msgstr[*] and flags."""
    entries: list[dict] = []
    current: dict = {"flags": set(), "msgstr": {}}
    field = None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if "msgid" in current:
                entries.append(current)
            current, field = {"flags": set(), "msgstr": {}}, None
        elif line.startswith("#,"):
            current["flags"].update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            field, current["msgctxt"] = "msgctxt", _unquote(line[8:])
        elif line.startswith("msgid_plural "):
            field, current["msgid_plural"] = "msgid_plural", _unquote(line[13:])
        elif line.startswith("msgid "):
            if "msgid" in current:  # an entry not separated by a blank line
                entries.append(current)
                current = {"flags": set(), "msgstr": {}}
            field, current["msgid"] = "msgid", _unquote(line[6:])
        elif line.startswith("msgstr["):
            index = int(line[7 : line.index("]")])
            field = ("msgstr", index)
            current["msgstr"][index] = _unquote(line[line.index("]") + 2 :])
        elif line.startswith("msgstr "):
            field = ("msgstr", 0)
            current["msgstr"][0] = _unquote(line[7:])
        elif line.startswith('"') and field is not None:
            if isinstance(field, tuple):
                current["msgstr"][field[1]] += _unquote(line)
            else:
                current[field] += _unquote(line)
    return [e for e in entries if e["msgid"]]


def test_there_are_russian_catalogues():
    assert CATALOGUES, "no locale/ru/LC_MESSAGES/django.po under src/cadis"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(SRC)))
def test_every_entry_is_translated_and_not_fuzzy(po):
    missing = [
        e["msgid"] for e in parse_po(po) if "fuzzy" in e["flags"] or not all(e["msgstr"].values())
    ]
    assert missing == []


def _compiled(compiled: gettext.GNUTranslations, entry: dict) -> str:
    """The compiled translation of an entry, in its context (``pgettext``) when it has one."""
    if "msgctxt" in entry:
        return compiled.pgettext(entry["msgctxt"], entry["msgid"])
    return compiled.gettext(entry["msgid"])


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(SRC)))
def test_the_compiled_catalogue_matches_its_source(po):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run compilemessages"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [
        e["msgid"]
        for e in parse_po(po)
        if "msgid_plural" not in e and _compiled(compiled, e) != e["msgstr"][0]
    ]
    assert stale == []
