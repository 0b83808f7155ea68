"""The treatment import pages (TDI episodes, harms) on the shared import page
(``cadis.apps.reference.import_pages``): each kind's specification, vocabularies and template
help."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponse
from django.utils.translation import gettext_lazy

from cadis.apps.reference import import_pages
from cadis.apps.reference.import_pages import PageKind
from cadis.apps.treatment import harms_import, importing
from cadis.platform.imports.pipeline import ImportReport

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
_NOTES = (
    gettext_lazy("One row per record. Required columns are marked with *."),
    gettext_lazy("Dates: DD.MM.YYYY or YYYY-MM-DD. Numbers: 1 300 or 1300."),
    gettext_lazy(
        "Lists offer the reference values; everyday words (героин, анаша, муж, ж, в/в, стационар) are understood too."
    ),
)
KINDS = {
    importing.KIND: PageKind(
        importing.KIND,
        importing.SPEC,
        importing.lookups_for,
        title=gettext_lazy("Treatment episodes"),
        help=_HELP,
        notes=_NOTES,
        coded=("primary_drug",),
    ),
    harms_import.KIND: PageKind(
        harms_import.KIND,
        harms_import.SPEC,
        harms_import.lookups_for,
        title=gettext_lazy("Harms figures"),
        help=_HELP,
        notes=_NOTES,
        coded=("substance",),
    ),
}


def run_page(request, *, organisation, kind: str, form, run: Callable[..., ImportReport]) -> dict:
    """Answers saved, the file checked (and written unless a dry run): the page's context."""
    return import_pages.run_page(
        request, organisation=organisation, page=KINDS[kind], form=form, run=run
    )


def template_response(request, kind: str) -> HttpResponse:
    """The XLSX template of an import kind in Russian (``?lang=ru``, default) or English."""
    return import_pages.template_response(request, KINDS[kind])
