from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from cadis.apps.jobs import selectors


@login_required
def job_detail(request, pk: int):
    job = get_object_or_404(selectors.job_list(actor=request.user), pk=pk)
    template = "jobs/_progress.html" if request.htmx else "jobs/detail.html"
    return render(request, template, {"job": job})
