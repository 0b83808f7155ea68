"""Writes of the treatment app: episodes, harms figures and TDI releases; all audited."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from cadis.apps.accounts import audit
from cadis.apps.accounts.errors import PermissionDenied, ValidationError
from cadis.apps.accounts.models import Confidentiality, SourceKind
from cadis.apps.accounts.scope import can_change, can_create_in, scope_of
from cadis.apps.reference.models import TdiDrug
from cadis.apps.treatment.models import HarmRecord, TdiRelease, TreatmentEpisode
from cadis.apps.treatment.pseudonym import pseudonym_for
from cadis.apps.treatment.validation import age_on, episode_problems

# Every coded TDI field of an episode besides the drugs.
CODED_FIELDS = (
    "centre_type",
    "treatment_status",
    "sex",
    "referral",
    "living_with",
    "living_with_children",
    "living_where",
    "education",
    "labour_status",
    "route",
    "frequency",
    "polydrug",
    "injecting",
    "needle_sharing",
    "hiv_testing",
    "hcv_testing",
    "ost",
)
EPISODE_FIELDS = ("start_date", "age", "age_first_use", "secondary_drugs", *CODED_FIELDS)
DUPLICATE_WINDOW = dt.timedelta(days=365)


def tdi_codes() -> dict[str, int]:
    return dict(TdiDrug.objects.values_list("code", "pk"))


def _check(values: dict, birth_date: dt.date | None, codes: dict[str, int]) -> None:
    problems = episode_problems(values, tdi_codes=set(codes), birth_date=birth_date)
    if problems:
        raise ValidationError(
            _("The episode is not valid."),
            details=[{"field": f, "message": m} for f, m in problems],
        )


def _prepare(values: dict, birth_date: dt.date | None) -> dict:
    values = dict(values)
    if (
        values.get("age") is None
        and birth_date is not None
        and values.get("start_date") is not None
    ):
        values["age"] = age_on(birth_date, values["start_date"])
    values["secondary_drugs"] = list(values.get("secondary_drugs") or [])
    return values


def link_duplicates(*, country_id: int, pseudonym: str) -> None:
    """Mark episodes of one client that start less than a year after the window's first one."""
    episodes = list(
        TreatmentEpisode.objects.filter(country_id=country_id, pseudonym=pseudonym).order_by(
            "start_date", "pk"
        )
    )
    anchor = None
    for episode in episodes:
        if anchor is None or episode.start_date - anchor.start_date >= DUPLICATE_WINDOW:
            anchor, target = episode, None
        else:
            target = anchor.pk
        if episode.duplicate_of_id != target:
            TreatmentEpisode.objects.filter(pk=episode.pk).update(duplicate_of_id=target)


@sensitive_variables("identity")
@transaction.atomic
def episode_create(
    *,
    actor,
    organisation,
    values: dict,
    identity: dict,
    confidentiality: str = Confidentiality.CONFIDENTIAL,
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
    codes: dict[str, int] | None = None,
) -> TreatmentEpisode:
    """Record an episode. ``identity`` holds national_id, or full_name + birth_date; it is
    turned into the pseudonym here and never stored."""
    country_id = organisation.country_id
    if not can_create_in(actor, country_id=country_id, organisation_id=organisation.pk):
        raise PermissionDenied(_("You may not record treatment episodes for this organisation."))
    codes = codes if codes is not None else tdi_codes()
    birth_date = identity.get("birth_date")
    values = _prepare(values, birth_date)
    _check(values, birth_date, codes)
    try:
        pseudonym = pseudonym_for(**identity)
    except ValueError as exc:
        raise ValidationError(
            _("The client cannot be identified."),
            details=[{"field": "identity", "message": str(exc)}],
        ) from None
    episode = TreatmentEpisode(
        country_id=country_id,
        organisation=organisation,
        confidentiality=confidentiality,
        source_kind=source_kind,
        source_ref=source_detail or {},
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        pseudonym=pseudonym,
        year=values["start_date"].year,
        primary_drug_id=codes[values["primary_drug_code"]],
        **{f: values[f] for f in EPISODE_FIELDS if f in values},
    )
    if TreatmentEpisode.objects.filter(
        organisation=organisation, pseudonym=pseudonym, start_date=episode.start_date
    ).exists():
        raise ValidationError(
            _("This client already has an episode starting that day at this organisation.")
        )
    episode.save()
    link_duplicates(country_id=country_id, pseudonym=pseudonym)
    episode.refresh_from_db()
    audit.record_create(
        actor=actor, obj=episode, source_kind=source_kind, source_detail=source_detail
    )
    return episode


