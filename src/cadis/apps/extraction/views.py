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
from cadis.platform.errors import CadisError, Conflict, PermissionDenied
from cadis.platform.i18n import in_its_language, mark_inputs
from cadis.platform.scope import scope_of
from cadis.platform.views import page_of


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
    try:
        run = services.extraction_start(actor=request.user, document=document)
    except PermissionDenied:
        raise  # the error page, not a message on the page the user may not change
    except CadisError as exc:
        messages.error(request, error_message(exc))
        return redirect("extraction:review", pk=pk)
    if run.job_id:
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
    try:
        _accept_as_posted(request, fact)
    except services.ConfirmationNeeded:
        return redirect("extraction:fact_confirm", pk=fact.pk)
    except Conflict as exc:
        messages.warning(request, _("Not recorded: %(reason)s") % {"reason": _duplicate_text(exc)})
    except CadisError as exc:
        messages.error(request, error_message(exc))
        return redirect("extraction:fact_edit", pk=fact.pk)
    else:
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
        try:
            _accept_as_posted(request, fact)
        except services.ConfirmationNeeded:
            problem = _("Tick every check you have verified in the text, or edit the fact.")
        except Conflict as exc:
            problem = _("Not recorded: %(reason)s") % {"reason": _duplicate_text(exc)}
        except CadisError as exc:
            problem = error_message(exc)
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
    try:
        services.fact_reject(actor=request.user, fact=fact)
    except CadisError as exc:
        messages.error(request, error_message(exc))
    else:
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
        try:
            services.fact_accept(
                actor=request.user,
                fact=fact,
                values=form.values(),
                override_duplicate=form.cleaned_data["override_duplicate"],
                confirmed=set(request.POST.getlist("confirm")),
            )
        except services.ConfirmationNeeded:
            # Every check the edited record fails, ticked ones included, so a second submit
            # carries them all.
            to_confirm = checks.to_confirm(fact, form.values(), request.user)
            form.add_error(
                None, _("Confirm each check below once you have verified it in the text.")
            )
        except Conflict as exc:
            form.add_error(None, _duplicate_text(exc))
        except CadisError as exc:
            field = (exc.details or {}).get("field") if isinstance(exc.details, dict) else None
            form.add_error(field if field in form.fields else None, error_message(exc))
        else:
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
