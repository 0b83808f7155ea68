"""Synthetic early-warning demo data: detections in the five countries, draft and issued alerts.

Every record is invented (source_kind="demo", labelled "synthetic" on the pages).
"""

from __future__ import annotations

import datetime as dt
import random

from cadis.apps.accounts.models import Confidentiality, Organisation, SourceKind, User
from cadis.apps.ews.choices import AlertStatus, Method, SampleType
from cadis.apps.ews.library import profiles_load
from cadis.apps.ews.models import Alert, Detection
from cadis.apps.ews.services import alert_issue, detection_create
from cadis.apps.reference.models import CENTRAL_ASIA, Country

# (structure as a lab would report it, sample type, reported name)
SAMPLES = (
    ("CCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21", SampleType.SMOKING_MIXTURE, "JWH-018"),
    ("CCCCCn1nc(C(=O)NC(C(C)C)C(N)=O)c2ccccc21", SampleType.SMOKING_MIXTURE, "AB-PINACA"),
    ("CNC(C)C(=O)c1ccc(C)cc1", SampleType.CRYSTALS, "мефедрон"),
    ("CCCC(N1CCCC1)C(=O)c1ccccc1", SampleType.CRYSTALS, "соль (alpha-PVP)"),
    ("CNC(C)C(=O)c1ccc(CC)cc1", SampleType.POWDER, "4-EMC"),
    ("CC(C)NC(C)C(=O)c1ccc(Cl)cc1", SampleType.POWDER, "unknown cathinone"),
    ("COc1cc(CCN)c(OC)cc1Br", SampleType.BLOTTER, "2C-B"),
    ("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", SampleType.POWDER, "fentanyl"),
    ("CN1C(=O)CN=C(c2ccccc2F)c2cc([N+](=O)[O-])ccc21", SampleType.TABLET, "flunitrazepam"),
    ("CNC1(CCCCC1=O)c1ccccc1Cl", SampleType.POWDER, "ketamine"),
)


def _lab(code: str) -> Organisation | None:
    return Organisation.objects.filter(
        country__code=code, kind=Organisation.Kind.FORENSIC_LABORATORY
    ).first()


def _focal(code: str) -> User | None:
    return User.objects.filter(organisation__country__code=code, role="focal_point").first()


def load_demo(*, stdout) -> None:
    report = profiles_load(source_kind=SourceKind.DEMO)
    stdout.write(f"   {report.line()}")
    if Detection.objects.filter(source_kind=SourceKind.DEMO).exists():
        stdout.write("   ews demo detections already loaded")
        return
    rng = random.Random(2024)
    today = dt.date.today()
    created = 0
    for code in CENTRAL_ASIA:
        org = _lab(code)
        reporter = (
            User.objects.filter(organisation=org, role="data_provider").first() if org else None
        )
        if reporter is None:
            continue
        country = Country.objects.get(code=code)
        for structure, sample, name in rng.sample(SAMPLES, 6):
            for _repeat in range(rng.randint(1, 3)):
                data = {
                    "detected_on": today - dt.timedelta(days=rng.randint(1, 360)),
                    "laboratory": org.name_en,
                    "sample_type": sample,
                    "methods": rng.sample(
                        [Method.GC_MS, Method.LC_HRMS, Method.FTIR, Method.NMR], 2
                    ),
                    "reported_name": name,
                    "structure_input": structure,
                    "purity": round(rng.uniform(5, 95), 1),
                    "intoxications": rng.choice([0, 0, 1, 3]),
                    "deaths": 1 if rng.random() < 0.05 else 0,
                    "notes": "Synthetic demonstration record.",
                    "confidentiality": rng.choice(
                        [Confidentiality.PUBLIC, Confidentiality.RESTRICTED]
                    ),
                }
                detection_create(
                    actor=reporter,
                    country=country,
                    organisation=org,
                    data=data,
                    source_kind=SourceKind.DEMO,
                    source_detail={"demo": True},
                )
                created += 1
    issued = 0
    for alert in Alert.objects.filter(
        source_kind=SourceKind.DEMO, status=AlertStatus.DRAFT
    ).order_by("id"):
        focal = _focal(alert.country.code)
        if focal is None or issued >= 6:
            continue
        if rng.random() < 0.5:
            alert.health_risks = "Synthetic example: risk of severe intoxication."
            alert.save(update_fields=["health_risks"])
            alert_issue(actor=focal, alert=alert, public=True)
            issued += 1
    stdout.write(
        f"   ews: {created} synthetic detections, {issued} alerts issued, "
        f"{Alert.objects.filter(status=AlertStatus.DRAFT).count()} drafts"
    )
