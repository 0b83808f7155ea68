"""Import pages: upload, the dry-run report listing every row's issues, and the commit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cadis.apps.supply import imports
from cadis.apps.supply.forms import ImportForm
from cadis.apps.supply.importing.headers import ALIASES, header_label
from cadis.apps.supply.models import ImportBatch
from cadis.apps.supply.views.import_fixes import questions
from cadis.platform.errors import PermissionDenied, ValidationError
from cadis.platform.imports.issues import Issue
from cadis.platform.scope import scope_of
from cadis.platform.views import page_of, shown_as_message, shown_on


@login_required
def import_upload(request):
    scope = scope_of(request.user)
    if not scope.can_write:
        raise PermissionDenied("You may not import records.")
    form = ImportForm(request.POST or None, request.FILES or None, admin=scope.is_admin)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with shown_on(form) as outcome:
            batch = imports.import_upload(
                actor=request.user,
                data=upload.read(),
                file_name=upload.name,
                organisation=form.cleaned_data.get("organisation"),
                confidentiality=form.cleaned_data["confidentiality"],
            )
        if outcome.ok:
            if batch.file.size > imports.BACKGROUND_BYTES:
                job = imports.import_start(actor=request.user, batch=batch, action="check")
                return redirect("jobs:detail", pk=job.pk)
            imports.import_check(actor=request.user, batch=batch)
            return redirect("supply:import_detail", pk=batch.pk)
    batches = imports.visible_batches(request.user)[:20]
    language = (get_language() or "ru")[:2]
    # Each field by its name in the reader's language, then the headers a file may use for it.
    aliases = [(header_label(field, language), names) for field, names in ALIASES.items()]
    return render(
        request, "supply/import_upload.html", {"form": form, "batches": batches, "aliases": aliases}
    )


PREVIEW_FIELDS = {
    "date": gettext_lazy("Date"),
    "country": gettext_lazy("Country"),
    "substance": gettext_lazy("Substance"),
    "quantity": gettext_lazy("Quantity"),
    "agency": gettext_lazy("Agency"),
    "transport": gettext_lazy("Transport mode"),
    "concealment": gettext_lazy("Concealment"),
}


def _preview(batch: ImportBatch) -> list[dict]:
    """Rows (with issues first) as written and as they will be written, field by field."""
    out = []
    for item in batch.report.get("preview", [])[:50]:
        cells = [
            (item["written"].get(name, ""), item["parsed"].get(name, "")) for name in PREVIEW_FIELDS
        ]
        out.append({"row": item["row"], "issues": item["issues"], "cells": cells})
    return out


@login_required
def import_detail(request, pk: int):
    batch = imports.batch_for(request.user, pk)
    issues = [Issue.from_dict(d) for d in batch.report.get("issues", [])]
    page = page_of(request, issues, 500)
    return render(
        request,
        "supply/import_detail.html",
        {
            "batch": batch,
            "page": page,
            "can_commit": batch.status == ImportBatch.Status.CHECKED,
            "shown_all": batch.error_count + batch.warning_count <= len(issues),
            "questions": questions(batch) if batch.status != ImportBatch.Status.COMMITTED else [],
            "preview": _preview(batch),
            "preview_fields": PREVIEW_FIELDS.values(),
        },
    )


@login_required
@require_POST
def import_commit(request, pk: int):
    batch = imports.batch_for(request.user, pk)
    if batch.status != ImportBatch.Status.CHECKED:
        messages.error(request, _("Only a checked file without errors can be imported."))
        return redirect("supply:import_detail", pk=pk)
    if batch.file.size > imports.BACKGROUND_BYTES:
        job = imports.import_start(actor=request.user, batch=batch, action="commit")
        return redirect("jobs:detail", pk=job.pk)
    # A file that no longer passes the checks is told on the page; any other refusal (already
    # imported, not allowed) is the error page.
    with shown_as_message(request, catch=ValidationError) as outcome:
        batch = imports.import_commit(actor=request.user, batch=batch)
    if outcome.ok:
        messages.success(
            request,
            _("%(created)d seizures imported; %(unchanged)d were already there.")
            % {"created": batch.created_count, "unchanged": batch.unchanged_count},
        )
    return redirect("supply:import_detail", pk=pk)
