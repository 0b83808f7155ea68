"""The upload pages of the table imports on the platform's one import flow (treatment episodes,
harms figures, price and purity records): the dry run shows what will be written next to the
file's values (rows with issues first), asks each unknown or ambiguous value and ambiguous
number once (the answer is saved for the organisation, audited, and applied to this and the
next files), offers the file with an errors column, and takes the corrected file again. The
file is never stored (a TDI file holds identifiers): the answers are sent with the file again.

A kind's page describes itself with a ``PageKind`` (its specification, vocabularies, template
help); the report is shown by the template ``reference/_import_report.html``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.apps import apps as django_apps
from django.contrib import messages
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadis.apps.reference.import_mappings import (
    DECIMAL,
    decimal_choices,
    mapping_save,
    mappings_for,
)
from cadis.engines.tables import TemplateColumn, iter_csv, template_xlsx
from cadis.platform.errors import PermissionDenied
from cadis.platform.exports import XLSX_CONTENT_TYPE, content_disposition
from cadis.platform.imports.issues import Issue
from cadis.platform.imports.matcher import Matcher
from cadis.platform.imports.pipeline import ImportReport, ImportSpec
from cadis.platform.imports.report import annotated_table
from cadis.platform.records import Confidentiality
from cadis.platform.scope import own_writable_organisation, scope_of
from cadis.platform.views import shown_on

QUESTION_CODES = {"unknown_value", "ambiguous_value", "ambiguous_number"}
ERRORS_FILE_LIMIT = 2 * 1024 * 1024  # larger files: the list of problems only


@dataclass(frozen=True)
class PageKind:
    """What the shared page needs to know of an import kind."""

    kind: str
    spec: ImportSpec
    lookups_for: Callable[..., dict[str, Matcher]]  # (mappings=None) -> column -> matcher
    title: Any  # the template's sheet title (a lazy string)
    help: Mapping[str, Any] = field(default_factory=dict)  # column -> help in the template
    notes: Sequence[Any] = ()  # lines on the template's help sheet
    # Columns whose matcher entries are named (code, Russian, English); the others are
    # choices named (code, English, Russian), as ``cadis.platform.imports.matcher.choice_matcher`` does.
    coded: tuple[str, ...] = ()
    # column -> (language -> the template's drop-down list), when a list is not the matcher's.
    lists: Mapping[str, Callable[[str], Sequence[str]]] = field(default_factory=dict)


class TableImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))
    dry_run = forms.BooleanField(
        label=gettext_lazy("Check only (dry run)"), required=False, initial=True
    )
    confidentiality = forms.ChoiceField(
        label=gettext_lazy("Confidentiality"),
        choices=Confidentiality.choices,
        initial=Confidentiality.CONFIDENTIAL,
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:  # an administrator chooses the owning organisation
            self.fields = {"organisation": owning_organisation_field(organisations), **self.fields}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload


def owning_organisation_field(organisations=None) -> forms.ModelChoiceField:
    """The one field in which an administrator chooses the organisation that will own what an
    import page writes: a national organisation (national records belong to their country's
    organisation, never to the administrator's regional one), required."""
    return forms.ModelChoiceField(
        label=gettext_lazy("Owning organisation"),
        queryset=national_organisations() if organisations is None else organisations,
        help_text=gettext_lazy("The national organisation whose records these become."),
    )


def national_organisations():
    """The organisations that may own national records (those of a country)."""
    # By name: reference sits under accounts and does not import it.
    organisation = django_apps.get_model("accounts", "Organisation")
    return organisation.objects.filter(country__isnull=False).select_related("country")


def may_import(user) -> bool:
    """Whether the user may use a table import page (see ``upload_form``)."""
    return own_writable_organisation(user) is not None or scope_of(user).is_admin


def upload_form(request, *, refusal: str, initial: dict | None = None, form_class=TableImportForm):
    """The upload form and the organisation that will own what is imported: the user's national
    organisation when they may record its data; for an administrator, the national organisation
    chosen in the form (None until one is chosen). Everyone else is refused with ``refusal``."""
    organisation = own_writable_organisation(request.user)
    admin = organisation is None and scope_of(request.user).is_admin
    if organisation is None and not admin:
        raise PermissionDenied(refusal)
    form = form_class(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        organisations=national_organisations() if admin else None,
    )
    if admin and form.is_valid():
        organisation = form.cleaned_data["organisation"]
    return form, organisation


def mapping_questions(
    problems: Iterable[Issue],
    codes: Container[str],
    field_of: Callable[[Issue], str],
    labels_of: Callable[[str], Iterable[str] | None],
) -> list[dict]:
    """One question per distinct (column, value) that a mapping answers, with its choices:
    the ranked suggestions first, then every other entry of the vocabulary (``labels_of`` a
    field; ``None`` for a field no mapping answers). The same for every import kind."""
    seen: dict[tuple[str, str], dict] = {}
    for problem in problems:
        if problem.code not in codes:
            continue
        field = field_of(problem)
        if problem.code == "ambiguous_number":
            question_key = (DECIMAL, field)
            choices = decimal_choices()
        else:
            labels = labels_of(field)
            if labels is None:
                continue
            question_key = (field, problem.value)
            rest = sorted(set(labels) - set(problem.suggestions))
            choices = [(label, label) for label in (*problem.suggestions, *rest)]
        entry = seen.setdefault(
            question_key,
            {
                "vocabulary": question_key[0],
                "source": question_key[1],
                "value": problem.value,
                "column": problem.column or "",
                "reason": problem.reason,
                "choices": choices,
                "rows": [],
            },
        )
        entry["rows"].append(problem.row)
    for number, entry in enumerate(seen.values()):
        entry["number"] = number
    return list(seen.values())


def questions(report: ImportReport, lookups: dict[str, Matcher]) -> list[dict]:
    """The questions of a table import read by column name (its lookups by column)."""
    return mapping_questions(
        report.issues,
        QUESTION_CODES,
        lambda problem: problem.column or "",
        lambda column: [e.label for e in lookups[column].entries] if column in lookups else None,
    )


def save_answers(request, organisation, page: PageKind) -> int:
    """Save the answers sent with the file (``q-N-vocabulary``, ``q-N-source``, ``q-N-choice``)."""
    lookups = page.lookups_for()
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
            kind=page.kind,
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


def run_page(
    request, *, organisation, page: PageKind, form, run: Callable[..., ImportReport]
) -> dict:
    """Answers saved, the file checked (and written unless a dry run): the page's context."""
    context: dict = {"report": None}
    if request.method != "POST" or not form.is_valid():
        return context
    upload = form.cleaned_data["file"]
    data = upload.read()
    # Whatever the import refuses is about the uploaded file: the error goes by it.
    with shown_on(form, field="file") as outcome:
        if save_answers(request, organisation, page):
            messages.success(request, _("Your answers are saved for your organisation."))
        report = run(
            actor=request.user,
            organisation=organisation,
            data=data,
            file_name=upload.name,
            dry_run=form.cleaned_data["dry_run"],
            confidentiality=form.cleaned_data["confidentiality"],
        )
    if not outcome.ok:
        return context
    columns, rows = preview_rows(report, page.spec)
    context.update(
        report=report,
        questions=questions(report, page.lookups_for(mappings_for(organisation, page.kind))),
        preview_columns=columns,
        preview=rows,
        errors_file=None if report.ok else errors_file(data, upload.name, report),
        errors_file_name=f"{upload.name.rsplit('.', 1)[0] or 'import'}-errors.csv",
    )
    return context


def _choices(page: PageKind, name: str, matcher: Matcher | None, lang: str) -> Sequence[str]:
    if name in page.lists:
        return page.lists[name](lang)
    if matcher is None:
        return ()
    coded = name in page.coded  # names: code, ru, en
    index = (1 if coded else 2) if lang == "ru" else (2 if coded else 1)
    return sorted({e.names[index] for e in matcher.entries if len(e.names) > index})


def template_response(request, page: PageKind) -> HttpResponse:
    """The XLSX template of an import kind in Russian (``?lang=ru``, default) or English: the
    columns (required ones marked), a help sheet and drop-down lists of the vocabularies."""
    lang = "en" if request.GET.get("lang") == "en" else "ru"
    with translation.override(lang):
        lookups = page.lookups_for()
        columns = []
        for column in page.spec.columns:
            cyrillic = [a for a in column.aliases if not a.isascii()]
            header = cyrillic[0].capitalize() if lang == "ru" and cyrillic else column.name
            choices = _choices(page, column.name, lookups.get(column.name), lang)
            columns.append(
                TemplateColumn(
                    header, str(page.help.get(column.name, "")), column.required, choices
                )
            )
        data = template_xlsx(
            columns,
            title=str(page.title),
            help_title=_("Help"),
            notes=[str(note) for note in page.notes],
        )
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(f"{page.kind}-template-{lang}.xlsx")
    return response
