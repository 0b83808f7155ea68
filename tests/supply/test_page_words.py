"""Supply pages in one language at a time (issue #14): units in the reader's words ("кг",
"шт." / "kg", "units"), the conversion rule as a sentence; what a record keeps as it was written
(a quantity "0,015 кг", an operation's name "Канал") marked with its own language."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils.translation import override

from cadis.apps.supply import services
from cadis.apps.supply.forms import PeriodStatisticForm, SeizureForm
from cadis.apps.supply.models import Case

pytestmark = pytest.mark.django_db


def _page(client, url: str, language: str) -> str:
    client.cookies["django_language"] = language
    return client.get(url).content.decode()


@pytest.fixture
def hashish_and_tablets(make_seizure):
    return (
        make_seizure(substance="hashish", quantity="0,015", unit="кг"),
        make_seizure(substance="heroin", quantity="50", unit="таблеток"),
    )


def test_seizure_lists_show_units_in_words_and_mark_the_quantity_as_written(
    client_of, personas, hashish_and_tablets
):
    client = client_of(personas.kg_provider)
    russian = _page(client, "/supply/seizures/", "ru")
    assert "<td>0,015 кг</td>" in russian and "<td>50 шт.</td>" in russian
    assert " kg</td>" not in russian and " count</td>" not in russian
    english = _page(client, "/supply/seizures/", "en")
    assert '<td>0,015 <span lang="ru">кг</span></td>' in english
    assert '<td>50 <span lang="ru">таблеток</span></td>' in english
    assert "<td>0.015 kg</td>" in english and "<td>50 units</td>" in english


def test_a_seizure_says_how_its_quantity_was_normalised(client_of, personas, hashish_and_tablets):
    hashish, tablets = hashish_and_tablets
    client = client_of(personas.kg_provider)
    russian = _page(client, f"/supply/seizures/{hashish.pk}/", "ru")
    assert "0,015000 кг (в кг, как написано)" in russian and "kg as written" not in russian
    assert "50 шт. (таблетки учтены в штуках)" in _page(
        client, f"/supply/seizures/{tablets.pk}/", "ru"
    )
    english = _page(client, f"/supply/seizures/{hashish.pk}/", "en")
    assert "0.015000 kg (in kg as written)" in english
    assert '<td>0,015 <span lang="ru">кг</span></td>' in english  # the quantity as written


def test_period_statistics_name_their_unit(client_of, personas):
    services.period_statistic_create(
        actor=personas.kg_provider,
        data={
            "indicator": "groups_dismantled",
            "value": 16,
            "unit": "count",
            "period_start": dt.date(2024, 1, 1),
            "period_end": dt.date(2024, 12, 31),
            "confidentiality": "public",
        },
    )
    client = client_of(personas.kg_analyst)
    assert "16 шт.</td>" in _page(client, "/supply/statistics/", "ru")
    assert "16 units</td>" in _page(client, "/supply/statistics/", "en")
    with override("ru"):
        form = PeriodStatisticForm()
        assert list(form.fields["unit"].choices) == [("count", "шт."), ("kg", "кг")]
        assert "count" not in str(form.fields["unit"].help_text)
    with override("en"):
        assert [str(label) for _code, label in PeriodStatisticForm().fields["unit"].choices] == [
            "units",
            "kg",
        ]


def test_a_statistic_is_named_with_its_unit_in_words(personas):
    statistic = services.period_statistic_create(
        actor=personas.kg_provider,
        data={
            "indicator": "quantity_seized",
            "value": 310,
            "unit": "kg",
            "period_start": dt.date(2024, 1, 1),
            "period_end": dt.date(2024, 11, 2),
            "confidentiality": "public",
        },
    )
    with override("ru"):
        assert str(statistic).endswith(": 310 кг")
    with override("en"):
        assert str(statistic).endswith(": 310 kg")


def test_an_operation_keeps_its_name_as_written_marked_with_its_language(client_of, personas):
    case = services.case_create(
        actor=personas.kg_provider,
        data={"reference": "K-2024-17", "operation_name": "Канал", "confidentiality": "public"},
    )
    client = client_of(personas.kg_provider)
    assert '<td><span lang="ru">Канал</span></td>' in _page(client, "/supply/cases/", "en")
    assert "<td>Канал</td>" in _page(client, "/supply/cases/", "ru")
    assert '· <span lang="ru">Канал</span>' in _page(client, f"/supply/cases/{case.pk}/", "en")
    with override("en"):
        form = SeizureForm(cases=Case.objects.filter(pk=case.pk))
        html = str(form["case"])
        assert f'<option value="{case.pk}" lang="ru">K-2024-17 Канал</option>' in html
        assert '"15 t 106 kg 549 g"' in str(form.fields["quantity_as_written"].help_text)
    with override("ru"):
        html = str(SeizureForm(cases=Case.objects.filter(pk=case.pk))["case"])
        assert f'<option value="{case.pk}">K-2024-17 Канал</option>' in html
