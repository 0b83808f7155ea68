"""Writes of the knowledge module: each checks permissions and is audited.

Document uploads live in ``documents.py``; ``document_create`` is re-exported here.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from cadis.apps.knowledge import choices as c
from cadis.apps.knowledge.documents import document_create
from cadis.apps.knowledge.models import Programme, ProgrammeImplementation, TreatmentService
from cadis.apps.knowledge.validation import check_choices
from cadis.apps.reference.models import Country, Substance
from cadis.platform import audit
from cadis.platform.crud import apply_fields, check_change, new_record, save_created, save_updated
from cadis.platform.errors import PermissionDenied, ValidationError
from cadis.platform.records import Confidentiality, SourceKind
from cadis.platform.scope import owner_for, scope_of

__all__ = ["document_create", "implementation_set", "programme_upsert", "service_save"]

OWNER_MISSING = "Say which country and organisation the record belongs to."
OWNER_DENIED = "You may not add records for this country or organisation."

PROGRAMME_FIELDS = (
    "title_ru",
    "title_en",
    "summary_ru",
    "summary_en",
    "area",
    "level",
    "settings",
    "target_group_ru",
    "target_group_en",
    "life_stages",
    "standard",
    "standard_section",
    "evidence",
    "evidence_basis_ru",
    "evidence_basis_en",
    "references",
    "gender_responsive",
    "gender_notes_ru",
    "gender_notes_en",
    "materials",
)


@transaction.atomic
def programme_upsert(
    *,
    actor,
    code: str,
    data: dict[str, Any],
    substances: list[str] = (),
    source_kind: str = SourceKind.SYSTEM,
    source_detail: dict | None = None,
) -> tuple[Programme, bool]:
    """Create or update a catalogue programme (administrators and the system only)."""
    if actor is not None and not scope_of(actor).is_admin:
        raise PermissionDenied("Only administrators may edit the programme catalogue.")
    check_choices(data.get("area"), c.Area.values, "area")
    check_choices(data.get("level", ""), [*c.Level.values, ""], "level")
    check_choices(data.get("evidence"), c.Evidence.values, "evidence")
    check_choices(data.get("standard"), c.Standard.values, "standard")
    check_choices(data.get("settings", []), c.Setting.values, "settings", many=True)
    check_choices(data.get("life_stages", []), c.LifeStage.values, "life_stages", many=True)
    unknown = sorted(set(data) - set(PROGRAMME_FIELDS))
    if unknown:
        raise ValidationError(
            f"Unknown programme fields: {', '.join(unknown)}.", details={"fields": unknown}
        )
    substance_objs = list(Substance.objects.filter(code__in=substances))
    missing = sorted(set(substances) - {s.code for s in substance_objs})
    if missing:
        raise ValidationError(
            f"Unknown substances: {', '.join(missing)}.", details={"substances": missing}
        )
    programme = Programme.objects.filter(code=code).first()
    created = programme is None
    before = None if created else audit.snapshot(programme)
    programme = programme or Programme(code=code)
    for field in PROGRAMME_FIELDS:
        if field in data:
            setattr(programme, field, data[field])
    programme.source_kind = source_kind
    programme.source_ref = source_detail or {}
    programme.save()
    programme.substances.set(substance_objs)
    if created:
        audit.record_create(
            actor=actor, obj=programme, source_kind=source_kind, source_detail=source_detail
        )
    else:
        audit.record_update(
            actor=actor,
            obj=programme,
            before=before,
            source_kind=source_kind,
            source_detail=source_detail,
        )
    return programme, created


@transaction.atomic
def implementation_set(
    *,
    actor,
    programme: Programme,
    status: str,
    country: Country | None = None,
    organisation=None,
    since: int | None = None,
    contact: str = "",
    notes: str = "",
    confidentiality: str = Confidentiality.PUBLIC,
    source_kind: str = SourceKind.FORM,
) -> ProgrammeImplementation:
    """Record (or update) that ``organisation`` runs ``programme`` in ``country``."""
    check_choices(status, c.ImplementationStatus.values, "status")
    country, organisation = owner_for(
        actor, country=country, organisation=organisation, missing=OWNER_MISSING, denied=OWNER_DENIED
    )
    values = {
        "status": status,
        "since": since,
        "contact": contact,
        "notes": notes,
        "confidentiality": confidentiality,
    }
    impl = ProgrammeImplementation.objects.filter(
        programme=programme, country=country, organisation=organisation
    ).first()
    if impl is None:
        impl = new_record(
            ProgrammeImplementation,
            actor=actor,
            country=country,
            organisation=organisation,
            programme=programme,
            source_kind=source_kind,
            **values,
        )
        return save_created(impl, actor=actor, source_kind=source_kind)
    if actor is not None:
        check_change(actor, impl)
    before = audit.snapshot(impl)
    apply_fields(impl, values, values)
    return save_updated(impl, actor=actor, before=before, source_kind=source_kind)


SERVICE_FIELDS = (
    "name_ru",
    "name_en",
    "subdivision",
    "city",
    "address",
    "modalities",
    "capacity",
    "serves_women",
    "serves_young_people",
    "phone",
    "email",
    "website",
    "confidentiality",
)


@transaction.atomic
def service_save(
    *,
    actor,
    data: dict[str, Any],
    service: TreatmentService | None = None,
    country: Country | None = None,
    organisation=None,
    source_kind: str = SourceKind.FORM,
) -> TreatmentService:
    """Create a treatment service (``service`` None) or update one."""
    check_choices(data.get("modalities", []), c.Modality.values, "modalities", many=True)
    subdivision = data.get("subdivision")
    if service is None:
        service = new_record(
            TreatmentService,
            actor=actor,
            country=country,
            organisation=organisation,
            source_kind=source_kind,
            missing=OWNER_MISSING,
            denied=OWNER_DENIED,
        )
        before = None
    else:
        if actor is not None:
            check_change(actor, service, "You may not change this treatment service.")
        before = audit.snapshot(service)
    if subdivision is not None and subdivision.country_id != service.country_id:
        raise ValidationError(
            "The region is not in the service's country.", details={"field": "subdivision"}
        )
    apply_fields(service, data, SERVICE_FIELDS)
    if before is None:
        return save_created(service, actor=actor, source_kind=source_kind)
    return save_updated(service, actor=actor, before=before, source_kind=source_kind)
