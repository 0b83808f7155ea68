"""Synthetic demo data: a screened declarations file, notifications and incidents (all invented).

The notifications and incidents are the Kazakh authorities' records, so their free text is
written in Russian; the declarations quote goods as declarants wrote them, in Russian or
English. Nothing here says "synthetic" in its own words: the pages tag records whose
``source_kind`` is demo as synthetic, in the reader's language.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from cadis.apps.accounts.models import User
from cadis.apps.precursors import services
from cadis.apps.precursors.models import PrecursorIncident, PreExportNotification, ScreeningJob
from cadis.apps.precursors.screening import run_screening_job
from cadis.apps.reference.models import Country, TransportMode
from cadis.platform.records import Confidentiality, SourceKind

DEMO_TITLE = "Декларации за январь"
CONTROLLED = (
    ("Ангидрид уксусной кислоты техн., 99%", "2915240000", "108-24-7"),
    ("Acetic anhydride, tech. grade, drums 200 l", "291524", ""),
    ("Калия перманганат, х.ч.", "2841610000", ""),
    ("Potassium permanganate 99.5%", "", "7722-64-7"),
    ("Ацетон технический, 1-й сорт", "2914110000", ""),
    ("Toluene, industrial grade", "", "108-88-3"),
    ("Эфедрина гидрохлорид, фарм. субстанция", "", ""),
    ("Pseudoephedrine sulfate USP", "2939420000", ""),
    ("Кислота серная аккумуляторная 92%", "2807000000", ""),
    ("Methyl ethyl ketone (MEK) solvent", "", ""),
    ("Piperidine 99%", "2933320000", ""),
    ("Safrole oil", "", "94-59-7"),
)
ORDINARY = (
    ("Кислота уксусная пищевая 70%", "2915211000", ""),
    ("Acetonitrile HPLC grade", "2926909500", ""),
    ("Марганца диоксид", "2820100000", ""),
    ("Sulphur, granulated", "2503001000", ""),
    ("Пиперазин адипинат", "2933599500", ""),
    ("Cotton yarn, bleached", "5205", ""),
    ("Запасные части для насосов", "8413910000", ""),
    ("Toluidine blue stain", "3204", ""),
    ("Мука пшеничная высшего сорта", "1101001100", ""),
    ("Polyethylene granules", "3901", ""),
)


def declarations_csv(lines: int = 240, seed: int = 7) -> str:
    rng = random.Random(seed)
    rows = ["id;description;hs_code;cas;quantity;unit;origin;destination"]
    for number in range(1, lines + 1):
        description, hs, cas = (
            rng.choice(CONTROLLED) if rng.random() < 0.15 else rng.choice(ORDINARY)
        )
        rows.append(
            f"DEMO-{number:04d};{description};{hs};{cas};{rng.randint(1, 400) * 5};kg;"
            f"{rng.choice(['CN', 'RU', 'IN', 'TR', 'DE'])};KZ"
        )
    return "\n".join(rows) + "\n"


# Route notes of each notification and places of each incident (invented, in Russian).
ROUTES = {
    "KZ-PEN-DEMO-1": "Шымкент — Жибек Жолы — Ташкент, автотранспорт",
    "KZ-PEN-DEMO-2": "Алматы — Кордай — Бишкек, автотранспорт",
    "KZ-PEN-DEMO-3": "Сарыагаш — транзитом через Узбекистан — Душанбе, железная дорога",
}
PLACES = {
    "KZ-PICS-DEMO-1": "Туркестанская область, таможенный пост",
    "KZ-PICS-DEMO-2": "Жамбылская область",
    "KZ-PICS-DEMO-3": "Карагандинская область",
}


def _demo_user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


@transaction.atomic
def load_demo(*, stdout) -> None:
    customs, focal = _demo_user("kz_customs"), _demo_user("kz_focal")
    if customs is None or focal is None:
        stdout.write("   precursors: demo users kz_customs/kz_focal missing; skipped")
        return
    kz = Country.objects.get(code="KZ")
    job = ScreeningJob.objects.filter(source_kind=SourceKind.DEMO, title=DEMO_TITLE).first()
    if job is None:
        job = ScreeningJob(
            country=kz,
            organisation=customs.organisation,
            confidentiality=Confidentiality.CONFIDENTIAL,
            source_kind=SourceKind.DEMO,
            source_ref={"synthetic": True},
            created_by=customs,
            title=DEMO_TITLE,
            file_name="synthetic-declarations.csv",
            screen_country="KZ",
            lists_on=timezone.localdate(),
        )
        content = declarations_csv().encode("utf-8")
        job.file.save("synthetic-declarations.csv", ContentFile(content), save=False)
        job.file_size = len(content)
        job.save()
        run_screening_job(job)
    notifications = _notifications(customs, kz)
    _incidents(focal, job, notifications)
    stdout.write(
        f"   precursors: 1 screening job ({job.flagged} of {job.lines} lines flagged), "
        f"{len(notifications)} notifications, {PrecursorIncident.objects.filter(source_kind='demo').count()}"
        " incidents (synthetic)"
    )


def _notifications(actor, kz: Country) -> list[PreExportNotification]:
    today = timezone.localdate()
    specs = (
        (
            "KZ-PEN-DEMO-1",
            "UZ",
            "Acetic anhydride",
            "108-24-7",
            "2400",
            [("sent", 40), ("acknowledged", 38), ("cleared", 33)],
        ),
        ("KZ-PEN-DEMO-2", "KG", "Potassium permanganate", "7722-64-7", "800", [("sent", 30)]),
        ("KZ-PEN-DEMO-3", "TJ", "Toluene", "108-88-3", "12000", []),
    )
    # The PEN Online fields of each shipment (article 12(10)(a)); all invented for the demo.
    shipments = {
        "KZ-PEN-DEMO-1": {
            "trade_name": "Уксусный ангидрид 99%",
            "hs_code": "291524",
            "concentration": Decimal("99"),
            "pure_quantity": Decimal("2376"),
            "package_count": 12,
            "package_type": "бочки по 200 л",
            "exit_point": "Жибек Жолы",
            "entry_point": "Гишт-Куприк",
            "transport_mode": "road_truck",
            "intermediaries": [
                {"role": "freight_forwarder", "name": "ТОО «Пример-Логистик»"}
            ],
        },
        "KZ-PEN-DEMO-2": {
            "hs_code": "284161",
            "concentration": Decimal("98.5"),
            "pure_quantity": Decimal("788"),
            "package_count": 32,
            "package_type": "мешки по 25 кг",
            "exit_point": "Кордай",
            "entry_point": "Ак-Жол",
            "transport_mode": "road_truck",
        },
        "KZ-PEN-DEMO-3": {
            "hs_code": "290230",
            "concentration": Decimal("99.8"),
            "pure_quantity": Decimal("11976"),
            "package_count": 1,
            "package_type": "железнодорожная цистерна",
            "exit_point": "станция Сарыагаш",
            "entry_point": "станция Душанбе-2",
            "transport_mode": "rail_freight",
            "transit_countries": ["UZ"],
        },
    }
    result = []
    for reference, importer, substance, cas, quantity, steps in specs:
        shipment = dict(shipments[reference])
        shipment["transport_mode"] = TransportMode.objects.filter(
            code=shipment["transport_mode"]
        ).first()
        if "transit_countries" in shipment:
            shipment["transit_countries"] = list(
                Country.objects.filter(code__in=shipment["transit_countries"])
            )
        existing = PreExportNotification.objects.filter(
            exporting_country=kz, reference=reference
        ).first()
        if existing is not None:
            result.append(existing)
            continue
        n = services.notification_create(
            actor=actor,
            source_kind=SourceKind.DEMO,
            source_detail={"synthetic": True},
            data={
                "reference": reference,
                "exporting_country": kz,
                "exporting_authority": "Лицензирующий орган Республики Казахстан",
                "importing_country": Country.objects.get(code=importer),
                "importing_authority": "Компетентный орган страны-импортёра",
                "exporter": "ТОО «Пример-Химия»",
                "importer": "ООО «Образец-Импорт»",
                "substance": substance,
                "cas": cas,
                "quantity": Decimal(quantity),
                "unit": "kg",
                "route": ROUTES[reference],
                **shipment,
                "expected_shipment": today + dt.timedelta(days=20),
                "response_days": 15,
                "export_permit": f"{reference}-EXP",
                "confidentiality": Confidentiality.RESTRICTED,
            },
        )
        for status, days_ago in steps:
            services.notification_respond(
                actor=actor,
                notification=n,
                status=status,
                responded_on=today - dt.timedelta(days=days_ago),
                responder="Компетентный орган страны-импортёра",
                source_kind=SourceKind.DEMO,
            )
        result.append(n)
    return result


def _incidents(actor, job: ScreeningJob, notifications: list[PreExportNotification]) -> None:
    today = timezone.localdate()
    hit = job.results.filter(flagged=True, substances__contains="|Acetic anhydride|").first()
    specs = (
        (
            "KZ-PICS-DEMO-1",
            "stopped_shipment",
            "Acetic anhydride",
            "108-24-7",
            "1800",
            "CN",
            "AF",
            "Задекларирован как «кислота уксусная техническая»; скрининг выделил код ТН ВЭД",
            [hit] if hit else [],
            notifications[:1],
        ),
        (
            "KZ-PICS-DEMO-2",
            "seizure",
            "Potassium permanganate",
            "7722-64-7",
            "350",
            "IN",
            "AF",
            "Сокрыт в партии удобрений",
            [],
            [],
        ),
        (
            "KZ-PICS-DEMO-3",
            "illicit_laboratory",
            "Ephedrine",
            "299-42-3",
            "12",
            None,
            None,
            "Арендованный гараж; лабораторная посуда и лекарства от простуды",
            [],
            [],
        ),
    )
    for (
        reference,
        kind,
        chemical,
        cas,
        quantity,
        origin,
        destination,
        modus,
        results,
        pens,
    ) in specs:
        if PrecursorIncident.objects.filter(country=job.country, reference=reference).exists():
            continue
        services.incident_create(
            actor=actor,
            source_kind=SourceKind.DEMO,
            data={
                "reference": reference,
                "kind": kind,
                "occurred_on": today - dt.timedelta(days=10),
                "place": PLACES[reference],
                "chemical": chemical,
                "cas": cas,
                "quantity": Decimal(quantity),
                "unit": "kg",
                "origin_country": Country.objects.filter(code=origin).first(),
                "destination_country": Country.objects.filter(code=destination).first(),
                "modus_operandi": modus,
                "companies": "ТОО «Пример-Трейдинг»",
                "confidentiality": Confidentiality.RESTRICTED,
                "screening_results": results,
                "notifications": pens,
            },
        )
