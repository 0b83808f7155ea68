"""Scope is decided in one module: nothing else compares countries, organisations or levels.

The scan (``tests/house.py``) looks at every source file but ``cadis/platform/scope.py`` and the
migrations. There is no allow-list: a new comparison fails here; ask ``cadis.platform.scope``
(``visible``, ``can_view``, ``can_change``, ``owner_for``, ``speaks_for``, ...) instead.
"""

from __future__ import annotations

from pathlib import Path

from tests import house

SRC = Path(__file__).resolve().parents[1] / "src"
SCOPE_MODULE = SRC / "cadis" / "platform" / "scope.py"


def _sources() -> list[Path]:
    return [p for p in house.source_files(SRC) if "migrations" not in p.parts and p != SCOPE_MODULE]


def test_no_code_outside_the_scope_module_compares_countries_organisations_or_levels():
    found = [
        f"{c.path.relative_to(SRC)}:{c.line}: {c.text}"
        for p in _sources()
        for c in house.scope_comparisons(p)
    ]
    assert found == []


def test_the_scan_reads_the_whole_source_tree():
    assert len(_sources()) > 250
    assert house.scope_comparisons(SCOPE_MODULE), (
        "the scope module itself compares (the scan can see it)"
    )


SHAPES = {
    "a user's country against a record's": "def f(user, record):\n    return scope_of(user).country_id == record.country_id\n",
    "a focal point of this country": "def f(scope, country):\n    return scope.is_focal_point and scope.country_id == country.pk\n",
    "a fixed level": "def f(record):\n    return record.confidentiality == Confidentiality.PUBLIC\n",
    "a filter keyed by the user": "def f(qs, scope):\n    return qs.filter(organisation_id=scope.organisation_id)\n",
    "a filter on a level": "def f(qs):\n    return qs.filter(Q(confidentiality=PUBLIC))\n",
    "the actor's organisation, through a name": (
        "def f(actor, country):\n"
        "    organisation = getattr(actor, 'organisation', None)\n"
        "    return organisation.country_id not in (None, country.pk)\n"
    ),
    "the user's country from a scope function": (
        "def f(user, country_id):\n    readable = countries_readable_restricted(user)\n    return readable == country_id\n"
    ),
}


def test_the_scan_recognises_each_shape_of_an_access_decision(tmp_path):
    for name, code in SHAPES.items():
        path = tmp_path / "sample.py"
        path.write_text(code, encoding="utf-8")
        assert house.scope_comparisons(path), name


def test_data_checks_between_two_records_are_not_access_decisions(tmp_path):
    path = tmp_path / "sample.py"
    path.write_text(
        "def f(seizure, current, value):\n"
        "    if seizure.subdivision.country_id != seizure.country_id:\n"
        "        raise ValueError\n"
        "    return current.confidentiality == value\n",
        encoding="utf-8",
    )
    assert house.scope_comparisons(path) == []
