"""Knowledge fixtures: the starter registry, and synthetic documents and services per persona."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from cadis.platform.records import Confidentiality


@pytest.fixture
def programmes(refdata):
    from cadis.apps.knowledge.loader import load_programmes

    load_programmes()


@pytest.fixture
def make_document(personas):
    from cadis.apps.knowledge import services

    def make(
        text: str,
        *,
        actor=None,
        level=Confidentiality.PUBLIC,
        title: str = "Synthetic test document",
        name: str = "test.txt",
        **meta,
    ):
        actor = actor or personas.kg_provider
        return services.document_create(
            actor=actor,
            file=ContentFile(text.encode("utf-8"), name=name),
            confidentiality=level,
            metadata={"title": title, **meta},
        )

    return make


@pytest.fixture
def library(make_document, personas):
    """One KG document at each access level, owned by KG police (kg_provider's organisation)."""
    return {
        "public": make_document("В 2024 году изъято 10 кг героина.", title="Public KG report"),
        "restricted": make_document(
            "Изъятие партии гашиша на границе.",
            title="Restricted KG note",
            level=Confidentiality.RESTRICTED,
        ),
        "confidential": make_document(
            "Оперативные сведения об изъятии прекурсоров.",
            title="Confidential KG memo",
            level=Confidentiality.CONFIDENTIAL,
        ),
    }
