"""Harms import: dry run, row errors, all-or-nothing, idempotent; page permissions."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadis.apps.treatment.harms_import import import_harms
from cadis.apps.treatment.models import HarmRecord
from cadis.platform.errors import BadInputFile, PermissionDenied

GOOD = (
    "indicator,year,sex,age_band,substance,cases,tested,source,data_quality,quality_note\n"
    "drd,2023,all,all,,41,,Mortality registry,good,\n"
    "drd,2023,female,all,,6,,Mortality registry,good,\n"
    "drid_hiv,2023,all,all,,12,80,Sentinel survey,partial,Two cities only\n"
    "drd,2023,all,all,1.1,20,,Mortality registry,good,\n"
)


def run(personas, data, dry_run=False, actor=None):
    actor = actor or personas.kg_focal
    return import_harms(
        actor=actor,
        organisation=actor.organisation,
        data=data.encode(),
        file_name="h.csv",
        dry_run=dry_run,
    )


def test_a_valid_file_is_checked_then_imported_once(personas):
    assert run(personas, GOOD, dry_run=True).created == 4 and HarmRecord.objects.count() == 0
    report = run(personas, GOOD)
    assert report.committed and report.created == 4 and HarmRecord.objects.count() == 4
    assert HarmRecord.objects.get(indicator="drid_hiv").source_ref == {"file": "h.csv", "row": 4}
    again = run(personas, GOOD)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    changed = run(personas, GOOD.replace("drd,2023,all,all,,41", "drd,2023,all,all,,43"))
    assert (changed.created, changed.updated) == (0, 1)


def test_a_bad_row_rejects_the_whole_file(personas):
    bad = GOOD + "drd,2023,all,all,,5,10,Registry,good,\ndrid_hcv,20x3,all,all,,5,3,,excellent,\n"
    report = run(personas, bad)
    assert not report.ok and HarmRecord.objects.count() == 0
    assert {(e["row"], e["column"]) for e in report.errors} >= {
        (6, "tested"),
        (7, "year"),
        (7, "cases"),
        (7, "source"),
        (7, "data_quality"),
    }


def test_outsiders_and_wrong_headers_are_refused(personas, client_of):
    with pytest.raises(PermissionDenied):
        run(personas, GOOD, actor=personas.kg_analyst)
    with pytest.raises(BadInputFile):
        run(personas, "what,when\n1,2\n")
    assert client_of(personas.kg_focal).get("/treatment/harms/import/").status_code == 200
    assert client_of(personas.tj_analyst).get("/treatment/harms/import/").status_code == 403
    response = client_of(personas.kg_focal).post(
        "/treatment/harms/import/",
        {"file": SimpleUploadedFile("h.csv", GOOD.encode()), "confidentiality": "public"},
    )
    assert response.status_code == 200 and HarmRecord.objects.count() == 4


def test_an_administrator_imports_harms_for_a_chosen_national_organisation(personas, client_of):
    client = client_of(personas.admin)
    harms = client.get("/treatment/harms/")
    assert 'href="/treatment/harms/import/"' in harms.content.decode()
    assert 'href="/treatment/harms/new/"' not in harms.content.decode()
    upload = {"file": SimpleUploadedFile("h.csv", GOOD.encode()), "confidentiality": "public"}
    response = client.post("/treatment/harms/import/", upload)
    assert "organisation" in response.context["form"].errors and HarmRecord.objects.count() == 0
    upload = {
        "file": SimpleUploadedFile("h.csv", GOOD.encode()),
        "confidentiality": "public",
        "organisation": personas.kg_org.pk,
    }
    response = client.post("/treatment/harms/import/", upload)
    assert response.context["report"].committed
    assert set(HarmRecord.objects.values_list("organisation", "country__code")) == {
        (personas.kg_org.pk, "KG")
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200))
def test_any_text_file_is_answered_with_a_report_or_a_file_error(personas, text):
    try:
        report = import_harms(
            actor=personas.kg_focal,
            organisation=personas.kg_org,
            data=text.encode(),
            file_name="h.csv",
            dry_run=True,
        )
    except BadInputFile:
        return
    # A dry run writes nothing; a file with errors counts no row; else every row counts once.
    assert not report.committed
    counted = report.created + report.updated + report.unchanged
    assert counted == (0 if report.errors else report.rows)
