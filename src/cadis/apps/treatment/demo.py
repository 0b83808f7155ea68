"""Synthetic TDI episodes and harms figures for the five countries (invented, source_kind=demo)."""

from __future__ import annotations

from cadis.apps.accounts.models import Organisation
from cadis.apps.reference.models import CENTRAL_ASIA, Country
from cadis.apps.treatment.models import HarmRecord, TdiRelease, TreatmentEpisode
from cadis.apps.treatment.synthetic import save_episodes, synthetic_episodes
from cadis.platform.records import Confidentiality, SourceKind

YEARS = range(2019, 2025)
# Yearly first-treatment clients, invented, of a plausible order of magnitude per country.
BASE = {"KZ": 900, "KG": 350, "TJ": 300, "TM": 120, "UZ": 700}
SOURCE = "Synthetic demo data (invented)"


def _clinic(country) -> Organisation | None:
    return (
        Organisation.objects.filter(country=country, kind=Organisation.Kind.TREATMENT_CENTRE)
        .order_by("pk")
        .first()
    )


def load_demo(*, stdout, scale: float = 1.0) -> None:
    created = 0
    for code in CENTRAL_ASIA:
        country = Country.objects.get(code=code)
        org = _clinic(country)
        if org is None:
            continue
        for k, year in enumerate(YEARS):
            if not TreatmentEpisode.objects.filter(
                country=country, year=year, source_kind=SourceKind.DEMO
            ).exists():
                count = max(1, int(BASE[code] * scale * (1 + 0.04 * k)))
                seed = (ord(code[0]) * 100 + ord(code[1])) * 10_000 + year
                created += save_episodes(
                    synthetic_episodes(
                        country=country, organisation=org, year=year, count=count, seed=seed
                    )
                )
            if year <= 2023:
                TdiRelease.objects.get_or_create(
                    country=country,
                    year=year,
                    defaults={
                        "organisation": org,
                        "confidentiality": Confidentiality.PUBLIC,
                        "source_kind": SourceKind.DEMO,
                        "note": SOURCE,
                    },
                )
            _harms(country, org, year, k)
    stdout.write(f"      treatment: {created} synthetic episodes")


def _harms(country, org, year: int, k: int) -> None:
    scale = BASE[country.code] / 100
    figures = [
        ("drd", "all", int(scale * (9 + k)), None),
        ("drd", "male", int(scale * (8 + k)), None),
        ("drd", "female", int(scale * 1 + k // 2), None),
        ("drid_hiv", "all", int(scale * (14 - k)), int(scale * 150)),
        ("drid_hcv", "all", int(scale * (60 - 2 * k)), int(scale * 140)),
        ("drid_hbv", "all", int(scale * (6 + 0 * k)), int(scale * 120)),
    ]
    for indicator, sex, cases, tested in figures:
        HarmRecord.objects.update_or_create(
            country=country,
            organisation=org,
            indicator=indicator,
            year=year,
            sex=sex,
            age_band="all",
            substance=None,
            defaults={
                "cases": cases,
                "tested": tested,
                "source": SOURCE,
                "data_quality": "partial",
                "quality_note": "Synthetic figures for the demo; not real data.",
                "confidentiality": Confidentiality.PUBLIC,
                "source_kind": SourceKind.DEMO,
            },
        )
