"""The treatment import pages (TDI episodes, harms) on the platform's one import flow: the dry
run shows what will be written next to the file's values (rows with issues first), asks each
unknown or ambiguous value and ambiguous number once (the answer is saved for the organisation,
audited, and applied to this and the next files), offers the file with an errors column, and
takes the corrected file again. The file is never stored (TDI files hold identifiers): the
answers are sent with the file again."""

from __future__ import annotations

import base64
from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadis.apps.reference.import_mappings import DECIMAL, mapping_save, mappings_for
from cadis.apps.treatment import harms_import, importing
from cadis.engines.tables import TemplateColumn, iter_csv, template_xlsx
from cadis.platform.errors import CadisError
from cadis.platform.exports import XLSX_CONTENT_TYPE, content_disposition
from cadis.platform.imports.matcher import Matcher
from cadis.platform.imports.pipeline import ImportReport, ImportSpec
from cadis.platform.imports.report import annotated_table

QUESTION_CODES = {"unknown_value", "ambiguous_value", "ambiguous_number"}
ERRORS_FILE_LIMIT = 2 * 1024 * 1024  # larger files: the list of problems only
KINDS = {
    importing.KIND: (importing.SPEC, importing.lookups_for),
    harms_import.KIND: (harms_import.SPEC, harms_import.lookups_for),
}


def questions(report: ImportReport, lookups: dict[str, Matcher]) -> list[dict]:
    """One question per distinct (column, value) that a mapping answers, with its choices:
    the ranked suggestions first, then every other entry."""
    seen: dict[tuple[str, str], dict] = {}
    for problem in report.issues:
        column = problem.column or ""
        if problem.code not in QUESTION_CODES:
            continue
        if problem.code == "ambiguous_number":
            question_key = (DECIMAL, column)
            choices = [
                ("thousands", _("the dot separates thousands (1.300 = 1300)")),
                ("decimal", _("the dot is the decimal mark (1.300 = 1.3)")),
            ]
        elif column in lookups:
            question_key = (column, problem.value)
            rest = sorted({e.label for e in lookups[column].entries} - set(problem.suggestions))
            choices = [(label, label) for label in (*problem.suggestions, *rest)]
        else:
            continue
        entry = seen.setdefault(
            question_key,
            {
                "vocabulary": question_key[0],
                "source": question_key[1],
                "value": problem.value,
                "column": column,
                "reason": problem.reason,
                "choices": choices,
                "rows": [],
            },
        )
        entry["rows"].append(problem.row)
    for number, entry in enumerate(seen.values()):
        entry["number"] = number
    return list(seen.values())


def save_answers(request, organisation, kind: str) -> int:
    """Save the answers sent with the file (``q-N-vocabulary``, ``q-N-source``, ``q-N-choice``)."""
    _spec, lookups_for = KINDS[kind]
    lookups = lookups_for()
    saved = 0
    for name in request.POST:
        if not (name.startswith("q-") and name.endswith("-choice")):
            continue
        prefix = name[: -len("choice")]
        vocabulary = request.POST.get(prefix + "vocabulary", "")
        source, choice = request.POST.get(prefix + "source", ""), request.POST.get(name, "")
        if not choice:
            continue
        if vocabulary == DECIMAL:
            target, label = choice, choice
        elif vocabulary in lookups:
            target, label = lookups[vocabulary].value_for_label(choice), choice
        else:
            continue
        if target is None:
            continue
        mapping_save(
            actor=request.user,
            organisation=organisation,
            kind=kind,
            vocabulary=vocabulary,
            source=source,
            target=target,
            target_label=label,
        )
        saved += 1
    return saved


def errors_file(data: bytes, file_name: str, report: ImportReport) -> str:
    """A data: address of the file with an errors column (kept in the page, never stored)."""
    if len(data) <= ERRORS_FILE_LIMIT:
        columns, rows = annotated_table(data, file_name, report.issues)
    else:
        columns = [_("row"), _("column"), _("errors")]
        rows = iter([[i.row, i.column, i.reason] for i in report.issues])
    text = "".join(iter_csv(columns, rows, bom=True))
    return "data:text/csv;charset=utf-8;base64," + base64.b64encode(text.encode()).decode()


