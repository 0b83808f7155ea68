"""Early-warning API: substance profiles (public), detections (scoped), issued alerts, classification."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from cadis.apps.accounts.auth import write_auth
from cadis.apps.ews import selectors, services
from cadis.apps.ews.api import evidence as api_evidence
from cadis.apps.ews.chem_messages import error_message, warning_message
from cadis.apps.ews.choices import AlertStatus, Method, QuantityUnit, SampleType
from cadis.apps.ews.library import classifier
from cadis.apps.ews.models import SubstanceProfile
from cadis.apps.reference.models import Subdivision
from cadis.platform.api import (
    ID_IN_PATH,
    Count,
    GeoOut,
    Id,
    LimitOffset,
    ScopedRecordOut,
    quantity,
    responses,
)
from cadis.platform.errors import NotFound, PermissionDenied, ValidationError
from cadis.platform.records import Confidentiality, SourceKind
from cadis.platform.scope import national_organisation

# A detection's quantity fits its DecimalField(max_digits=14, decimal_places=4).
DetectionQuantity = quantity(decimal_places=4)

router = Router(tags=["ews"])
MAX_BATCH = 1000


class NpsProfileOut(Schema):
    id: int
    name_en: str
    name_ru: str
    synonyms: list[str]
    smiles: str
    inchikey: str
    formula: str
    category: str
    international: str
    national: list[str]
    in_library: bool

    @staticmethod
    def resolve_synonyms(obj) -> list[str]:
        return obj.synonym_list

    @staticmethod
    def resolve_national(obj) -> list[str]:
        return obj.national_codes


class NpsDetectionOut(ScopedRecordOut):
    id: int
    country: str
    organisation: str
    laboratory: str
    detected_on: dt.date
    subdivision: str | None
    place: str
    sample_type: str
    methods: list[str]
    reported_name: str
    profile_id: int | None
    inchikey: str
    category: str
    classification: dict
    quantity: Decimal | None
    quantity_unit: str
    purity: float | None
    seizure_ref: int | None
    intoxications: int
    deaths: int
    confidentiality: str
    synthetic: bool
    geo: GeoOut | None

    @staticmethod
    def resolve_subdivision(obj) -> str | None:
        return obj.subdivision.code if obj.subdivision_id else None

    @staticmethod
    def resolve_geo(obj) -> dict | None:
        return GeoOut.of(obj)


class NpsDetectionIn(Schema):
    detected_on: dt.date
    sample_type: SampleType
    methods: list[Method] = Field(default_factory=list)
    laboratory: str = ""
    subdivision: str | None = Field(None, description="ISO 3166-2 code")
    place: str = ""
    reported_name: str = ""
    structure: str = Field("", description="SMILES, InChI or MOL block (or a library name)")
    quantity: DetectionQuantity | None = None
    quantity_unit: QuantityUnit | None = None
    purity: float | None = Field(None, ge=0, le=100)
    seizure_ref: Id | None = None
    intoxications: Count = 0
    deaths: Count = 0
    notes: str = ""
    confidentiality: Confidentiality = Confidentiality.RESTRICTED


class NpsDetectionCreated(Schema):
    detection: NpsDetectionOut
    alert_id: int | None


class NpsAlertOut(Schema):
    id: int
    uid: str
    status: str
    title: str
    title_en: str = Field(
        "", description="The English title of a draft the system wrote ('' once edited)"
    )
    texts_en: dict[str, str] = Field(
        {}, description="English versions of the texts the system drafted, by field"
    )
    profile_id: int | None
    category: str
    rule_kind: str
    countries: list[str]
    risk_type: str
    risk_origin: str
    event_date: dt.date | None
    event_place: str
    exposure: str
    analytical_data: str
    toxicological_data: str
    identification_methods: str
    health_risks: str
    social_risks: str
    measures: str
    other_information: str
    issued_at: dt.datetime | None
    withdrawn_at: dt.datetime | None
    dismissed_at: dt.datetime | None
    dismissal_reason: str
    evidence: dict

    @staticmethod
    def resolve_uid(obj) -> str:
        return str(obj.uid)


class NpsClassifyIn(Schema):
    inputs: list[str] = Field(
        ..., min_length=1, max_length=MAX_BATCH, description="SMILES, InChI, MOL blocks or names"
    )


@router.get("/profiles", response=responses(list[NpsProfileOut]), summary="List substance profiles")
@paginate(LimitOffset)
def profile_list(request, q: str | None = None, category: str | None = None):
    return selectors.profile_list(search=q, category=category)


@router.get("/profiles/{profile_id}", response=responses(NpsProfileOut, 404), summary="One substance profile")
def profile_detail(request, profile_id: int = ID_IN_PATH):
    return get_object_or_404(SubstanceProfile, pk=profile_id)


@router.get("/detections", response=responses(list[NpsDetectionOut]), summary="List detections you may see")
@paginate(LimitOffset)
def detection_list(request, country: str | None = None, category: str | None = None):
    return selectors.detection_list(user=request.user, country=country, category=category)


@router.get("/detections/{detection_id}", response=responses(NpsDetectionOut, 404), summary="One detection")
def detection_detail(request, detection_id: int = ID_IN_PATH):
    detection = selectors.detection_get(user=request.user, pk=detection_id)
    if detection is None:
        raise NotFound("There is no such detection, or you may not see it.")
    return detection


@router.post(
    "/detections",
    response=responses(NpsDetectionCreated, 403, 409, status=201),
    auth=write_auth,
    summary="Report a detection (identified on submit)",
)
def detection_create(request, payload: NpsDetectionIn):
    user = request.user
    organisation = national_organisation(user)
    if organisation is None:
        raise PermissionDenied("Your account has no country organisation to report for.")
    data = payload.dict()
    data["structure_input"] = data.pop("structure")
    data["quantity_unit"] = data.get("quantity_unit") or ""
    data["methods"] = [str(m) for m in data["methods"]]
    code = data.pop("subdivision")
    data["subdivision"] = None
    if code:
        data["subdivision"] = Subdivision.objects.filter(
            code=code, country=organisation.country
        ).first()
        if data["subdivision"] is None:
            raise ValidationError(
                f"There is no subdivision {code} in your country.", details={"field": "subdivision"}
            )
    detection, alert = services.detection_create(
        actor=user,
        country=organisation.country,
        organisation=organisation,
        data=data,
        source_kind=SourceKind.API,
    )
    return Status(201, {"detection": detection, "alert_id": alert.pk if alert else None})


@router.get("/alerts", response=responses(list[NpsAlertOut]), summary="List issued alerts you may see")
@paginate(LimitOffset)
def alert_list(request):
    return selectors.alert_list(user=request.user, status=AlertStatus.ISSUED)


@router.get("/alerts/{alert_id}", response=responses(NpsAlertOut, 404), summary="One issued alert")
def alert_detail(request, alert_id: int = ID_IN_PATH):
    alert = (
        selectors.alert_list(user=request.user)
        .exclude(status=AlertStatus.DRAFT)
        .filter(pk=alert_id)
        .first()
    )
    if alert is None:
        raise NotFound("There is no such alert, or you may not see it.")
    return alert


@router.post("/classify", response=responses(list[dict], 403, 409), summary="Classify structures (no data is stored)")
def classify(request, payload: NpsClassifyIn):
    engine = classifier()
    out = []
    for text in payload.inputs:
        result = engine.classify(text)
        data = result.to_json()
        if result.error is not None:
            data["message"] = error_message(result.error.code, result.error.detail)
        else:
            data["warnings"] = [
                {**w, "message": warning_message(w["code"], w.get("detail", ""))}
                for w in data["warnings"]
            ]
        out.append(data)
    return out


# Analytical evidence, the spectral library and the simulator.
router.add_router("", api_evidence.router)
