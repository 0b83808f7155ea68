"""Pages of document intelligence: thin, reading through selectors and writing through services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cadis.apps.extraction import checks, highlight, selectors, services, sinks
from cadis.apps.extraction.forms import IngestForm
from cadis.apps.extraction.messages import error_message
from cadis.platform.errors import Conflict, PermissionDenied
from cadis.platform.i18n import in_its_language, mark_inputs
from cadis.platform.scope import scope_of
from cadis.platform.views import caught, page_of, shown_as_message, shown_on


def home(request):
    query = request.GET.get("q", "").strip()
    page = page_of(request, selectors.documents_with_facts(request.user, query=query), 25)
    return render(
        request,
        "extraction/home.html",
        {"page": page, "query": query, "can_upload": scope_of(request.user).can_write},
    )


@login_required
def upload(request):
    if not scope_of(request.user).can_write:
        raise DjangoPermissionDenied
    form = IngestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        # Whatever the service refuses is about the file: the error goes by it.
        with shown_on(form, field="file", message=error_message) as outcome:
            document, run = services.document_ingest(
                actor=request.user,
                file=form.cleaned_data["file"],
                metadata=form.metadata(),
                confidentiality=form.cleaned_data["confidentiality"],
            )
        if outcome.ok:
            if run.job_id:
                messages.info(request, _("The document is long: its facts are being extracted."))
                return redirect("jobs:detail", pk=run.job_id)
            messages.success(
                request, _("%(n)d facts were found; review them below.") % {"n": run.fact_count}
            )
            return redirect("extraction:review", pk=document.pk)
    return render(request, "extraction/upload.html", {"form": form})


def _document(request, pk: int):
    return selectors.document_get(request.user, pk)


def review(request, pk: int):
    document = _document(request, pk)
    run = selectors.latest_run(document)
    facts = selectors.facts_of(run)
    for fact in facts:
        fact.record_link = sinks.record_link(fact)  # (label, url) in the receiving module
    can_review = selectors.can_review(request.user, document)
    mentions = [f for f in facts if f.type in highlight.MENTION_TYPES]
    order = "text" if request.GET.get("order") == "text" else "confidence"
    checks.annotate(facts, request.user)
    reviewed = [f for f in facts if f.type not in highlight.MENTION_TYPES]
    if order == "confidence":
        reviewed = checks.by_confidence(reviewed)
    return render(
        request,
        "extraction/review.html",
        {
            "document": document,
            "run": run,
            "facts": reviewed,
            "order": order,
            "mentions": mentions,
            "segments": highlight.segments(document.text, facts),
            "can_review": can_review,
            "recordable": sinks.recordable_types(),
        },
    )


@require_POST
@login_required
def extract(request, pk: int):
    document = _document(request, pk)
    # PermissionDenied goes on to the error page, not a message on the page the user may not change.
    with shown_as_message(request, message=error_message, propagate=PermissionDenied) as outcome:
        run = services.extraction_start(actor=request.user, document=document)
    if outcome.ok and run.job_id:
        return redirect("jobs:detail", pk=run.job_id)
    return redirect("extraction:review", pk=pk)


def _fact(request, pk: int):
    return selectors.fact_get(request.user, pk)


def _back(fact) -> str:
    return reverse("extraction:review", args=[fact.document_id]) + f"#fact-{fact.pk}"


def _reviewable_fact(request, pk: int):
    fact = _fact(request, pk)
    if not selectors.can_review(request.user, fact.document):
        raise DjangoPermissionDenied
    return fact


def _accept_as_posted(request, fact) -> None:
    """Accept with the duplicate override and the confirmed checks the form sent."""
    services.fact_accept(
        actor=request.user,
        fact=fact,
        override_duplicate=request.POST.get("override") == "1",
        confirmed=set(request.POST.getlist("confirm")),
    )


@require_POST
@login_required
def fact_accept(request, pk: int):
    fact = _reviewable_fact(request, pk)
    # Checks to confirm and a probable duplicate are not failures of the fact: they have their
    # own answers (the confirmation page; a warning back on the review), so they go past the
    # error message that sends the reviewer to edit the fact.
    try:
        with shown_as_message(
            request, message=error_message, propagate=(services.ConfirmationNeeded, Conflict)
        ) as outcome:
            _accept_as_posted(request, fact)
    except services.ConfirmationNeeded:
        return redirect("extraction:fact_confirm", pk=fact.pk)
    except Conflict as exc:
        messages.warning(request, _("Not recorded: %(reason)s") % {"reason": _duplicate_text(exc)})
        return redirect(_back(fact))
    if not outcome.ok:
        return redirect("extraction:fact_edit", pk=fact.pk)
    messages.success(request, _("The fact is accepted."))
    return redirect(_back(fact))


@login_required
def fact_confirm(request, pk: int):
    """The record a fact will create, and the checks it fails, each confirmed by the reviewer."""
    fact = _reviewable_fact(request, pk)
    if fact.is_reviewed:
        return redirect(_back(fact))
    values = sinks.proposal(fact)
    to_confirm = checks.to_confirm(fact, values, request.user)
    problem = ""
    if request.method == "POST":
        with caught() as outcome:
            _accept_as_posted(request, fact)
        if outcome.error is not None:
            problem = _confirm_problem(outcome.error)
        else:
            messages.success(request, _("The fact is accepted."))
            return redirect(_back(fact))
    return render(
        request,
        "extraction/fact_confirm.html",
        {
            "fact": fact,
            "preview": sinks.preview(fact, values),
            "checks": to_confirm,
            "problem": problem,
            "recordable": sinks.recordable_types(),
        },
        status=400 if problem else 200,
    )


def _confirm_problem(exc) -> str:
    """What the confirmation page says when the fact is not accepted."""
    if isinstance(exc, services.ConfirmationNeeded):
        return _("Tick every check you have verified in the text, or edit the fact.")
    if isinstance(exc, Conflict):
        return _("Not recorded: %(reason)s") % {"reason": _duplicate_text(exc)}
    return error_message(exc)


def _edit_problem(exc) -> str:
    """What the edit form says when the edited fact is not accepted (above the form, unless the
    error names one of its fields)."""
    if isinstance(exc, services.ConfirmationNeeded):
        return _("Confirm each check below once you have verified it in the text.")
    if isinstance(exc, Conflict):
        return _duplicate_text(exc)
    return error_message(exc)


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
    fact = _reviewable_fact(request, pk)
    with shown_as_message(request, message=error_message) as outcome:
        services.fact_reject(actor=request.user, fact=fact)
    if outcome.ok:
        messages.success(request, _("The fact is rejected."))
    return redirect(_back(fact))


@login_required
def fact_edit(request, pk: int):
    fact = _reviewable_fact(request, pk)
    sink = sinks.sink_for(fact)
    if sink is None:
        raise Http404  # a fact no module records has nothing to edit
    kind = request.GET.get("kind") or sink.default_kind(fact) or next(iter(sink.kinds))
    form = sink.form_class(request.POST or None, initial=sink.proposal(fact, kind))
    # The texts quoted from the document stay in its language while they are edited.
    mark_inputs(form, ("substance_as_written", "source_text", "summary"), fact.written_in)
    to_confirm: list[checks.Check] = []
    if request.method == "POST" and form.is_valid():
        with shown_on(form, message=_edit_problem) as outcome:
            services.fact_accept(
                actor=request.user,
                fact=fact,
                values=form.values(),
                override_duplicate=form.cleaned_data["override_duplicate"],
                confirmed=set(request.POST.getlist("confirm")),
            )
        if isinstance(outcome.error, services.ConfirmationNeeded):
            # Every check the edited record fails, ticked ones included, so a second submit
            # carries them all.
            to_confirm = checks.to_confirm(fact, form.values(), request.user)
        elif outcome.ok:
            messages.success(request, _("The fact is recorded as you edited it."))
            return redirect(_back(fact))
    shown = sink.form_class.FIELDS.get(form["kind"].value() or kind, ())
    return render(
        request,
        "extraction/fact_edit.html",
        {
            "fact": fact,
            "form": form,
            "shown": ("country", "agency", *shown, "override_duplicate"),
            "checks": to_confirm,
        },
    )


@login_required
def place_review(request):
    """Accepted facts whose place the geocoder was unsure of, for those who may review them."""
    from cadis.apps.reference.geo_review import review_page

    return review_page(
        request,
        records=selectors.accepted_facts(request.user).select_related("geo_place"),
        title=_("Document fact places to review"),
        describe=lambda f: format_html(
            "{} {}: {}",
            date_format(f.document.published_on, "SHORT_DATE_FORMAT")
            if f.document.published_on
            else "",
            f.type_label,
            in_its_language(f.text[:80], f.written_in),
        ),
        detail_url=lambda f: reverse("extraction:review", args=[f.document_id]) + f"#fact-{f.pk}",
        resolve=services.fact_place_resolve,
        place_text=lambda f: (f.payload or {}).get("place") or f.sentence or f.text,
        country_of=lambda f: f.document.country.code if f.document.country_id else None,
        written_in=lambda f: f.written_in,
    )
