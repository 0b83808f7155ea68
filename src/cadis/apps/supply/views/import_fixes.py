"""From a rejected file to a good one: the questions a dry run asks (map a value once, for the
organisation), the preview of what will be written, and the file with an errors column."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cadis.apps.reference.import_mappings import (
    DECIMAL,
    mapping_delete,
    mapping_save,
    visible_mappings,
)
from cadis.apps.reference.import_pages import mapping_questions
from cadis.apps.reference.models import Country
from cadis.apps.supply import imports
from cadis.apps.supply.importing.commit import KIND
from cadis.apps.supply.importing.headers import ALIASES, REQUIRED, header_label
from cadis.apps.supply.importing.loading import build_vocabulary
from cadis.apps.supply.models import ImportBatch
from cadis.engines.tables import TemplateColumn, template_xlsx
from cadis.platform.exports import XLSX_CONTENT_TYPE, content_disposition, csv_response
from cadis.platform.imports.issues import Issue
from cadis.platform.imports.report import annotated_table
from cadis.platform.views import page_of, shown_as_message

MAPPABLE = {"agency", "form", "concealment", "transport", "substance"}
QUESTION_CODES = {
    "unknown_agency",
    "unknown_form",
    "unknown_concealment",
    "unknown_transport",
    "substance_unresolved",
    "ambiguous_value",
    "ambiguous_number",
}


def questions(batch: ImportBatch) -> list[dict]:
    """One question per distinct (column, value) that a mapping answers, with its choices."""
    vocab = None

    def labels_of(field: str) -> list[str] | None:
        nonlocal vocab
        if field not in MAPPABLE:
            return None
        vocab = vocab or build_vocabulary()
        return [e.label for e in vocab.matcher(field).entries]

    return mapping_questions(
        (Issue.from_dict(data) for data in batch.report.get("issues", [])),
        QUESTION_CODES,
        lambda problem: str(dict(problem.params).get("field", "")),
        labels_of,
    )


@login_required
@require_POST
def import_map(request, pk: int):
    """Save the organisation's answer to one question, then check the file again."""
    batch = imports.batch_for(request.user, pk)
    vocabulary = request.POST.get("vocabulary", "")
    source, choice = request.POST.get("source", ""), request.POST.get("choice", "")
    with shown_as_message(request) as outcome:
        if vocabulary == DECIMAL:
            target, label = choice, choice
        elif vocabulary in MAPPABLE:
            target = (
                build_vocabulary(country_id=batch.country_id)
                .matcher(vocabulary)
                .value_for_label(choice)
            )
            label = choice
        else:
            target, label = None, ""
        if target is None:
            messages.error(request, _("Choose one of the offered values."))
            return redirect("supply:import_detail", pk=pk)
        mapping_save(
            actor=request.user,
            organisation=batch.organisation,
            kind=KIND,
            vocabulary=vocabulary,
            source=source,
            target=target,
            target_label=label,
        )
        if batch.status in (ImportBatch.Status.REJECTED, ImportBatch.Status.CHECKED):
            imports.import_check(actor=request.user, batch=batch)
    if not outcome.ok:
        return redirect("supply:import_detail", pk=pk)
    messages.success(
        request,
        _(
            "Saved for your organisation: “%(source)s” is read as “%(target)s” in this and the next files."
        )
        % {"source": request.POST.get("value") or source, "target": label},
    )
    return redirect("supply:import_detail", pk=pk)


@login_required
def import_errors_file(request, pk: int):
    """The uploaded file with an errors column, to correct and upload again."""
    batch = imports.batch_for(request.user, pk)
    with batch.file.open("rb") as handle:
        data = handle.read()
    issues = [Issue.from_dict(d) for d in batch.report.get("issues", [])]
    columns, rows = annotated_table(data, batch.file_name, issues)
    stem = batch.file_name.rsplit(".", 1)[0] or "import"
    return csv_response(f"{stem}-errors", columns, rows)


@login_required
def import_template(request):
    """The seizure import template (XLSX) in Russian (``?lang=ru``, default) or English."""
    lang = "en" if request.GET.get("lang") == "en" else "ru"
    with translation.override(lang):
        vocab = build_vocabulary()
        lists = {
            name: sorted(
                {
                    e.label if lang == "ru" else e.names[2 if len(e.names) > 2 else 0]
                    for e in vocab.matcher(name).entries
                }
            )
            for name in ("agency", "form", "concealment", "transport")
        }
        lists["country"] = sorted(
            Country.objects.filter(is_central_asia=True).values_list("code", flat=True)
        )
        columns = [
            TemplateColumn(
                header_label(name, lang),
                _TEMPLATE_HELP.get(name, ""),
                name in REQUIRED,
                lists.get(name, ()),
            )
            for name in ALIASES
        ]
        data = template_xlsx(
            columns,
            title=_("Seizures"),
            help_title=_("Help"),
            notes=[
                _("One row per seizure. Required columns are marked with *."),
                _(
                    "Dates: DD.MM.YYYY, YYYY-MM-DD, MM.YYYY or YYYY. Quantities: 1 300,5 or 1300.5 with the unit."
                ),
                _(
                    "Lists offer the reference values; everyday words (МВД, автомобиль, в багаже) are understood too."
                ),
            ],
        )
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(f"seizures-template-{lang}.xlsx")
    return response


_TEMPLATE_HELP = {
    "date": gettext_lazy("Date of the seizure."),
    "country": gettext_lazy("Country code (default: your organisation's country)."),
    "agency": gettext_lazy("The agency that seized."),
    "substance": gettext_lazy("The substance as written (heroin, гашиш, ...)."),
    "quantity": gettext_lazy("The quantity, with or without its unit."),
    "unit": gettext_lazy("Unit (кг, г, таблетки, ...) when not in the quantity."),
}


@login_required
def import_mappings(request):
    """The organisation's remembered mappings; a wrong one is deleted (audited) and asked again."""
    if request.method == "POST":
        with shown_as_message(request) as outcome:
            mapping_delete(actor=request.user, pk=int(request.POST.get("pk", "0") or 0))
        if outcome.ok:
            messages.success(request, _("Mapping deleted; the value will be asked again."))
        return redirect("supply:import_mappings")
    mappings = visible_mappings(request.user).order_by(
        "organisation__name_en", "kind", "vocabulary", "source"
    )
    return render(request, "supply/import_mappings.html", {"page": page_of(request, mappings, 100)})
