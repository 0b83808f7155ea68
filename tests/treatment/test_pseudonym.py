"""Pseudonyms: same person, same pseudonym; the clear identifier is stored and logged nowhere."""

from __future__ import annotations

import datetime as dt
import io
import logging

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from cadis.apps.treatment.pseudonym import (
    normalise_identifier,
    normalise_name,
    pseudonym_for,
    pseudonym_from_identifier,
    pseudonym_from_name,
)

SECRET_ID = "KG-ZZ-9876543-CLEAR"
SECRET_NAME = "Сапарбаева Жылдызкан Токтогуловна"


def test_the_same_person_gives_the_same_pseudonym_however_typed():
    assert pseudonym_from_identifier("an 123-4567") == pseudonym_from_identifier("AN1234567")
    born = dt.date(1990, 5, 17)
    assert pseudonym_from_name("Иванов Пётр", born) == pseudonym_from_name("  петр  ИВАНОВ ", born)


def test_different_people_and_different_keys_give_different_pseudonyms(settings):
    first = pseudonym_from_identifier("AN1234567")
    assert first != pseudonym_from_identifier("AN1234568")
    settings.TDI_PSEUDONYM_KEY = "another-installation"
    assert pseudonym_from_identifier("AN1234567") != first


def test_an_identifier_is_needed():
    with pytest.raises(ValueError):
        pseudonym_for(full_name="Иванов")
    with pytest.raises(ValueError):
        pseudonym_for(national_id="12")


@given(st.text(max_size=60))
def test_normalisers_never_crash_and_are_idempotent(text):
    assert normalise_identifier(normalise_identifier(text)) == normalise_identifier(text)
    assert normalise_name(normalise_name(text)) == normalise_name(text)


@pytest.mark.django_db
def test_clear_values_appear_nowhere_in_the_database_or_the_logs(
    personas, episode_values, client_of, caplog
):
    from cadis.apps.treatment import services
    from cadis.apps.treatment.models import TreatmentEpisode

    caplog.set_level(logging.DEBUG)
    services.episode_create(
        actor=personas.kg_provider,
        organisation=personas.kg_org,
        values=episode_values(),
        identity={"national_id": SECRET_ID},
    )
    client = client_of(personas.kg_provider)
    form = {
        "full_name": SECRET_NAME,
        "birth_date": "1991-02-03",
        "start_date": "2024-04-01",
        "age": "33",
        "primary_drug": "7.1",
        "confidentiality": "confidential",
        "centre_type": "outpatient",
    }
    from cadis.apps.treatment.services import CODED_FIELDS

    for field in CODED_FIELDS:
        form.setdefault(field, "not_known")
    response = client.post("/treatment/episodes/new/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    csv_file = (f"national_id,start_date,primary_drug\n{SECRET_ID}-2,2024-05-01,1.1\n").encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        "/treatment/episodes/import/",
        {"file": SimpleUploadedFile("clients.csv", csv_file), "confidentiality": "confidential"},
    )
    assert response.status_code == 200
    assert TreatmentEpisode.objects.count() == 3

    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    everything = dump.getvalue().casefold()
    for clear in (
        SECRET_ID,
        SECRET_NAME,
        "Жылдызкан",
        "1991-02-03",
        normalise_identifier(SECRET_ID),
    ):
        assert clear.casefold() not in everything
        assert clear.casefold() not in caplog.text.casefold()


def test_error_reports_mask_the_identity_fields_of_the_form(personas, client_of):
    from django.views.debug import SafeExceptionReporterFilter

    response = client_of(personas.kg_provider).post(
        "/treatment/episodes/new/", {"national_id": SECRET_ID, "full_name": SECRET_NAME}
    )
    request = response.wsgi_request
    assert set(request.sensitive_post_parameters) == {"national_id", "full_name", "birth_date"}
    cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
    assert SECRET_ID not in str(cleaned) and SECRET_NAME not in str(cleaned)
