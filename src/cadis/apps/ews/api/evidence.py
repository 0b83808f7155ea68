"""Early-warning API, analytical evidence: evidence and spectra on a detection, the regional
spectral library (EI search, contributions), LC-HRMS suspect screening, the simulator.

Mounted on the ews router by `api.py`.
"""

from __future__ import annotations

from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from cadis.apps.accounts.auth import write_auth
from cadis.apps.ews import evidence, selectors, simulate, spectral
from cadis.apps.ews.choices import JURISDICTIONS, Method
from cadis.apps.ews.models import SubstanceProfile
from cadis.platform.api import LimitOffset, ScopedRecordOut, responses
from cadis.platform.errors import NotFound, ValidationError
from cadis.platform.records import Confidentiality, SourceKind

router = Router(tags=["ews"])


class NpsEvidenceIn(Schema):
    techniques: list[Method] = Field(..., min_length=1)
    reference_standard: bool = False
    reference_standard_note: str = ""
    retention_time: float | None = Field(None, ge=0, description="minutes")
    retention_index: float | None = Field(None, ge=0)


class NpsConfidenceOut(Schema):
    grade: str
    meets_swgdrug: bool
    categories: dict[str, list[str]]
    reasons: list[str]
    from_evidence: bool


class NpsSpectrumIn(Schema):
    text: str = Field("", description="MSP, JCAMP-DX or MGF text (EI or MS/MS)")
    file_name: str = ""
    precursor_mz: float | None = Field(None, gt=0, description="LC-HRMS precursor without a file")
    adduct: str = Field("", description="for example [M+H]+")


class NpsHitOut(Schema):
    profile_id: int
    name: str
    score: float | None = None
    cosine: float | None = None
    entropy: float | None = None
    matched_peaks: int | None = None
    laboratory: str | None = None
    synthetic: bool | None = None
    adduct: str | None = None
    theoretical_mz: float | None = None
    ppm_error: float | None = None
    status: dict


class NpsSpectrumOut(Schema):
    id: int
    kind: str
    file_format: str
    file_name: str
    name: str
    precursor_mz: float | None
    adduct: str
    best_score: float | None
    matches: list[NpsHitOut]
    confidence: NpsConfidenceOut


class NpsSearchIn(Schema):
    text: str = Field(..., min_length=1, description="MSP, JCAMP-DX or MGF text of one EI spectrum")


class NpsSuspectIn(Schema):
    mz: float = Field(..., gt=0)
    adducts: list[str] = Field(default_factory=list, description="empty: the positive adducts")
    ppm: float = Field(5.0, gt=0, le=50)


class NpsReferenceIn(Schema):
    profile_id: int
    text: str = Field(..., min_length=1, description="MSP, JCAMP-DX or MGF text of an EI spectrum")
    laboratory: str = ""
    instrument: str = ""
    retention_index: float | None = Field(None, ge=0)
    notes: str = ""
    confidentiality: Confidentiality = Confidentiality.RESTRICTED


class NpsReferenceOut(ScopedRecordOut):
    id: int
    profile_id: int
    substance: str
    laboratory: str
    country: str
    organisation: str
    name: str
    peaks: list[list[float]]
    confidentiality: str
    synthetic: bool

    @staticmethod
    def resolve_substance(obj) -> str:
        return obj.profile.name_en


class NpsSimulateIn(Schema):
    core: str = Field("", description="SMARTS with variable positions [*:1], [*:2], ...")
    positions: dict[int, list[str]] = Field(default_factory=dict)
    jurisdiction: str | None = Field(None, description=f"one of {', '.join(JURISDICTIONS)}")


class NpsSimulationRowOut(Schema):
    source: str
    id: int
    name: str
    smiles: str
    captured: bool
    reason: str


def _detection(request, detection_id: int):
    detection = selectors.detection_get(user=request.user, pk=detection_id)
    if detection is None:
        raise NotFound("There is no such detection, or you may not see it.")
    return detection


def _hits(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k != "profile"} for row in rows]


@router.get("/detections/{detection_id}/confidence", response=responses(NpsConfidenceOut, 404),
            summary="Identification confidence of a detection (SWGDRUG)")  # fmt: skip
def detection_confidence(request, detection_id: int):
    return evidence.compute_grade(_detection(request, detection_id))


