"""Exchange API: events and policy recommendations with their implementation tracking."""

from __future__ import annotations

import datetime as dt

from ninja import Router, Schema
from ninja.pagination import paginate

from cadis.apps.accounts.auth import write_auth
from cadis.apps.exchange import selectors, services
from cadis.apps.exchange.choices import ImplementationStatus
from cadis.apps.reference.models import Country
from cadis.platform.api import ID_IN_PATH, LimitOffset, ScopedRecordOut, responses
from cadis.platform.errors import NotFound, ValidationError

router = Router(tags=["exchange"])


class DelegationOut(ScopedRecordOut):
    country: str
    head: str
    size: int
    organisations: str


class SessionOut(Schema):
    day: dt.date
    title_ru: str
    title_en: str
    speakers: str


class EventOut(Schema):
    id: int
    title_ru: str
    title_en: str
    kind: str
    starts_on: dt.date
    ends_on: dt.date
    city: str
    organisers: str
    summary_ru: str
    summary_en: str
    outcomes_ru: str
    outcomes_en: str
    participating_countries: list[str]
    participating_organisations: list[str]
    source_kind: str

    @staticmethod
    def resolve_participating_countries(obj) -> list[str]:
        return [x.code for x in obj.participating_countries.all()]


class EventDetailOut(EventOut):
    delegations: list[DelegationOut]
    sessions: list[SessionOut]

    @staticmethod
    def resolve_delegations(obj) -> list:
        return list(obj.delegations.all())

    @staticmethod
    def resolve_sessions(obj) -> list:
        return list(obj.sessions.all())


@router.get("/events", response=responses(list[EventOut]), summary="Events")
@paginate(LimitOffset)
def event_list(request, kind: str = ""):
    qs = selectors.events_visible(request.user)
    return qs.filter(kind=kind) if kind else qs


@router.get(
    "/events/{event_id}", response=responses(EventDetailOut, 404), summary="One event with delegations and agenda"
)
def event_detail(request, event_id: int = ID_IN_PATH):
    event = selectors.events_visible(request.user).filter(pk=event_id).first()
    if event is None:
        raise NotFound("There is no such event.")
    return event


class CriterionOut(Schema):
    criterion: str
    met: bool
    justification: str


class MilestoneOut(Schema):
    title: str
    due_on: dt.date | None
    done_on: dt.date | None


class RecommendationImplementationOut(ScopedRecordOut):
    country: str
    status: str
    responsible_body: str
    indicator: str
    indicator_value: str
    milestones: list[MilestoneOut]

    @staticmethod
    def resolve_milestones(obj) -> list:
        return list(obj.milestones.all())


class RecommendationOut(Schema):
    id: int
    title_ru: str
    title_en: str
    text_ru: str
    text_en: str
    pillar: str
    status: str
    event: int | None
    target_countries: list[str]
    programmes: list[str]
    indicators: list[str]
    adopted_on: dt.date | None
    criteria: list[CriterionOut]

    @staticmethod
    def resolve_event(obj) -> int | None:
        return obj.event_id

    @staticmethod
    def resolve_target_countries(obj) -> list[str]:
        return [x.code for x in obj.target_countries.all()]

    @staticmethod
    def resolve_programmes(obj) -> list[str]:
        return [p.code for p in obj.programmes.all()]

    @staticmethod
    def resolve_criteria(obj) -> list:
        return list(obj.criteria.all())


class RecommendationDetailOut(RecommendationOut):
    implementations: list[RecommendationImplementationOut]

    @staticmethod
    def resolve_implementations(obj, context) -> list:
        user = context["request"].user
        return list(selectors.implementations_visible(user).filter(recommendation=obj))


@router.get("/recommendations", response=responses(list[RecommendationOut]), summary="Policy recommendations")
@paginate(LimitOffset)
def recommendation_list(request, status: str = "", pillar: str = "", country: str = ""):
    qs = selectors.recommendations_visible(request.user).prefetch_related("criteria", "programmes")
    if status:
        qs = qs.filter(status=status)
    if pillar:
        qs = qs.filter(pillar=pillar)
    if country:
        qs = qs.filter(target_countries__code=country)
    return qs


def _recommendation(request, recommendation_id: int):
    rec = selectors.recommendations_visible(request.user).filter(pk=recommendation_id).first()
    if rec is None:
        raise NotFound("There is no such recommendation.")
    return rec


@router.get(
    "/recommendations/{recommendation_id}",
    response=responses(RecommendationDetailOut, 404),
    summary="One recommendation with its checklist and implementation",
)
def recommendation_detail(request, recommendation_id: int = ID_IN_PATH):
    return _recommendation(request, recommendation_id)


class ImplementationIn(Schema):
    status: ImplementationStatus
    responsible_body: str = ""
    indicator: str = ""
    indicator_value: str = ""
    notes: str = ""
    milestone: str = ""
    milestone_due: dt.date | None = None


@router.put(
    "/recommendations/{recommendation_id}/implementations/{country}",
    response=responses(RecommendationImplementationOut, 403, 404, 409),
    auth=write_auth,
    summary="Report a country's implementation status",
)
def implementation_put(
    request, country: str, payload: ImplementationIn, recommendation_id: int = ID_IN_PATH
):
    rec = _recommendation(request, recommendation_id)
    target = Country.objects.filter(code=country.upper()).first()
    if target is None:
        raise ValidationError("Unknown country.", details={"field": "country"})
    return services.implementation_update(
        actor=request.user,
        recommendation=rec,
        country=target,
        status=payload.status,
        responsible_body=payload.responsible_body,
        indicator=payload.indicator,
        indicator_value=payload.indicator_value,
        notes=payload.notes,
        milestone=(payload.milestone, payload.milestone_due) if payload.milestone else None,
        source_kind="api",
    )
