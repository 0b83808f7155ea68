"""Landing page and screening pages (thin: selectors read, services write)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cadis.apps.precursors import exports, selectors
from cadis.apps.precursors.forms import ScreeningUploadForm
from cadis.apps.precursors.highlight import highlight
from cadis.apps.precursors.models import IncidentKind
from cadis.apps.precursors.screening import screening_start
from cadis.platform.scope import scope_of
from cadis.platform.views import page_of, shown_on


def _incident_chart(incidents) -> dict:
    labels = dict(IncidentKind.choices)
    counts = incidents.values("kind").annotate(n=Count("id")).order_by("-n")
    rows = [[str(labels.get(row["kind"], row["kind"])), row["n"]] for row in counts]
    return {
        "id": "incidents-by-kind",
        "spec_id": "incidents-by-kind-spec",
        "title": _("Precursor incidents by kind"),
        "columns": [_("Kind"), _("Incidents")],
        "rows": rows,
        "spec": {
            "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "width": "container",
            "data": {"values": [{"kind": k, "n": n} for k, n in rows]},
            "mark": "bar",
            "encoding": {
                "y": {"field": "kind", "type": "nominal", "title": None, "sort": "-x"},
                "x": {
                    "field": "n",
                    "type": "quantitative",
                    "title": _("Incidents"),
                    "axis": {"tickMinStep": 1, "format": "d"},
                },
            },
        },
    }


def home(request):
    user = request.user
    incidents = selectors.incident_list(actor=user)
    context = {
        "incident_count": incidents.count(),
        "chart": _incident_chart(incidents),
        "recent_incidents": incidents[:5],
        "can_write": scope_of(user).can_write,
    }
    if user.is_authenticated:
        jobs = selectors.screening_job_list(actor=user)
        context.update(
            {
                "jobs": jobs[:5],
                "job_count": jobs.count(),
                "flagged_lines": sum(jobs.values_list("flagged", flat=True)),
                "awaiting": selectors.notifications_awaiting(actor=user).count(),
                "overdue": selectors.notifications_overdue(actor=user).count(),
                "notification_count": selectors.notification_list(actor=user).count(),
            }
        )
    return render(request, "precursors/home.html", context)


@login_required
def screening_list(request):
    jobs = page_of(request, selectors.screening_job_list(actor=request.user), 50)
    return render(
        request,
        "precursors/screening_list.html",
        {"page": jobs, "can_write": scope_of(request.user).can_write},
    )


@login_required
def screening_new(request):
    form = ScreeningUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with shown_on(form) as outcome:
            job = screening_start(
                actor=request.user,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                screen_country=form.cleaned_data["screen_country"],
                lists_on=form.cleaned_data["lists_on"],
            )
        if outcome.ok:
            messages.success(request, _("The file is being screened."))
            return redirect("jobs:detail", job.job_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "precursors/screening_new.html", {"form": form}, status=status)


def _filters(request) -> selectors.ResultFilters:
    try:
        min_score = float(request.GET["min_score"]) if request.GET.get("min_score") else None
    except ValueError:
        min_score = None
    return selectors.ResultFilters(
        list=request.GET.get("list", ""),
        substance=request.GET.get("substance", ""),
        min_score=min_score,
        flagged_only=request.GET.get("flagged") == "1",
        query=request.GET.get("q", "").strip(),
    )


@login_required
def screening_results(request, pk: int):
    job = get_object_or_404(selectors.screening_job_list(actor=request.user), pk=pk)
    results = selectors.screening_results(actor=request.user, job=job)
    filters = _filters(request)
    page = page_of(request, selectors.filter_results(results, filters), 100)
    # A declaration line is shown as it was written (the template marks its language).
    rows = [(r, highlight(r.description, r.hits)) for r in page.object_list]
    lists, substances = selectors.result_facets(results)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "precursors/screening_results.html",
        {
            "job": job,
            "page": page,
            "rows": rows,
            "filters": filters,
            "lists": lists,
            "substances": substances,
            "query": query.urlencode(),
            "can_write": scope_of(request.user).can_write,
        },
    )


@login_required
def screening_file(request, pk: int):
    """The uploaded declarations file, to those who may see its screening (confidential)."""
    job = get_object_or_404(selectors.screening_job_list(actor=request.user), pk=pk)
    if not job.file or not job.file.storage.exists(job.file.name):
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.file_name or None)


@login_required
def screening_export(request, pk: int, fmt: str):
    job = get_object_or_404(selectors.screening_job_list(actor=request.user), pk=pk)
    results = selectors.filter_results(
        selectors.screening_results(actor=request.user, job=job), _filters(request)
    )
    stem = f"screening-{job.pk}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            exports.csv_rows(job, results), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
        return response
    if fmt == "xlsx":
        return FileResponse(
            exports.xlsx_file(job, results.iterator(chunk_size=2000)),
            as_attachment=True,
            filename=f"{stem}.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    raise Http404