@router.put("/detections/{detection_id}/evidence", response=responses(NpsConfidenceOut, 403, 404, 409), auth=write_auth,
            summary="Record the analytical evidence of a detection")  # fmt: skip
def detection_evidence(request, detection_id: int, payload: NpsEvidenceIn):
    detection = _detection(request, detection_id)
    data = payload.dict()
    data["techniques"] = [str(t) for t in data["techniques"]]
    evidence.evidence_save(actor=request.user, detection=detection, data=data)
    return evidence.compute_grade(detection)


@router.post("/detections/{detection_id}/spectra", response=responses(NpsSpectrumOut, 403, 404, 409, status=201), auth=write_auth,
             summary="Add a spectrum to a detection (searched on upload)")  # fmt: skip
def detection_spectrum(request, detection_id: int, payload: NpsSpectrumIn):
    detection = _detection(request, detection_id)
    record = evidence.spectrum_add(
        actor=request.user, detection=detection, text=payload.text, file_name=payload.file_name,
        precursor_mz=payload.precursor_mz, adduct=payload.adduct,
    )  # fmt: skip
    return Status(
        201,
        {
            **{k: getattr(record, k) for k in ("id", "kind", "file_format", "file_name", "name",
                                               "precursor_mz", "adduct", "best_score")},
            "matches": _hits(evidence.matches_for(user=request.user, record=record)),
            "confidence": evidence.compute_grade(detection),
        },
    )  # fmt: skip


@router.post("/spectra/search", response=responses(list[NpsHitOut]),
             summary="Top five reference spectra for an EI spectrum, with legal status")  # fmt: skip
def spectra_search(request, payload: NpsSearchIn):
    query = spectral.parse_upload(payload.text, spectral.detect_format(payload.text))[0]
    return _hits(spectral.ei_search(user=request.user, query=query))


@router.post("/spectra/suspects", response=responses(list[NpsHitOut]),
             summary="LC-HRMS suspect screening by exact mass against the catalogue")  # fmt: skip
def spectra_suspects(request, payload: NpsSuspectIn):
    return _hits(spectral.suspect_screen(payload.mz, adducts=payload.adducts, ppm=payload.ppm))


@router.get("/spectra", response=responses(list[NpsReferenceOut]), summary="Reference spectra you may see")
@paginate(LimitOffset)
def spectra_list(request, profile_id: int | None = None):
    qs = spectral.reference_spectra(user=request.user)
    return qs.filter(profile_id=profile_id) if profile_id else qs


@router.post("/spectra", response=responses(NpsReferenceOut, 403, 404, 409, status=201), auth=write_auth,
             summary="Contribute a reference EI spectrum (forensic laboratories)")  # fmt: skip
def spectra_contribute(request, payload: NpsReferenceIn):
    profile = SubstanceProfile.objects.filter(pk=payload.profile_id, in_library=True).first()
    if profile is None:
        raise NotFound("There is no such catalogue substance.")
    data = payload.dict(exclude={"profile_id", "text"})
    ref = evidence.reference_contribute(
        actor=request.user, profile=profile, text=payload.text, data=data,
        source_kind=SourceKind.API,
    )  # fmt: skip
    return Status(201, ref)


@router.post("/simulator", response=responses(list[NpsSimulationRowOut], 403), auth=write_auth,
             summary="Generic-control simulator (focal points)")  # fmt: skip
def simulator(request, payload: NpsSimulateIn):
    if payload.jurisdiction:
        rows = simulate.run_country_rule(user=request.user, jurisdiction=payload.jurisdiction)
    elif payload.core:
        positions = {int(k): tuple(v) for k, v in payload.positions.items()}
        simulate.require_simulator(request.user)
        for groups in positions.values():
            simulate.parse_positions("\n".join(f"1: {g}" for g in groups))  # checks the SMARTS
        rows = simulate.run_generic(user=request.user, core=payload.core, positions=positions)
    else:
        simulate.require_simulator(request.user)
        raise ValidationError("Give a core structure or a jurisdiction.")
    return [
        {"source": r.source, "id": r.ref, "name": r.name, "smiles": r.smiles,
         "captured": r.captured, "reason": r.reason}
        for r in rows
    ]  # fmt: skip
