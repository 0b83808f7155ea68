"""The engine's control list built from the database rows in force on a date."""

from __future__ import annotations

import datetime as dt

import pytest

from cadis.apps.precursors import control_lists
from cadis.apps.reference.models import ChemicalSynonym, ControlList, ControlListEntry
from cadis.engines.screening import load_control_list_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    control_lists.clear_cache()
    yield
    control_lists.clear_cache()


def _key(entry):
    return (entry.list, entry.cas, entry.name)


def test_the_database_list_carries_the_same_substances_as_the_reference_files(refdata):
    from_db = {_key(e): e for e in control_lists.build().control_list.entries}
    from_csv = {_key(e): e for e in load_control_list_csv().entries}
    assert set(from_db) == set(from_csv)
    for key, entry in from_csv.items():
        db_entry = from_db[key]
        for field in (
            "names_en",
            "names_ru",
            "names_other",
            "abbreviations",
            "salt_names",
            "exclusions",
            "salt_cas",
            "hs6",
            "hs_scope",
            "threshold_percent",
            "country",
        ):
            if isinstance(getattr(entry, field), tuple):
                assert set(getattr(db_entry, field)) == set(getattr(entry, field)), (key, field)
            else:
                assert getattr(db_entry, field) == getattr(entry, field), (key, field)


def test_the_version_names_every_list_version_used(refdata):
    version = control_lists.build(dt.date(2025, 6, 1)).version
    assert version.startswith("table_I 2024 · table_II 2024 · watch 2024 · national KG 1")
    assert "#" in version


def test_the_screener_reports_the_version_it_used(refdata):
    built = control_lists.build()
    result = built.screener.screen("Ацетон технический", None, None, None, line_id="1")
    assert result.hits and result.list_version == built.version


def test_a_screener_is_reused_until_an_entry_changes(refdata):
    first = control_lists.build()
    assert control_lists.build().screener is first.screener
    entry = ControlListEntry.objects.get(cas="67-64-1", control_list__kind="table_II")
    entry.other_names = "Dimethyl ketone; Propanone"
    entry.save()
    second = control_lists.build()
    assert second.screener is not first.screener and second.version != first.version


def test_a_new_synonym_changes_the_version_and_is_found(refdata):
    before = control_lists.build()
    assert not before.screener.screen("Zzyzxol solvent", None, None, None, line_id="1").hits
    ChemicalSynonym.objects.create(cas="67-64-1", lang="en", synonym="zzyzxol", kind="name")
    after = control_lists.build()
    assert after.version != before.version
    assert [
        h.substance
        for h in after.screener.screen("Zzyzxol solvent", None, None, None, line_id="1").hits
    ] == ["Acetone"]


def test_only_lists_in_force_on_the_date_are_used_and_the_newest_version_wins(refdata):
    table_ii = ControlList.objects.get(kind="table_II", country=None)
    newer = ControlList.objects.create(
        kind="table_II", name=table_ii.name, version="2026", effective_from=dt.date(2026, 1, 1)
    )
    ControlListEntry.objects.create(
        control_list=newer, name_en="Acetone", cas="67-64-1", hs6="2914.11"
    )
    assert "table_II 2024" in control_lists.build(dt.date(2025, 12, 31)).version
    built = control_lists.build(dt.date(2026, 1, 1))
    assert "table_II 2026" in built.version
    assert {e.cas for e in built.control_list.entries if e.list == "table_II"} == {"67-64-1"}
    newer.effective_to = dt.date(2026, 6, 30)
    newer.save()
    assert "table_II 2024" in control_lists.build(dt.date(2026, 7, 1)).version


def test_no_list_in_force_is_an_error(refdata):
    with pytest.raises(control_lists.NoControlLists):
        control_lists.build(dt.date(1990, 1, 1))
