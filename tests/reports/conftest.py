"""Reports fixtures: a released KG year, harms figures and a profile text."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def kg_data(personas):
    from cadis.apps.reference.models import Country
    from cadis.apps.treatment import services

    kg = Country.objects.get(code="KG")
    values = {
        "age": 30,
        "primary_drug_code": "1.1",
        "sex": "male",
        "route": "smoke",
        "injecting": "never",
    }
    for year in (2022, 2023):
        for i in range(14 if year == 2023 else 9):
            services.episode_create(
                actor=personas.kg_provider,
                organisation=personas.kg_org,
                values={
                    **values,
                    "start_date": dt.date(year, 1 + i % 12, 5),
                    "sex": "female" if i % 4 == 0 else "male",
                    "primary_drug_code": "7.1" if i % 3 else "1.1",
                },
                identity={"national_id": f"SYN-R-{year}-{i:03d}"},
            )
    services.tdi_release(actor=personas.kg_focal, country=kg, year=2022)
    services.tdi_release(actor=personas.kg_focal, country=kg, year=2023)
    for year, deaths in ((2022, 37), (2023, 41)):
        services.harm_upsert(
            actor=personas.kg_focal,
            organisation=personas.kg_org,
            indicator="drd",
            year=year,
            values={"cases": deaths, "source": "Registry", "data_quality": "good"},
        )
    services.harm_upsert(
        actor=personas.kg_focal,
        organisation=personas.kg_org,
        indicator="drd",
        year=2023,
        sex="female",
        values={"cases": 6, "source": "Registry", "data_quality": "good"},
    )
    services.harm_upsert(
        actor=personas.kg_focal,
        organisation=personas.kg_org,
        indicator="drid_hiv",
        year=2023,
        values={"cases": 12, "tested": 80, "source": "Sentinel", "data_quality": "partial"},
    )
    from cadis.apps.reports.services import report_text_save

    report_text_save(
        actor=personas.kg_focal,
        country=kg,
        section="summary",
        language="ru",
        text="Обзор ситуации: синтетический текст для проверки кириллицы.",
    )
    return kg
