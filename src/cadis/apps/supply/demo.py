"""Synthetic demo data: seizures, cases and period statistics for the five countries, 2021-2024.

Every figure here is invented (seeded random numbers) and stored with ``source_kind="demo"``;
the pages tag such records as synthetic, in the reader's language, so the records carry no
marker text of their own (a note in English would stay English on Russian pages). Operation
names are written in Russian, as the national agencies write them. Loading twice changes
nothing.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from cadis.apps.accounts import services as account_services
from cadis.apps.accounts.models import Organisation
from cadis.apps.operations.demo_accounts import COUNTRY_NAMES_EN
from cadis.apps.reference import models as ref
from cadis.apps.supply.importing.commit import write_rows
from cadis.apps.supply.importing.loading import top_group_ids
from cadis.apps.supply.importing.rows import ParsedSeizure, assign_fingerprints, canonical_unit
from cadis.apps.supply.models import Case, LabDismantled, PeriodStatistic
from cadis.apps.supply.prices import demo as price_demo
from cadis.engines.units import normalise
from cadis.platform.records import SourceKind

FIRST_DAY, LAST_DAY = dt.date(2021, 1, 1), dt.date(2024, 12, 31)
SEIZURES_PER_COUNTRY = 700
DEMO_FILE = "synthetic-demo"
# substance code, weight, (low, high) quantity, unit as written, written name (ru)
SUBSTANCES = (
    ("hashish", 22, (0.005, 40), "кг", "гашиш"),
    ("cannabis_herb", 25, (0.01, 900), "кг", "марихуана"),
    ("heroin", 14, (0.002, 120), "кг", "героин"),
    ("opium", 8, (0.05, 300), "кг", "опий"),
    ("methamphetamine", 7, (0.001, 15), "кг", "метамфетамин"),
    ("mephedrone", 7, (0.001, 25), "кг", "мефедрон"),
    ("alpha_pvp", 4, (0.001, 5), "кг", "альфа-PVP"),
    ("smoking_mixtures", 4, (0.001, 3), "кг", "курительная смесь"),
    ("tramadol", 5, (10, 20000), "таблеток", "трамадол"),
    ("pregabalin", 2, (10, 5000), "капсул", "прегабалин"),
    ("cannabis_plants", 2, (5, 30000), "кустов", "кусты конопли"),
)
ROUTES = {
    "heroin": ("AF", "RU"),
    "opium": ("AF", "KZ"),
    "hashish": ("AF", "RU"),
    "methamphetamine": ("AF", "KZ"),
}
CONCEALMENTS = (
    "vacuum_packaging",
    "odour_masking",
    "vehicle_built_in_compartment",
    "vehicle_natural_cavities",
    "body_internal",
    "luggage_false_bottom",
    "postal_parcel",
    "dead_drop",
    "mixed_with_legal_goods",
    "railway_wagon",
)
TRANSPORTS = (
    "road_private_car",
    "road_truck",
    "rail_passenger",
    "air_passenger",
    "post",
    "pedestrian",
    "courier",
)


def _organisation(code: str, country) -> Organisation:
    name = f"Drug control service of {COUNTRY_NAMES_EN[code]} (demo)"
    return account_services.organisation_upsert(
        actor=None,
        name_en=name,
        name_ru=f"Служба по контролю за наркотиками: {country.name_ru} (демо)",
        kind=Organisation.Kind.LAW_ENFORCEMENT,
        country=country,
        source_kind=SourceKind.DEMO,
    )


def _ids(model, codes) -> list[int]:
    found = dict(model.objects.filter(code__in=codes).values_list("code", "id"))
    return [found[c] for c in codes if c in found]


def demo_rows(country, rng: random.Random) -> list[ParsedSeizure]:
    subs = {s.code: s for s in ref.Substance.objects.filter(code__in=[c for c, *_ in SUBSTANCES])}
    tops = top_group_ids()
    subdivisions = list(
        ref.Subdivision.objects.filter(country=country).values_list("id", flat=True)
    ) or [None]
    agencies = list(
        ref.Agency.objects.filter(
            country=country,
            kind__in=[
                "law_enforcement",
                "customs",
                "border_service",
                "drug_control_agency",
                "security_service",
            ],
        ).values_list("id", flat=True)
    ) or [None]
    concealments, transports = (
        _ids(ref.ConcealmentMethod, CONCEALMENTS),
        _ids(ref.TransportMode, TRANSPORTS),
    )
    countries = dict(
        ref.Country.objects.filter(code__in=["AF", "RU", "KZ", "CN", "IR"]).values_list(
            "code", "id"
        )
    )
    span = (LAST_DAY - FIRST_DAY).days
    choices = [s for s in SUBSTANCES if s[0] in subs]
    rows = []
    for number in range(SEIZURES_PER_COUNTRY):
        code, _w, (low, high), unit, written = rng.choices(
            choices, weights=[s[1] for s in choices]
        )[0]
        value = round(min(high, low * (high / low) ** rng.betavariate(1.2, 4.0)), 3)
        norm = normalise(value, unit)
        departure, destination = ROUTES.get(code, (None, None))
        route = rng.random() < 0.35
        substance = subs[code]
        rows.append(
            ParsedSeizure(
                row=number + 2,
                country_id=country.pk,
                date=FIRST_DAY + dt.timedelta(days=rng.randrange(span)),
                date_precision="day",
                substance_as_written=written,
                substance_id=substance.pk,
                substance_group_id=tops.get(substance.group_id),
                substance_resolution="exact",
                quantity_as_written=f"{value:g}".replace(".", ","),
                unit_as_written=unit,
                quantity_value=value,
                quantity_unit=canonical_unit(unit),
                normalised_quantity=norm.quantity,
                normalised_unit=norm.unit,
                conversion_rule=norm.rule,
                confidentiality=rng.choices(
                    ["public", "restricted", "confidential"], weights=[6, 3, 1]
                )[0],
                subdivision_id=rng.choice(subdivisions),
                agency_id=rng.choice(agencies),
                concealment_ids=tuple(rng.sample(concealments, k=rng.choice([0, 1, 1, 2]))),
                transport_mode_id=rng.choice(transports) if rng.random() < 0.7 else None,
                departure_country_id=countries.get(departure) if route and departure else None,
                destination_country_id=countries.get(destination)
                if route and destination
                else None,
                purity=round(rng.uniform(8, 85), 1) if rng.random() < 0.15 else None,
            )
        )
    assign_fingerprints(rows)
    return rows


def _cases(country, organisation, rng: random.Random) -> int:
    created = 0
    agencies = list(ref.Agency.objects.filter(country=country)[:6])
    partners = list(
        ref.Agency.objects.filter(country__is_central_asia=True).exclude(country=country)[:10]
    )
    for number in range(1, 21):
        reference = f"DEMO-{country.code}-{number:03d}"
        if Case.objects.filter(country=country, reference=reference).exists():
            continue
        start = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
        arrested = rng.randint(1, 20)
        case = Case.objects.create(
            country=country,
            organisation=organisation,
            confidentiality=rng.choice(["public", "restricted"]),
            source_kind=SourceKind.DEMO,
            source_ref={"demo": True},
            reference=reference,
            date_start=start,
            date_end=start + dt.timedelta(days=rng.randint(0, 120)),
            operation_name=rng.choice(["", "Мак", "Канал", "Допинг", "Кристалл"]),
            groups_dismantled=rng.randint(0, 3),
            group_members=rng.randint(0, 15),
            persons_arrested=arrested,
            persons_prosecuted=rng.randint(0, arrested),
            women=rng.randint(0, arrested // 4),
            minors=rng.randint(0, arrested // 8),
            foreigners=rng.randint(0, arrested // 3),
        )
        case.agencies.set(
            rng.sample(agencies, k=min(2, len(agencies)))
            + (rng.sample(partners, k=1) if partners and rng.random() < 0.2 else [])
        )
        if rng.random() < 0.25:
            LabDismantled.objects.create(
                case=case,
                kind=rng.choice(["synthetic", "tableting", "cannabis_grow"]),
                products=rng.choice(["мефедрон", "метамфетамин", "марихуана"]),
            )
        created += 1
    return created


def _statistics(country, organisation, rng: random.Random) -> int:
    created = 0
    for year in range(2021, 2025):
        for indicator, unit, low, high in (
            ("quantity_seized", "kg", 800, 30000),
            ("groups_dismantled", "count", 5, 40),
            ("arrests", "count", 300, 3000),
        ):
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            if PeriodStatistic.objects.filter(
                country=country,
                indicator=indicator,
                period_start=start,
                source_kind=SourceKind.DEMO,
            ).exists():
                continue
            PeriodStatistic.objects.create(
                country=country,
                organisation=organisation,
                confidentiality="public",
                source_kind=SourceKind.DEMO,
                indicator=indicator,
                value=rng.randint(low, high),
                unit=unit,
                period_start=start,
                period_end=end,
            )
            created += 1
    return created


@transaction.atomic
def load_demo(*, stdout=None) -> dict:
    totals = {"seizures": 0, "cases": 0, "statistics": 0}
    organisations = {}
    for code in ref.CENTRAL_ASIA:
        country = ref.Country.objects.get(code=code)
        organisation = organisations[code] = _organisation(code, country)
        rng = random.Random(f"cadis-supply-demo-{code}")
        created, _unchanged = write_rows(
            actor=None,
            organisation=organisation,
            rows=demo_rows(country, rng),
            file_name=DEMO_FILE,
            source_kind=SourceKind.DEMO,
        )
        totals["seizures"] += created
        totals["cases"] += _cases(country, organisation, rng)
        totals["statistics"] += _statistics(country, organisation, rng)
    if stdout is not None:
        stdout.write(
            f"   supply: {totals['seizures']} synthetic seizures, {totals['cases']} cases, "
            f"{totals['statistics']} period statistics"
        )
    totals["prices"] = price_demo.load_demo(organisations=organisations, stdout=stdout)
    return totals
