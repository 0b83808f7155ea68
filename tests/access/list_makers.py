"""Makers for the query-count caps: each adds one more record (the ``i``-th) that the list's
reader (the KG focal point) sees. Synthetic data only, made through the modules' services.

A maker is ``make(personas, i)``; the caps call it for i = 0..N-1, then N..3N-1.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.access.world import adopted_recommendation

RESTRICTED = "restricted"


def _country(code: str):
    from cadis.apps.reference.models import Country

    return Country.objects.get(code=code)


# --- supply ---------------------------------------------------------------------------------
def seizures(p, i):
    from cadis.apps.reference.models import Substance
    from cadis.apps.supply import services

    services.seizure_create(
        actor=p.kg_provider,
        data={
            "date": dt.date(2024, 3, 1 + i),
            "date_precision": "day",
            "substance": Substance.objects.get(code="heroin"),
            "quantity_as_written": str(1 + i),
            "unit_as_written": "кг",
            "confidentiality": RESTRICTED,
        },
    )


def cases(p, i):
    from cadis.apps.supply import services

    services.case_create(actor=p.kg_provider, data={"reference": f"Q-{i}", "persons_arrested": i})


def statistics(p, i):
    from cadis.apps.supply import services

    services.period_statistic_create(
        actor=p.kg_provider,
        data={
            "indicator": "groups_dismantled",
            "value": 10 + i,
            "unit": "count",
            "period_start": dt.date(2010 + i, 1, 1),
            "period_end": dt.date(2010 + i, 12, 31),
            "confidentiality": RESTRICTED,
        },
    )


def prices(p, i):
    from cadis.apps.reference.models import Substance
    from cadis.apps.supply.prices import services

    services.price_record_create(
        actor=p.kg_provider,
        data={
            "substance": Substance.objects.get(code="heroin"),
            "market_level": "retail",
            "period_start": dt.date(2020 + i, 1, 1),
            "period_end": dt.date(2020 + i, 6, 30),
            "currency": "kgs",
            "price_unit": "g",
            "price_mean": Decimal("2000"),
            "confidentiality": RESTRICTED,
        },
    )


def import_batch(p, i):
    """A batch of i + 1 rows, each with an issue (an unknown substance): the latest batch's
    page lists more issues each time."""
    from cadis.apps.supply.imports import import_check, import_upload

    rows = "".join(f"12.03.2024;KG;вещество-{i}-{r};1,5;кг\n" for r in range(i + 1))
    data = ("Дата;Страна;Вещество;Количество;Единица измерения\n" + rows).encode()
    batch = import_upload(actor=p.kg_provider, data=data, file_name=f"q{i}.csv")
    import_check(actor=p.kg_provider, batch=batch, data=data)


def import_mappings(p, i):
    from cadis.apps.reference.import_mappings import mapping_save
    from cadis.apps.reference.models import TransportMode

    mapping_save(
        actor=p.kg_provider,
        organisation=p.kg_org,
        kind="seizures",
        vocabulary="transport",
        source=f"Машина {i}",
        target=TransportMode.objects.order_by("pk").first().pk,
        target_label="Synthetic",
    )


# --- treatment ------------------------------------------------------------------------------
def episodes(p, i):
    from cadis.apps.treatment import services

    services.episode_create(
        actor=p.kg_provider,
        organisation=p.kg_org,
        values={
            "start_date": dt.date(2024, 1 + i, 5),
            "age": 30 + i,
            "primary_drug_code": "1.1",
            "sex": "male",
        },
        identity={"national_id": f"SYN-Q-{i}"},
    )


def harms(p, i):
    from cadis.apps.treatment import services

    services.harm_upsert(
        actor=p.kg_provider,
        organisation=p.kg_org,
        indicator="drd",
        year=2010 + i,
        values={"cases": 3 + i},
        confidentiality=RESTRICTED,
    )


# --- precursors -----------------------------------------------------------------------------
def notifications(p, i):
    from tests.precursors.factories import notification

    notification(p.kg_provider, reference=f"KG-PEN-Q{i}")


def incidents(p, i):
    from tests.precursors.factories import incident

    incident(p.kg_provider, reference=f"KG-PICS-Q{i}")


def _declarations(lines: int) -> bytes:
    rows = "".join(
        f"L{n};Ангидрид уксусной кислоты техн., 99%;2915240000;;{100 + n};kg;CN;KG\n"
        for n in range(lines)
    )
    return ("id;description;hs_code;cas;quantity;unit;origin;destination\n" + rows).encode()


def screenings(p, i):
    from cadis.apps.precursors.screening import screening_start

    upload = SimpleUploadedFile(f"d{i}.csv", _declarations(1), content_type="text/csv")
    screening_start(actor=p.kg_provider, upload=upload, title=f"Synthetic declarations {i}")


def screening_run(p, i):
    """A screening of i + 1 lines, run: the latest screening has more results each time."""
    from cadis.apps.jobs.tasks import run_job
    from cadis.apps.precursors.screening import screening_start

    upload = SimpleUploadedFile(f"r{i}.csv", _declarations(i + 1), content_type="text/csv")
    job = screening_start(actor=p.kg_provider, upload=upload, title=f"Synthetic run {i}")
    run_job.call(job.job_id)


def latest_screening(p):
    from cadis.apps.precursors.models import ScreeningJob

    return ScreeningJob.objects.order_by("-pk").first()


# --- ews ------------------------------------------------------------------------------------
# Cathinones with a longer chain each time: not in the seed library, so each detection makes a
# new substance profile and a draft alert.
def _unknown_cathinone(i: int) -> str:
    return "CNC(C)C(=O)c1ccc(" + "C" * (2 + i) + ")cc1"


def detections(p, i):
    from cadis.apps.ews.library import profiles_load
    from cadis.apps.ews.models import SubstanceProfile
    from cadis.apps.ews.rules import ensure_default_rules
    from cadis.apps.ews.services import detection_create

    if i == 0 and not SubstanceProfile.objects.filter(in_library=True).exists():
        profiles_load()
        ensure_default_rules()
    detection_create(
        actor=p.kg_provider,
        country=p.kg_org.country,
        organisation=p.kg_org,
        data={
            "detected_on": dt.date(2026, 3, 1 + i),
            "sample_type": "powder",
            "methods": ["gc_ms"],
            "structure_input": "CNC(C)C(=O)c1ccc(C)cc1",
            "confidentiality": RESTRICTED,
        },
    )


def _unknown_detection(p, i):
    from cadis.apps.ews.rules import ensure_default_rules
    from cadis.apps.ews.services import detection_create

    if i == 0:
        ensure_default_rules()
    return detection_create(
        actor=p.kg_provider,
        country=p.kg_org.country,
        organisation=p.kg_org,
        data={
            "detected_on": dt.date(2026, 3, 1 + i),
            "sample_type": "powder",
            "methods": ["gc_ms"],
            "reported_name": "",
            "structure_input": _unknown_cathinone(i),
            "intoxications": 0,
            "deaths": 0,
            "confidentiality": RESTRICTED,
        },
    )


def profiles(p, i):
    _unknown_detection(p, i)


def alerts(p, i):
    """An alert issued by the focal point (the API lists issued alerts only)."""
    from cadis.apps.ews.services import alert_issue

    _detection, alert = _unknown_detection(p, i)
    alert_issue(actor=p.kg_focal, alert=alert, public=False)


def public_alerts(p, i):
    from cadis.apps.ews.services import alert_issue

    _detection, alert = _unknown_detection(p, i)
    alert_issue(actor=p.kg_focal, alert=alert, public=True)


def ews_notifications(p, i):
    from cadis.apps.ews.models import Notification

    _detection, alert = _unknown_detection(p, i)
    Notification.objects.create(user=p.kg_focal, alert=alert)


def spectra(p, i):
    """A reference spectrum of the KG police (the library's own contributor: the system)."""
    from cadis.apps.ews.evidence import reference_contribute

    detection, _alert = _unknown_detection(p, i)
    reference_contribute(
        actor=None,
        organisation=p.kg_org,
        profile=detection.profile,
        text=f"Name: synthetic {i}\nNum Peaks: 3\n58 999\n91 300\n{119 + i} 150\n",
        file_name=f"s{i}.msp",
        data={"confidentiality": RESTRICTED},
    )


# --- knowledge ------------------------------------------------------------------------------
def documents(p, i):
    from cadis.apps.knowledge import services

    services.document_create(
        actor=p.kg_provider,
        file=ContentFile(f"Синтетический текст {i}.".encode(), name=f"n{i}.txt"),
        confidentiality=RESTRICTED,
        metadata={"title": f"Synthetic {i}"},
    )


def services_(p, i):
    from cadis.apps.knowledge import services

    services.service_save(
        actor=p.kg_provider,
        data={
            "name_en": f"Service {i}",
            "name_ru": f"Служба {i}",
            "modalities": ["prison_based"],
            "confidentiality": RESTRICTED,
        },
    )


def programmes(p, i):
    """A catalogue programme (the system's, as the loader makes them) run by the KG police."""
    from cadis.apps.knowledge import services
    from cadis.apps.knowledge.loader import read_programmes

    data = dict(read_programmes()[0])
    data.pop("code")
    substances = data.pop("substances", [])
    data["title_en"] = data["title_ru"] = f"Synthetic programme {i}"
    programme, _created = services.programme_upsert(
        actor=None, code=f"synthetic-{i}", data=data, substances=substances
    )
    services.implementation_set(
        actor=p.kg_provider,
        programme=programme,
        status="routine",
        organisation=p.kg_org,
        confidentiality=RESTRICTED,
    )


# --- exchange -------------------------------------------------------------------------------
def events(p, i):
    from cadis.apps.exchange import services

    services.event_create(
        actor=p.kg_focal,
        countries=[_country("KG"), _country("TJ")],
        data={
            "title_ru": f"Синтетическая конференция {i}",
            "title_en": f"Synthetic conference {i}",
            "kind": "conference",
            "starts_on": dt.date(2024, 1 + i, 1),
            "ends_on": dt.date(2024, 1 + i, 2),
            "city": "Bishkek",
            "organisers": "Synthetic organisers",
            "confidentiality": RESTRICTED,
        },
        delegations=[{"country": _country("KG"), "head": "Synthetic head", "size": 2}],
        sessions=[],
    )


def recommendations(p, i):
    """Adopted (what every signed-in reader and the API see), aimed at KG and TJ."""
    adopted_recommendation(p.kg_focal, [_country("KG"), _country("TJ")], f" {i}")


def experts(p, i):
    from cadis.apps.exchange import services

    services.expert_save(
        actor=p.kg_provider,
        data={
            "full_name": f"Synthetic Expert {i}",
            "expertise": ["treatment"],
            "languages": ["ru"],
            "confidentiality": RESTRICTED,
        },
    )


def threads(p, i):
    from cadis.apps.exchange.services import discussions

    discussions.thread_start(actor=p.kg_provider, title=f"Synthetic {i}", body="Text")


def exchange_notifications(p, i):
    """A comment by someone else on the focal point's thread notifies the focal point."""
    from cadis.apps.exchange.models import Thread
    from cadis.apps.exchange.services import discussions

    thread = Thread.objects.filter(author=p.kg_focal).first() or discussions.thread_start(
        actor=p.kg_focal, title="Synthetic", body="Text"
    )
    discussions.comment_add(actor=p.kg_provider, thread=thread, body=f"Synthetic comment {i}")


# --- extraction -----------------------------------------------------------------------------
def _release(seizures_: int, i: int) -> bytes:
    sentences = " ".join(
        f"Сотрудники СБНОН МВД изъяли {n + 2} кг гашиша в селе Синтетическое-{n}."
        for n in range(seizures_)
    )
    return f"Бишкек, 12 марта 2025 г. (синтетический пресс-релиз {i}). {sentences}".encode()


def extraction_documents(p, i):
    from cadis.apps.extraction import services

    services.document_ingest(
        actor=p.kg_provider,
        file=ContentFile(_release(1, i), name=f"release-{i}.txt"),
        metadata={},
        confidentiality=RESTRICTED,
        country=None,
    )


def extraction_facts(p, i):
    """A release with i + 1 seizures: the latest document has more facts each time."""
    from cadis.apps.extraction import services

    services.document_ingest(
        actor=p.kg_provider,
        file=ContentFile(_release(i + 1, i), name=f"facts-{i}.txt"),
        metadata={},
        confidentiality=RESTRICTED,
        country=None,
    )


def latest_extraction_document(p):
    from cadis.apps.extraction.models import ExtractionRun

    return ExtractionRun.objects.order_by("-pk").first().document


# --- accounts -------------------------------------------------------------------------------
def audit_entries(p, i):
    """Each recorded case writes an audit entry about KG (what the focal point reads)."""
    cases(p, i)


# --- reference ------------------------------------------------------------------------------
# The vocabularies are loaded from the shipped files, not entered through services: the makers
# add synthetic rows (codes and names that sort first, so they land on the first page) with the
# relations an answer reads (parent, group, synonyms, entries), so a lookup per row would show.
def _first(i: int) -> str:
    return f"000-q{i}"


def countries(p, i):
    from cadis.apps.reference.models import Country

    Country.objects.create(
        code=f"Q{i}", alpha3=f"QQ{i}", name_en=f"AAA Synthetic {i}", name_ru=f"ААА {i}",
        is_central_asia=True,
    )  # fmt: skip


def subdivisions(p, i):
    from cadis.apps.reference.models import Subdivision

    Subdivision.objects.create(
        code=_first(i), country=_country("KG"), name_en=f"Synthetic {i}", name_ru=f"Синт {i}"
    )


def agencies(p, i):
    from cadis.apps.reference.models import Agency

    Agency.objects.create(
        code=_first(i), country=_country("KG"), name_en=f"AAA Synthetic {i}",
        name_ru=f"ААА {i}", kind="law_enforcement",
    )  # fmt: skip


def substances(p, i):
    from cadis.apps.reference.models import NpsCategory, Substance, SubstanceGroup, TdiDrug

    substance = Substance.objects.create(
        code=_first(i), kind="nps", name_en=f"AAA synthetic {i}", name_ru=f"ААА {i}",
        group=SubstanceGroup.objects.order_by("pk").first(),
        nps_category=NpsCategory.objects.order_by("pk").first(),
        tdi_code=TdiDrug.objects.order_by("pk").first(),
    )  # fmt: skip
    substance.synonyms.create(lang="ru", synonym=f"синтетик {i}")


def _reference(model_name: str, *, hierarchy: bool = False):
    """A maker of one synthetic entry of a reference vocabulary (under a top-level parent for
    the hierarchies), named to sort onto the first page."""

    def make(p, i):
        from cadis.apps.reference import models

        model = getattr(models, model_name)
        values = {"code": _first(i), "name_en": f"Synthetic {i}", "name_ru": f"Синт {i}"}
        if hierarchy:
            values["parent"] = model.objects.filter(parent=None).order_by("-code").first()
        model.objects.create(**values)

    return make


substance_groups = _reference("SubstanceGroup", hierarchy=True)
tdi_drugs = _reference("TdiDrug", hierarchy=True)
nps_categories = _reference("NpsCategory")
concealment_methods = _reference("ConcealmentMethod")
transport_modes = _reference("TransportMode")
drug_forms = _reference("DrugForm")


def units(p, i):
    from cadis.apps.reference.models import Unit

    Unit.objects.create(
        code=_first(i), name_en=f"Synthetic {i}", name_ru=f"Синт {i}", dimension="count",
        factor_to_base=Decimal(f"0.00000000{i + 1}"), base="piece", aliases=f"q{i}|qq{i}",
    )  # fmt: skip


def control_lists(p, i):
    from cadis.apps.reference.models import ControlList

    control_list = ControlList.objects.create(
        kind="watch", country=_country("KG"), name=f"Synthetic list {i}", version=f"q{i}",
        effective_from=dt.date(2020, 1, 1 + i),
    )  # fmt: skip
    control_list.entries.create(name_en=f"Synthetic chemical {i}", name_ru=f"Вещество {i}")


def latest_batch(p):
    from cadis.apps.supply.models import ImportBatch

    return ImportBatch.objects.order_by("-pk").first()


# --- place review queues --------------------------------------------------------------------
# The geocoder's doubt depends on the gazetteer loaded; the queue is what is measured, so the
# records are made through the services and then marked for review directly.
def _to_review(model, pk) -> None:
    from cadis.apps.reference.models import GeoStatus

    model.objects.filter(pk=pk).update(geo_status=GeoStatus.REVIEW)


def seizure_places(p, i):
    from cadis.apps.supply.models import Seizure

    seizures(p, i)
    _to_review(Seizure, Seizure.objects.order_by("-pk").first().pk)


def detection_places(p, i):
    from cadis.apps.ews.models import Detection

    detection, _alert = _unknown_detection(p, i)
    _to_review(Detection, detection.pk)


def fact_places(p, i):
    """An accepted fact (a document's first) whose place is to review."""
    from cadis.apps.extraction.models import Fact

    extraction_documents(p, i)
    fact = Fact.objects.filter(document=latest_extraction_document(p)).order_by("pk").first()
    Fact.objects.filter(pk=fact.pk).update(status=Fact.Status.ACCEPTED)
    _to_review(Fact, fact.pk)


def tokens(p, i):
    """The reader's own API tokens (the tokens page lists the signed-in user's)."""
    from cadis.apps.accounts import services

    services.api_token_create(actor=p.kg_focal, user=p.kg_focal, name=f"Synthetic {i}")
