"""Document-intelligence fixtures: synthetic press releases ingested by a persona."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from cadis.platform.records import Confidentiality
from tests.founding import founding_path

# Synthetic texts written for these tests (not real events).
KG_RELEASE = (
    "Бишкек, 12 марта 2025 г. (синтетический пресс-релиз). Сотрудники СБНОН МВД Кыргызской "
    "Республики задержали автомобиль на трассе Бишкек–Ош. В ходе досмотра изъято 12 кг гашиша. "
    "С начала 2025 года СБНОН МВД изъято более 1.300 кг наркотических средств."
)
EN_RELEASE = (
    "Dushanbe, 3 April 2025 (synthetic release). Officers of the Drug Control Agency of Tajikistan "
    "seized 7.5 kg of heroin at a checkpoint. In 2024 the Drug Control Agency dismantled "
    "five criminal groups of 23 members."
)


@pytest.fixture
def ingest(personas):
    from cadis.apps.extraction import services

    def run(
        text: str,
        *,
        actor=None,
        level=Confidentiality.RESTRICTED,
        name="release.txt",
        country: str | None = None,
        **meta,
    ):
        from cadis.apps.reference.models import Country

        actor = actor or personas.kg_provider
        return services.document_ingest(
            actor=actor,
            file=ContentFile(text.encode("utf-8"), name=name),
            metadata=meta,
            confidentiality=level,
            country=Country.objects.get(code=country) if country else None,
        )

    return run


@pytest.fixture
def founding_text() -> str:
    return founding_path().read_text(encoding="utf-8")
