"""The programme registry: idempotent loading, faceted search, detail, comparison."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.knowledge import selectors, services
from cadis.apps.knowledge.loader import load_programmes
from cadis.apps.knowledge.models import Programme
from cadis.platform.errors import PermissionDenied, ValidationError
from cadis.platform.records import Confidentiality

pytestmark = pytest.mark.django_db


def test_the_starter_set_loads_once_and_reloads_without_duplicates(refdata, capsys):
    call_command("knowledge", "load")
    first = Programme.objects.count()
    call_command("knowledge", "load")
    assert Programme.objects.count() == first >= 12
    assert "0 created" in capsys.readouterr().out
    for code in (
        "family-skills",
        "school-personal-social-skills",
        "brief-intervention",
        "opioid-agonist-treatment",
        "needle-syringe-programmes",
    ):
        programme = Programme.objects.get(code=code)
        assert programme.evidence_basis_ru and programme.evidence_basis_en and programme.references


def test_loading_is_audited_with_file_and_row(refdata):
    load_programmes()
    entry = AuditEntry.objects.filter(object_type="knowledge.programme").first()
    assert entry.source_detail["file"] == "programmes.json" and entry.source_detail["row"] >= 1


def test_only_administrators_edit_the_catalogue(programmes, personas):
    with pytest.raises(PermissionDenied):
        services.programme_upsert(
            actor=personas.kg_focal,
            code="family-skills",
            data={"area": "prevention", "evidence": "beneficial", "standard": "who_opioid_2009"},
        )


def test_unknown_vocabulary_values_are_refused(programmes, personas):
    with pytest.raises(ValidationError):
        services.programme_upsert(
            actor=personas.admin,
            code="x",
            data={"area": "astrology", "evidence": "beneficial", "standard": "who_opioid_2009"},
        )


def test_facets_filter_and_count(programmes, personas):
    results, facets = selectors.programme_search(
        personas.kg_analyst, selected={"setting": ["school"]}
    )
    assert results and all("school" in p.settings for p in results)
    area = next(f for f in facets if f.key == "area")
    assert sum(v.count for v in area.values) == len(results)
    setting = next(f for f in facets if f.key == "setting")
    assert any(
        v.value == "family" and v.count > 0 for v in setting.values
    )  # other values of the same facet


def test_values_of_one_facet_are_or_ed_and_facets_and_ed(programmes, personas):
    both, _ = selectors.programme_search(None, selected={"area": ["treatment", "harm_reduction"]})
    assert {p.area for p in both} == {"treatment", "harm_reduction"}
    narrowed, _ = selectors.programme_search(
        None, selected={"area": ["treatment"], "evidence": ["beneficial"]}
    )
    assert narrowed and all(p.area == "treatment" and p.evidence == "beneficial" for p in narrowed)


def test_programme_pages_for_every_persona(programmes, personas, client_of):
    for user in (None, personas.kg_analyst, personas.tj_focal):
        client = client_of(user)
        page = client.get("/knowledge/programmes/?area=prevention&setting=family")
        assert page.status_code == 200
        assert "Обучение семейным навыкам" in page.content.decode()
        assert client.get("/knowledge/programmes/opioid-agonist-treatment/").status_code == 200
    assert client_of(None).get("/knowledge/programmes/no-such/").status_code == 404


def test_side_by_side_comparison(programmes, client_of):
    page = client_of(None).get(
        "/knowledge/programmes/compare/?p=family-skills&p=information-only-lectures"
    )
    html = page.content.decode()
    assert page.status_code == 200 and html.count('scope="row"') >= 10
    assert 'id="comparison"' in html


def test_implementations_follow_the_country_scope(programmes, personas, client_of):
    programme = Programme.objects.get(code="family-skills")
    services.implementation_set(
        actor=personas.kg_provider,
        programme=programme,
        status="pilot",
        confidentiality=Confidentiality.RESTRICTED,
        contact="secret-contact",
    )
    assert (
        "secret-contact"
        in client_of(personas.kg_analyst)
        .get("/knowledge/programmes/family-skills/")
        .content.decode()
    )
    assert (
        "secret-contact"
        not in client_of(personas.tj_focal)
        .get("/knowledge/programmes/family-skills/")
        .content.decode()
    )
    assert (
        "secret-contact"
        not in client_of(None).get("/knowledge/programmes/family-skills/").content.decode()
    )
    kg_only, _ = selectors.programme_search(personas.kg_analyst, country="KG")
    assert kg_only == [programme]
    assert selectors.programme_search(personas.tj_analyst, country="KG")[0] == []


def test_a_provider_of_another_organisation_cannot_change_an_implementation(programmes, personas):
    programme = Programme.objects.get(code="family-skills")
    impl = services.implementation_set(
        actor=personas.kg_provider, programme=programme, status="pilot"
    )
    with pytest.raises(PermissionDenied):
        services.implementation_set(
            actor=personas.tj_provider,
            programme=programme,
            status="routine",
            country=impl.country,
            organisation=impl.organisation,
        )
