"""Analytical evidence on a detection: techniques, reference standard, retention, spectra, and
the identification confidence grade computed by the engine's SWGDRUG scheme.

Writes are permission-checked against the detection (who may change it may add evidence),
audited, and keep the draft alerts of the detection up to date with the grade (a line in
"identification methods", in each language the draft is written in).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from cadis.apps.ews import spectral
from cadis.apps.ews.choices import AlertStatus, Method
from cadis.apps.ews.confidence import (
    GRADE_MARK,
    bilingual_grade_line,
    compute_grade,
    evidence_of,
    grade_line,
)
from cadis.apps.ews.models import Detection, SubstanceProfile
from cadis.apps.ews.models.evidence import (
    DetectionEvidence,
    DetectionSpectrum,
    ReferenceSpectrum,
    SpectrumFormat,
    SpectrumKind,
)
from cadis.engines.spectra import ADDUCTS
from cadis.platform import audit, scope
from cadis.platform.crud import scoped_create
from cadis.platform.errors import PermissionDenied, ValidationError
from cadis.platform.records import SourceKind


def _with_grade_line(text: str, line: str) -> str:
    kept = [ln for ln in text.splitlines() if GRADE_MARK not in ln]
    return "\n".join([*kept, line]).strip()


def _refresh_alerts(detection: Detection, actor) -> None:
    """Draft alerts of the detection carry its current grade in their identification text: in
    each language when the system drafted the text in both, else in one bilingual line."""
    grade = compute_grade(detection)["grade"]
    for alert in detection.alerts.filter(status=AlertStatus.DRAFT):
        english = dict(alert.texts_en or {})
        if "identification_methods" in english:
            with override(settings.LANGUAGE_CODE):
                text = _with_grade_line(alert.identification_methods, grade_line(grade))
            with override("en"):
                english["identification_methods"] = _with_grade_line(
                    english["identification_methods"], grade_line(grade)
                )
        else:
            text = _with_grade_line(alert.identification_methods, bilingual_grade_line(grade))
        if text != alert.identification_methods or english != (alert.texts_en or {}):
            before = audit.snapshot(alert)
            alert.identification_methods, alert.texts_en = text, english
            alert.save(update_fields=["identification_methods", "texts_en", "updated_at"])
            audit.record_update(
                actor=actor, obj=alert, before=before, source_kind=SourceKind.SYSTEM
            )


def _store_grade(detection: Detection, actor) -> None:
    evidence = evidence_of(detection)
    if evidence is not None:
        result = compute_grade(detection)
        if (evidence.grade, evidence.grade_detail) != (result["grade"], result):
            before = audit.snapshot(evidence)
            evidence.grade, evidence.grade_detail = result["grade"], result
            evidence.save(update_fields=["grade", "grade_detail", "updated_at"])
            audit.record_update(actor=actor, obj=evidence, before=before)
    _refresh_alerts(detection, actor)


def _require_change(actor, detection: Detection) -> None:
    if not scope.can_change(actor, detection):
        raise PermissionDenied(_("You may not add evidence to this detection."))


# --- writes ---------------------------------------------------------------------------------

EVIDENCE_FIELDS = (
    "techniques",
    "reference_standard",
    "reference_standard_note",
    "retention_time",
    "retention_index",
)


@transaction.atomic
def evidence_save(*, actor, detection: Detection, data: dict[str, Any]) -> DetectionEvidence:
    """Create or update the detection's analytical evidence and grade it."""
    _require_change(actor, detection)
    values = {k: data[k] for k in EVIDENCE_FIELDS if k in data}
    unknown = [t for t in values.get("techniques", []) if t not in Method.values]
    if unknown:
        raise ValidationError(
            _("Unknown technique: %(t)s") % {"t": ", ".join(unknown)},
            details={"field": "techniques"},
        )
    for name in ("retention_time", "retention_index"):
        if values.get(name) is not None and values[name] < 0:
            raise ValidationError(
                _("Retention values cannot be negative."), details={"field": name}
            )
    evidence = evidence_of(detection)
    created = evidence is None
    if created:
        evidence = DetectionEvidence(detection=detection)
    before = {} if created else audit.snapshot(evidence)
    for key, value in values.items():
        setattr(evidence, key, value if value is not None or "retention" in key else "")
    evidence.save()
    detection.evidence = evidence
    if created:
        audit.record_create(actor=actor, obj=evidence)
    else:
        audit.record_update(actor=actor, obj=evidence, before=before)
    _store_grade(detection, actor)
    return evidence