@transaction.atomic
def episode_update(
    *,
    actor,
    episode: TreatmentEpisode,
    values: dict,
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
    codes: dict[str, int] | None = None,
) -> TreatmentEpisode:
    if not can_change(actor, episode):
        raise PermissionDenied(_("You may not change this episode."))
    codes = codes if codes is not None else tdi_codes()
    values = _prepare(values, None)
    _check(values, None, codes)
    before = audit.snapshot(episode)
    old_start = episode.start_date
    for field in EPISODE_FIELDS:
        if field in values:
            setattr(episode, field, values[field])
    episode.primary_drug_id = codes[values["primary_drug_code"]]
    if "confidentiality" in values:
        episode.confidentiality = values["confidentiality"]
    episode.year = episode.start_date.year
    episode.save()
    if episode.start_date != old_start:
        link_duplicates(country_id=episode.country_id, pseudonym=episode.pseudonym)
        episode.refresh_from_db()
    audit.record_update(
        actor=actor,
        obj=episode,
        before=before,
        source_kind=source_kind,
        source_detail=source_detail,
    )
    return episode


@transaction.atomic
def episode_delete(*, actor, episode: TreatmentEpisode) -> None:
    if not can_change(actor, episode):
        raise PermissionDenied(_("You may not delete this episode."))
    before = audit.snapshot(episode)
    country_id, pseudonym = episode.country_id, episode.pseudonym
    audit.record_delete(actor=actor, obj=episode, before=before)
    episode.delete()
    link_duplicates(country_id=country_id, pseudonym=pseudonym)


HARM_FIELDS = ("cases", "tested", "source", "data_quality", "quality_note")


@transaction.atomic
def harm_upsert(
    *,
    actor,
    organisation,
    indicator: str,
    year: int,
    sex: str = "all",
    age_band: str = "all",
    substance: TdiDrug | None = None,
    values: dict,
    confidentiality: str = Confidentiality.PUBLIC,
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> HarmRecord:
    """Create or update the figure of one indicator/year/sex/age band/substance."""
    if not can_create_in(
        actor, country_id=organisation.country_id, organisation_id=organisation.pk
    ):
        raise PermissionDenied(_("You may not record harms figures for this organisation."))
    if indicator == "drd" and values.get("tested") is not None:
        raise ValidationError(_("Deaths have no 'people tested' denominator."))
    if values.get("tested") is not None and values["cases"] > values["tested"]:
        raise ValidationError(_("More positive cases than people tested."))
    key = dict(
        country_id=organisation.country_id,
        organisation=organisation,
        indicator=indicator,
        year=year,
        sex=sex,
        age_band=age_band,
        substance=substance,
    )
    record = HarmRecord.objects.filter(**key).first()
    if record is None:
        record = HarmRecord(
            **key,
            confidentiality=confidentiality,
            source_kind=source_kind,
            source_ref=source_detail or {},
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            **{f: values.get(f) for f in HARM_FIELDS if f in values},
        )
        record.save()
        audit.record_create(
            actor=actor, obj=record, source_kind=source_kind, source_detail=source_detail
        )
        return record
    before = audit.snapshot(record)
    for field in HARM_FIELDS:
        if field in values:
            setattr(record, field, values[field])
    record.confidentiality = confidentiality
    record.save()
    audit.record_update(
        actor=actor, obj=record, before=before, source_kind=source_kind, source_detail=source_detail
    )
    return record


@transaction.atomic
def harm_delete(*, actor, record: HarmRecord) -> None:
    if not can_change(actor, record):
        raise PermissionDenied(_("You may not delete this figure."))
    before = audit.snapshot(record)
    audit.record_delete(actor=actor, obj=record, before=before)
    record.delete()


@transaction.atomic
def tdi_release(
    *, actor, country, year: int, note: str = "", source_kind: str = SourceKind.FORM
) -> TdiRelease:
    """The focal point releases a TDI year: its suppressed tables become public."""
    scope = scope_of(actor)
    if not (scope.is_admin or (scope.is_focal_point and scope.country_id == country.pk)):
        raise PermissionDenied(_("Only the country's focal point may release its TDI tables."))
    release = TdiRelease.objects.filter(country=country, year=year).first()
    if release is not None:
        return release
    release = TdiRelease.objects.create(
        country=country,
        organisation=actor.organisation,
        year=year,
        note=note,
        confidentiality=Confidentiality.PUBLIC,
        source_kind=source_kind,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit.record_create(actor=actor, obj=release, source_kind=source_kind)
    return release
