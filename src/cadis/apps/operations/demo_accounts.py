"""Demo organisations and users: one of each role for every country, plus regional ones."""

from __future__ import annotations

from dataclasses import dataclass

from cadis.apps.accounts import services as account_services
from cadis.apps.accounts.models import Organisation, User
from cadis.apps.reference.models import CENTRAL_ASIA, Country
from cadis.platform.records import SourceKind
from cadis.platform.roles import Role

DEMO_PASSWORD = "cadis-demo-2024"

COUNTRY_NAMES_EN = {"KZ": "Kazakhstan", "KG": "Kyrgyzstan", "TJ": "Tajikistan", "TM": "Turkmenistan", "UZ": "Uzbekistan"}

# (key, kind, English name pattern, Russian name pattern)
ORGANISATIONS = (
    ("observatory", Organisation.Kind.RESEARCH, "National drug monitoring centre of {en} (demo)",
     "Национальный центр мониторинга наркоситуации: {ru} (демо)"),
    ("police", Organisation.Kind.LAW_ENFORCEMENT, "Drug control service of {en} (demo)",
     "Служба по контролю за наркотиками: {ru} (демо)"),
    ("customs", Organisation.Kind.CUSTOMS, "Customs service of {en} (demo)", "Таможенная служба: {ru} (демо)"),
    ("lab", Organisation.Kind.FORENSIC_LABORATORY, "Forensic laboratory of {en} (demo)",
     "Экспертно-криминалистическая лаборатория: {ru} (демо)"),
    ("clinic", Organisation.Kind.TREATMENT_CENTRE, "Republican narcology centre of {en} (demo)",
     "Республиканский наркологический центр: {ru} (демо)"),
    ("ngo", Organisation.Kind.NGO, "Prevention NGO of {en} (demo)", "Профилактическая НКО: {ru} (демо)"),
)

# (username suffix, organisation key, role)
USERS = (
    ("focal", "observatory", Role.FOCAL_POINT),
    ("police", "police", Role.DATA_PROVIDER),
    ("analyst", "police", Role.ANALYST),
    ("customs", "customs", Role.DATA_PROVIDER),
    ("lab", "lab", Role.DATA_PROVIDER),
    ("clinic", "clinic", Role.DATA_PROVIDER),
    ("ngo", "ngo", Role.DATA_PROVIDER),
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    organisation: str


def ensure_demo_accounts() -> list[DemoUser]:
    created: list[DemoUser] = []
    orgs: dict[tuple[str, str], Organisation] = {}
    for code in CENTRAL_ASIA:
        country = Country.objects.get(code=code)
        for key, kind, en, ru in ORGANISATIONS:
            orgs[(code, key)] = account_services.organisation_upsert(
                actor=None, name_en=en.format(en=COUNTRY_NAMES_EN[code]), name_ru=ru.format(ru=country.name_ru),
                kind=kind, country=country, source_kind=SourceKind.DEMO)
    regional = account_services.organisation_upsert(
        actor=None, name_en="Regional analysis unit (demo)", name_ru="Региональная аналитическая группа (демо)",
        kind=Organisation.Kind.INTERNATIONAL, country=None, source_kind=SourceKind.DEMO)
    wanted = [(f"{code.lower()}_{suffix}", orgs[(code, key)], role)
              for code in CENTRAL_ASIA for suffix, key, role in USERS]
    wanted += [("regional", regional, Role.REGIONAL_ANALYST), ("admin", regional, Role.ADMINISTRATOR)]
    for username, org, role in wanted:
        if not User.objects.filter(username=username).exists():
            account_services.user_create(
                actor=None, username=username, password=DEMO_PASSWORD, organisation=org, role=role,
                is_superuser=(role == Role.ADMINISTRATOR), email=f"{username}@demo.cadis.invalid",
                source_kind=SourceKind.DEMO)
        created.append(DemoUser(username, role, org.name_en))
    return created
