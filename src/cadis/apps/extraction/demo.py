"""Synthetic demo: two invented press releases ingested, extracted, some facts accepted.

The texts below are written for the demo; agencies are real names, events and figures are
not. Documents carry ``source_kind="demo"`` and say "synthetic" in their titles.
"""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile

from cadis.apps.accounts.models import User
from cadis.apps.extraction import services
from cadis.platform.errors import CadisError
from cadis.platform.records import Confidentiality, SourceKind

RELEASES = (
    (
        "Синтетический пресс-релиз: итоги работы СБНОН МВД за 9 месяцев 2024 года",
        "synthetic-release-ru.txt",
        dt.date(2024, 10, 15),
        "Бишкек, 15 октября 2024 г. (СИНТЕТИЧЕСКИЙ ТЕКСТ ДЛЯ ДЕМОНСТРАЦИИ, события вымышлены).\n\n"
        "За 9 месяцев 2024 года сотрудниками СБНОН МВД Кыргызской Республики изъято более "
        "2 тонн 450 килограммов наркотических средств, из них 1 тысяча 120 кг гашиша. "
        "Ликвидировано 11 организованных преступных групп, состоявших из 47 человек.\n\n"
        "12 октября 2024 года в Чуйской области при досмотре грузового автомобиля обнаружено "
        "и изъято 38,5 кг гашиша, упакованного в вакуумные пакеты. Задержаны двое граждан.\n\n"
        "По данным службы, растёт число изъятий синтетических наркотиков, "
        "заказываемых через интернет.",
    ),
    (
        "Synthetic release: customs officers stop heroin at the southern border",
        "synthetic-release-en.txt",
        dt.date(2024, 11, 2),
        "Bishkek, 2 November 2024 (SYNTHETIC TEXT FOR THE DEMO; the events are invented).\n\n"
        "On 30 October 2024 officers of the State Customs Service of the Kyrgyz Republic seized "
        "14.2 kg of heroin hidden in a built-in compartment of a car arriving from Tajikistan "
        "at a checkpoint in Osh region. The driver was detained.\n\n"
        "Since the start of the year the Kyrgyz customs have seized a total of 310 kg of drugs "
        "and dismantled three criminal groups of 12 members.",
    ),
)


def load_demo(*, stdout=None) -> dict:
    from cadis.apps.knowledge.models import Document
    from cadis.apps.operations.demo_accounts import ensure_demo_accounts

    ensure_demo_accounts()
    actor = User.objects.select_related("organisation__country").get(username="kg_focal")
    created = accepted = 0
    for title, name, published, text in RELEASES:
        if Document.objects.filter(title=title, source_kind=SourceKind.DEMO).exists():
            continue
        _document, run = services.document_ingest(
            actor=actor,
            file=ContentFile(text.encode("utf-8"), name=name),
            metadata={
                "title": title,
                # Written by cadis for the demo; the pages tag it synthetic in the reader's
                # language, and each release says so in its own words.
                "publisher": "cadis",
                "published_on": published,
            },
            confidentiality=Confidentiality.PUBLIC,
            source_kind=SourceKind.DEMO,
        )
        created += 1
        # Accept the seizures and totals; leave the rest for a reviewer to try.
        for fact in run.facts.filter(type__in=("seizure", "groups_dismantled")):
            try:
                # Demo records say so (source "demo"), so the supply pages tag them synthetic.
                services.fact_accept(actor=actor, fact=fact, source_kind=SourceKind.DEMO)
                accepted += 1
            except CadisError:  # a probable duplicate or an incomplete fact stays proposed
                continue
    if stdout is not None:
        stdout.write(
            f"   documents: {created} synthetic releases ingested, {accepted} facts accepted"
        )
    return {"documents": created, "accepted": accepted}
