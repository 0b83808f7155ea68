"""Full-text search understands Russian and English word forms on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cadis.apps.knowledge import search, selectors


def test_russian_word_forms_share_a_stem():
    assert search.stem("изъятие") == search.stem("изъято") == search.stem("Изъятия")


def test_english_word_forms_share_a_stem():
    assert search.stem("seizures") == search.stem("seizure")


def test_tokens_are_distinct_padded_stems():
    assert search.tokens("Изъято изъятие, heroin!") == " изъят heroin "
    assert search.tokens("") == ""


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_tokens_and_query_stems_never_crash(text):
    result = search.tokens(text)
    assert result == "" or (result.startswith(" ") and result.endswith(" "))
    assert len(search.query_stems(text)) <= search.MAX_QUERY_WORDS


@pytest.mark.django_db
def test_izyatie_finds_a_document_that_says_izyato(library, personas):
    found = list(selectors.document_search(personas.kg_analyst, query="изъятие"))
    assert library["public"] in found


@pytest.mark.django_db
def test_every_query_word_must_match(library, personas):
    assert list(selectors.document_search(personas.admin, query="изъятие героина")) == [
        library["public"]
    ]
    assert list(selectors.document_search(personas.admin, query="изъятие кокаина")) == []


@pytest.mark.django_db
def test_search_matches_the_title_too(library, personas):
    assert library["public"] in selectors.document_search(personas.admin, query="reports")


@pytest.mark.django_db
def test_search_never_shows_documents_outside_the_audience(library, personas):
    anonymous = set(selectors.document_search(None, query="изъятие"))
    assert anonymous == {library["public"]}
    other_country = set(selectors.document_search(personas.tj_focal, query="изъятие"))
    assert other_country == {library["public"]}
    own_country = set(selectors.document_search(personas.kg_other_provider, query="изъятие"))
    assert own_country == {library["public"], library["restricted"]}
    focal = set(selectors.document_search(personas.kg_focal, query="изъятие"))
    assert focal == set(library.values())


@pytest.mark.django_db
def test_a_query_of_punctuation_finds_nothing(library, personas):
    assert list(selectors.document_search(personas.admin, query="!!! ...")) == []


@pytest.mark.django_db
def test_the_database_specific_index_is_filled(library):
    from cadis.apps.knowledge.models import Document

    doc = Document.objects.get(pk=library["public"].pk)
    assert " изъят " in doc.search_tokens
    if search.uses_postgres():
        assert doc.search_vector is not None


@pytest.mark.django_db
def test_metadata_filters_combine_with_the_text_query(make_document, personas):
    report = make_document(
        "Изъято 4 кг.",
        doc_type="report",
        language="ru",
        countries=["KG"],
        topics=["supply_reduction"],
    )
    guideline = make_document(
        "Seized 4 kg.", doc_type="guideline", language="en", countries=["TJ"], topics=["treatment"]
    )
    user = personas.admin
    assert list(selectors.document_search(user, doc_type="report")) == [report]
    assert list(selectors.document_search(user, language="en")) == [guideline]
    assert list(selectors.document_search(user, country="TJ")) == [guideline]
    assert list(selectors.document_search(user, topic="supply_reduction")) == [report]
    assert list(selectors.document_search(user, query="seizing", country="TJ")) == [guideline]
    assert list(selectors.document_search(user, query="seizing", country="KG")) == []
