"""Pages of document intelligence: thin, reading through selectors and writing through services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cadis.apps.accounts.errors import CadisError, Conflict, NotFound
from cadis.apps.accounts.scope import scope_of
from cadis.apps.documents import highlight, records, selectors, services
from cadis.apps.documents.forms import FactEditForm, IngestForm
from cadis.apps.documents.messages import error_message


def home(request):
    query = request.GET.get("q", "").strip()
    page = Paginator(selectors.documents_with_facts(request.user, query=query), 25).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "documents/home.html",
        {"page": page, "query": query, "can_upload": scope_of(request.user).can_write},
    )


@login_required
def upload(request):
    if not scope_of(request.user).can_write:
        raise DjangoPermissionDenied
    form = IngestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            document, run = services.document_ingest(
                actor=request.user,
                file=form.cleaned_data["file"],
                metadata=form.metadata(),
                confidentiality=form.cleaned_data["confidentiality"],
            )
        except CadisError as exc:
            form.add_error("file", error_message(exc))
        else:
            if run.job_id:
                messages.info(request, _("The document is long: its facts are being extracted."))
                return redirect("jobs:detail", pk=run.job_id)
            messages.success(
                request, _("%(n)d facts were found; review them below.") % {"n": run.fact_count}
            )
            return redirect("documents:review", pk=document.pk)
    return render(request, "documents/upload.html", {"form": form})


def _document(request, pk: int):
    try:
        return selectors.document_get(request.user, pk)
    except NotFound:
        raise Http404 from None


def review(request, pk: int):
    document = _document(request, pk)
    run = selectors.latest_run(document)
    facts = selectors.facts_of(run)
    can_review = selectors.can_review(request.user, document)
    mentions = [f for f in facts if f.type in highlight.MENTION_TYPES]
    return render(
        request,
        "documents/review.html",
        {
            "document": document,
            "run": run,
            "facts": [f for f in facts if f.type not in highlight.MENTION_TYPES],
            "mentions": mentions,
            "segments": highlight.segments(document.text, facts),
            "can_review": can_review,
            "recordable": records.RECORDABLE_TYPES,
        },
    )


@require_POST
@login_required
def extract(request, pk: int):
    document = _document(request, pk)
    try:
        run = services.extraction_start(actor=request.user, document=document)
    except CadisError as exc:
        if exc.status == 403:
            raise DjangoPermissionDenied from None
        messages.error(request, error_message(exc))
        return redirect("documents:review", pk=pk)
    if run.job_id:
        return redirect("jobs:detail", pk=run.job_id)
    return redirect("documents:review", pk=pk)


def _fact(request, pk: int):
    try:
        return selectors.fact_get(request.user, pk)
    except NotFound:
        raise Http404 from None


def _back(fact) -> str:
    return reverse("documents:review", args=[fact.document_id]) + f"#fact-{fact.pk}"


@require_POST
@login_required
def fact_accept(request, pk: int):
    fact = _fact(request, pk)
    if not selectors.can_review(request.user, fact.document):
        raise DjangoPermissionDenied
    try:
        services.fact_accept(
            actor=request.user, fact=fact, override_duplicate=request.POST.get("override") == "1"
        )
    except Conflict as exc:
        messages.warning(request, _("Not recorded: %(reason)s") % {"reason": _duplicate_text(exc)})
    except CadisError as exc:
        messages.error(request, error_message(exc))
        return redirect("documents:fact_edit", pk=fact.pk)
    else:
        messages.success(request, _("The fact is accepted."))
    return redirect(_back(fact))


def _duplicate_text(exc) -> str:
    details = exc.details or {}
    if "reason" in details:
        return _(
            "it looks like a figure already recorded (%(reason)s). Check it, then record it anyway if it is new."
        ) % {"reason": details["reason"]}
    return exc.message


@require_POST
@login_required
def fact_reject(request, pk: int):
    fact = _fact(request, pk)
    if not selectors.can_review(request.user, fact.document):
        raise DjangoPermissionDenied
    try:
        services.fact_reject(actor=request.user, fact=fact)
    except CadisError as exc:
        messages.error(request, error_message(exc))
    else:
        messages.success(request, _("The fact is rejected."))
    return redirect(_back(fact))


@login_required
def fact_edit(request, pk: int):
    fact = _fact(request, pk)
    if not selectors.can_review(request.user, fact.document):
        raise DjangoPermissionDenied
    kind = request.GET.get("kind") or records.default_kind(fact) or records.SEIZURE
    form = FactEditForm(request.POST or None, initial=records.proposal(fact, kind))
    if request.method == "POST" and form.is_valid():
        try:
            services.fact_accept(
                actor=request.user,
                fact=fact,
                values=form.values(),
                override_duplicate=form.cleaned_data["override_duplicate"],
            )
        except Conflict as exc:
            form.add_error(None, _duplicate_text(exc))
        except CadisError as exc:
            field = (exc.details or {}).get("field") if isinstance(exc.details, dict) else None
            form.add_error(field if field in form.fields else None, error_message(exc))
        else:
            messages.success(request, _("The fact is recorded as you edited it."))
            return redirect(_back(fact))
    shown = FactEditForm.FIELDS.get(form["kind"].value() or kind, ())
    return render(
        request,
        "documents/fact_edit.html",
        {
            "fact": fact,
            "form": form,
            "shown": ("country", "agency", *shown, "override_duplicate"),
        },
    )
