from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from cadis.apps.jobs import selectors, services
from cadis.platform.scope import can_change


@login_required
def job_detail(request, pk: int):
    job = get_object_or_404(selectors.job_list(actor=request.user), pk=pk)
    template = "jobs/_progress.html" if request.htmx else "jobs/detail.html"
    can_cancel = not job.is_finished and can_change(request.user, job, owner=selectors.JOB_OWNER)
    return render(request, template, {"job": job, "can_cancel": can_cancel})


@login_required
@require_POST
def job_cancel(request, pk: int):
    job = get_object_or_404(selectors.job_list(actor=request.user), pk=pk)
    services.job_cancel(actor=request.user, job=job)
    messages.success(request, gettext("The job was cancelled."))
    return redirect("jobs:detail", pk=job.pk)
