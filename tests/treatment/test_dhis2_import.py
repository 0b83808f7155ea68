"""DHIS2 import service: idempotent, all or nothing, audited, scoped; problems with row, field,
stable code and a message in Russian and English."""

from __future__ import annotations

import json

import pytest
from django.utils import translation

from cadis.apps.treatment.dhis2_import import import_dhis2
from cadis.apps.treatment.models import HarmRecord, ImportedAggregate
from cadis.platform.errors import PermissionDenied


def _value(element, period, org_unit, value, coc="HllvX50cXC0", **extra):
    return {
        "dataElement": element,
        "period": period,
        "orgUnit": org_unit,
        "categoryOptionCombo": coc,
        "value": value,
        **extra,
    }


GOOD = [
    _value("TDI_CLIENTS", "2023", "KG", "350"),
    _value("TDI_CLIENTS", "2023", "KG", "60", "SEX_F"),
    _value("DRD_CASES", "2023", "KG", "41"),
    _value("DRD_CASES", "2023", "KG", "6", "SEX_F"),
    _value("DRID_HIV_CASES", "2023", "KG", "12"),
    _value("DRID_HIV_TESTED", "2023", "KG", "80"),
    _value("DRID_HCV_CASES", "2022", "KG", "30", "AGE_Y20T24"),
]


def message(values) -> bytes:
    return json.dumps({"dataSet": "CADIS_DRUGS", "dataValues": values}).encode()


def run(personas, values, *, actor=None, organisation=None, dry_run=False, fmt=None, data=None):
    from cadis.apps.reference.models import Dhis2Instance

    actor = actor or personas.kg_focal
    return import_dhis2(
        actor=actor,
        organisation=organisation or actor.organisation,
        instance=Dhis2Instance.objects.get(code="cadis"),
        data=data if data is not None else message(values),
        file_name="kg.json",
        fmt=fmt,
        dry_run=dry_run,
    )


def _audit_count() -> int:
    from cadis.apps.accounts.models import AuditEntry

    kinds = ("treatment.harmrecord", "treatment.importedaggregate")
    return AuditEntry.objects.filter(object_type__in=kinds).count()


def test_a_dry_run_writes_nothing_then_the_import_writes_every_value(personas):
    checked = run(personas, GOOD, dry_run=True)
    assert checked.ok and not checked.committed and checked.created == len(GOOD)
    assert not HarmRecord.objects.exists() and not ImportedAggregate.objects.exists()
    report = run(personas, GOOD)
    assert report.committed and (report.created, report.updated) == (len(GOOD), 0)
    assert ImportedAggregate.objects.get(disaggregation="sex=female").value == 60
    hiv = HarmRecord.objects.get(indicator="drid_hiv")
    assert (hiv.cases, hiv.tested, hiv.sex, hiv.age_band) == (12, 80, "all", "all")
    assert HarmRecord.objects.get(indicator="drid_hcv").age_band == "20-24"
    assert hiv.organisation == personas.kg_org and hiv.source_kind == "import"
    assert hiv.source_ref["instance"] == "cadis" and len(hiv.source_ref["batch"]) == 64
    assert _audit_count() == ImportedAggregate.objects.count() + HarmRecord.objects.count()


def test_the_same_file_twice_creates_nothing_and_a_changed_value_is_an_audited_update(personas):
    from cadis.apps.accounts.models import AuditEntry

    run(personas, GOOD)
    rows = (ImportedAggregate.objects.count(), HarmRecord.objects.count(), _audit_count())
    again = run(personas, GOOD)
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(GOOD))
    assert (ImportedAggregate.objects.count(), HarmRecord.objects.count(), _audit_count()) == rows

    changed = [dict(v) for v in GOOD]
    changed[0]["value"], changed[2]["value"] = "351", "43"
    report = run(personas, changed)
    assert (report.created, report.updated, report.unchanged) == (0, 2, len(GOOD) - 2)
    assert ImportedAggregate.objects.get(disaggregation="").value == 351
    assert HarmRecord.objects.get(indicator="drd", sex="all").cases == 43
    updates = AuditEntry.objects.filter(action="update")
    assert updates.count() == 2
    assert {e.before.get("value") or e.before.get("cases") for e in updates} == {350, 41}


def test_one_bad_value_anywhere_writes_nothing_and_every_problem_is_reported(personas):
    bad = [
        *GOOD,
        _value("TDI_CLIENTS", "2023", "XX", "1"),  # 8: org unit not mapped
        _value("SEIZURES", "2023", "KG", "1"),  # 9: data element not mapped
        _value("DRD_CASES", "2023", "KG", "1", "NOPE"),  # 10: combination not mapped
        _value("DRD_CASES", "2021", "KG", "many"),  # 11: not a number
        _value("DRD_CASES", "202301", "KG", "3"),  # 12: monthly
        _value("DRD_CASES", "2020", "KG", "2.5"),  # 13: not whole
    ]
    report = run(personas, bad)
    assert not report.ok and not report.committed
    assert not HarmRecord.objects.exists() and not ImportedAggregate.objects.exists()
    found = {(e["row"], e["column"], e["code"]) for e in report.errors}
    assert found == {
        (8, "orgUnit", "unknown_org_unit"),
        (9, "dataElement", "unknown_element"),
        (10, "categoryOptionCombo", "unknown_element"),
        (11, "value", "bad_number"),
        (12, "period", "bad_period"),
        (13, "value", "bad_whole_number"),
    }


