"""Precursor API: screening jobs and results, pre-export notifications, incidents."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from cadis.api.auth import write_auth
from cadis.api.pagination import LimitOffset
from cadis.apps.accounts.errors import NotAuthenticated, NotFound
from cadis.apps.precursors import control_lists, selectors
from cadis.apps.precursors.screening import screening_start

router = Router(tags=["precursors"])


class ScreeningJobOut(Schema):
    id: int
    title: str
    status: str
    file_name: str
    screen_country: str
    lists_on: dt.date
    list_version: str
    lines: int
    flagged: int
    hits: int
    warnings: int
    error_code: str
    error: str
    job_id: int | None
    created_at: dt.datetime


class ScreeningResultOut(Schema):
    id: int
    row: int
    line_id: str
    description: str
    hs_code: str
    cas: str
    flagged: bool
    score: float
    hits: list[dict]
    warnings: list[dict]


class ControlListVersionOut(Schema):
    on: dt.date
    version: str
    lists: list[dict]


def _user(request):
    if not request.user.is_authenticated:
        raise NotAuthenticated("Sign in or use a token to see screening jobs.")
    return request.user


@router.get(
    "/control-lists/in-force",
    response=ControlListVersionOut,
    summary="Control lists in force on a date",
)
def control_lists_in_force(request, on: dt.date | None = None):
    try:
        built = control_lists.build(on)
    except control_lists.NoControlLists as error:
        raise NotFound(str(error)) from None
    return {
        "on": on or timezone.localdate(),
        "version": built.version,
        "lists": [
            {
                "kind": cl.kind,
                "country": cl.country.code if cl.country_id else None,
                "name": cl.name,
                "version": cl.version,
                "effective_from": cl.effective_from,
                "effective_to": cl.effective_to,
            }
            for cl in built.lists
        ],
    }


@router.get("/screenings", response=list[ScreeningJobOut], summary="List screening jobs")
@paginate(LimitOffset)
def screening_list(request):
    return selectors.screening_job_list(actor=_user(request))


@router.post(
    "/screenings",
    response={201: ScreeningJobOut},
    auth=write_auth,
    summary="Upload and screen a file",
)
def screening_create(
    request,
    file: UploadedFile = File(...),  # noqa: B008 - django-ninja's way to declare a multipart file
    title: str = Form(""),  # noqa: B008
    country: str = Form(""),  # noqa: B008
    lists_on: dt.date | None = Form(None),  # noqa: B008
):
    job = screening_start(
        actor=request.user, upload=file, title=title, screen_country=country, lists_on=lists_on
    )
    return Status(201, job)


@router.get("/screenings/{job_id}", response=ScreeningJobOut, summary="One screening job")
def screening_detail(request, job_id: int):
    return get_object_or_404(selectors.screening_job_list(actor=_user(request)), pk=job_id)


@router.get(
    "/screenings/{job_id}/results",
    response=list[ScreeningResultOut],
    summary="Results of a screening job, flagged lines first",
)
@paginate(LimitOffset)
def screening_result_list(
    request,
    job_id: int,
    list_name: str = "",
    substance: str = "",
    min_score: float | None = None,
    flagged_only: bool = False,
    q: str = "",
):
    user = _user(request)
    job = get_object_or_404(selectors.screening_job_list(actor=user), pk=job_id)
    return selectors.filter_results(
        selectors.screening_results(actor=user, job=job),
        selectors.ResultFilters(
            list=list_name,
            substance=substance,
            min_score=min_score,
            flagged_only=flagged_only,
            query=q,
        ),
    )


from cadis.apps.precursors.api_incidents import router as incidents_router  # noqa: E402
from cadis.apps.precursors.api_notifications import router as notifications_router  # noqa: E402

router.add_router("", notifications_router)
router.add_router("", incidents_router)
