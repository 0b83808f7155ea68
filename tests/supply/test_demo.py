"""The synthetic demo dataset: five countries, several years, labelled, loaded once."""

from __future__ import annotations

import pytest

from cadis.apps.supply.demo import SEIZURES_PER_COUNTRY, load_demo
from cadis.apps.supply.models import Case, PeriodStatistic, Seizure

pytestmark = pytest.mark.django_db


def test_the_demo_covers_five_countries_and_loads_only_once(refdata, client_of):
    first = load_demo()
    assert first["seizures"] == 5 * SEIZURES_PER_COUNTRY and first["cases"] == 100
    assert set(Seizure.objects.values_list("country__code", flat=True)) == {
        "KZ",
        "KG",
        "TJ",
        "TM",
        "UZ",
    }
    assert set(Seizure.objects.values_list("source_kind", flat=True)) == {"demo"}
    assert Seizure.objects.dates("date", "year").count() == 4
    assert Seizure.objects.filter(normalised_unit="count").exists()
    assert Seizure.objects.filter(concealment_methods__isnull=False).exists()
    assert first["prices"] == 5 * 3 * 2 * 3  # countries x drugs x market levels x years
    assert load_demo() == {"seizures": 0, "cases": 0, "statistics": 0, "prices": 0}
    assert (
        PeriodStatistic.objects.filter(source_kind="demo").count() == 60
        and Case.objects.count() == 100
    )
    page = client_of(None).get("/supply/")
    assert page.context["synthetic"] and 'class="tag synthetic"' in page.content.decode()


def test_the_demo_price_records_fill_the_arq_price_table(refdata, client_of):
    import io

    from openpyxl import load_workbook

    from cadis.apps.supply.prices.models import PriceRecord

    load_demo()
    assert set(PriceRecord.objects.values_list("source_kind", flat=True)) == {"demo"}
    heroin = PriceRecord.objects.get(
        country__code="KG", substance__code="heroin", market_level="retail", year=2024
    )
    assert heroin.price_min < heroin.price_mean < heroin.price_max
    assert heroin.purity_min < heroin.purity_mean < heroin.purity_max
    response = client_of(None).get("/supply/unodc/arq/KG/2024.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book["ARQ_PRICES"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 6  # three drugs, retail and wholesale


def test_demo_records_say_they_are_synthetic_in_the_readers_language(refdata, client_of):
    from cadis.apps.supply.prices.models import PriceRecord

    load_demo()
    # No marker text of their own (it would stay English on Russian pages) ...
    assert not Seizure.objects.exclude(notes="").exists()
    assert not Case.objects.exclude(summary="").exists()
    assert not PeriodStatistic.objects.exclude(source_text="").exists()
    pages = (
        f"/supply/seizures/{Seizure.objects.filter(confidentiality='public').first().pk}/",
        f"/supply/cases/{Case.objects.filter(confidentiality='public').first().pk}/",
        f"/supply/prices/{PriceRecord.objects.first().pk}/",
    )
    # ... but a tag in the reader's language, from the records' source (demo).
    for language, tag in (("ru", "синтетические данные"), ("en", "synthetic")):
        client = client_of(None)
        client.cookies["django_language"] = language
        for path in pages:
            html = client.get(path).content.decode()
            assert f'<span class="tag synthetic">{tag}</span>' in html, (language, path)
            assert "invented" not in html and "(synthetic" not in html, (language, path)
