"""The access matrix's world: the ten personas and one example record of every kind.

Every example belongs to the KG police (``kg_org``, country KG) and is made through the
module's own services by its data provider (``kg_provider``), restricted unless said otherwise.
Examples are built on first use, so a table only pays for the records it names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from cadis.platform.access import Example

RESTRICTED = "restricted"


class World:
    def __init__(self, personas) -> None:
        from cadis.apps.accounts import services as account_services
        from cadis.apps.accounts.models import ApiToken

        self.p = personas
        provider = personas.kg_provider
        _read, read_secret = account_services.api_token_create(
            actor=provider, user=provider, name="matrix read", access=ApiToken.Access.READ
        )
        _write, write_secret = account_services.api_token_create(
            actor=provider, user=provider, name="matrix write", access=ApiToken.Access.READ_WRITE
        )
        # column -> (user signed in with the session, bearer token)
        self.columns: dict[str, tuple[Any, str | None]] = {
            "anonymous": (None, None),
            "analyst": (personas.kg_analyst, None),
            "other_analyst": (personas.tj_analyst, None),
            "provider": (provider, None),
            "other_provider": (personas.kg_other_provider, None),
            "focal_point": (personas.kg_focal, None),
            "regional": (personas.regional, None),
            "admin": (personas.admin, None),
            "read_token": (None, read_secret),
            "write_token": (None, write_secret),
        }
        self._built: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        if name not in self._built:
            builder = BUILDERS.get(name)
            if builder is None:
                raise KeyError(
                    f"The access world has no example named {name!r}: add it to BUILDERS."
                )
            self._built[name] = builder(self)
        return self._built[name]

    def resolve(self, value: Any) -> Any:
        """Literals stay; an ``Example`` becomes its record's attribute; containers recurse."""
        if isinstance(value, Example):
            return getattr(self.get(value.name), value.attr)
        if isinstance(value, dict):
            return {k: self.resolve(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.resolve(v) for v in value]
        return value


def _country(code: str):
    from cadis.apps.reference.models import Country

    return Country.objects.get(code=code)


# --- accounts, jobs -------------------------------------------------------------------------
def _token(w: World):
    from cadis.apps.accounts import services

    token, _secret = services.api_token_create(
        actor=w.p.kg_provider, user=w.p.kg_provider, name="own"
    )
    return token


def _job(w: World):
    from cadis.apps.jobs.models import Job

    return Job.objects.get(pk=w.get("screening").job_id)


# --- supply ---------------------------------------------------------------------------------
def _seizure(w: World):
    from cadis.apps.reference.models import Substance
    from cadis.apps.supply import services

    return services.seizure_create(
        actor=w.p.kg_provider,
        data={
            "date": dt.date(2024, 3, 12),
            "date_precision": "day",
            "substance": Substance.objects.get(code="heroin"),
            "quantity_as_written": "2",
            "unit_as_written": "кг",
            "confidentiality": RESTRICTED,
        },
    )


def _case(w: World):
    from cadis.apps.supply import services

    return services.case_create(
        actor=w.p.kg_provider,
        data={"reference": "MATRIX-1", "persons_arrested": 3, "confidentiality": RESTRICTED},
    )


def _price(w: World):
    from cadis.apps.reference.models import Substance
    from cadis.apps.supply.prices import services

    return services.price_record_create(
        actor=w.p.kg_provider,
        data={
            "substance": Substance.objects.get(code="heroin"),
            "market_level": "retail",
            "period_start": dt.date(2024, 1, 1),
            "period_end": dt.date(2024, 6, 30),
            "currency": "kgs",
            "price_unit": "g",
            "price_mean": Decimal("2000"),
            "confidentiality": RESTRICTED,
        },
    )


def _import_batch(w: World):
    from cadis.apps.supply.imports import import_upload

    data = (
        "Дата;Страна;Вещество;Количество;Единица измерения\n12.03.2024;KG;героин;1,5;кг\n"
    ).encode()
    return import_upload(actor=w.p.kg_provider, data=data, file_name="matrix.csv")


# --- knowledge ------------------------------------------------------------------------------
def _programme(w: World):
    from cadis.apps.knowledge.loader import load_programmes
    from cadis.apps.knowledge.models import Programme

    load_programmes()
    return Programme.objects.get(code="opioid-agonist-treatment")


def _service(w: World):
    from cadis.apps.knowledge import services

    return services.service_save(
        actor=w.p.kg_provider,
        data={
            "name_en": "Synthetic service",
            "name_ru": "Синтетическая служба",
            "modalities": ["prison_based"],
            "confidentiality": RESTRICTED,
        },
    )


def _library_document(w: World):
    from cadis.apps.knowledge import services

    return services.document_create(
        actor=w.p.kg_provider,
        file=ContentFile("Изъятие партии гашиша на границе.".encode(), name="note.txt"),
        confidentiality=RESTRICTED,
        metadata={"title": "Restricted KG note"},
    )


# --- exchange -------------------------------------------------------------------------------
def _event(w: World):
    from cadis.apps.exchange import services

    return services.event_create(
        actor=w.p.kg_focal,
        countries=[_country("KG"), _country("TJ")],
        data={
            "title_ru": "Синтетическая конференция",
            "title_en": "Synthetic conference",
            "kind": "conference",
            "starts_on": dt.date(2024, 11, 27),
            "ends_on": dt.date(2024, 11, 28),
            "city": "Bishkek",
            "organisers": "Synthetic organisers",
            "confidentiality": RESTRICTED,
        },
        delegations=[],
        sessions=[],
    )


def adopted_recommendation(actor, countries: list, suffix: str = ""):
    """A recommendation taken through its stages to adopted (the stage every signed-in reader
    and the API see), aimed at ``countries`` (shared with the query-count makers)."""
    from cadis.apps.exchange import services

    rec = services.recommendation_save(
        actor=actor,
        target_countries=countries,
        data={
            "title_ru": f"Синтетическая рекомендация{suffix}",
            "title_en": f"Synthetic recommendation{suffix}",
            "text_ru": "Текст",
            "text_en": "Text",
            "pillar": "prevention",
            "confidentiality": RESTRICTED,
        },
    )
    criteria = {
        "gender_sensitive": (True, "Synthetic."),
        "consistent": (True, "Synthetic."),
        "balanced": (True, "Synthetic."),
        "evidence_based": (True, "Synthetic."),
    }
    services.criteria_set(actor=actor, recommendation=rec, values=criteria)
    rec = services.recommendation_open_consultation(actor=actor, recommendation=rec)
    return services.recommendation_adopt(actor=actor, recommendation=rec)


def _recommendation(w: World):
    """Adopted, aimed at KG."""
    return adopted_recommendation(w.p.kg_focal, [_country("KG")])


def _thread(w: World):
    from cadis.apps.exchange.services import discussions

    return discussions.thread_start(actor=w.p.kg_provider, title="Synthetic", body="Text")


# --- extraction -----------------------------------------------------------------------------
def _extraction_run(w: World):
    from cadis.apps.extraction import services

    return services.document_ingest(
        actor=w.p.kg_provider,
        file=ContentFile(
            "Бишкек, 12 марта 2025 г. (синтетический пресс-релиз). Сотрудники СБНОН МВД "
            "изъяли 12 кг гашиша.".encode(),
            name="release.txt",
        ),
        metadata={},
        confidentiality=RESTRICTED,
        country=None,
    )


def _extraction_document(w: World):
    return w.get("extraction_run")[0]


def _fact(w: World):
    """A seizure fact (a kind a module records, so it has an edit form)."""
    _document, run = w.get("extraction_run")
    return run.facts.filter(type="seizure").order_by("pk").first()


# --- precursors -----------------------------------------------------------------------------
DECLARATIONS = (
    "id;description;hs_code;cas;quantity;unit;origin;destination\n"
    "L1;Ангидрид уксусной кислоты техн., 99%;2915240000;;1000;kg;CN;KG\n"
)


def _screening(w: World):
    from cadis.apps.jobs.tasks import run_job
    from cadis.apps.precursors.screening import screening_start

    upload = SimpleUploadedFile("d.csv", DECLARATIONS.encode(), content_type="text/csv")
    job = screening_start(actor=w.p.kg_provider, upload=upload, title="Matrix declarations")
    run_job.call(job.job_id)
    job.refresh_from_db()
    return job


def _notification(w: World):
    from tests.precursors.factories import notification

    return notification(w.p.kg_provider)


def _incident(w: World):
    from tests.precursors.factories import incident

    return incident(w.p.kg_provider)


# --- ews ------------------------------------------------------------------------------------
def _detection_and_alert(w: World):
    from cadis.apps.ews.library import profiles_load
    from cadis.apps.ews.models import SubstanceProfile
    from cadis.apps.ews.rules import ensure_default_rules
    from cadis.apps.ews.services import detection_create

    if not SubstanceProfile.objects.filter(in_library=True).exists():
        profiles_load()
    ensure_default_rules()
    return detection_create(
        actor=w.p.kg_provider,
        country=w.p.kg_org.country,
        organisation=w.p.kg_org,
        data={
            "detected_on": dt.date(2026, 3, 1),
            "sample_type": "powder",
            "methods": ["gc_ms"],
            "reported_name": "",
            "structure_input": "CNC(C)C(=O)c1ccc(CC)cc1",  # 4-EMC, not in the seed library
            "intoxications": 0,
            "deaths": 0,
            "confidentiality": RESTRICTED,
        },
    )


def _detection_spectrum(w: World):
    from cadis.apps.ews.evidence import spectrum_add

    return spectrum_add(
        actor=w.p.kg_provider,
        detection=w.get("detection"),
        text="Name: synthetic\nNum Peaks: 3\n58 999\n91 300\n119 150\n",
        file_name="synthetic.msp",
    )


def _alert(w: World):
    _detection, alert = w.get("detection_and_alert")
    assert alert is not None, "the unknown cathinone raises an alert"
    return alert


def _profile(w: World):
    return w.get("detection").profile


def _ews_notification(w: World):
    from cadis.apps.ews.models import Notification

    return Notification.objects.create(user=w.p.kg_provider, alert=w.get("alert"))


# --- treatment ------------------------------------------------------------------------------
def _episode(w: World):
    from cadis.apps.treatment import services

    return services.episode_create(
        actor=w.p.kg_provider,
        organisation=w.p.kg_org,
        values={
            "start_date": dt.date(2024, 3, 15),
            "age": 31,
            "primary_drug_code": "1.1",
            "sex": "male",
            "centre_type": "outpatient",
            "route": "inject",
            "injecting": "last_30d",
            "frequency": "daily",
        },
        identity={"national_id": "AN1234567"},
        confidentiality="confidential",
    )


BUILDERS: dict[str, Callable[[World], Any]] = {
    "token": _token,
    "job": _job,
    "seizure": _seizure,
    "case": _case,
    "price": _price,
    "import_batch": _import_batch,
    "programme": _programme,
    "service": _service,
    "library_document": _library_document,
    "event": _event,
    "recommendation": _recommendation,
    "thread": _thread,
    "extraction_run": _extraction_run,
    "extraction_document": _extraction_document,
    "fact": _fact,
    "screening": _screening,
    "notification": _notification,
    "incident": _incident,
    "detection_and_alert": _detection_and_alert,
    "detection": lambda w: w.get("detection_and_alert")[0],
    "detection_spectrum": _detection_spectrum,
    "alert": _alert,
    "profile": _profile,
    "ews_notification": _ews_notification,
    "episode": _episode,
}