def test_messages_are_in_russian_and_english(personas):
    bad = [_value("TDI_CLIENTS", "2023", "XX", "1")]
    with translation.override("en"):
        english = run(personas, bad).errors[0]["message"]
    with translation.override("ru"):
        russian = run(personas, bad).errors[0]["message"]
    assert english == "'XX' is not a mapped organisation unit."
    assert "XX" in russian and russian != english and any("а" <= ch <= "я" for ch in russian)


def test_harms_rules_hold_for_imported_figures(personas):
    tested_only = [_value("DRID_HBV_TESTED", "2023", "KG", "50")]
    report = run(personas, tested_only)
    assert [(e["row"], e["column"], e["code"]) for e in report.errors] == [
        (1, "DRID_HBV_CASES", "missing_value")
    ]
    over = [_value("DRID_HBV_CASES", "2023", "KG", "60"), *tested_only]
    assert [e["code"] for e in run(personas, over).errors] == ["cases_over_tested"]
    # Tested alone is fine once the figure has its cases; the other write is rolled back.
    run(personas, [_value("DRID_HBV_CASES", "2023", "KG", "20")])
    mixed = [_value("TDI_CLIENTS", "2023", "KG", "5"), *tested_only, *over[:1]]
    assert not run(personas, mixed).ok and not ImportedAggregate.objects.exists()
    assert run(personas, tested_only).updated == 0  # "created": the slot was empty
    assert HarmRecord.objects.get(indicator="drid_hbv").tested == 50


def test_a_user_imports_only_their_own_country(personas):
    tj = [_value("DRD_CASES", "2023", "TJ", "9")]
    report = run(personas, [*GOOD, *tj])
    assert [(e["row"], e["column"], e["code"]) for e in report.errors] == [
        (len(GOOD) + 1, "orgUnit", "country_not_allowed")
    ]
    assert not HarmRecord.objects.exists()
    assert not run(personas, GOOD, actor=personas.tj_focal).ok
    assert run(personas, tj, actor=personas.tj_provider).ok
    # The administrator, with the regional organisation, imports for every country.
    both = run(personas, [*GOOD, *tj], actor=personas.admin)
    assert both.committed and set(HarmRecord.objects.values_list("country__code", flat=True)) == {
        "KG",
        "TJ",
    }


@pytest.mark.parametrize("who", ["kg_analyst", "regional", "tj_analyst"])
def test_readers_may_not_import(personas, who):
    with pytest.raises(PermissionDenied):
        run(personas, GOOD, actor=getattr(personas, who))


def test_a_provider_may_not_import_for_another_organisation(personas):
    with pytest.raises(PermissionDenied):
        run(personas, GOOD, actor=personas.kg_provider, organisation=personas.kg_other_org)


def test_adx_problems_name_the_line_and_unreadable_files_are_refused(personas):
    adx = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<adx xmlns="urn:ihe:qrph:adx:2015" exported="2025-01-01T00:00:00Z">\n'
        b'  <group orgUnit="KG" period="2023-01-01/P1Y">\n'
        b'    <dataValue dataElement="DRD_CASES" value="41"/>\n'
        b'    <dataValue dataElement="DRD_CASES" SEX="X" value="4"/>\n'
        b"  </group>\n"
        b"</adx>\n"
    )
    report = run(personas, None, data=adx, fmt="adx")
    assert [(e["row"], e["column"], e["code"]) for e in report.errors] == [
        (5, "categoryOptionCombo", "unknown_element")
    ]
    fixed = adx.replace(b' SEX="X"', b' SEX="F"')
    assert not run(personas, None, data=fixed).ok  # named kg.json: read as JSON
    assert run(personas, None, data=fixed, fmt="adx").committed
    broken = run(personas, None, data=b"<adx", fmt="adx")
    assert [e["code"] for e in broken.errors] == ["invalid_value"]
    assert [e["code"] for e in run(personas, None, data=b"  ").errors] == ["empty_file"]


def test_subdivisions_and_attribute_combinations_are_refused_not_dropped(personas):
    from cadis.apps.reference.models import Dhis2Combo, Dhis2Instance, Dhis2OrgUnit

    instance = Dhis2Instance.objects.get(code="cadis")
    Dhis2OrgUnit.objects.create(instance=instance, iso_code="KG-C", dhis2_id="KG_C")
    Dhis2Combo.objects.create(
        instance=instance, kind="attribute", ours="source=survey", dhis2_id="SRC_S", adx="SRC=S"
    )
    report = run(
        personas,
        [
            _value("DRD_CASES", "2023", "KG_C", "4"),
            _value("DRD_CASES", "2023", "KG", "4", attributeOptionCombo="SRC_S"),
        ],
    )
    assert [(e["row"], e["column"], e["code"]) for e in report.errors] == [
        (1, "orgUnit", "invalid_value"),
        (2, "attributeOptionCombo", "unknown_element"),
    ]
    assert not HarmRecord.objects.exists()
