"""Synthetic demo data of the exchange module, built around the founding conference.

The conference itself is real (Ashgabat, 27-28 November 2024, CADAP); its description here is
written for cadis, and the delegations, sessions, experts, recommendations and discussions are
invented for the demonstration (``source_kind="demo"``).

Bilingual fields are written in both languages. A field of one language is written as its
author would: Russian for the Central Asian agencies and focal points, English for the EU
partners' names; the pages mark such text with its language. Records say they are invented
through the pages' "synthetic" tag, in the reader's language, rather than in their own words.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from cadis.apps.exchange import choices as c
from cadis.apps.exchange import services
from cadis.apps.exchange.models import Event
from cadis.apps.exchange.services import discussions
from cadis.apps.knowledge import services as knowledge_services
from cadis.apps.knowledge.models import Programme
from cadis.apps.reference.models import CENTRAL_ASIA, Country, Substance
from cadis.platform.records import Confidentiality, SourceKind

TITLE_EN = (
    "Strengthening prevention of psychoactive substance use, supply reduction and national expertise "
    "in narcology and treatment in Central Asia"
)
TITLE_RU = (
    "Укрепление профилактики употребления психоактивных веществ, сокращение предложения и развитие "
    "национального потенциала в наркологии и лечении в Центральной Азии"
)
DAY1, DAY2 = dt.date(2024, 11, 27), dt.date(2024, 11, 28)

SESSIONS = (
    (DAY1, "Обзор наркоситуации в регионе", "Regional overview of the drug situation"),
    (
        DAY1,
        "Синтетические наркотики и новые психоактивные вещества",
        "Synthetic drugs and new psychoactive substances",
    ),
    (
        DAY1,
        "Контроль прекурсоров в потоке химической продукции",
        "Precursor control in the flow of chemicals",
    ),
    (DAY2, "Доказательная профилактика и лечение", "Evidence-based prevention and treatment"),
    (
        DAY2,
        "Проект рекомендаций для национальной политики",
        "Draft recommendations for national policies",
    ),
)

RECOMMENDATIONS = (
    (
        "adopted",
        "prevention",
        ["family-skills", "school-personal-social-skills"],
        "Расширить программы обучения семейным навыкам (демо)",
        "Scale up family skills programmes (demo)",
        "Синтетический пример. Внедрить программы обучения семейным навыкам с доказанной эффективностью во всех "
        "регионах, с учётом потребностей отцов и матерей.",
        "Synthetic example. Roll out family skills programmes with proven effectiveness in every region, "
        "reaching fathers as well as mothers.",
    ),
    (
        "consultation",
        "treatment",
        ["opioid-agonist-treatment"],
        "Услуги лечения, учитывающие гендерные аспекты (демо)",
        "Gender-sensitive treatment services (demo)",
        "Синтетический пример. Обеспечить доступ женщин к лечению, включая часы приёма только для женщин и "
        "присмотр за детьми.",
        "Synthetic example. Make treatment accessible to women, with women-only hours and childcare.",
    ),
    (
        "draft",
        "supply_reduction",
        [],
        "Обмен данными раннего предупреждения о НПВ (демо)",
        "Early-warning data exchange on NPS (demo)",
        "Синтетический пример. Сообщать соседним странам о новых веществах в течение 30 дней после идентификации.",
        "Synthetic example. Tell neighbouring countries about new substances within 30 days of identification.",
    ),
)

# Written by the drafting focal point (Turkmenistan), in Russian.
JUSTIFICATIONS = {
    "gender_sensitive": "Охватывает и отцов, и матерей; занятия проходят в часы, удобные работающим "
    "родителям.",
    "consistent": "Соответствует разделу о профилактике национальных стратегий.",
    "balanced": "Дополняет меры по сокращению предложения, обсуждённые на конференции.",
    "evidence_based": "Оценена как эффективная в международных стандартах профилактики УНП ООН/ВОЗ.",
}
# Who spoke in each session, as the founding document names the speakers: the national
# agencies (in Russian) and the European expert organisations (in English, their partners'
# language here).
SPEAKERS = (
    "МВД Туркменистана",
    "МВД Кыргызской Республики; Агентство по контролю за наркотиками",
    "Генеральная прокуратура и МВД Республики Казахстан",
    "National Centre for Addiction Prevention (Poland); Akzept (Germany); "
    "Republican Centre for Addictive Disorders (Lithuania); Spanish penitentiary institutions",
    "",
)

EXPERTS = (
    (
        "KZ",
        "Aigerim Demo (synthetic)",
        ["prevention", "monitoring"],
        ["ru", "kk", "en"],
        "kz_focal",
    ),
    ("KG", "Bakyt Demo (synthetic)", ["treatment", "harm_reduction"], ["ru", "ky"], "kg_focal"),
    ("TJ", "Dilnoza Demo (synthetic)", ["gender", "treatment"], ["ru", "tg", "en"], "tj_focal"),
    ("TM", "Merdan Demo (synthetic)", ["supply_reduction", "precursors"], ["ru", "tk"], "tm_focal"),
    ("UZ", "Sardor Demo (synthetic)", ["nps", "policy"], ["ru", "uz", "en"], "uz_focal"),
)


def load_demo(*, stdout) -> None:
    if Event.objects.filter(title_en=TITLE_EN).exists():
        stdout.write("      the demo conference is already loaded")
        return
    users = {u.username: u for u in get_user_model().objects.filter(username__endswith="_focal")}
    host = users.get("tm_focal")
    if host is None:
        stdout.write("      demo users are missing; run `cadis demo`")
        return
    countries = list(Country.objects.filter(code__in=CENTRAL_ASIA).order_by("code"))
    presentation = knowledge_services.document_create(
        actor=host,
        confidentiality=Confidentiality.PUBLIC,
        source_kind=SourceKind.DEMO,
        file=ContentFile(
            "Синтетическая презентация для демонстрации: курительные смеси с синтетическими "
            "каннабиноидами, вакуумная упаковка, изъято за период … (демо)".encode(),
            name="synthetic-presentation.txt",
        ),
        metadata={
            "title": "Синтетическая презентация: тенденции в сфере синтетических наркотиков (демо)",
            "doc_type": "presentation",
            "language": "ru",
            "countries": [x.code for x in countries],
            "topics": ["nps", "supply_reduction"],
            "published_on": DAY1,
        },
    )
    event = services.event_create(
        actor=host,
        source_kind=SourceKind.DEMO,
        countries=countries,
        data={
            "title_ru": TITLE_RU,
            "title_en": TITLE_EN,
            "kind": c.EventKind.CONFERENCE,
            "starts_on": DAY1,
            "ends_on": DAY2,
            "city": "Ashgabat",
            # As the founding document names them: CADAP 7, funded by the EU, implemented by FIIAPP.
            "organisers": "CADAP 7 (EU) · FIIAPP",
            "confidentiality": Confidentiality.PUBLIC,
            "summary_en": "Two days in Ashgabat that brought together government agencies, NGOs and EU experts "
            "from the five Central Asian countries to exchange knowledge and successful models on "
            "prevention, supply reduction, precursor control, synthetic drugs and treatment, and "
            "to agree on joint strategies and initiatives.",
            "summary_ru": "Два дня в Ашхабаде: государственные органы, НКО и эксперты ЕС из пяти стран "
            "Центральной Азии обменялись знаниями и успешными моделями в профилактике, сокращении "
            "предложения, контроле прекурсоров, по синтетическим наркотикам и лечению и "
            "договорились о совместных стратегиях и инициативах.",
            "outcomes_en": "Draft recommendations to strengthen national drug policies so that they are "
            "gender-sensitive, consistent, balanced and evidence-based; the idea of a permanent "
            "platform for exchange, which cadis implements.",
            "outcomes_ru": "Проект рекомендаций по укреплению национальной антинаркотической политики — "
            "гендерно-чувствительной, последовательной, сбалансированной и основанной на "
            "доказательствах; идея постоянной платформы обмена, которую реализует cadis.",
            # The European expert organisations that spoke, as the founding document lists them.
            "participating_organisations": [
                "CADAP 7 / FIIAPP",
                "National Centre for Addiction Prevention (Poland)",
                "Akzept (Germany)",
                "Republican Centre for Addictive Disorders (Lithuania)",
                "Spanish penitentiary institutions",
            ],
        },
        delegations=[
            {
                "country": x,
                "head": "",
                "size": 4 + i,
                # As the founding document describes the delegations.
                "organisations": "Государственные учреждения и НПО",
            }
            for i, x in enumerate(countries)
        ],
        sessions=[
            {
                "day": day,
                "title_ru": ru,
                "title_en": en,
                "speakers": SPEAKERS[i],
                "presentations": [presentation] if i == 1 else [],
            }
            for i, (day, ru, en) in enumerate(SESSIONS)
        ],
    )
    for _code, name, expertise, languages, username in EXPERTS:
        user = users.get(username)
        services.expert_save(
            actor=None,
            country=user.organisation.country,
            organisation=user.organisation,
            source_kind=SourceKind.DEMO,
            data={
                "user": user,
                "full_name": name,
                "expertise": expertise,
                "languages": languages,
                "organisation_name": user.organisation.name_en,
                "confidentiality": "public",
                "bio_en": "Synthetic expert profile for the demonstration.",
                "bio_ru": "Синтетический профиль эксперта для демонстрации.",
            },
        )
    for status, pillar, programmes, title_ru, title_en, text_ru, text_en in RECOMMENDATIONS:
        targets = (
            countries
            if status != "draft"
            else [x for x in countries if x.code in ("KG", "TJ", "TM")]
        )
        rec = services.recommendation_save(
            actor=host,
            source_kind=SourceKind.DEMO,
            target_countries=targets,
            programmes=list(Programme.objects.filter(code__in=programmes)),
            data={
                "title_ru": title_ru,
                "title_en": title_en,
                "text_ru": text_ru,
                "text_en": text_en,
                "pillar": pillar,
                "event": event,
                "confidentiality": Confidentiality.PUBLIC,
                "indicators": ["Доля районов, где работает программа"],
            },
        )
        if status == "draft":
            continue
        services.criteria_set(
            actor=host, recommendation=rec, values={k: (True, v) for k, v in JUSTIFICATIONS.items()}
        )
        services.recommendation_open_consultation(actor=host, recommendation=rec)
        if status == "adopted":
            rec = services.recommendation_adopt(
                actor=host, recommendation=rec, adopted_on=dt.date(2025, 3, 1)
            )
            for code, state in (("KG", "in_progress"), ("UZ", "planned")):
                services.implementation_update(
                    actor=users[f"{code.lower()}_focal"],
                    recommendation=rec,
                    status=state,
                    country=next(x for x in countries if x.code == code),
                    responsible_body="Министерство здравоохранения",
                    indicator="Охваченные районы",
                    source_kind=SourceKind.DEMO,
                    milestone=("Подготовить тренеров", dt.date(2025, 9, 1)),
                )
    thread = discussions.thread_start(
        actor=users["kg_focal"],
        target=Substance.objects.filter(code="synthetic_cannabinoids").first(),
        # Discussions carry no source of their own: the invented one says so in its words.
        title="Курительные смеси: что работает в профилактике? (демо)",
        body="Демонстрационное обсуждение. Какие школьные программы касаются курительных смесей? "
        "@uz_focal, есть ли у вас опыт?",
    )
    discussions.comment_add(
        actor=users["uz_focal"],
        thread=thread,
        body="Демонстрационный ответ: мы пилотируем краткое вмешательство в молодёжных "
        "клиниках. @kg_focal",
    )
    stdout.write("      the founding conference, 5 experts, 3 recommendations, 1 discussion")
