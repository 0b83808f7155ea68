"""The DHIS2 upload page: check first, then import; the report names rows and elements."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from cadis.apps.treatment.models import HarmRecord

from .test_dhis2_import import GOOD, _value, message

URL = "/treatment/aggregates/import/"


def _post(client, data: bytes, *, dry_run: bool, name: str = "kg.json"):
    form = {
        "file": SimpleUploadedFile(name, data),
        "instance": "cadis",
        "confidentiality": "public",
    }
    if dry_run:
        form["dry_run"] = "on"
    return client.post(URL, form)


def test_a_focal_point_checks_then_imports(personas, client_of):
    client = client_of(personas.kg_focal)
    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="ru")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Импорт агрегатов из DHIS2" in text and "ничего не записывается" in text
    checked = _post(client, message(GOOD), dry_run=True)
    assert checked.status_code == 200 and checked.context["report"].ok
    assert not HarmRecord.objects.exists()
    done = _post(client, message(GOOD), dry_run=False)
    assert done.context["report"].committed and HarmRecord.objects.count() == 4


def test_problems_are_listed_and_nothing_is_written(personas, client_of):
    bad = [*GOOD, _value("DRD_CASES", "2023", "TJ", "3")]
    response = _post(client_of(personas.kg_focal), message(bad), dry_run=False)
    assert response.status_code == 200 and not HarmRecord.objects.exists()
    errors = response.context["report"].errors
    assert [(e["row"], e["column"], e["code"]) for e in errors] == [
        (len(bad), "orgUnit", "country_not_allowed")
    ]
    assert "country_not_allowed" in response.content.decode()


def test_readers_are_refused_and_other_files_are_not_taken(personas, client_of):
    assert client_of(personas.kg_analyst).get(URL).status_code == 403
    assert client_of(personas.regional).get(URL).status_code == 403
    response = _post(client_of(personas.kg_focal), b"a,b\n", dry_run=True, name="kg.csv")
    assert response.context["report"] is None and response.context["form"].errors
