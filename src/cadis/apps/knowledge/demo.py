"""Synthetic demo data of the knowledge module (every record labelled ``source_kind="demo"``).

Free text is written as its author would: the national services' addresses in Russian, a
document's publisher in the document's language. The pages tag demo records as synthetic in
the reader's language; records carry no marker text of their own.
"""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile

from cadis.apps.accounts.models import Organisation
from cadis.apps.knowledge import services
from cadis.apps.knowledge.loader import load_programmes
from cadis.apps.knowledge.models import Document, Programme, TreatmentService
from cadis.apps.reference.models import CENTRAL_ASIA, Country
from cadis.platform.records import Confidentiality, SourceKind

# (country, subdivision code or "", city, modalities, capacity, women, young)
SERVICES = (
    ("KZ", "KZ-75", "Almaty", ["opioid_agonist_treatment", "outpatient"], 120, True, False),
    ("KZ", "", "Astana", ["inpatient", "withdrawal_management", "rehabilitation"], 80, True, True),
    (
        "KG",
        "KG-GB",
        "Bishkek",
        ["opioid_agonist_treatment", "outpatient", "low_threshold"],
        200,
        True,
        True,
    ),
    ("KG", "KG-GO", "Osh", ["outpatient", "withdrawal_management"], 40, False, True),
    ("TJ", "TJ-DU", "Dushanbe", ["opioid_agonist_treatment", "inpatient"], 90, True, False),
    (
        "TM",
        "TM-S",
        "Ashgabat",
        ["inpatient", "withdrawal_management", "rehabilitation"],
        150,
        False,
        True,
    ),
    ("UZ", "UZ-TK", "Tashkent", ["inpatient", "outpatient", "rehabilitation"], 180, True, True),
    ("UZ", "", "Samarkand", ["prison_based", "withdrawal_management"], 30, False, False),
)

DOCUMENTS = (
    (
        "KG",
        "Синтетический отчёт о наркоситуации за 2024 год (демо)",
        "report",
        "ru",
        ["supply_reduction", "monitoring"],
        Confidentiality.PUBLIC,
        "Синтетические данные для демонстрации. В течение года изъято 1,2 тонны наркотических средств. "
        "Изъятие синтетических наркотиков выросло; выявлены курительные смеси с синтетическими каннабиноидами.",
    ),
    (
        "KG",
        "Synthetic draft strategy on drug demand reduction (demo)",
        "strategy",
        "en",
        ["prevention", "policy"],
        Confidentiality.RESTRICTED,
        "Synthetic text for demonstration. The draft strategy expands family skills programmes, school "
        "prevention and opioid agonist treatment, with gender-sensitive services for women.",
    ),
    (
        "TJ",
        "Синтетическая служебная записка об изъятиях прекурсоров (демо)",
        "report",
        "ru",
        ["precursors"],
        Confidentiality.CONFIDENTIAL,
        "Синтетическая записка для демонстрации. Сотрудники таможни изъяли партию ангидрида уксусной кислоты; "
        "проводится проверка импортёров.",
    ),
    (
        "UZ",
        "Synthetic guideline on brief intervention in primary care (demo)",
        "guideline",
        "en",
        ["prevention", "treatment"],
        Confidentiality.PUBLIC,
        "Synthetic text for demonstration. Primary care doctors screen patients with the ASSIST questionnaire "
        "and hold brief motivational conversations; seized substances are not discussed here.",
    ),
)

CITIES_RU = {
    "Almaty": "Алматы",
    "Astana": "Астана",
    "Bishkek": "Бишкек",
    "Osh": "Ош",
    "Dushanbe": "Душанбе",
    "Ashgabat": "Ашхабад",
    "Tashkent": "Ташкент",
    "Samarkand": "Самарканд",
}

IMPLEMENTATIONS = (
    ("family-skills", "KG", "routine", 2019),
    ("family-skills", "UZ", "pilot", 2023),
    ("school-personal-social-skills", "KZ", "routine", 2017),
    ("opioid-agonist-treatment", "KG", "routine", 2002),
    ("opioid-agonist-treatment", "KZ", "routine", 2008),
    ("opioid-agonist-treatment", "TJ", "routine", 2010),
    ("needle-syringe-programmes", "KG", "routine", 2000),
    ("needle-syringe-programmes", "TJ", "routine", 2006),
    ("brief-intervention", "UZ", "pilot", 2024),
    ("naloxone-distribution", "KZ", "pilot", 2022),
)


def _org(code: str, kind: str) -> Organisation | None:
    return Organisation.objects.filter(
        country__code=code, kind=kind, name_en__endswith="(demo)"
    ).first()


def load_demo(*, stdout) -> None:
    result = load_programmes(source_kind=SourceKind.SYSTEM)
    stdout.write(f"      programmes: {result.created} created, {result.updated} updated")
    countries = {x.code: x for x in Country.objects.filter(code__in=CENTRAL_ASIA)}
    for code, sub, city, modalities, capacity, women, young in SERVICES:
        org = _org(code, Organisation.Kind.TREATMENT_CENTRE)
        name_en = f"Synthetic narcology service, {city} (demo)"
        if org is None or TreatmentService.objects.filter(name_en=name_en).exists():
            continue
        subdivision = countries[code].subdivisions.filter(code=sub).first() if sub else None
        services.service_save(
            actor=None,
            country=countries[code],
            organisation=org,
            source_kind=SourceKind.DEMO,
            data={
                "name_en": name_en,
                "name_ru": f"Синтетическая наркологическая служба, {city} (демо)",
                "subdivision": subdivision,
                "city": city,
                "address": f"{CITIES_RU[city]}, ул. Примерная, 1",
                "modalities": modalities,
                "capacity": capacity,
                "serves_women": women,
                "serves_young_people": young,
                "phone": "+000 000 000",
                "email": "demo@example.org",
                "confidentiality": Confidentiality.PUBLIC,
            },
        )
    for code, programme_code, status, since in [(c, p, s, y) for p, c, s, y in IMPLEMENTATIONS]:
        org = _org(
            code,
            Organisation.Kind.NGO
            if programme_code != "opioid-agonist-treatment"
            else Organisation.Kind.TREATMENT_CENTRE,
        )
        if org is None:
            continue
        services.implementation_set(
            actor=None,
            programme=Programme.objects.get(code=programme_code),
            status=status,
            country=countries[code],
            organisation=org,
            since=since,
            contact="demo@example.org",
            source_kind=SourceKind.DEMO,
        )
    for code, title, doc_type, language, topics, level, text in DOCUMENTS:
        org = _org(code, Organisation.Kind.RESEARCH)
        if org is None or Document.objects.filter(title=title).exists():
            continue
        upload = ContentFile(text.encode("utf-8"), name="synthetic-demo.txt")
        services.document_create(
            actor=None,
            file=upload,
            country=countries[code],
            organisation=org,
            confidentiality=level,
            source_kind=SourceKind.DEMO,
            metadata={
                "title": title,
                "doc_type": doc_type,
                "language": language,
                "topics": topics,
                "countries": [code],
                "published_on": dt.date(2025, 3, 1),
                # The organisation's name in the document's language.
                "publisher": org.name_en if language == "en" else org.name_ru,
            },
        )
    stdout.write(
        f"      services: {TreatmentService.objects.count()}, documents: {Document.objects.count()}"
    )