@transaction.atomic
def spectrum_add(
    *,
    actor,
    detection: Detection,
    text: str = "",
    file_name: str = "",
    file_format: str = "",
    precursor_mz: float | None = None,
    adduct: str = "",
) -> DetectionSpectrum:
    """Store an EI spectrum file (MSP, JCAMP-DX, MGF) or an LC-HRMS precursor m/z + adduct."""
    _require_change(actor, detection)
    record = DetectionSpectrum(detection=detection, uploaded_by=actor)
    if text.strip():
        fmt = (
            file_format
            if file_format in spectral.FORMATS
            else spectral.detect_format(text, file_name)
        )
        spectrum = spectral.parse_upload(text, fmt)[0]
        record.file_format, record.name = fmt, spectrum.name[:300]
        record.file_name = file_name[:255]
        record.peaks = spectral.peaks_of(spectrum)
        record.precursor_mz = spectrum.precursor_mz
        record.adduct = (spectrum.adduct or adduct)[:20]
        record.kind = SpectrumKind.LC_HRMS if spectrum.precursor_mz else SpectrumKind.EI
        record.file.save("spectrum.txt", ContentFile(text.encode("utf-8")), save=False)
    elif precursor_mz is not None:
        record.file_format, record.kind = SpectrumFormat.MANUAL, SpectrumKind.LC_HRMS
        record.precursor_mz, record.adduct = precursor_mz, adduct
    else:
        raise ValidationError(
            _("Upload a spectrum file or give the precursor m/z."), details={"field": "file"}
        )
    if record.adduct and record.adduct not in ADDUCTS:
        raise ValidationError(
            _("Unknown adduct: %(adduct)s") % {"adduct": record.adduct},
            details={"field": "adduct"},
        )
    if record.kind == SpectrumKind.LC_HRMS and (record.precursor_mz or 0) <= 0:
        raise ValidationError(_("The precursor m/z must be positive."), details={"field": "mz"})
    if record.kind == SpectrumKind.EI:
        hits = spectral.ei_search(user=actor, query=spectral.spectrum_of(record.peaks))
        record.best_score = hits[0]["score"] if hits else None
    record.save()
    audit.record_create(
        actor=actor,
        obj=record,
        source_detail={"file": record.file_name} if record.file_name else None,
    )
    _store_grade(detection, actor)
    return record


def matches_for(*, user, record: DetectionSpectrum) -> list[dict]:
    """Top matches of a stored spectrum for this reader (EI search or suspect screening)."""
    if record.kind == SpectrumKind.EI:
        return spectral.ei_search(user=user, query=spectral.spectrum_of(record.peaks))
    adducts = (record.adduct,) if record.adduct else ()
    return spectral.suspect_screen(record.precursor_mz or 0.0, adducts=adducts)


# --- the regional library -----------------------------------------------------------------


def may_contribute(user) -> bool:
    """Laboratory personas: a user who may write and belongs to a forensic laboratory."""
    from cadis.apps.accounts.models import Organisation

    state = scope.scope_of(user)
    if state.is_admin:
        return True
    organisation = user.organisation if state.authenticated and user.organisation_id else None
    return (
        state.can_write
        and organisation is not None
        and organisation.kind == Organisation.Kind.FORENSIC_LABORATORY
    )


@transaction.atomic
def reference_contribute(
    *,
    actor,
    profile: SubstanceProfile,
    text: str,
    file_name: str = "",
    data: dict[str, Any] | None = None,
    organisation=None,
    source_kind: str = SourceKind.FORM,
) -> ReferenceSpectrum:
    """Add a laboratory's reference EI spectrum of a catalogue substance to the library
    (`actor` None: the system itself, e.g. the demo, naming the `organisation`)."""
    if actor is not None and not may_contribute(actor):
        raise PermissionDenied(_("Only forensic laboratories contribute reference spectra."))
    fmt = spectral.detect_format(text, file_name)
    spectrum = spectral.parse_upload(text, fmt)[0]
    if spectrum.precursor_mz is not None:
        raise ValidationError(
            _("The library holds EI spectra; this record has a precursor m/z."),
            details={"field": "file"},
        )
    data = dict(data or {})
    organisation = organisation or scope.own_writable_organisation(actor) or actor.organisation
    return scoped_create(
        ReferenceSpectrum,
        actor=actor,
        data=data,
        fields=("laboratory", "instrument", "retention_index", "notes", "confidentiality"),
        country=organisation.country if organisation else None,
        organisation=organisation,
        source_kind=source_kind,
        source_detail={"file": file_name} if file_name else None,
        profile=profile,
        name=spectrum.name[:300],
        file_format=fmt,
        peaks=spectral.peaks_of(spectrum),
    )
