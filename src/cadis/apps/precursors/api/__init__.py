"""Precursor API: screening jobs and results here; pre-export notifications and incidents in
``notifications`` and ``incidents``, mounted on this router."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from cadis.apps.accounts.auth import write_auth
from cadis.apps.precursors import control_lists, selectors
from cadis.apps.precursors.api import incidents, notifications
from cadis.apps.precursors.screening import screening_start
from cadis.platform.api import ID_IN_PATH, LimitOffset, responses
from cadis.platform.errors import NotAuthenticated, NotFound

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
    response=responses(ControlListVersionOut, 404),
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


@router.get("/screenings", response=responses(list[ScreeningJobOut]), summary="List screening jobs")
@paginate(LimitOffset)
def screening_list(request):
    return selectors.screening_job_list(actor=_user(request))


@router.post(
    "/screenings",
    response=responses(ScreeningJobOut, 403, 409, status=201),
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


@router.get("/screenings/{job_id}", response=responses(ScreeningJobOut, 404), summary="One screening job")
def screening_detail(request, job_id: int = ID_IN_PATH):
    return get_object_or_404(selectors.screening_job_list(actor=_user(request)), pk=job_id)


@router.get(
    "/screenings/{job_id}/results",
    response=responses(list[ScreeningResultOut], 404),
    summary="Results of a screening job, flagged lines first",
)
@paginate(LimitOffset)
def screening_result_list(
    request,
    job_id: int = ID_IN_PATH,
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


# Notifications and incidents have their own modules; one router serves the module's tag.
router.add_router("", notifications.router)
router.add_router("", incidents.router)
