"""The library in the database: idempotent load, CSV/SDF import, admin edits, classifier rebuild."""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.ews.library import classifier, profiles_import, profiles_load
from cadis.apps.ews.models import SubstanceProfile
from cadis.platform.errors import BadInputFile

pytestmark = pytest.mark.django_db

NEW = "CCCNC(C)C(=O)c1ccc(Br)cc1"  # invented test structure, not in the seed library


def test_loading_the_seed_library_twice_changes_nothing(library):
    before = SubstanceProfile.objects.count()
    report = profiles_load()
    assert report.created == 0 and report.updated == 0 and report.unchanged == before >= 300
    assert not report.errors


def test_profiles_link_to_the_reference_vocabulary_where_the_name_matches(library):
    assert SubstanceProfile.objects.exclude(substance=None).exists()


def test_a_csv_import_adds_profiles_which_are_audited_and_used_at_once(tmp_path, library):
    path = tmp_path / "lab.csv"
    path.write_text(
        "name_en,name_ru,smiles,category,national\n"
        "Test-cathinone (synthetic),Тест,CCCNC(C)C(=O)c1ccc(Br)cc1,,KG\n",
        encoding="utf-8",
    )
    report = profiles_import(path=path)
    assert report.created == 1 and report.ok
    profile = SubstanceProfile.objects.get(name_en="Test-cathinone (synthetic)")
    assert profile.category == "synthetic_cathinone" and profile.national_codes == ["KG"]
    assert AuditEntry.objects.filter(
        object_type="ews.substanceprofile", object_id=str(profile.pk), source_kind="import"
    ).exists()
    assert classifier().classify(NEW).known.name_en == "Test-cathinone (synthetic)"


def test_an_sdf_import_reads_names_and_properties(tmp_path, library):
    from rdkit import Chem

    mol = Chem.MolFromSmiles(NEW)
    mol.SetProp("_Name", "SDF cathinone (synthetic)")
    mol.SetProp("category", "synthetic_cathinone")
    path = tmp_path / "lab.sdf"
    writer = Chem.SDWriter(str(path))
    writer.write(mol)
    writer.close()
    assert profiles_import(path=path).created == 1
    assert SubstanceProfile.objects.filter(name_en="SDF cathinone (synthetic)").exists()


def test_a_csv_without_smiles_column_is_refused(tmp_path, library):
    path = tmp_path / "x.csv"
    path.write_text("name\nfoo\n", encoding="utf-8")
    with pytest.raises(BadInputFile):
        profiles_import(path=path)


def test_an_admin_adds_a_profile_which_is_audited_and_used_at_once(client_of, personas, library):
    client = client_of(personas.admin)
    assert classifier().classify(NEW).known is None
    response = client.post(
        reverse("admin:ews_substanceprofile_add"),
        {
            "name_en": "Admin cathinone (synthetic)",
            "name_ru": "",
            "synonyms": "",
            "smiles": NEW,
            "category": "synthetic_cathinone",
            "international": "",
            "national": "TM",
            "in_library": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = SubstanceProfile.objects.get(name_en="Admin cathinone (synthetic)")
    assert (
        profile.inchikey
        and AuditEntry.objects.filter(
            object_id=str(profile.pk), object_type="ews.substanceprofile"
        ).exists()
    )
    result = classifier().classify(NEW)
    assert result.known.name_en == "Admin cathinone (synthetic)"
    assert result.status["TM"]["status"] == "controlled"


def test_the_admin_refuses_an_invalid_or_duplicate_structure(client_of, personas, library):
    client = client_of(personas.admin)
    for smiles in ("C1CC((", "CNC(C)C(=O)c1ccc(C)cc1"):
        response = client.post(
            reverse("admin:ews_substanceprofile_add"),
            {"name_en": "X", "smiles": smiles, "category": "other", "in_library": "on"},
        )
        assert response.status_code == 200
    assert not SubstanceProfile.objects.filter(name_en="X").exists()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=st.text(max_size=200), with_header=st.booleans())
def test_the_csv_import_never_crashes_on_any_file(tmp_path_factory, body, with_header):
    path = tmp_path_factory.mktemp("imp") / "any.csv"
    text = ("name_en,smiles,category\n" if with_header else "") + body
    path.write_text(text, encoding="utf-8")
    try:
        report = profiles_import(path=path)
    except BadInputFile as exc:
        assert exc.message
    else:
        # All or nothing: every row counted once when the file is clean, none when it is not;
        # every error names its row and column.
        counted = report.created + report.updated + report.unchanged
        assert counted == (report.rows if report.ok else 0)
        assert all(i.row and i.column for i in report.issues if i.severity == "error")
