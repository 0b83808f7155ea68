"""Reporting a detection identifies its substance and applies the country scope."""

from __future__ import annotations

import pytest
from django.utils import translation

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.ews.models import SubstanceProfile
from cadis.platform.errors import PermissionDenied, ValidationError
from tests.ews.conftest import NEW_CATHINONE

pytestmark = pytest.mark.django_db


def test_a_known_substance_is_identified_and_linked_to_its_profile(report, personas):
    detection, _alert = report(personas.kg_provider)
    assert detection.profile.name_en == "Mephedrone"
    assert detection.category == "synthetic_cathinone"
    assert detection.classification["status"]["international"]["status"] == "controlled"
    assert AuditEntry.objects.filter(
        object_type="ews.detection", object_id=str(detection.pk)
    ).exists()


def test_a_new_structure_gets_an_unreviewed_profile_with_its_derivative_status(report, personas):
    detection, _alert = report(
        personas.kg_provider, structure_input=NEW_CATHINONE, reported_name="4-EMC"
    )
    profile = detection.profile
    assert profile.in_library is False and profile.source == "detection"
    assert profile.name_en == "4-EMC"
    kg = detection.classification["status"]["KG"]
    assert kg["status"] == "controlled_derivative" and kg["parent"] == "Mephedrone"
    assert kg["changed_positions"]


def test_a_name_from_the_library_is_enough(report, personas):
    detection, _alert = report(personas.kg_provider, structure_input="", reported_name="меф")
    assert detection.profile.name_en == "Mephedrone"


@pytest.mark.parametrize(
    ("structure", "words"),
    [
        ("C1CC((", "not a valid SMILES"),
        ("   ", "Enter a structure"),
        ("[Na+].[Cl-]", "metal"),
        ("C" * 200, "too large"),
    ],
)
def test_unusable_structures_are_refused_with_a_clear_message(report, personas, structure, words):
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        report(personas.kg_provider, structure_input=structure)
    assert words in exc.value.message
    assert exc.value.details["error_code"]


def test_a_mixture_is_identified_by_its_main_component_with_a_warning(report, personas):
    detection, _alert = report(
        personas.kg_provider, structure_input="CNC(C)C(=O)c1ccc(C)cc1.CC(N)Cc1ccccc1"
    )
    codes = {w["code"] for w in detection.classification["warnings"]}
    assert "mixture" in codes
    assert all(w["message"] for w in detection.classification["warnings"])


@pytest.mark.parametrize("who", ["kg_analyst", "tj_provider", "regional"])
def test_only_writers_of_the_country_and_organisation_may_report(report, personas, who):
    from cadis.apps.ews.services import detection_create
    from tests.ews.conftest import detection_data

    with pytest.raises(PermissionDenied):
        detection_create(
            actor=getattr(personas, who),
            country=personas.kg_org.country,
            organisation=personas.kg_org,
            data=detection_data(),
        )


def test_a_provider_may_not_report_for_another_organisation(personas, library):
    from cadis.apps.ews.services import detection_create
    from tests.ews.conftest import detection_data

    with pytest.raises(PermissionDenied):
        detection_create(
            actor=personas.kg_other_provider,
            country=personas.kg_org.country,
            organisation=personas.kg_org,
            data=detection_data(),
        )


def test_the_same_new_structure_reuses_its_profile(report, personas):
    first, _ = report(personas.kg_provider, structure_input=NEW_CATHINONE)
    second, _ = report(personas.tj_provider, structure_input="CCc1ccc(C(=O)C(C)NC)cc1")
    assert first.profile_id == second.profile_id
    assert SubstanceProfile.objects.filter(inchikey=first.inchikey).count() == 1
