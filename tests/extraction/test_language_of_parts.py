"""A document's words are shown in the document's language, marked so on a page of the other.

The review page, the fact edit page and the records a fact becomes quote the document as it
was written; what the reader's language would mistake for an untranslated label sits inside
an element with the document's ``lang`` (WCAG 3.1.2, language of parts).
"""

from __future__ import annotations

import re

import pytest

from cadis.apps.extraction import services
from cadis.apps.supply.models import Seizure

from .conftest import EN_RELEASE, KG_RELEASE

pytestmark = pytest.mark.django_db

# Written for this test (not a real event): an English release about Kyrgyzstan.
EN_KG_RELEASE = (
    "Bishkek, 2 November 2024 (synthetic release). On 30 October 2024 officers of the State "
    "Customs Service of the Kyrgyz Republic seized 14.2 kg of heroin at a checkpoint in Osh "
    "region. The driver was detained."
)


def _client(client_of, user, language: str):
    client = client_of(user)
    client.cookies["django_language"] = language
    return client


def test_a_russian_page_shows_an_english_documents_quotes_inside_lang_en(
    ingest, client_of, personas
):
    document, run = ingest(EN_RELEASE, title="Synthetic TJ release")
    assert run.language == "en"
    page = _client(client_of, personas.kg_provider, "ru").get(f"/documents/{document.pk}/")
    html = page.content.decode()
    assert '<html lang="ru"' in html
    assert '«<span lang="en">7.5 kg of heroin</span>»' in html
    assert 'TJ · <span lang="en">Drug Control Agency</span>' in html
    assert '<span lang="en">Synthetic TJ release</span>' in html
    # The interface around them stays Russian and unmarked.
    assert "Изъятие" in html and '<span lang="en">Изъятие' not in html


def test_an_english_page_leaves_english_quotes_unmarked_and_marks_russian_ones(
    ingest, client_of, personas
):
    english, _run = ingest(EN_RELEASE, title="Synthetic TJ release")
    russian, _run = ingest(KG_RELEASE, title="Синтетический релиз")
    client = _client(client_of, personas.kg_provider, "en")
    html = client.get(f"/documents/{english.pk}/").content.decode()
    assert "«7.5 kg of heroin»" in html and '<span lang="en">7.5 kg' not in html
    html = client.get(f"/documents/{russian.pk}/").content.decode()
    assert '«<span lang="ru">12 кг гашиша</span>»' in html


def test_the_edit_page_keeps_the_quoted_sentence_and_its_inputs_in_the_documents_language(
    ingest, client_of, personas
):
    _document, run = ingest(EN_RELEASE, title="Synthetic TJ release")
    fact = run.facts.get(type="seizure")
    html = (
        _client(client_of, personas.kg_provider, "ru")
        .get(f"/documents/facts/{fact.pk}/edit/")
        .content.decode()
    )
    assert '<blockquote class="evidence"><span lang="en">' in html
    (written,) = re.findall(r'<input[^>]*name="substance_as_written"[^>]*>', html)
    assert 'value="heroin"' in written and 'lang="en"' in written


def test_a_seizure_read_from_an_english_document_quotes_it_in_english_on_russian_pages(
    ingest, client_of, personas
):
    document, run = ingest(EN_KG_RELEASE, title="Synthetic KG release")
    fact = run.facts.get(type="seizure")
    services.fact_accept(actor=personas.kg_provider, fact=fact)
    seizure = Seizure.objects.get()
    # The note is the sentence it was read from; where it was read is the provenance.
    assert "14.2 kg of heroin" in seizure.notes and "Source:" not in seizure.notes
    html = (
        _client(client_of, personas.kg_provider, "ru")
        .get(f"/supply/seizures/{seizure.pk}/")
        .content.decode()
    )
    assert f'<td><span lang="en">{seizure.notes}</span></td>' in html
    assert f'href="/documents/{document.pk}/#fact-{fact.pk}"' in html