def preview_rows(report: ImportReport, spec: ImportSpec) -> tuple[list[str], list[dict]]:
    """The preview as table rows: (written, what will be written) per column that has values."""
    used = [
        name
        for name in spec.names
        if any(name in p["written"] or name in p["parsed"] for p in report.preview)
    ]
    rows = [
        {
            "row": p["row"],
            "issues": p["issues"],
            "cells": [(p["written"].get(name, ""), p["parsed"].get(name, "")) for name in used],
        }
        for p in report.preview
    ]
    return used, rows


def run_page(request, *, organisation, kind: str, form, run: Callable[..., ImportReport]) -> dict:
    """Answers saved, the file checked (and written unless a dry run): the page's context."""
    spec, lookups_for = KINDS[kind]
    context: dict = {"report": None}
    if request.method != "POST" or not form.is_valid():
        return context
    upload = form.cleaned_data["file"]
    data = upload.read()
    try:
        if save_answers(request, organisation, kind):
            messages.success(request, _("Your answers are saved for your organisation."))
        report = run(
            actor=request.user,
            organisation=organisation,
            data=data,
            file_name=upload.name,
            dry_run=form.cleaned_data["dry_run"],
            confidentiality=form.cleaned_data["confidentiality"],
        )
    except CadisError as exc:
        form.add_error("file", exc.message)
        return context
    columns, rows = preview_rows(report, spec)
    context.update(
        report=report,
        questions=questions(report, lookups_for(mappings_for(organisation, kind))),
        preview_columns=columns,
        preview=rows,
        errors_file=None if report.ok else errors_file(data, upload.name, report),
        errors_file_name=f"{upload.name.rsplit('.', 1)[0] or 'import'}-errors.csv",
    )
    return context


_HELP = {
    "national_id": gettext_lazy("Personal identifier (PIN); or the name and date of birth."),
    "start_date": gettext_lazy("Date treatment started: DD.MM.YYYY or YYYY-MM-DD."),
    "primary_drug": gettext_lazy("TDI code or the drug as written (героин, анаша, соль, ...)."),
    "secondary_drugs": gettext_lazy("Up to three, separated by ';' (alcohol allowed)."),
    "indicator": gettext_lazy("drd, drid_hiv, drid_hcv, drid_hbv (смерти, ВИЧ, ВГС, ВГВ)."),
    "substance": gettext_lazy("TDI code or the drug as written; empty for all substances."),
    "cases": gettext_lazy("Deaths (DRD) or people testing positive (DRID)."),
    "tested": gettext_lazy("People tested (DRID only)."),
}


def template_response(request, kind: str) -> HttpResponse:
    """The XLSX template of an import kind in Russian (``?lang=ru``, default) or English: the
    columns (required ones marked), a help sheet and drop-down lists of the vocabularies."""
    spec, lookups_for = KINDS[kind]
    lang = "en" if request.GET.get("lang") == "en" else "ru"
    with translation.override(lang):
        lookups = lookups_for()
        columns = []
        for column in spec.columns:
            cyrillic = [a for a in column.aliases if not a.isascii()]
            header = cyrillic[0].capitalize() if lang == "ru" and cyrillic else column.name
            matcher = lookups.get(column.name)
            drug = column.name in ("primary_drug", "substance")  # names: code, ru, en
            index = (1 if drug else 2) if lang == "ru" else (2 if drug else 1)
            choices = sorted({e.names[index] for e in matcher.entries}) if matcher else ()
            columns.append(
                TemplateColumn(header, str(_HELP.get(column.name, "")), column.required, choices)
            )
        title = _("Treatment episodes") if kind == importing.KIND else _("Harms figures")
        data = template_xlsx(
            columns,
            title=title,
            help_title=_("Help"),
            notes=[
                _("One row per record. Required columns are marked with *."),
                _("Dates: DD.MM.YYYY or YYYY-MM-DD. Numbers: 1 300 or 1300."),
                _(
                    "Lists offer the reference values; everyday words (героин, анаша, муж, ж, в/в, стационар) are understood too."
                ),
            ],
        )
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(f"{kind}-template-{lang}.xlsx")
    return response
