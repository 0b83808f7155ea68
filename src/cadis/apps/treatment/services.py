"""Writes of the treatment app: episodes, harms figures and TDI releases; all audited."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from cadis.apps.reference.models import TdiDrug
from cadis.apps.treatment.models import HarmRecord, TdiRelease, TreatmentEpisode
from cadis.apps.treatment.pseudonym import pseudonym_for
from cadis.apps.treatment.validation import age_on, episode_problems
from cadis.platform.crud import (
    apply_fields,
    check_change,
    new_record,
    save_created,
    scoped_delete,
    scoped_update,
)
from cadis.platform.errors import PermissionDenied, ValidationError
from cadis.platform.records import Confidentiality, SourceKind
from cadis.platform.scope import owner_for, speaks_for

# Every coded TDI field of an episode besides the drugs.
CODED_FIELDS = (
    "centre_type",
    "treatment_status",
    "sex",
    "nationality",
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
    "hiv_result",
    "hcv_testing",
    "hcv_result",
    "ost",
)
# Whole numbers of the TDI 3.0 items on first injection and first OST (years and ages).
FIRST_FIELDS = ("age_first_injection", "year_first_injection", "year_first_ost")
EPISODE_FIELDS = (
    "start_date",
    "age",
    "age_first_use",
    "secondary_drugs",
    *FIRST_FIELDS,
    *CODED_FIELDS,
)
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
    episode = new_record(
        TreatmentEpisode,
        actor=actor,
        organisation=organisation,
        confidentiality=confidentiality,
        source_kind=source_kind,
        source_detail=source_detail,
        denied=_("You may not record treatment episodes for this organisation."),
    )
    codes = codes if codes is not None else tdi_codes()
    birth_date = identity.get("birth_date")
    values = _prepare(values, birth_date)
    _check(values, birth_date, codes)
    try:
        episode.pseudonym = pseudonym_for(**identity)
    except ValueError as exc:
        raise ValidationError(
            _("The client cannot be identified."),
            details=[{"field": "identity", "message": str(exc)}],
        ) from None
    apply_fields(episode, values, EPISODE_FIELDS)
    episode.year = values["start_date"].year
    episode.primary_drug_id = codes[values["primary_drug_code"]]
    if TreatmentEpisode.objects.filter(
        organisation=organisation, pseudonym=episode.pseudonym, start_date=episode.start_date
    ).exists():
        raise ValidationError(
            _("This client already has an episode starting that day at this organisation.")
        )
    return save_created(
        episode,
        actor=actor,
        after_save=_link_duplicates_of,
        source_kind=source_kind,
        source_detail=source_detail,
    )


def _link_duplicates_of(episode: TreatmentEpisode) -> None:
    link_duplicates(country_id=episode.country_id, pseudonym=episode.pseudonym)
    episode.refresh_from_db()


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
    denied = _("You may not change this episode.")
    check_change(actor, episode, denied)
    codes = codes if codes is not None else tdi_codes()
    values = _prepare(values, None)
    _check(values, None, codes)
    old_start = episode.start_date

    def prepare(record: TreatmentEpisode) -> None:
        record.primary_drug_id = codes[values["primary_drug_code"]]
        record.year = record.start_date.year

    def after_save(record: TreatmentEpisode) -> None:
        if record.start_date != old_start:
            _link_duplicates_of(record)

    return scoped_update(
        episode,
        actor=actor,
        data=values,
        fields=(*EPISODE_FIELDS, "confidentiality"),
        prepare=prepare,
        after_save=after_save,
        source_kind=source_kind,
        source_detail=source_detail,
        denied=denied,
    )


@transaction.atomic
def episode_delete(*, actor, episode: TreatmentEpisode) -> None:
    country_id, pseudonym = episode.country_id, episode.pseudonym
    scoped_delete(
        episode,
        actor=actor,
        denied=_("You may not delete this episode."),
        after_delete=lambda: link_duplicates(country_id=country_id, pseudonym=pseudonym),
    )


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
    denied = _("You may not record harms figures for this organisation.")
    country, organisation = owner_for(actor, organisation=organisation, denied=denied)
    if indicator == "drd" and values.get("tested") is not None:
        raise ValidationError(_("Deaths have no 'people tested' denominator."))
    if values.get("tested") is not None and values["cases"] > values["tested"]:
        raise ValidationError(_("More positive cases than people tested."))
    key = dict(
        country=country,
        organisation=organisation,
        indicator=indicator,
        year=year,
        sex=sex,
        age_band=age_band,
        substance=substance,
    )
    record = HarmRecord.objects.filter(**key).first()
    if record is None:
        record = new_record(
            HarmRecord,
            actor=actor,
            **key,
            confidentiality=confidentiality,
            source_kind=source_kind,
            source_detail=source_detail,
            denied=denied,
        )
        apply_fields(record, values, HARM_FIELDS)
        return save_created(
            record, actor=actor, source_kind=source_kind, source_detail=source_detail
        )
    return scoped_update(
        record,
        actor=actor,
        data={**values, "confidentiality": confidentiality},
        fields=(*HARM_FIELDS, "confidentiality"),
        source_kind=source_kind,
        source_detail=source_detail,
        denied=denied,
    )


@transaction.atomic
def harm_delete(*, actor, record: HarmRecord) -> None:
    scoped_delete(record, actor=actor, denied=_("You may not delete this figure."))


@transaction.atomic
def tdi_release(
    *, actor, country, year: int, note: str = "", source_kind: str = SourceKind.FORM
) -> TdiRelease:
    """The focal point releases a TDI year: its suppressed tables become public."""
    if not speaks_for(actor, country):
        raise PermissionDenied(_("Only the country's focal point may release its TDI tables."))
    release = TdiRelease.objects.filter(country=country, year=year).first()
    if release is not None:
        return release
    release = new_record(
        TdiRelease,
        actor=actor,
        country=country,
        year=year,
        note=note,
        confidentiality=Confidentiality.PUBLIC,
        source_kind=source_kind,
    )
    return save_created(release, actor=actor, source_kind=source_kind)
